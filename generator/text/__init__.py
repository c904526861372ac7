"""How gazette reads Chinese text: one owner for each question every part must answer alike.

- `han`: which characters are Han (the importer's joins, the gazetteer, search's runs);
- `fold`: Traditional → Simplified, one character for one, from OpenCC's tables;
- `names`: whether two spellings name one publication (importer and loader);
- `plain`: what a reader sees of a Markdown body (descriptions, feed summaries, search text).

The folds built on `fold` stay with their reader: search's (with case, width and the
regional variants, shipped to the browser) in search/fold.py, the importer's recognition
copy and its way back to the printed characters in ingest/fold.py.
"""
