"""Full-text search that forgives: Indonesian word forms, and any text a researcher types.

Reports print ``memutakhirkan`` where a researcher searches ``pemutakhiran``: both are
forms of the root ``mutakhir``. Each indicator row keeps its printed words and, beside
them, the roots of those words (``indicators.words_stemmed``, from PySastrawi's
Indonesian stemmer — a maintained stemmer, where a hand-written affix stripper would
miss the morphophonemic rules, ``meN-`` + ``p`` → ``mem-``). Both are in the FTS index.

:func:`fts_query` turns what a researcher typed into an FTS5 query that cannot be a
syntax error: every word is quoted, and each matches either as printed (a prefix) or
by its root. Datasette's canned queries call it as the SQL function ``lkj_fts_query``
(registered by :mod:`lkj.db.plugin`).
"""
from __future__ import annotations

import re
from functools import cache

#: A word as FTS5's default tokenizer (unicode61) sees it: letters and digits.
_WORD = re.compile(r"[^\W_]+")


@cache
def _stemmer():
    """PySastrawi's stemmer over its dictionary of root words, held in a set.

    The factory's ``ArrayDictionary`` looks words up in a list of 30,000 (``word in
    list``): 0.3-0.6 s for a word it does not know, 18 s for the 82 indicator rows of five
    real reports. Its ``contains`` works unchanged on a set, which answers at once.
    """
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary  # lazily: reading the dictionary takes 0.05 s
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    dictionary = ArrayDictionary()
    dictionary.words = {word for word in StemmerFactory().get_words() if word.strip()}  # as ArrayDictionary.add keeps them
    return Stemmer(dictionary)


@cache
def stem_word(word: str) -> str:
    """The root of one lower-case word (``pemutakhiran`` → ``mutakhir``); digits stay as they are."""
    return word if word.isdigit() else _stemmer().stem(word) or word


def stem_text(text: str | None) -> str:
    """The roots of every word of ``text``, space-separated, in order (``''`` for no text)."""
    return " ".join(stem_word(w) for w in _WORD.findall((text or "").lower()))


def fts_query(text: str | None) -> str:
    """An FTS5 query for the words of ``text``: every word must match, printed (as a prefix) or by its root.

    ``''`` when ``text`` holds no word (an empty box, ``%``, a stray quote): the
    caller answers every row then. Words are quoted, so FTS5 operators and punctuation
    a researcher types (``data-pemilih``, ``Kab./Kota``, ``"``) are read as words.
    """
    words = _WORD.findall((text or "").lower())
    return " AND ".join(f'("{w}"* OR words_stemmed : "{stem_word(w)}")' for w in words)
