"""The bottom layer: text functions with no imports from the rest of eventwire.

One implementation each: folding (:mod:`.fold`), name normalisation (:mod:`.names`),
transliteration keys for people's and places' names (:mod:`.translit`) and distance on
the Earth (:mod:`.geo`), month and weekday names (:mod:`.calendar_words`).
"""
