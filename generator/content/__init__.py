"""content/: the archive's source of truth (see CONTENT-FORMAT in the README).

`frontmatter` parses and writes article files, `schema` declares and checks
their fields, `load` walks the tree into the model.
"""
