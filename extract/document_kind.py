"""What kind of document a report is: a performance report (LKj), a Renstra, a PK, a Renaksi, an LRA, other.

Archives hold more than performance reports under the same names, and those documents
print the same indicators and budgets: a Renstra's five-year targets, a PK's agreed
targets, a Renaksi's quarterly targets. Loaded as LKj they put a plan beside results in
the comparisons. The file name is no guide (archives rename freely); the document is:
each of them prints what it is in its title (``LAPORAN KINERJA``, ``RENCANA
STRATEGIS``, ``PERJANJIAN KINERJA``). The phrases are in
:data:`lkj.extract.vocabulary.DOCUMENT_TITLES`.

Rule, on the first pages that carry text (:data:`TITLE_PAGES`), read line by line with
letter-spaced capitals joined (``L A P O R A N``):

1. **The title.** On the first page with text, the first line that opens with a title
   phrase (a cover, or a running header ``Laporan Kinerja KPU ... Tahun 2024`` above the
   first chapter) or a line in capitals that holds one (``LAPORAN MONITORING RENCANA AKSI
   KINERJA``). Only that page: the next pages' forewords name the other documents. A
   line with a percent sign or in brackets is a column header or its gloss (``RENSTRA
   (%)``, ``(RENSTRA OPD)``), not a title; the titles
   of ``other`` documents (``KEPUTUSAN``, ``PERATURAN``) count in capitals only, because
   wrapped prose opens lines with ``Peraturan Pemerintah Nomor ...``.
2. **The document naming itself**, when there is no title (an image cover, a report that
   opens at ``BAB I``): the phrases that follow ``penyusunan`` or precede ``ini``
   (``penyusunan Laporan Kinerja Instansi Pemerintah``) on the first pages, the most
   frequent kind; a phrase after ``tentang`` is a cited regulation's title and does not count.

Otherwise, or when two kinds name the document equally often, the kind is ``None`` with a
``document_type_unknown`` warning, never a guess.
"""
from __future__ import annotations

import re
from collections import Counter

from lkj.extract.vocabulary import CITED_TITLE_WORD, DOCUMENT_SELF_AFTER, DOCUMENT_SELF_BEFORE, DOCUMENT_TITLES
from lkj.extract.warning_codes import ReportWarning

#: The kind that feeds the comparisons (``db/views.py``).
PERFORMANCE_REPORT = "lkj"
#: Pages with text read: the first for its title; up to three (a title page, a foreword, the
#: first chapter) for the document naming itself.
TITLE_PAGES = 3
#: Kinds a document can name itself as (``other`` names regulations and decrees, which a report cites).
_SELF_KINDS = frozenset(DOCUMENT_TITLES) - {"other"}
#: Kinds whose title counts only in capitals: a decree's title is printed so, while a line of prose
#: opens with ``Peraturan Pemerintah Nomor ...`` wherever a citation wraps.
_CAPITALS_ONLY = frozenset({"other"})

_LETTER_SPACED = re.compile(r"\b(?:[A-Za-z] ){2,}[A-Za-z]\b")
_PHRASES = sorted(((phrase, kind) for kind, phrases in DOCUMENT_TITLES.items() for phrase in phrases),
                  key=lambda item: -len(item[0]))  # longest first: ``laporan realisasi anggaran`` before ``laporan``
#: A phrase's words may be glued once letter-spaced capitals are joined (``L A P O R A N K I N E R J A``).
_KIND = {re.sub(r"\s+", "", phrase): kind for phrase, kind in _PHRASES}
_ANY = "|".join(r"\s*".join(map(re.escape, p.split())) for p, _ in _PHRASES)
_OPENS = re.compile(rf"^\W*({_ANY})\b")
_HOLDS = re.compile(rf"\b({_ANY})\b")
_SELF = re.compile(rf"\b(?:{'|'.join(DOCUMENT_SELF_BEFORE)})\s+({_ANY})\b|\b({_ANY})\s+(?:{'|'.join(DOCUMENT_SELF_AFTER)})\b")


def _key(phrase: str) -> str:
    """A matched phrase without its spaces, the key of :data:`_KIND` (glued or spaced, one phrase)."""
    return re.sub(r"\s+", "", phrase)


def _joined(text: str) -> str:
    """Letter-spaced capitals joined into words (``L A P O R A N`` → ``LAPORAN``)."""
    return _LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)


def title_kind(text: str) -> str | None:
    """The kind named by the page's first title line (opening with a phrase, or in capitals holding one)."""
    for line in _joined(text).splitlines():
        lower = " ".join(line.lower().split())
        if "%" in line or lower.startswith("("):
            continue  # a column header (``RENSTRA (%)``) or its gloss (``(RENSTRA OPD)``): no title
        found = _OPENS.search(lower) or (_HOLDS.search(lower) if line.isupper() else None)
        if found and (line.isupper() or _KIND[_key(found.group(1))] not in _CAPITALS_ONLY):
            return _KIND[_key(found.group(1))]
    return None


def self_named_kinds(text: str) -> Counter[str]:
    """How often the page's prose names the document itself as each kind (``penyusunan Laporan Kinerja``)."""
    found: Counter[str] = Counter()
    for line in _joined(text).splitlines():
        lower = " ".join(line.lower().split())
        for match in _SELF.finditer(lower):
            kind = _KIND[_key(match.group(1) or match.group(2))]
            if kind in _SELF_KINDS and CITED_TITLE_WORD not in lower[:match.start()].split():
                found[kind] += 1
    return found


def document_type(pages: list[str]) -> tuple[str | None, list[ReportWarning]]:
    """The document's kind (a key of ``DOCUMENT_TITLES``) from its first pages with text, and warnings."""
    read = [(number, text) for number, text in enumerate(pages, start=1) if text and text.strip()][:TITLE_PAGES]
    if read:
        titled = title_kind(read[0][1])
        if titled:
            return titled, []
    named: Counter[str] = Counter()
    for _, text in read:
        named.update(self_named_kinds(text))
    ranked = named.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0], []
    where = f"pages {', '.join(str(n) for n, _ in read)}" if read else "no page with text"
    why = (f"the prose names it as {ranked[0][0]} and {ranked[1][0]} equally often" if ranked
           else "no document title (laporan kinerja, rencana strategis, perjanjian kinerja, rencana aksi, "
                "laporan realisasi anggaran, ...)")
    return None, [ReportWarning("document_type_unknown", f"{why} on the first pages ({where})",
                                read[0][0] if read else None)]
