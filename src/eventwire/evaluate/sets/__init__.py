"""One module per gold set: a reader (gold format -> records) and a scorer."""
