"""The lines of a printed cell joined back into its text.

Shared by every reader that turns wrapped lines into one text (table cells, the group rows of a
borderless table): a word or compound a narrow cell broke over two lines is joined without a space.
"""
from __future__ import annotations

import re

from lkj.extract.vocabulary import BROKEN_WORD_TAILS


def join_lines(text: str) -> str:
    """Cell text with its wrapped lines joined by single spaces.

    A line that ends in a hyphen after a letter (``perundang-`` / ``undangan``) or in a slash
    (``Pemilu/`` / ``Pemilihan``) is a compound broken at the line end and joins without a space.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    out = ""
    for line in lines:
        compound = (out.endswith("-") and len(out) > 1 and out[-2].isalpha()) or (out.endswith("/") and len(out) > 1 and out[-2].isalnum())
        if out and not compound and not _broken_word(out, line):
            out += " "
        out += line
    return " ".join(out.split())


def _broken_word(before: str, line: str) -> bool:
    """Does ``line`` open with the tail of a word that a narrow cell broke without a hyphen
    (``Meningkatka`` / ``n kualitas``, ``Perlindung`` / ``an``, ``Meningk`` / ``atnya``)?

    The tail is a lone lower-case letter (no Indonesian word is one letter) or one of the
    word endings that are no word of their own (:data:`BROKEN_WORD_TAILS`), after a word of
    three letters or more that ends the line above in a lower-case letter.
    """
    last = re.split(r"[/-]", before.rsplit(" ", 1)[-1])[-1]  # ``Pemilu/Pemiliha`` / ``n``: the word after the slash
    tail = line.split(" ", 1)[0].rstrip(",.;:)")  # ``penyeberanga`` / ``n)``
    return (len(last) >= 3 and last.isalpha() and last[-1].islower() and tail.isalpha() and tail.islower()
            and (len(tail) == 1 or tail in BROKEN_WORD_TAILS))
