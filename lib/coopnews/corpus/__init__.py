"""Files to documents: read (folders, URLs, loose files), decode, clean boilerplate, find publication dates,
split sentences, detect languages and duplicates; the Corpus tables and their quality report."""
