"""Formatting of typed values into printed cell strings.

Every generated cell starts from a typed value -- ``V(value, unit)`` -- and
is turned into the printed string here.  The expected JSON takes ``value`` and
``unit`` from the ``V`` object, never from parsing the printed text, so the
expected values stay independent of the project's parser.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# Number conventions: Indonesian "1.234.567,89", English "1,234,567.89".
ID = "id"
EN = "en"


def q2(x) -> Decimal:
    """Round half-up to 2 decimals (what a spreadsheet shows)."""
    return Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def group(intpart: str, sep: str) -> str:
    out = []
    while len(intpart) > 3:
        out.insert(0, intpart[-3:])
        intpart = intpart[:-3]
    out.insert(0, intpart)
    return sep.join(out)


def num(x, conv: str = ID, decimals: int | None = None, trim: bool = True,
        thousands: bool = True) -> str:
    """Format a number.  ``decimals`` None means: as few as needed (max 2)."""
    d = Decimal(str(x))
    if decimals is None:
        d = q2(d)
        s = format(d, "f")
    else:
        d = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        s = format(d, "f")
    neg = s.startswith("-")
    s = s.lstrip("-")
    if "." in s:
        ip, fp = s.split(".")
    else:
        ip, fp = s, ""
    if trim or decimals is None:
        fp = fp.rstrip("0")
    tsep, dsep = (".", ",") if conv == ID else (",", ".")
    ip = group(ip, tsep) if thousands else ip
    out = ip + (dsep + fp if fp else "")
    return ("-" if neg else "") + out


@dataclass(frozen=True)
class V:
    """A typed cell value and its printed form."""
    value: float | int | None
    unit: str | None
    raw: str = ""
    notes: str | None = None

    def cell(self) -> dict:
        return {"raw": collapse(self.raw), "value": self.value, "unit": self.unit}


def collapse(s: str) -> str:
    return " ".join(s.split())


BLANK = V(None, None, "")


@dataclass
class PctStyle:
    conv: str = ID
    decimals: int | None = None   # None = as needed; 2 = always two ("100,00")
    space: bool = False           # "90 %"
    sign: bool = True             # print the % sign


def pct(x, st: PctStyle) -> V:
    d = q2(x)
    s = num(d, st.conv, st.decimals, trim=st.decimals is None)
    if st.sign:
        s += " %" if st.space else "%"
    return V(float(d), "%", s)


# count units: printed label -> canonical unit
COUNT_UNITS = {
    "Lap": "laporan", "Laporan": "laporan", "laporan": "laporan",
    "Kali": "kali", "kali": "kali",
    "Satker": "satker", "satker": "satker",
    "Orang": "orang", "orang": "orang",
    "Dokumen": "dokumen", "dokumen": "dokumen", "Dok": "dokumen",
    "Kasus": "kasus", "kasus": "kasus", "Perkara": "perkara",
    "Temuan": "temuan", "Kegiatan": "kegiatan",
}


def count(n, label: str, conv: str = ID) -> V:
    return V(n, COUNT_UNITS[label], f"{num(n, conv)} {label}")


def grade(g: str) -> V:
    return V(None, "grade", g)


def money(n: int, conv: str = ID, prefix: str = "", suffix: str = "",
          decimals: int = 0) -> V:
    s = num(n, conv, decimals=decimals, trim=False) if decimals else num(n, conv)
    return V(int(n), "rupiah", f"{prefix}{s}{suffix}")


def plain(x, unit: str | None, conv: str = ID, decimals: int | None = None) -> V:
    """A bare number whose unit comes from a Satuan column (or none)."""
    d = q2(x) if decimals is None else Decimal(str(x))
    v = float(d) if d != d.to_integral_value() or unit == "%" else int(d)
    if unit == "%":
        v = float(d)
    return V(v, unit, num(d, conv, decimals, trim=decimals is None))
