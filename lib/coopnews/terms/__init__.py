"""Words as analysis terms: tokens and names, frequencies with dispersion, keyness, collocations, keywords in
context, trends, sector cues and keyphrases. Functions take and return DataFrames."""
