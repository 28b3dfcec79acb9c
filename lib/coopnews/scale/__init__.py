"""Running the stages over a whole corpus: the pipeline (local worker processes or a Dask cluster), corpus
totals as a map-reduce over the cache, and the cached accessors notebooks and reports read (access)."""
