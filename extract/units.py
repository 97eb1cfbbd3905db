"""Lookups of the words printed next to numbers in LKj tables.

The words themselves (unit spellings, currency prefixes, money scales, spelled-out
numbers) are in `extract.vocabulary`, so that adding a spelling is a one-line change
there; `extract.numbers` holds the parsing rules, this module the lookups they share.
All lookups are lower-case with a trailing full stop removed ("Lap." == "lap"), except
the one-letter scales, which are read by case.
"""

from __future__ import annotations

from lkj.extract.vocabulary import NUMBER_NAMES, NUMBER_PARTS, PERCENT, RUPIAH, SCALE_WORDS, SHORT_SCALES, UNIT_ALIASES

_ALIAS_TO_UNIT: dict[str, str] = {
    alias: unit for unit, aliases in UNIT_ALIASES.items() for alias in aliases
}
#: Words of a number or percentage spelled out in brackets (``2 (dua) Laporan``,
#: ``(seratus persen)``): the number names and parts, and the spellings of percent.
_SPELLED_NUMBER_WORDS = frozenset(NUMBER_NAMES) | NUMBER_PARTS | frozenset(UNIT_ALIASES[PERCENT])


def fold(word: str) -> str:
    """Lookup key of a printed word: lower-case, without a trailing full stop."""
    return word.lower().rstrip(".")


def canonical_unit(words: str) -> str | None:
    """Canonical unit for a printed unit word or phrase, or None when unknown."""
    return _ALIAS_TO_UNIT.get(" ".join(fold(w) for w in words.split()))


def is_count_unit(unit: str | None) -> bool:
    """True for known units that count things, whose values are whole numbers."""
    return unit in UNIT_ALIASES and unit not in (PERCENT, RUPIAH)


def scale_of(word: str, money: bool) -> int | None:
    """Multiplier of a money scale word; one-letter forms only when `money`."""
    if money and word.rstrip(".") in SHORT_SCALES:
        return SHORT_SCALES[word.rstrip(".")]
    return SCALE_WORDS.get(fold(word))


def is_spelled_number_word(word: str) -> bool:
    """True for a word of a spelled-out number (``dua``, ``Puluh``, ``persen``)."""
    return fold(word) in _SPELLED_NUMBER_WORDS
