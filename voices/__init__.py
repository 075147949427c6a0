"""Voice profiles shipped with article-reader, importable as `reader.profiles` (one TOML file per voice)."""
