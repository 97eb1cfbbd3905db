"""Randomized LKj reports: a whole report of a KPU/KIP unit drawn from the layout
distribution in ``features.py``, reproducible from (seed, index).

Every value starts as typed data (``fmt.V``) and the expected JSON is written from
that data, never from reading the PDF back (only page numbers come from the PDF).
"""
from __future__ import annotations

import csv
import random
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from . import offices, prose
from .catalog import BY_KEY, CATALOG, Ind
from .docxutil import HCell, TableStyle, TRow, set_header
from .features import draw_features
from .fmt import EN, ID, PctStyle, V, money, num, pct, plain, q2
from .report import ROMAN, Report, Row, row_needle
from .variants import PROGRAMS_2015, PROGRAMS_2020, Gen, Spec, gen_budget, split

UNITS_CSV = Path(__file__).resolve().parents[2] / "extract" / "data" / "kpu_units.csv"
AGENCY_LONG = {"KPU": "Komisi Pemilihan Umum", "KIP": "Komisi Independen Pemilihan"}
FONTS = ["Liberation Sans", "Liberation Serif", "DejaVu Sans", "DejaVu Serif"]
SUB_PARENT = "Jumlah laporan keuangan yang disusun tepat waktu"
#: A Satuan column names a percentage as a sign or spelt out (``Persentase``: UPBU Tardamu 2024, 2025).
PERCENT_SATUAN = ("%", "%", "Persen", "Persentase")
SUB_ITEMS = ["Laporan Keuangan Semester I", "Laporan Keuangan Tahunan",
             "Laporan Barang Milik Negara"]
KEGIATAN = ["Dukungan Operasional Perkantoran", "Pengelolaan Keuangan dan Barang Milik Negara",
            "Perencanaan, Data dan Informasi", "Pengelolaan Sumber Daya Manusia",
            "Penyelenggaraan Pemilu dan Pemilihan", "Sosialisasi dan Pendidikan Pemilih",
            "Pemutakhiran Data Pemilih Berkelanjutan", "Pengelolaan Logistik Pemilu",
            "Pengelolaan Teknologi Informasi", "Pengawasan Internal dan Reformasi Birokrasi",
            "Advokasi dan Penyelesaian Sengketa Hukum", "Pemeliharaan Sarana dan Prasarana Kantor"]


class RangeV(V):
    """A range printed in one cell: no single value; both ends kept."""

    def __init__(self, lo, hi, unit, raw):
        super().__init__(None, unit, raw)
        object.__setattr__(self, "ends", (lo, hi))

    def cell(self) -> dict:
        return dict(super().cell(), range=list(self.ends))


def load_units() -> list[dict]:
    with UNITS_CSV.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@dataclass
class Names:
    """How the unit is named in the printed report."""
    canonical: dict            # expected unit: name, agency, kind, province
    long: str                  # "Komisi Pemilihan Umum Kabupaten Lampung Utara"
    cover: tuple[str, str]     # two cover lines, upper case
    short: str                 # the name the body uses
    place: str
    others: list[str] = field(default_factory=list)   # cited units
    cover_lines: list[str] | None = None   # a unit other than a commission: its cover lines (offices.py)
    spelt: str | None = None                # its name spelt out once in the body when the cover abbreviates it


def names_for(u: dict, feats: set[str], units: list[dict], rng: random.Random) -> Names:
    agency, kind, place = u["agency"], u["kind"], u["name"]
    canonical = {"name": u["unit_name"], "agency": agency, "kind": kind,
                 "province": u["province"] or None}
    if kind == "pusat":
        long = "Komisi Pemilihan Umum Republik Indonesia"
        region = "Republik Indonesia"
    else:
        region = u["unit_name"][len(agency) + 1:]
        long = f"{AGENCY_LONG[agency]} {region}"
    short = u["unit_name"]
    if "abbreviated_name" in feats:
        same = sum(1 for x in units if x["name"] == place)
        if kind == "pusat":
            short = "KPU"
        elif kind in ("kabupaten", "provinsi") and (same > 1 or rng.random() < 0.5):
            short = f"{agency} {'Kab.' if kind == 'kabupaten' else 'Prov.'} {place}"
        elif same == 1:
            short = f"{agency} {place}"
    cover_long = long
    if "sekretariat_name" in feats:
        if kind == "pusat":
            short, cover_long = "Sekretariat Jenderal KPU", "Sekretariat Jenderal " + long
        else:
            short, cover_long = "Sekretariat " + short, "Sekretariat " + long
    first = cover_long[: len(cover_long) - len(region)].strip()
    others = []
    if kind != "pusat":
        others.append("Keputusan KPU RI Nomor 5/PR.03-1-Kpt/KPU/I/2018")
        prov = next((x for x in units if x["kind"] == "provinsi" and x["province"] == u["province"]),
                    None)
        if prov and kind != "provinsi":
            others.append(prov["unit_name"])
        sib = [x for x in units if x["province"] == u["province"] and x["kind"] in ("kabupaten", "kota")
               and x["unit_name"] != u["unit_name"]]
        if sib:
            others.append(rng.choice(sib)["unit_name"])
    else:
        others += ["Peraturan KPU Nomor 8 Tahun 2019", "KPU Provinsi Jawa Barat"]
    return Names(canonical, long, (first.upper(), region.upper()), short, place, others)


def office_names(feats: set[str], u: dict, units: list[dict], rng: random.Random) -> Names:
    """The names of a unit other than a commission (``offices.py``): no commission is cited in its body."""
    o = offices.office_names(feats, u, units, rng)
    return Names(o["unit"], o["unit"]["name"], ("", ""), o["short"], o["place"],
                 ["Peraturan Menteri PAN-RB Nomor 53 Tahun 2014"], o["cover"], o["spelt"])


# ------------------------------------------------------------------ the draw

@dataclass
class Plan:
    seed: int
    index: int
    feats: set[str]
    unit: dict
    year: int
    names: Names
    conv: str
    spec: Spec
    renstra_end: int


def plan(seed: int, index: int, exclude: frozenset[str], units: list[dict],
         require: frozenset[str] = frozenset()) -> Plan:
    rng = random.Random(f"lkj-draw:{seed}:{index}")
    feats = draw_features(rng, exclude, require, random.Random(f"lkj-draw-late:{seed}:{index}"))
    r = rng.random()
    pool = [u for u in units if u["kind"] == ("pusat" if r < 0.04 else "provinsi" if r < 0.2
                                               else rng.choice(["kabupaten", "kabupaten", "kota"]))]
    u = rng.choice(pool)
    year = rng.randint(2015, 2024)
    end = 2019 if year <= 2019 else 2024
    if end == year:
        feats.discard("renstra_end_column")
    if feats & set(offices.FEATURES):
        feats -= {"sekretariat_name", "abbreviated_name"}  # a commission's ways of naming itself
    names = names_for(u, feats, units, rng)
    if feats & set(offices.FEATURES):  # drawn from a stream of their own: the rest of the draw stays as it was
        names = office_names(feats, u, units, random.Random(f"lkj-draw-office:{seed}:{index}"))
    conv = EN if "en_numbers" in feats else ID
    cols = ["satuan"] if "satuan_column" in feats else []
    spec = Spec(slug="", unit=names.canonical, short=names.short, long=names.long, city=names.place,
                year=year, cover_year=None, goals=[], conv=conv,
                pct_decimals=rng.choice([None, None, 2]), pct_space=rng.random() < 0.2,
                long_labels=rng.random() < 0.3, cols=cols, under=rng.uniform(0.15, 0.35),
                budget_scale=rng.choice([3, 8, 20, 60]) * 1_000_000_000)
    if u["kind"] == "pusat":
        spec.budget_scale = 2_000_000_000_000
    return Plan(seed, index, feats, u, year, names, conv, spec, end)


def pick_goals(p: Plan, rng: random.Random) -> list[tuple[str, list[int]]]:
    """4-6 goals with their indicator indexes, honouring grades/lower_is_better."""
    f = p.feats

    def allowed(ind: Ind) -> bool:
        return (ind.kind != "grade" or "grades" in f) and (ind.kind != "lower" or "lower_is_better" in f)

    goals = []
    for g in rng.sample(CATALOG, len(CATALOG)):
        idx = [i for i, ind in enumerate(g.inds) if allowed(ind)]
        if idx:
            goals.append((g.key, sorted(rng.sample(idx, rng.randint(1, len(idx))))))
    need = []
    if "grades" in f:
        need.append("akip")
    if "lower_is_better" in f:
        need.append(rng.choice(["keuangan", "renja", "sengketa"]))
    if "range_target" in f:
        need.append("partisipasi")
    n = rng.randint(4, 6)
    chosen = [g for g in goals if g[0] in need]
    chosen += [g for g in goals if g[0] not in need][: max(0, n - len(chosen))]
    order = {k: i for i, (k, _) in enumerate(goals)}
    out = sorted(chosen, key=lambda g: order[g[0]])
    fixed = []
    for key, idx in out:
        inds = BY_KEY[key].inds
        if key in ("keuangan", "renja", "sengketa") and "lower_is_better" in f:
            idx = sorted(set(idx) | {i for i, ind in enumerate(inds) if ind.kind == "lower"})
        if key == "partisipasi" and "range_target" in f:
            idx = sorted(set(idx) | {0})
        fixed.append((key, idx))
    return fixed


@dataclass
class Item:
    """One printed row of a measurement table: an indicator or a sub-item heading."""
    ind: Ind | None
    row: Row | None
    prev: V | None = None
    renstra: V | None = None
    heading: str | None = None     # a row with text but no values (heads sub-items)
    sub: bool = False
    quarters: list[str] | None = None  # realisation per quarter (feature quarterly_realization)


def goal_items(p: Plan, gen: Gen, goals, rng: random.Random):
    """[(goal no printed, goal text, [Item])] and the typed rows."""
    f = p.feats
    bare = "ach_bare_numbers" in f
    pst = PctStyle(p.conv, p.spec.pct_decimals, p.spec.pct_space)
    sub_goal = rng.randrange(len(goals)) if "sub_item_rows" in f else None
    roman = "goals_per_table_roman" in f
    out = []

    def ach_v(a):
        if "capped_capaian" in f and a > 100:
            a = q2(100)
        if bare:
            return plain(a, "%", p.conv, decimals=p.spec.pct_decimals)
        return pct(a, pst)

    # how the Satuan column names a percentage: its own random stream, so other content stays that of (seed, index)
    percent_word = random.Random(f"lkj-draw-satuan:{p.seed}:{p.index}").choice(PERCENT_SATUAN)
    for gi, (key, idxs) in enumerate(goals):
        g = BY_KEY[key]
        no = ROMAN[gi] if roman else str(gi + 1)
        items = []
        for ii in idxs:
            ind = g.inds[ii]
            t, x, a, prev, note = gen.values(ind)
            target = gen.fmt(ind, t)
            if key == "partisipasi" and ii == 0 and "range_target" in f:
                lo, hi = t, min(100, t + rng.choice([2.5, 5]))
                s = f"{num(lo, p.conv)} – {num(hi, p.conv)}"
                raw = s if "satuan_column" in f else s + (" %" if p.spec.pct_space else "%")
                target = RangeV(lo, hi, "%", raw)
                a = q2(x / lo * 100)
                note = "target printed as a range: value null, both ends in 'range'"
            row = Row(no, g.text, ind.text, target, gen.fmt(ind, x), ach_v(a), notes=note,
                      lower_is_better=ind.kind == "lower")
            if "satuan_column" in f:
                row.satuan = percent_word if ind.satuan == "%" else ind.satuan
            it = Item(ind, row, prev=gen.fmt(ind, prev))
            if "renstra_end_column" in f:
                it.renstra = gen.fmt(ind, renstra_value(ind, t))
            items.append(it)
        if gi == sub_goal:
            items.append(Item(None, None, heading=SUB_PARENT))
            lab = "Laporan" if p.spec.long_labels else "Lap"
            for s in SUB_ITEMS:
                ind = Ind(s, "count", (1,), lab, "Laporan")
                t, x, a, prev, _ = gen.values(ind)
                row = Row(no, g.text, s, gen.fmt(ind, t), gen.fmt(ind, x), ach_v(a), parent=SUB_PARENT)
                if "satuan_column" in f:
                    row.satuan = "Laporan"
                it = Item(ind, row, prev=gen.fmt(ind, prev), sub=True)
                if "renstra_end_column" in f:
                    it.renstra = gen.fmt(ind, t)
                items.append(it)
        out.append((no, g.text, items))
    return out


def renstra_value(ind: Ind, t):
    if ind.kind == "grade":
        return {"CC": "B", "B": "BB", "BB": "A"}.get(t, "A")
    if ind.kind == "pct":
        return min(100, t + 5)
    if ind.kind == "lower":
        return max(0, t - 1)
    if ind.kind == "index":
        return t + 0.25
    return t + 1


# ------------------------------------------------------------------ tables

def columns(p: Plan, rng: random.Random, per_goal: bool) -> list[str]:
    f = p.feats
    cols = ["no"]
    if "goals_column_merged" in f and not per_goal:
        cols.append("goal")
    cols.append("indicator")
    if "satuan_column" in f:
        cols.append("satuan")
    if "prev_year_column" in f:
        cols.append("prev")
    vals = ["real", "target", "ach"] if "target_after_realization" in f else ["target", "real", "ach"]
    renstra_first = rng.random() < 0.5
    if "renstra_end_column" in f and renstra_first:
        cols.append("renstra")
    cols += vals
    if "renstra_end_column" in f and not renstra_first:
        cols.append("renstra")
    if "kategori_column" in f:
        cols.append("kat")
    if "keterangan_column" in f:
        cols.append("ket")
    return cols


def headers(p: Plan, rng: random.Random, span: bool) -> dict:
    f, y = p.feats, p.year
    stacked = "header_stacked_words" in f
    if "ach_bare_numbers" in f:
        ach = "%\nCapaian" if stacked else rng.choice(["Capaian (%)", "% Capaian", "Capaian %"])
    else:
        ach = "Capaian\nKinerja" if stacked else rng.choice(["Capaian", "Capaian Kinerja",
                                                             "Persentase Capaian"])
    yr = "" if span else rng.choice(["", f" {y}"])
    h = {"no": rng.choice(["No", "No.", "NO"]),
         "goal": rng.choice(["Sasaran Strategis", "Sasaran", "SASARAN STRATEGIS"]),
         "indicator": rng.choice(["Indikator Kinerja", "Indikator Kinerja Utama", "INDIKATOR KINERJA"]),
         "satuan": "Satuan", "prev": f"Realisasi {y - 1}", "renstra": f"Target {p.renstra_end}",
         "target": ("Target\nKinerja" if stacked and not yr else "Target") + yr,
         "real": "Realisasi" + yr, "ach": ach, "kat": "Kategori", "ket": "Keterangan"}
    return h


WIDTH = {"no": 1.0, "satuan": 1.5, "prev": 1.8, "renstra": 1.8, "target": 1.8, "real": 1.9,
         "ach": 1.7, "kat": 1.8, "ket": 2.1, "q1": 1.4, "q2": 1.4, "q3": 1.4, "q4": 1.4}
#: Column keys and labels of the realisation per quarter, under one ``Realisasi`` over them and the total.
QUARTERS = (("q1", "TW I"), ("q2", "TW II"), ("q3", "TW III"), ("q4", "TW IV"))


def widths(cols: list[str], text_w: float, body: list[TRow] | None = None,
           size: float | None = None) -> list[float]:
    """Text columns keep room for their longest words (a word split inside, as LibreOffice
    does in a too narrow cell, is not what real reports print); value columns shrink."""
    need = 8.0 if "goal" in cols else 5.0
    fixed = sum(WIDTH.get(c, 0) for c in cols)
    scale = min(1.0, max(text_w - need, 0.0) / fixed) if fixed else 1.0
    if scale < 0.6:   # many value columns: they keep 60 %, the text columns take the rest
        scale = 0.6
    rest = text_w - fixed * scale   # the table never runs past the margins
    share = {"goal": 0.42, "indicator": 0.58} if "goal" in cols else {"indicator": 1.0}
    out = [WIDTH[c] * scale if c in WIDTH else rest * share[c] for c in cols]
    if body is None or size is None:
        return out
    # a value column is never narrower than its longest word: a number or word cut inside a
    # cell ('100,0' / '0%', 'Sanga' / 't Baik') is no more what reports print than a cut text
    # word. The room comes from value columns wider than they need, then from the text columns
    # down to their own floor (``need``); past that the table runs into the right margin.
    floor = {}
    for i, c in enumerate(cols):
        if c in WIDTH:
            words = [w for r in body if r.cells and isinstance(r.cells[i], str) for w in r.cells[i].split()]
            floor[i] = max((len(w) for w in words), default=0) * size * 0.6 / 72 * 2.54 + 0.45
    deficit = sum(max(0.0, floor[i] - out[i]) for i in floor)
    if deficit <= 0:
        return out
    for i in floor:
        out[i] = max(out[i], floor[i])
    slack = {i: out[i] - floor[i] for i in floor if out[i] > floor[i]}
    take = min(deficit, sum(slack.values()))
    for i, room in slack.items():
        out[i] -= take * room / sum(slack.values())
    deficit -= take
    texts = [j for j, c in enumerate(cols) if c not in WIDTH]
    take = min(deficit, max(0.0, sum(out[j] for j in texts) - need))
    for j in texts:
        out[j] -= take * share[cols[j]]
    return out


def kategori(a) -> str:
    return "Sangat Baik" if a >= 100 else "Baik" if a >= 85 else "Cukup"


def cell(c: str, it: Item, no_cell, goal_cell):
    if c == "no":
        return no_cell
    if c == "goal":
        return goal_cell
    if c == "indicator":
        return ("- " + it.row.indicator) if it.sub else (it.heading or it.row.indicator)
    if it.heading:
        return ""
    r = it.row
    if c == "satuan":
        return r.satuan
    if c in ("q1", "q2", "q3", "q4"):
        return (it.quarters or ["", "", "", ""])[int(c[1]) - 1]
    v = {"prev": it.prev, "renstra": it.renstra, "target": r.target, "real": r.realization,
         "ach": r.achievement}.get(c)
    if v is not None:
        return v.raw
    a = r.achievement.value or 0
    if c == "kat":
        return kategori(a)
    return "Tercapai" if a >= 100 else "Tidak Tercapai"


def quarter_cells(it: Item, conv: str) -> list[str]:
    """The realisation of each quarter: a count split over the quarters (summing to the year's), a rate
    or an index growing to the year's, a grade printed in the last quarter only."""
    v = it.row.realization
    if v.value is None or it.ind is None or it.ind.kind == "grade":
        return ["-", "-", "-", v.raw]
    if it.ind.kind in ("count", "lower"):
        total = int(v.value)
        parts = [total // 4] * 3
        return [num(x, conv) for x in (*parts, total - sum(parts))]
    return [num(q2(float(v.value) * k / 4), conv) for k in (1, 2, 3, 4)]


def quarter_header(cols, h) -> list[list[HCell]]:
    """``Realisasi`` over ``TW I | TW II | TW III | TW IV | Total`` (UPBU Tardamu 2024, 2025); the other
    labels span both rows."""
    top, bottom = [], []
    for c in cols:
        if c == "q1":
            top.append(HCell("Realisasi", colspan=5))
        if c in ("q1", "q2", "q3", "q4", "real"):
            bottom.append(HCell(dict(QUARTERS).get(c, "Total")))
        else:
            top.append(HCell(h[c], rowspan=2))
    return [top, bottom]


def table_header(p: Plan, cols, h, span: bool):
    if "quarterly_realization" in p.feats:
        return quarter_header(cols, h)
    if not span:
        return [[HCell(h[c]) for c in cols]]
    top, bottom = [], []
    vals = [c for c in cols if c in ("target", "real", "ach")]
    for c in cols:
        if c in vals:
            if c == vals[0]:
                top.append(HCell(f"Tahun {p.year}", colspan=3))
            bottom.append(HCell(h[c]))
        else:
            top.append(HCell(h[c], rowspan=2))
    return [top, bottom]


def style(p: Plan, size: float, cols) -> TableStyle:
    f = p.feats
    borders = "none" if "table_borderless" in f else "hrules" if "table_hrules" in f else "grid"
    numbered = "header_column_numbers" in f or "header_three_lines" in f
    return TableStyle(size=size, borders=borders, repeat_header="no_repeated_header" not in f,
                      header_fill="D9D9D9" if borders == "grid" else None,
                      align=["left" if c in ("goal", "indicator") else "center" for c in cols],
                      numbered_header=numbered, group_fill="F2F2F2" if borders == "grid" else None)


def extras(p: Plan, it: Item, h) -> None:
    if "prev_year_column" in p.feats:
        it.row.extra[h["prev"]] = it.prev
    if "renstra_end_column" in p.feats:
        it.row.extra[h["renstra"]] = it.renstra
    for c in ("kat", "ket"):   # words, kept under their header as printed (no value)
        if ("kategori_column" if c == "kat" else "keterangan_column") in p.feats:
            it.row.extra[h[c]] = V(None, None, cell(c, it, None, None))


def main_table(rep: Report, p: Plan, grows, rng, size: float, text_w: float) -> None:
    f = p.feats
    span = "header_year_span" in f or "header_three_lines" in f
    cols = columns(p, rng, per_goal=False)
    h = headers(p, rng, span)
    if "quarterly_realization" in f:
        at = cols.index("real")
        cols[at:at] = [key for key, _label in QUARTERS]
    body, vm = [], []
    first = last = None
    group = "goals_group_rows" in f
    for no, goal, items in grows:
        start = len(body)
        if group:
            gtxt = f"{no}. Sasaran : {goal}"
            body.append(TRow(group=gtxt))
            first = first or row_needle(gtxt)
        k = 0
        for j, it in enumerate(items):
            if group:
                if it.sub:
                    nc = ""
                else:
                    k += 1
                    nc = f"{no}.{k}"
            else:
                nc = f"{no}." if j == 0 else None
            if "quarterly_realization" in f and it.row is not None:
                it.quarters = quarter_cells(it, p.conv)
            cells = [cell(c, it, nc, goal if j == 0 else None) for c in cols]
            body.append(TRow(cells))
            if first is None:
                first = row_needle(*[x for x in cells[:2] if x])
            last = [cells[cols.index("indicator")]]   # text cells only: value order may vary
            if it.row is not None:
                extras(p, it, h)
                if it.sub:
                    it.row.notes = "; ".join(x for x in (it.row.notes, "sub-item of '" + SUB_PARENT +
                                                          "' (printed with '- ')") if x)
                rep.main_rows.append(it.row)
        if not group and len(items) > 1:
            for c in ("no", "goal"):
                if c in cols:
                    vm.append((cols.index(c), start, len(body) - 1))
    if "average_row" in f:
        body.append(average_row(p, cols, [it.row for _no, _goal, items in grows for it in items if it.row is not None]))
    rep.main_title = rng.choice(["Tabel 3.1 Pengukuran Kinerja Tahun {y}",
                                 "Tabel 3.1 Capaian Indikator Kinerja Utama Tahun {y}",
                                 "Tabel 3.1\nRealisasi dan Capaian Kinerja Tahun {y}"]).format(y=p.year)
    rep.main_needles = (first, row_needle(*last))
    rep.caption(rep.main_title)
    rep.table(table_header(p, cols, h, span), body, widths(cols, text_w, body, size), style(p, size, cols), vm)
    rep.after_table()


def average_row(p: Plan, cols: list[str], rows: list[Row]) -> TRow:
    """The closing row of the average capaian (feature ``average_row``): its label in the first text
    column, the mean in the capaian column, nothing else. Its wording comes from a random stream of
    its own, so the rest of the report stays that of its (seed, index)."""
    label = random.Random(f"lkj-draw-average:{p.seed}:{p.index}").choice(
        ["RATA-RATA", "Rata-rata Capaian Kinerja", f"CAPAIAN RATA-RATA KINERJA {p.names.short.upper()}",
         "Rata-rata capaian sasaran"])
    achieved = [r.achievement.value for r in rows if r.achievement.value is not None]
    cells = [""] * len(cols)
    cells[cols.index("goal") if "goal" in cols else cols.index("indicator")] = label
    cells[cols.index("ach") if "ach" in cols else -1] = num(q2(sum(achieved) / len(achieved)), p.conv) if achieved else "-"
    return TRow(cells, bold=True)


def per_goal_tables(rep: Report, p: Plan, grows, rng, size: float, text_w: float) -> None:
    f = p.feats
    span = "header_year_span" in f or "header_three_lines" in f
    cols = columns(p, rng, per_goal=True)
    h = headers(p, rng, span)
    bare_numbers = "indicator_no_in_cell" in f
    if bare_numbers:
        cols = [c for c in cols if c != "no"]
    words = rng.choice(["Pencapaian Kinerja", "Capaian Kinerja", "Pengukuran Kinerja"])
    tujuan = rng.random() < 0.5
    table_no = 0
    for gi, (no, goal, items) in enumerate(grows):
        if "goal_heading_above" in f:
            # the number only in the headings; every caption the same words, numbered among other tables
            table_no += rng.randint(1, 3)
            rep.p(f"3.{gi + 1}. Capaian Kinerja Sasaran {no}", bold=True, align="left", keep_next=True, space_before=8)
            if tujuan:
                rep.p(f"Tujuan {no} : Terwujudnya penyelenggaraan tahapan yang berkualitas", keep_next=True)
            rep.p(f"Sasaran {no} : {goal}", keep_next=True)
            cap = f"Tabel 3.{table_no} {words}"
            rep.caption(cap)
        elif "goals_per_table_roman" in f:
            cap = f"Tabel 3.{gi + 1} Pengukuran Kinerja Sasaran Strategis {no} : {goal}"
            rep.caption(cap)
        else:
            cap = f"Sasaran Strategis {no} : {goal}"
            rep.p(cap, bold=True, align="left", keep_next=True, space_before=8)
        body, k = [], 0
        for it in items:
            if not it.sub:
                k += 1
            nc = "" if it.sub else f"{k}."
            cells = [cell(c, it, nc, None) for c in cols]
            if bare_numbers and not it.sub:
                at = cols.index("indicator")
                cells[at] = f"{k} {cells[at]}"  # ``1 Persentase ...``: the number in the text's cell, no dot
            body.append(TRow(cells))
            if it.row is not None:
                extras(p, it, h)
                rep.detail_rows.append(it.row)
                rep.detail_needles.append((cap, row_needle(it.row.indicator)))
        rep.table(table_header(p, cols, h, span), body, widths(cols, text_w, body, size), style(p, size, cols))
        ok = all((it.row.achievement.value or 0) >= 100 for it in items if it.row)
        rep.p(prose.analisis(goal, ok), space_before=4)


def comparison_table(rep: Report, p: Plan, grows, size: float, text_w: float) -> None:
    """Realisation of the year against the Renstra-end target (or the previous year):
    not a measurement table, so none of it is expected as indicators."""
    other = p.renstra_end if p.renstra_end != p.year else p.year - 1
    lab = f"Target Akhir Renstra {other}" if other > p.year else f"Realisasi {other}"
    rep.p(f"Perbandingan realisasi kinerja Tahun {p.year} dengan "
          f"{'target akhir Renstra' if other > p.year else 'realisasi tahun sebelumnya'} "
          "disajikan pada tabel berikut.", keep_next=True)
    rep.caption(f"Tabel 3.2 Perbandingan Realisasi Kinerja Tahun {p.year} dengan {lab}")
    body = []
    n = 0
    for _no, _goal, items in grows:
        for it in items:
            if it.row is None:
                continue
            n += 1
            ref = it.renstra if (other > p.year and it.renstra) else it.prev
            body.append(TRow([f"{n}.", it.row.indicator, it.row.realization.raw, ref.raw]))
    rep.table([[HCell("No"), HCell("Indikator Kinerja"), HCell(f"Realisasi {p.year}"), HCell(lab)]],
              body, [1.0, text_w - 7.0, 3.0, 3.0], style(p, size, ["no", "indicator", "a", "b"]))
    rep.after_table()


#: Captions of a table copied from the previous year's report: the measurement named, no year.
STALE_CAPTIONS = ("Perbandingan Pencapaian Kinerja dan Anggaran Tujuan dan Sasaran",
                  "Pencapaian Kinerja Tujuan dan Sasaran", "Capaian Kinerja Sasaran Strategis")


def stale_table(rep: Report, p: Plan, grows, size: float, text_w: float) -> None:
    """A measurement table left over from the previous year's report (feature ``stale_table``): other
    goals and indicators under a numbered caption that names no year, one row more than the main
    table, so that neither the caption's rank nor the row count picks the year's own table. None of
    it is expected as indicators. Drawn from a random stream of its own: the rest of the report is
    that of its (seed, index)."""
    rng = random.Random(f"lkj-draw-stale:{p.seed}:{p.index}")
    gen = Gen(p.spec, rng)
    wanted = sum(1 for _no, _goal, items in grows for it in items if it.row is not None) + 1
    used = {goal for _no, goal, _items in grows}
    body: list[TRow] = []
    for g in rng.sample(CATALOG, len(CATALOG)):
        if g.text in used:
            continue
        for j, ind in enumerate(g.inds):
            if len(body) == wanted:
                break
            t, x, a, _prev, _note = gen.values(ind)
            first = j == 0
            body.append(TRow([f"{len(body) + 1}.", g.text if first else "", ind.text,
                              gen.fmt(ind, t).raw, gen.fmt(ind, x).raw, gen.ach(a).raw]))
    cols = ["no", "goal", "indicator", "target", "real", "ach"]
    rep.caption(f"Tabel 3.3 {rng.choice(STALE_CAPTIONS)}")
    heads = ["No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"]
    goal_w = (text_w - 7.6) * 0.4
    rep.table([[HCell(h) for h in heads]], body, [1.0, goal_w, text_w - 7.6 - goal_w, 2.2, 2.2, 2.2],
              style(p, size, cols))
    rep.p(f"Sumber: Laporan Kinerja {p.names.short} Tahun {p.year - 1}", size=8, space_before=2)
    rep.after_table()


# ------------------------------------------------------------------ budget

#: Narrowest text column (cm) a budget table is drawn with; below it the table's font is made smaller.
MIN_TEXT_WIDTH = 1.0
#: Font sizes tried in turn when the amounts leave the text column too little room (KPU RI's trillions).
SMALLER_SIZES = (8, 7, 6, 5)


def fit_money(ws: list[float], body: list[TRow], size: float, text: int,
              figures: range | None = None) -> tuple[list[float], float]:
    """Widen the amount columns to their longest (bold) figure, taking the room from the text
    column ``text``: an amount wrapped inside its cell ('22.504.312.00' / '0') is not printed.
    Returns the widths and the font size, made smaller (``SMALLER_SIZES``) when the text column
    would be narrower than ``MIN_TEXT_WIDTH``."""
    for tried in (size, *(s for s in SMALLER_SIZES if s < size)):
        out = list(ws)
        for i in figures if figures is not None else range(len(ws)):
            if i == text:
                continue
            longest = max((len(c) if isinstance(c, str) else max(map(len, c), default=0)
                           for c in (r.cells[i] for r in body if r.cells)), default=0)  # a wrapped figure: its longest line
            need = longest * tried * 0.66 / 72 * 2.54 + 0.45
            if need > out[i]:
                out[text] -= need - out[i]
                out[i] = need
        if out[text] >= MIN_TEXT_WIDTH:
            break
    return out, tried


KEGIATAN_LEVELS = ("letters", "codes_dotted", "codes_stacked", "columns")


def wrap_figure(text: str, rng: random.Random) -> list[str]:
    """An amount wrapped inside its cell, its last digits on a line of their own
    (``112,996,359,30`` / ``0``), as a narrow amount column of a real report prints it."""
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    if len(digits) < 8:
        return [text]
    cut = digits[-rng.randint(1, 2)]
    return [text[:cut], text[cut:]]


def budget_table(rep: Report, p: Plan, rng: random.Random, grows, size: float, progs, ppagu, P: int,
                 rp, absorb, pst) -> int:
    """One table per program, per kegiatan under its program, or per sasaran; returns the realisation.

    Per kegiatan, ``budget_programs`` holds the programmes (as the real labels do: a kegiatan is no
    programme), told from their kegiatan in one of four ways drawn here (``KEGIATAN_LEVELS``):
    letters over arabic numbers, dotted account codes (``01`` over ``01.001``), codes whose digits
    stand one per line in a narrow column (``01`` over ``0/1/0/0/1``), or separate Program and
    Kegiatan columns. Its total row may be printed first, as regional reports do.
    """
    f = p.feats
    rows: list[tuple] = []   # (kind, no, name, pagu, real)  kind: sub (programme) | leaf
    level = rng.choice(KEGIATAN_LEVELS)
    if "budget_per_kegiatan" in f:
        names = rng.sample(KEGIATAN, len(KEGIATAN))
        prefix = rng.choice(["", "1.01.01."])
        for i, (prog, pp) in enumerate(zip(progs, ppagu)):
            nk = rng.randint(2, 3)
            kp = split(rng, pp, [rng.uniform(0.5, 1.5) for _ in range(nk)])
            kr = [int(x * rng.uniform(0.88, 0.999)) for x in kp]
            code = f"{prefix}{i + 1:02d}"
            rows.append(("sub", {"letters": "ABC"[i], "codes_dotted": code, "codes_stacked": f"{i + 1:02d}",
                                 "columns": str(i + 1)}[level], prog, pp, sum(kr)))
            for j in range(nk):
                no = {"letters": f"{j + 1}.", "codes_dotted": f"{code}.{j + 1:03d}",
                      "codes_stacked": list(f"{i + 1:02d}{j + 1:03d}"), "columns": ""}[level]
                rows.append(("leaf", no, names.pop(), kp[j], kr[j]))
        title_by, head = "Kegiatan", "Program / Kegiatan"
    elif "budget_per_sasaran" in f:
        goals = [g for _, g, _ in grows]
        gp = split(rng, P, [rng.uniform(0.5, 1.5) for _ in goals])
        for i, (g, q) in enumerate(zip(goals, gp)):
            rows.append(("leaf", str(i + 1), g, q, int(q * rng.uniform(0.88, 0.999))))
        title_by, head = "Sasaran Strategis", "Sasaran Strategis"
    else:
        for i, (prog, q) in enumerate(zip(progs, ppagu)):
            rows.append(("leaf", str(i + 1), prog, q, int(q * rng.uniform(0.9, 0.999))))
        title_by, head = "Program", "Program"
    kegiatan = "budget_per_kegiatan" in f
    R = sum(r[4] for r in rows if r[0] == "leaf")
    rep.p(f"Realisasi anggaran {p.names.short} Tahun Anggaran {p.year} per {title_by.lower()} "
          "adalah sebagai berikut:", keep_next=True)
    title = f"Tabel 3.4 Realisasi Anggaran per {title_by} Tahun {p.year}"
    rep.caption(title)
    sub_rows = kegiatan and rng.random() < 0.5   # the programme's figures on a subtotal after its kegiatan
    columns = kegiatan and level == "columns"
    total_first = kegiatan and rng.random() < 0.3
    wanted = "sub" if kegiatan else "leaf"
    share = lambda r, q: pct(absorb(r, q), pst).raw  # noqa: E731

    groups = budget_header_groups(rng, p) if "budget_header_groups" in f else None

    def line(no, name, q, r, kind) -> list:
        names = ([name, ""] if kind == "sub" else ["", name]) if columns else [name]
        figures = [rp(q), rp(r), share(r, q)] if q is not None else ["", "", ""]
        if groups is not None:  # the initial pagu and the works' progress: deterministic from the row, no draw
            mark = zlib.crc32(name.encode())
            initial = rp(int(q * (0.85 + mark % 40 / 100))) if q is not None else ""
            physical = f"{70 + mark % 31}%" if q is not None else ""
            figures = [*([initial] if groups.initial else []), *figures, *([physical] if groups.physical else [])]
        return [no, *names, *figures]

    body = []
    total = line("", "Jumlah", P, R, "sub")
    if total_first:
        total = line("", rng.choice(["", "BELANJA LANGSUNG"]), P, R, "sub")
        body.append(TRow(total, bold=True))
    for n, (kind, no, name, q, r) in enumerate(rows):
        if kind == wanted:
            rep.budget_programs.append({"program": name, "pagu": q, "realization": r,
                                        "absorption_pct": float(absorb(r, q))})
        if kind == "sub" and sub_rows:
            body.append(TRow(line(no, name, None, None, kind), bold=True))
            continue
        body.append(TRow(line(no, name, q, r, kind), bold=kind == "sub"))
        if sub_rows and kind == "leaf" and (n + 1 == len(rows) or rows[n + 1][0] == "sub"):
            parent = next(x for x in reversed(rows[:n]) if x[0] == "sub")
            body.append(TRow(line("", f"Sub Jumlah {parent[1]}", parent[3], parent[4], "sub"), bold=True))
    if not total_first:
        body.append(TRow(total, bold=True))
    first = row_needle(*[c if isinstance(c, str) else "".join(c) for c in body[0].cells[:2]])
    no_head = "Kode" if level.startswith("codes") and kegiatan else "No"
    name_heads = [HCell("Program"), HCell("Kegiatan")] if columns else [HCell(head)]
    ph, rh = ("Pagu (Rp)", "Realisasi (Rp)") if p.conv == ID else ("Pagu", "Realisasi")
    names_at = len(name_heads) + 1
    figure_widths = [3.3, 3.3, 1.8] if groups is None else [2.9] * (2 + groups.initial) + [1.5] * (1 + groups.physical)
    name_widths = [2.8, 4.4] if columns else [7.0]
    if groups is not None:  # the wider money band takes its room from the names, printed small as such tables are
        spare = (sum(figure_widths) - 8.4) / len(name_widths)
        name_widths = [w - spare for w in name_widths]
    first_width = 1.0 if level != "codes_dotted" or not kegiatan else 2.2
    widths, size = fit_money([first_width, *name_widths, *figure_widths], body, size if groups is None else min(size, 8),
                             text=names_at - 1, figures=range(names_at, names_at + len(figure_widths)))
    look = style(p, size, ["no", *(["goal", "goal"] if columns else ["goal"]), *["a"] * len(figure_widths)])
    if "budget_wrapped_figures" in f:
        look.borders = "grid"  # wrapped figures are drawn in ruled tables only (as seen); see the feature's doc
    # a row is not split by the page break: a programme's name cut in two under a repeated header is
    # a header class of its own (not drawn here)
    look.cant_split = True
    if groups is None:
        header = [[HCell(no_head), *name_heads, HCell(ph), HCell(rh), HCell("%")]]
    else:
        header = [[HCell(no_head, rowspan=2), *[HCell(h.text, rowspan=2) for h in name_heads],
                   HCell(groups.money_group, colspan=2 + groups.initial),
                   HCell(groups.share_group, colspan=1 + groups.physical)],
                  [HCell(h) for h in groups.labels]]
    rep.table(header, body, widths, look)
    rep.extra_tables["budget_table"] = (title, first, row_needle(*[c if isinstance(c, str) else "".join(c) for c in body[-1].cells[:3]]))
    rep.after_table()
    return R


@dataclass(frozen=True)
class BudgetHeaderGroups:
    """A budget header of two rows whose group labels are those of a performance table (feature
    ``budget_header_groups``): ``money_group`` over the pagu (initial and revised, or one) and the
    amount spent, ``share_group`` over the share spent and the works' progress."""
    money_group: str
    share_group: str
    initial: bool
    physical: bool
    labels: tuple[str, ...]


def budget_header_groups(rng: random.Random, p: Plan) -> BudgetHeaderGroups:
    """The wordings of one such header, drawn (Diskominfo Ambon 2021 prints the first of each)."""
    initial = rng.random() < 0.6
    physical = rng.random() < 0.6
    money_group, share_group = rng.choice([("TARGET KINERJA", "REALISASI KINERJA"), ("Target", "Realisasi"),
                                          ("Target Kinerja", "Capaian Kinerja"), (f"Tahun {p.year}", "Realisasi")])
    first = rng.choice(["PAGU DANA (Rp)", "Pagu Awal (Rp)", "Anggaran Murni"])
    pagu = rng.choice(["DANA SESUDAH PERUBAHAN (Rp)", "Pagu Perubahan (Rp)", "Anggaran Setelah Perubahan"]
                      if initial else ["PAGU DANA (Rp)", "Alokasi Dana (Rp)", "Pagu Anggaran"])
    spent = rng.choice(["PENYERAPAN DANA (Rp)", "Realisasi Dana (Rp)", "Serapan Anggaran (Rp)"])
    share = rng.choice(["DANA (%)", "Keuangan (%)", "Anggaran (%)"])
    labels = (*([first] if initial else []), pagu, spent, share, *(["FISIK (%)"] if physical else []))
    return BudgetHeaderGroups(money_group, share_group, initial, physical, labels)


def budget_sasaran_tables(rep: Report, p: Plan, rng: random.Random, grows, size: float, progs, ppagu,
                          rp, absorb, pst) -> int:
    """The budget per sasaran: one table per goal, ``No | Sasaran | Indikator | Program | Pagu |
    Realisasi | %`` with the goal and its indicator merged down the goal's programmes and a ``TOTAL PER
    SASARAN`` row, no report total (Bakesbangpol Kota Bandung 2024, FIRST_SIGHT_C.md). The programmes
    of all tables, in order, are ``budget_programs``; the budget is their sum."""
    goals = grows[: max(1, min(len(grows), len(progs)))]
    cuts = sorted(rng.sample(range(1, len(progs)), len(goals) - 1)) if len(goals) > 1 else []
    bounds = [0, *cuts, len(progs)]
    R = 0
    share = lambda r, q: pct(absorb(r, q), pst).raw  # noqa: E731
    rep.p(f"Realisasi anggaran {p.names.short} Tahun Anggaran {p.year} per sasaran strategis "
          "adalah sebagai berikut:", keep_next=True)
    for k, (no, goal, items) in enumerate(goals):
        title = f"Tabel 3.{4 + k} Realisasi dan Serapan Anggaran Sasaran {k + 1} Tahun {p.year}"
        rep.caption(title)
        body = []
        sub_q = sub_r = 0
        for i in range(bounds[k], bounds[k + 1]):
            q = ppagu[i]
            r = int(q * rng.uniform(0.88, 0.999))
            sub_q, sub_r, R = sub_q + q, sub_r + r, R + r
            first = i == bounds[k]
            body.append(TRow([str(no) if first else "", goal if first else "", items[0].row.indicator if first else "",
                              progs[i], rp(q), rp(r), share(r, q)]))
            rep.budget_programs.append({"program": progs[i], "pagu": q, "realization": r,
                                        "absorption_pct": float(absorb(r, q))})
        body.append(TRow(["", "", "", "TOTAL PER SASARAN", rp(sub_q), rp(sub_r), share(sub_r, sub_q)], bold=True))
        n = len(body) - 2
        merges = [(c, 0, n) for c in (0, 1, 2)] if n > 0 else []
        small = min(size, 8)
        widths, small = fit_money([0.8, 2.6, 2.8, 4.2, 2.6, 2.6, 1.4], body, small, text=3, figures=range(4, 7))
        look = style(p, small, ["no", "goal", "indicator", "goal", "a", "b", "c"])
        look.cant_split = True
        if "budget_wrapped_figures" in p.feats:
            look.borders = "grid"  # as in budget_table
        rep.table([[HCell(h) for h in ("No", "Sasaran", "Indikator", "Program", "Pagu (Rp)", "Realisasi (Rp)", "%")]],
                  body, widths, look, vmerges=merges)
        if k == 0:
            first_needle = row_needle(str(no), goal)
        last_needle = row_needle("TOTAL PER SASARAN")
        rep.after_table()
    rep.extra_tables["budget_table"] = (f"Tabel 3.4 Realisasi dan Serapan Anggaran Sasaran 1 Tahun {p.year}",
                                        first_needle, last_needle)
    return R


DECOYS = (("Realisasi Belanja Tidak Langsung", "Uraian", ["Gaji dan Tunjangan", "Tambahan Penghasilan PNS",
                                                         "Insentif Pemungutan Retribusi Daerah"]),
          ("Realisasi Pendapatan Asli Daerah", "Uraian", ["Retribusi Daerah", "Lain-lain Pendapatan Asli Daerah yang Sah"]),
          ("Realisasi Anggaran per Jenis Belanja", "Jenis Belanja", ["Belanja Tidak Langsung", "Belanja Langsung"]))


def decoy_tables(rep: Report, p: Plan, rng: random.Random, size: float, rp, absorb, pst) -> None:
    """Budget-looking tables that hold no programme, printed after the programme budget as regional
    reports do (Dishub Jatim 2019, Bapenda Garut 2017): indirect spending by account, revenue, and
    spending by kind. Nothing of them is a programme or the report's budget."""
    caption, head, labels = rng.choice(DECOYS)
    title = f"Tabel 3.9 {caption} Tahun {p.year}"
    rep.caption(title)
    body = []
    tq = tr = 0
    for i, label in enumerate(labels):
        q = rng.randint(40, 900) * 10_000_000
        r = int(q * rng.uniform(0.85, 0.99))
        tq, tr = tq + q, tr + r
        body.append(TRow([f"{i + 1}", label, rp(q), rp(r), pct(absorb(r, q), pst).raw]))
    body.append(TRow(["", "JUMLAH", rp(tq), rp(tr), pct(absorb(tr, tq), pst).raw], bold=True))
    widths, small = fit_money([1.0, 7.0, 3.3, 3.3, 1.8], body, size, text=1)
    rep.table([[HCell("No"), HCell(head), HCell("Anggaran"), HCell("Realisasi"), HCell("%")]], body,
              widths, style(p, small, ["no", "goal", "a", "b", "c"]))
    rep.after_table()


def budget(rep: Report, p: Plan, rng: random.Random, grows, size: float) -> None:
    f = p.feats
    spec, conv = p.spec, p.conv
    spec.programs = PROGRAMS_2015 if p.year <= 2019 else PROGRAMS_2020
    progs, ppagu, _preal, cats, cpagu, _creal, P, _R = gen_budget(spec, rng)
    absorb = lambda r, q: q2(r / q * 100)  # noqa: E731
    pst = PctStyle(conv, 2)
    money_rp = rng.random() < 0.3
    wrapped = "budget_wrapped_figures" in f

    def plain_rp(n: int) -> str:
        return money(n, conv, prefix="Rp ").raw if money_rp else money(n, conv).raw

    def rp(n: int):
        return wrap_figure(plain_rp(n), rng) if wrapped else plain_rp(n)

    rep.h2("3.3 Realisasi Anggaran")
    if "budget_sasaran_tables" in f:
        R = budget_sasaran_tables(rep, p, rng, grows, size, progs, ppagu, rp, absorb, pst)
    else:
        R = budget_table(rep, p, rng, grows, size, progs, ppagu, P, rp, absorb, pst)
    rep.budget_totals = {"pagu": P, "realization": R, "absorption_pct": float(absorb(R, P))}
    if "budget_decoy_tables" in f:
        decoy_tables(rep, p, rng, size, plain_rp, absorb, pst)
    rp = plain_rp  # the spending table's figures are not wrapped
    if "spending_table" not in f:
        f.discard("spending_two_kinds")
        return
    if "spending_two_kinds" in f:
        # Belanja Pegawai and Belanja Barang only, no total row (UPBU Tardamu 2025): the other kinds go to barang
        cats, cpagu = ["pegawai", "barang"], [cpagu[0], sum(cpagu[1:])]
    rate = R / P
    big = max(range(len(cpagu)), key=lambda i: cpagu[i])
    creal = [int(c * min(0.9999, rate)) for c in cpagu]
    creal[big] += R - sum(creal)
    label = {"pegawai": "Belanja Pegawai", "barang": "Belanja Barang", "modal": "Belanja Modal",
             "hibah": "Belanja Hibah"}
    title2 = f"Tabel 3.5 Realisasi Anggaran per Jenis Belanja Tahun {p.year}"
    rep.caption(title2)
    body = []
    for c, q, r in zip(cats, cpagu, creal):
        body.append(TRow([label[c], rp(q), rp(r), rp(q - r), pct(absorb(r, q), pst).raw]))
        rep.spending.append({"category": c, "pagu": q, "realization": r, "remaining": q - r})
    if "spending_two_kinds" not in f:
        body.append(TRow(["Total", rp(P), rp(R), rp(P - R), pct(absorb(R, P), pst).raw], bold=True))
    widths, small = fit_money([4.0, 3.4, 3.4, 3.0, 2.0], body, size, text=0)
    rep.table([[HCell("Jenis Belanja"), HCell("Pagu"), HCell("Realisasi"), HCell("Sisa"), HCell("%")]], body,
              widths, style(p, small, ["goal", "a", "b", "c", "d"]))
    last = row_needle(label[cats[-1]], rp(cpagu[-1])) if "spending_two_kinds" in f else row_needle("Total", rp(P))
    rep.extra_tables["spending_table"] = (title2, row_needle(label[cats[0]]), last)
    rep.after_table()


# ------------------------------------------------------------------ the report

def spaced(s: str) -> str:
    return "  ".join(" ".join(w) for w in s.split())


def cover(rep: Report, p: Plan, rng: random.Random) -> None:
    f, n = p.feats, p.names
    cy = p.year + 1 if "cover_year_next" in f else p.year
    damaged = "damaged_cover" in f
    title = rng.choice(["LAPORAN KINERJA", "LAPORAN AKUNTABILITAS KINERJA INSTANSI PEMERINTAH"])
    rep.p("", space_after=60)
    rep.p(spaced(title) if damaged else title, bold=True, size=20, align="center", space_after=6)
    if damaged:
        rep.p(f"TAHUN {str(cy)[:2]}", bold=True, size=16, align="center", space_after=0)
        rep.p(str(cy)[2:], bold=True, size=16, align="center", space_after=80)
    else:
        rep.p(f"TAHUN {cy}", bold=True, size=16, align="center", space_after=80)
    if n.cover_lines:
        for line in n.cover_lines:
            rep.p(line, bold=True, size=15, align="center", space_after=2)
        rep.p(n.place.upper(), bold=True, size=12, align="center")
        return
    first, region = n.cover
    if damaged:
        first = first[0] + " " + first[1:]
    if "cover_name_two_lines" in f:
        rep.p(first, bold=True, size=16, align="center", space_after=2)
        rep.p(region, bold=True, size=16, align="center", space_after=4)
    else:
        rep.p(f"{first} {region}", bold=True, size=15, align="center", space_after=4)
    rep.p(n.place.upper() if p.unit["kind"] != "pusat" else "JAKARTA", bold=True, size=12,
          align="center")


def build(seed: int, index: int, exclude: frozenset[str] = frozenset(),
          units: list[dict] | None = None, require: frozenset[str] = frozenset()
          ) -> tuple[Report, Plan]:
    units = units or load_units()
    p = plan(seed, index, exclude, units, require)
    rng = random.Random(f"lkj-draw-body:{seed}:{index}")
    f, n, spec = p.feats, p.names, p.spec
    size = rng.choice([10, 10.5, 11, 12])
    tsize = rng.choice([8, 8.5, 9, 10])
    rep = Report(f"draw-{seed}-{index:04d}", n.canonical, p.year,
                 p.year + 1 if "cover_year_next" in f else None, rng.choice(FONTS), size,
                 rng.choice(["A4", "A4", "F4"]),
                 footer=rng.choice([None, f"LKj {n.short} Tahun {p.year}"]))
    rep.strict_pages = False   # a caption may end a page above its table: pages run title..last row
    if "running_header" in f:
        set_header(rep.doc.sections[0], f"Laporan Kinerja {n.short} Tahun {p.year}")
    gen = Gen(spec, rng)
    goals = pick_goals(p, rng)
    spec.goals = goals
    grows = goal_items(p, gen, goals, rng)
    if "no_cover" not in f:
        cover(rep, p, rng)
        rep.h1("KATA PENGANTAR")
        long = ("Sekretariat " if "sekretariat_name" in f and p.unit["kind"] != "pusat" else "") + n.long
        for t in prose.kata_pengantar(long, n.short, p.year)[:2]:
            rep.p(t)
        rep.p(f"{n.place if p.unit['kind'] != 'pusat' else 'Jakarta'}, Februari {p.year + 1}",
              align="right", space_before=10)
    rep.h1("BAB I\nPENDAHULUAN", new_page="no_cover" not in f)
    for t in prose.pendahuluan(n.short, p.year, n.place):
        rep.p(t)
    if n.spelt:
        rep.p(f"{n.spelt} merupakan unit pelaksana teknis yang berkedudukan di {n.place}.")
    if "cites_other_units" in f:
        rep.p(f"Penyusunan laporan ini berpedoman pada {n.others[0]} tentang Petunjuk Teknis "
              "Perjanjian Kinerja dan Pelaporan Kinerja di Lingkungan Komisi Pemilihan Umum.")
        for o in n.others[1:]:
            rep.p(f"Dalam pelaksanaan tugasnya, {n.short} berkoordinasi dengan {o} dalam "
                  f"tahapan Pemilu dan Pemilihan Tahun {p.year}.")
    rep.h1("BAB III\nAKUNTABILITAS KINERJA")
    rep.h2("3.1 Capaian Kinerja Organisasi")
    if "goals_per_table_arabic" in f or "goals_per_table_roman" in f or "header_year_span" in f or "header_three_lines" in f:
        f.discard("quarterly_realization")  # drawn in a main table under a one-line header only
    landscape = "landscape_table" in f or "quarterly_realization" in f  # five realisation columns need the width
    rep.p(prose.pengukuran(n.short, p.year), keep_next=not landscape)
    if "table_starts_low" in f:
        for _no, goal, _items in grows[: rng.randint(2, 4)]:
            rep.p(prose.analisis(goal, rng.random() < 0.5))
    if landscape:
        rep.section(landscape=True)
    text_w = (29.7 if landscape else 21.0) - 4.5
    per_goal = "goals_per_table_arabic" in f or "goals_per_table_roman" in f
    if per_goal:
        per_goal_tables(rep, p, grows, rng, tsize, text_w)
    else:
        main_table(rep, p, grows, rng, tsize, text_w)
    if landscape:
        rep.section(landscape=False)
    if "comparison_table" in f:
        comparison_table(rep, p, grows, tsize, 16.5)
    if "stale_table" in f and not per_goal:
        stale_table(rep, p, grows, tsize, 16.5)
    budget(rep, p, rng, grows, tsize)
    rep.h1("BAB IV\nPENUTUP")
    rep.p(prose.penutup(n.short, p.year)[0])
    return rep, p
