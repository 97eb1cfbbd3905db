"""Which rows of a budget table are programmes, which are their kegiatan, which is the total.

Regional budget tables (Permendagri 13/2006, 90/2019) list each programme followed by its
kegiatan (and sub-kegiatan), the programme row carrying the sum of its kegiatan, often with
the table's total printed first and unlabelled. ``budget_programs`` holds the programmes:
a kegiatan loaded as a programme shifts every programme after it. Real reports set the
programme rows in bold, but the text we read carries no typography, so a row's level is
read from what is printed, in this order (the first signal the table has decides):

1. separate name columns (``Program | Kegiatan | Sub Kegiatan``): the leftmost filled one;
2. account codes (a ``Kode`` column, the ``No`` column, or a code before the name): a
   programme's code is a prefix of its kegiatan's (``4.03.02.01.`` over ``4.03.02.01.001.``,
   ``01`` over ``01019`` printed one digit per line in a narrow column);
3. the numbering: letters or Roman numerals (``A.``, ``IV``) over arabic numbers, or fewer
   dotted parts (``1`` over ``1.1``);
4. the amounts: a row whose pagu (and realisation) is the sum of the rows right under it
   heads them.

A top-level row whose pagu is the sum of all the other top-level rows is the table's total,
whatever its label (``BELANJA LANGSUNG`` printed above the programmes). A table whose rows
show none of these structures is flat: every row is a programme, as before.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

#: A numbering token: letters (``A.``, ``b)``), Roman numerals (``IV.``) or dotted arabic numbers (``1.2.``).
_LETTER = re.compile(r"^[A-Za-z][.)]?$")
_ROMAN = re.compile(r"^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})[.)]?$")
_ARABIC = re.compile(r"^\d+(\.\d+)*[.)]?$")
#: An account code: digits with dots (``4.03.4.03.02.01.``) or a run of digits.
_CODE = re.compile(r"^\d+(\.\d+)*\.?$")


@dataclass
class Line:
    """One row of a budget table, as the level rules see it."""

    label: str
    code: str  # account code as printed, whitespace removed; '' when none
    number: str  # the No column (or a numbering token before the label); '' when none
    depth: int  # index among the table's name columns of the one the label is printed in
    pagu: int | None
    realization: int | None
    fixed: bool = False  # a labelled total or subtotal row: the rules leave it alone


def levels(lines: list[Line]) -> tuple[list[str], str]:
    """``programme``, ``kegiatan`` or ``total`` per line (``fixed`` lines: ``fixed``), and the rule that decided."""
    free = [i for i, line in enumerate(lines) if not line.fixed]
    found: dict[int, str] | None = None
    rule = "flat"
    for name, decide in (("name columns", _by_columns), ("account codes", _by_codes),
                         ("numbering", _by_numbering), ("sums", _by_sums)):
        found = decide([lines[i] for i in free])
        if found is not None:
            rule = name
            break
    picked = {free[k]: level for k, level in (found or {}).items()}
    out = ["fixed" if line.fixed else picked.get(i, "programme") for i, line in enumerate(lines)]
    _mark_total(lines, out)
    return out, rule


def _by_columns(lines: list[Line]) -> dict[int, str] | None:
    depths = {line.depth for line in lines if line.label}
    if len(depths) < 2:
        return None
    top = min(depths)
    return {i: "programme" if line.depth == top else "kegiatan" for i, line in enumerate(lines)}


def _code_parts(code: str) -> tuple[str, ...]:
    """A dotted code's parts (``4.03.01.`` -> 4, 03, 01); an undotted code's digits, one part each."""
    return tuple(p for p in code.split(".") if p) if "." in code else tuple(code)


def _heads(code: str, other: str) -> bool:
    """``code`` is a prefix of ``other``: part by part (``4.03.`` over ``4.03.01.``, ``01`` over
    ``01019`` printed one digit per line), or whole before a dot (``01`` over ``01.001``)."""
    mine, theirs = _code_parts(code), _code_parts(other)
    return ((len(theirs) > len(mine) and theirs[:len(mine)] == mine)
            or ("." not in code and other.startswith(code + ".")))


def _by_codes(lines: list[Line]) -> dict[int, str] | None:
    codes = [_code_parts(line.code) if _CODE.match(line.code) else None for line in lines]
    if sum(c is not None for c in codes) < max(2, 0.6 * len(lines)):
        return None
    parents = {i for i, c in enumerate(codes)
               if c and any(o and _heads(lines[i].code, lines[k].code) for k, o in enumerate(codes))}
    if not parents:
        return None
    # the programmes' codes have one length; a code cut by the page break (``3``, ``3600``) may head
    # other rows by chance, at another length: the length most heads have wins (the shorter on ties)
    by_length = Counter(len(codes[i]) for i in parents)  # type: ignore[arg-type]
    length = min(by_length, key=lambda n: (-by_length[n], n))
    parents = {i for i in parents if len(codes[i]) == length}  # type: ignore[arg-type]
    first = min(parents)
    # before the first programme: a programme or the table's total (printed first); after it, a row
    # that heads nothing is a kegiatan, its code damaged or not (a page break cuts stacked digits)
    return {i: "programme" if i in parents or i < first else "kegiatan" for i in range(len(lines))}


def _numbering_rank(text: str) -> int | None:
    """0 for letters and Roman numerals, 1 + the number of dotted parts for arabic numbers."""
    token = text.split()[0] if text.split() else ""
    if _ROMAN.match(token) or _LETTER.match(token):
        return 0
    if _ARABIC.match(token):
        return len([p for p in token.rstrip(".)").split(".") if p])
    return None


def _by_numbering(lines: list[Line]) -> dict[int, str] | None:
    ranks = [_numbering_rank(line.number) if line.number else None for line in lines]
    present = {r for r in ranks if r is not None}
    if len(present) < 2 or sum(r is not None for r in ranks) < 0.6 * len(lines):
        return None
    top = min(present)
    return {i: "programme" if r == top else "kegiatan" for i, r in enumerate(ranks)}


def _matches(head: Line, children: list[Line]) -> bool:
    if not head.pagu or any(c.pagu is None for c in children):
        return False
    if sum(c.pagu for c in children) != head.pagu:  # type: ignore[misc]
        return False
    if head.realization is not None and all(c.realization is not None for c in children):
        return sum(c.realization for c in children) == head.realization  # type: ignore[misc]
    return len(children) >= 2


def _by_sums(lines: list[Line]) -> dict[int, str] | None:
    out: dict[int, str] = {}
    groups = 0
    i = 0
    while i < len(lines):
        end = next((j for j in range(i + 1, len(lines)) if _matches(lines[i], lines[i + 1:j + 1])), None)
        out[i] = "programme"
        if end is None:
            i += 1
            continue
        groups += 1
        for j in range(i + 1, end + 1):
            out[j] = "kegiatan"
        i = end + 1
    return out if groups >= 2 else None


def _programme_pagu(lines: list[Line], out: list[str], index: int) -> int | None:
    """A programme's pagu: printed on its row, or else the sum of its kegiatan rows under it
    (a programme printed without figures, its sum on a ``Sub Jumlah`` row below)."""
    if lines[index].pagu:
        return lines[index].pagu
    under = []
    for line, level in zip(lines[index + 1:], out[index + 1:]):
        if level != "kegiatan":
            break
        under.append(line.pagu)
    return sum(under) if under and None not in under else None  # type: ignore[arg-type]


def _mark_total(lines: list[Line], out: list[str]) -> None:
    """A programme-level row whose pagu is the sum of the other programmes' is the table's total."""
    pagus = {i: _programme_pagu(lines, out, i) for i, level in enumerate(out) if level == "programme"}
    top = [i for i, pagu in pagus.items() if pagu]
    for i in top:
        if not lines[i].pagu:
            continue  # the total prints its sum
        others = [pagus[k] for k in top if k != i]
        if len(others) >= 2 and sum(others) == lines[i].pagu:  # type: ignore[arg-type]
            out[i] = "total"
            return
