"""Cheap triage of pages: which ones can hold the tables we want.

Most pages of an LKj are prose. The text layer (already read by pypdfium2 at ingest)
tells which pages print the header words of a performance or budget table; only
those go through the table readers. The words come from the column headers that
PermenPAN-RB 53/2014 prescribes and that real reports print (``Target``,
``Realisasi``, ``Capaian``, ``Pagu``, ``Anggaran``, ``Indikator``), so the rule
carries over to reports we have never seen.
"""
from __future__ import annotations

from dataclasses import dataclass

from lkj.extract.vocabulary import STRONG_PAIRS, TABLE_WORDS


@dataclass(frozen=True)
class PageTriage:
    number: int
    words: frozenset[str]

    @property
    def is_candidate(self) -> bool:
        return len(self.words) >= 2

    @property
    def is_strong(self) -> bool:
        return any(a in self.words and b in self.words for a, b in STRONG_PAIRS)


def triage_page(number: int, text: str) -> PageTriage:
    lowered = text.lower()
    return PageTriage(number, frozenset(word for word in TABLE_WORDS if word in lowered))
