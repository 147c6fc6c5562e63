import unicodedata

from eventwire.text.fold import fold, strip_accents


def test_accents_go_and_plain_text_stays_as_it_is():
    assert strip_accents("Misrātah Café, Ṭarābulus") == "Misratah Cafe, Tarabulus"
    assert fold("Ṣabrātah’s “Souk”") == "sabratah's “souk”"
    text = "Forces shelled Sirte on 3 May (LNA)."
    assert strip_accents(text) is text  # ASCII: returned without a pass over it


def test_ascii_needs_no_decomposition():
    # why strip_accents may return ASCII text untouched
    for c in map(chr, range(128)):
        assert unicodedata.normalize("NFKD", c) == c and not unicodedata.combining(c)
