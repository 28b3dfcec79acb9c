"""The corpus cache: where it lives (paths), partitioned Parquet tables keyed by document (tables), atomic
file writes (atomic), and the stage table with its per-document cache and the corpus models (stages)."""
