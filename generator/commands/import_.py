"""Import a raw issue (text extracted from PDF/OCR) into content/ as Markdown articles."""
HELP = "import a raw issue text file into content/"


def add_arguments(parser) -> None:
    parser.add_argument("raw", metavar="RAW.txt", help="the raw issue text")


def run(args) -> int:
    raise NotImplementedError("import is being written (issue 3)")
