"""Raw issue text → content/ (Markdown + YAML front matter)."""
