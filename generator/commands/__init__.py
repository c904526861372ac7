"""One module per `gazette` sub-command: HELP, add_arguments(parser), run(args)."""
