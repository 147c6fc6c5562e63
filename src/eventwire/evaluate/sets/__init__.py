"""Gold sets: each registered with a reader (gold format -> records) and a scorer, in one or more modules."""
