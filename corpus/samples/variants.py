"""Variant reports: other KPU/KIP units and years, built from the catalog of
indicators with generated values and varied typesetting."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import prose
from .catalog import BY_KEY, GRADE_SCORE, SATUAN_UNIT, Ind
from .docxutil import HCell, TableStyle, TRow
from .fmt import EN, ID, PctStyle, V, count, grade, money, num, pct, plain, q2
from .report import Report, Row, row_needle


@dataclass
class Spec:
    slug: str
    unit: dict
    short: str                 # "KPU Kota Bandar Lampung"
    long: str                  # "Komisi Pemilihan Umum Kota Bandar Lampung"
    city: str
    year: int
    cover_year: int | None
    goals: list                # [(goal key, [indicator indexes])]
    font: str = "Liberation Serif"
    size: float = 11
    table_size: float = 9
    paper: str = "A4"
    conv: str = ID
    pct_decimals: int | None = None      # 2: "100,00%"
    pct_space: bool = False
    long_labels: bool = False            # "Laporan" instead of "Lap"
    # main table
    main: bool = True
    title: str = ""
    cols: list = field(default_factory=list)       # keys, see COLS
    headers: dict = field(default_factory=dict)    # key -> printed header
    layout: str = "merged"                         # merged | group | bullets
    two_level: str | None = None                   # spanning header over target/real/ach
    numbered_header: bool = False
    repeat_header: bool = True
    borders: str = "grid"
    landscape_main: bool = False
    header_upper: bool = False
    no_style: str = "{n}."                         # goal number as printed
    widths: list = field(default_factory=list)
    # values
    under: float = 0.25
    over: float = 0.1
    wrong_ach: int = 0                             # deliberate inconsistencies
    # other content
    plan_table: bool = True
    detail: str | None = None                      # None | "after_main" | "only"
    detail_disagree: int = 0
    budget: str = "after"                          # after | before | prose
    spending: bool = True
    budget_scale: int = 10_000_000_000
    programs: list = field(default_factory=list)
    quirks: list = field(default_factory=list)


PROGRAMS_2020 = ["Program Dukungan Manajemen",
                 "Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi"]
PROGRAMS_2015 = ["Program Dukungan Manajemen dan Pelaksanaan Tugas Teknis Lainnya KPU",
                 "Program Penguatan Kelembagaan Demokrasi dan Perbaikan Proses Politik",
                 "Program Peningkatan Sarana dan Prasarana Aparatur KPU"]


# ------------------------------------------------------------------ values

class Gen:
    def __init__(self, spec: Spec, rng: random.Random):
        self.s = spec
        self.rng = rng
        self.pst = PctStyle(spec.conv, spec.pct_decimals, spec.pct_space)

    def label(self, ind: Ind) -> str:
        return ind.satuan if self.s.long_labels else ind.label

    def satuan_mode(self) -> bool:
        return "satuan" in self.s.cols

    def fmt(self, ind: Ind, x) -> V:
        """Target/realisation cell for value x of indicator ind."""
        s = self.s
        if ind.kind == "grade":
            return grade(x)
        if self.satuan_mode():
            u = SATUAN_UNIT[ind.satuan]
            if ind.kind == "index":
                return plain(x, u, s.conv, decimals=2)
            if ind.kind == "pct":
                return plain(x, "%", s.conv)
            return V(int(x), u, num(x, s.conv))
        if ind.kind == "pct":
            return pct(x, self.pst)
        if ind.kind == "index":
            v = plain(x, None, s.conv, decimals=2)
            return V(float(q2(x)), None, v.raw)
        return count(int(x), self.label(ind), s.conv)

    def ach(self, x) -> V:
        if self.satuan_mode():
            return plain(x, "%", self.s.conv, decimals=self.s.pct_decimals)
        return pct(x, self.pst)

    def values(self, ind: Ind):
        """(target, realization, achievement number, prev-year realization, note)."""
        r = self.rng
        t = r.choice(ind.targets)
        roll = r.random()
        under = roll < self.s.under
        over = not under and roll < self.s.under + self.s.over
        note = None
        if ind.kind == "pct":
            if under:
                x = round(t - r.uniform(2, 22), r.choice([0, 0, 1, 2]))
            elif over and t < 100:
                x = min(100, t + r.choice([2, 5, 7.5]))
            else:
                x = t
            a = q2(x / t * 100)
            prev = round(max(0, t - r.choice([0, 0, 2.5, 5, 10])), 1)
        elif ind.kind == "count":
            x = t - r.randint(1, max(1, t // 2)) if under else (t + r.randint(1, 2) if over else t)
            a = q2(x / t * 100)
            prev = max(0, t - r.choice([0, 0, 1]))
        elif ind.kind == "lower":
            x = r.choice([t + 1, t + 2]) if under else r.choice([0, t - 1, t])
            a = q2(max(0, (2 * t - x)) / t * 100)
            prev = t + r.choice([0, 1, 2])
            note = "lower is better: achievement = (2 x target - realization) / target x 100"
        elif ind.kind == "grade":
            x = r.choice(["CC", "B"]) if under else (r.choice(["BB", "A"]) if over else t)
            a = q2(GRADE_SCORE[x] / GRADE_SCORE[t] * 100)
            prev = r.choice(["B", "BB", "CC"])
            note = "grade achievement from SAKIP scores (CC=50, B=60, BB=70, A=80)"
        elif ind.kind == "index":
            x = round(t + (r.uniform(-0.5, -0.05) if under else r.uniform(0, 0.3)), 2)
            a = q2(x / t * 100)
            prev = round(t - r.uniform(0, 0.3), 2)
        else:
            raise ValueError(ind.kind)
        return t, x, a, prev, note


# ------------------------------------------------------------------ tables

DEFAULT_HEADERS = {"no": "No", "goal": "Sasaran Strategis", "indicator": "Indikator Kinerja",
                   "satuan": "Satuan", "prev": "Realisasi {py}", "target": "Target",
                   "real": "Realisasi", "ach": "Capaian", "ket": "Keterangan"}


def _goal_rows(spec: Spec, gen: Gen):
    """The typed rows of the report: [(goal no printed, goal, [(ind, Row, prev V)])]."""
    out = []
    for gi, (key, idxs) in enumerate(spec.goals):
        g = BY_KEY[key]
        no = spec.no_style.format(n=gi + 1)
        items = []
        for ii in idxs:
            ind = g.inds[ii]
            t, x, a, prev, note = gen.values(ind)
            row = Row(no, g.text, ind.text, gen.fmt(ind, t), gen.fmt(ind, x), gen.ach(a),
                      notes=note, lower_is_better=ind.kind == "lower")
            if "satuan" in spec.cols:
                row.satuan = ind.satuan
            pv = gen.fmt(ind, prev)
            if "prev" in spec.cols:
                row.extra[header(spec, "prev")] = pv
            items.append((ind, row, pv))
        out.append((no, g.text, items))
    return out


def header(spec: Spec, key: str) -> str:
    h = spec.headers.get(key, DEFAULT_HEADERS[key])
    return h.format(y=spec.year, py=spec.year - 1)


def _value_cell(spec, key, ind, row: Row, pv: V):
    if key == "satuan":
        return ind.satuan
    if key == "prev":
        return pv.raw
    if key == "target":
        return row.target.raw
    if key == "real":
        return row.realization.raw
    if key == "ach":
        return row.achievement.raw
    if key == "ket":
        a = row.achievement.value
        return "Tercapai" if a is not None and a >= 100 else "Tidak Tercapai"
    raise KeyError(key)


def build_main(rep: Report, spec: Spec, grows):
    cols = spec.cols
    ncols = len(cols)
    # header rows
    vkeys = ["target", "real", "ach"]
    if spec.two_level:
        top, bottom = [], []
        for k in cols:
            if k in vkeys:
                if k == "target":
                    top.append(HCell(spec.two_level.format(y=spec.year), colspan=3))
                bottom.append(HCell(header(spec, k)))
            else:
                top.append(HCell(header(spec, k), rowspan=2))
        hdr = [top, bottom]
    else:
        hdr = [[HCell(header(spec, k)) for k in cols]]
    body, vm = [], []
    first_needle = last_cells = None
    for no, goal, items in grows:
        if spec.layout == "group":
            gtxt = f"{no} Sasaran : {goal}"
            body.append(TRow(group=gtxt))
            first_needle = first_needle or row_needle(gtxt)
            for k, (ind, row, pv) in enumerate(items):
                cells = []
                for c in cols:
                    if c == "no":
                        cells.append(f"{no.rstrip('.')}.{k + 1}")
                    elif c == "indicator":
                        cells.append(ind.text)
                    else:
                        cells.append(_value_cell(spec, c, ind, row, pv))
                body.append(TRow(cells))
                last_cells = cells
                rep.main_rows.append(row)
            continue
        if spec.layout == "bullets" and len(items) > 1:
            # all indicators of the goal in one row: "a. ...", values as lines
            cells = []
            for c in cols:
                if c == "no":
                    cells.append(no)
                elif c == "goal":
                    cells.append(goal)
                elif c == "indicator":
                    cells.append([f"{'abcdef'[k]}. {ind.text}" for k, (ind, _, _) in enumerate(items)])
                else:
                    cells.append([_value_cell(spec, c, ind, row, pv) for ind, row, pv in items])
            body.append(TRow(cells))
            first_needle = first_needle or row_needle(no, goal)
            last_cells = [x if isinstance(x, str) else "".join(x) for x in cells]
            for k, (_ind, row, _pv) in enumerate(items):
                row.notes = "; ".join(x for x in (row.notes, "indicators of this goal share one table row, "
                                                  f"printed with the bullet '{'abcdef'[k]}.' (not part "
                                                  "of the indicator text); values are lines in one cell") if x)
                rep.main_rows.append(row)
            continue
        start = len(body)
        for k, (ind, row, pv) in enumerate(items):
            cells = []
            for c in cols:
                if c == "no":
                    cells.append(no if k == 0 else None)
                elif c == "goal":
                    cells.append(goal if k == 0 else None)
                elif c == "indicator":
                    cells.append(ind.text)
                else:
                    cells.append(_value_cell(spec, c, ind, row, pv))
            body.append(TRow(cells))
            last_cells = cells
            rep.main_rows.append(row)
            if first_needle is None:
                first_needle = row_needle(no, goal) if "goal" in cols else row_needle(no)
        if len(items) > 1:
            for c in ("no", "goal"):
                if c in cols:
                    vm.append((cols.index(c), start, len(body) - 1))
    aligns = ["center" if c in ("no", "satuan", "target", "real", "ach", "prev", "ket") else "left"
              for c in cols]
    st = TableStyle(size=spec.table_size, borders=spec.borders, repeat_header=spec.repeat_header,
                    header_fill=None if spec.borders == "none" else "D9D9D9",
                    header_upper=spec.header_upper, align=aligns,
                    numbered_header=spec.numbered_header,
                    group_fill=None if spec.borders == "none" else "F2F2F2")
    rep.main_title = spec.title.format(y=spec.year)
    rep.main_needles = (first_needle, row_needle(*[c for c in last_cells if c]))
    rep.caption(rep.main_title)
    rep.table(hdr, body, spec.widths, st, vm)
    rep.after_table()
    assert len(spec.widths) == ncols


def plan_table(rep: Report, spec: Spec, grows, title: str):
    body, vm = [], []
    for no, goal, items in grows:
        start = len(body)
        for k, (ind, row, _pv) in enumerate(items):
            body.append(TRow([no if k == 0 else None, goal if k == 0 else None, ind.text,
                              row.target.raw + (f" {ind.satuan}" if "satuan" in spec.cols
                                                and ind.kind != "grade" else "")]))
        if len(items) > 1:
            vm += [(0, start, len(body) - 1), (1, start, len(body) - 1)]
    st = TableStyle(size=spec.table_size, borders=spec.borders,
                    header_fill=None if spec.borders == "none" else "D9D9D9",
                    align=["center", "left", "left", "center"])
    rep.caption(title)
    text_w = sum(spec.widths) if not spec.landscape_main else 16
    w = [1.0, (text_w - 3.4) * 0.45, (text_w - 3.4) * 0.55, 2.4]
    rep.table([[HCell("No"), HCell(header(spec, "goal")), HCell(header(spec, "indicator")),
                HCell(f"Target {spec.year}")]], body, w, st, vm)
    rep.after_table()


def detail_tables(rep: Report, spec: Spec, grows, gen: Gen):
    """Per-goal tables "Tabel 3.N"; with detail_disagree > 0 some values differ."""
    rng = gen.rng
    disagree_left = spec.detail_disagree
    satuan = "satuan" in spec.cols
    st = TableStyle(size=spec.table_size, borders=spec.borders, repeat_header=False,
                    header_fill=None if spec.borders == "none" else "EDEDED",
                    align=["center", "left"] + ["center"] * (4 if satuan else 3))
    for gi, (_no, goal, items) in enumerate(grows):
        n = gi + 1
        if spec.detail == "only":
            cap = f"Sasaran Strategis {n} : {goal}"
            rep.p(cap, bold=True, align="left", keep_next=True, space_before=8)
        else:
            cap = f"Tabel 3.{n + 1} Capaian Sasaran Strategis {n}"
            rep.caption(cap)
        body = []
        for k, (ind, row, _pv) in enumerate(items):
            d = Row(str(n), goal, ind.text, row.target, row.realization, row.achievement,
                    notes=row.notes, lower_is_better=row.lower_is_better, satuan=row.satuan)
            if disagree_left and k == 0 and gi % 2 == 1 and ind.kind == "pct":
                disagree_left -= 1
                t = row.target.value
                x = float(q2(t - rng.choice([1.5, 3, 4.5])))
                d.realization = gen.fmt(ind, x)
                d.achievement = gen.ach(q2(x / t * 100))
                d.notes = "deliberate: realization differs from the main table"
            rep.detail_rows.append(d)
            rep.detail_needles.append((cap + "No", f"{k + 1}." + ind.text))
            sat = [ind.satuan] if satuan else []
            body.append(TRow([f"{k + 1}.", ind.text] + sat + [d.target.raw, d.realization.raw,
                                                             d.achievement.raw]))
        tw = 16.0
        hdr = [HCell("No"), HCell("Indikator Kinerja")] + ([HCell("Satuan")] if satuan else []) + \
              [HCell("Target"), HCell("Realisasi"), HCell(header(spec, "ach") if satuan else "Capaian")]
        widths = [1.0, tw - 7.6] + ([1.6] if satuan else []) + [2.2, 2.2, 2.2]
        if satuan:
            widths[1] -= 1.6
        rep.table([hdr], body, widths, st)
        ok = all((r.achievement.value or 0) >= 100 for _, r, _ in items)
        rep.p(prose.analisis(goal, ok), space_before=4)


# ------------------------------------------------------------------ budget

def split(rng, total: int, weights: list[float]) -> list[int]:
    s = sum(weights)
    parts = [int(total * w / s) // 1000 * 1000 for w in weights[:-1]]
    parts.append(total - sum(parts))
    return parts


def gen_budget(spec: Spec, rng: random.Random):
    P = int(spec.budget_scale * rng.uniform(0.8, 1.2)) // 1000 * 1000
    progs = spec.programs or (PROGRAMS_2015 if spec.year <= 2019 else PROGRAMS_2020)
    ppagu = split(rng, P, [rng.uniform(0.2, 0.5)] + [rng.uniform(0.5, 1.5) for _ in progs[1:]])
    preal = [int(p * rng.uniform(0.9, 0.999)) for p in ppagu]
    R = sum(preal)
    cats = ["pegawai", "barang", "modal"] + (["hibah"] if spec.year in (2020, 2024) and
                                              spec.unit["kind"] != "pusat" else [])
    cpagu = split(rng, P, [rng.uniform(0.15, 0.3), rng.uniform(0.5, 0.8), rng.uniform(0.03, 0.08)]
                  + [rng.uniform(0.1, 0.3)] * (len(cats) - 3))
    # realisations per category summing to R, each below its pagu
    rate = R / P
    big = max(range(len(cpagu)), key=lambda i: cpagu[i])
    for jitter in (0.004, 0.0):
        creal = [int(c * min(0.9999, rate * (1 + rng.uniform(-jitter, jitter)))) for c in cpagu]
        creal[big] += R - sum(creal)
        if all(0 <= r <= c for r, c in zip(creal, cpagu)):
            break
    assert sum(creal) == R and all(0 <= r <= c for r, c in zip(creal, cpagu)), (creal, cpagu)
    return progs, ppagu, preal, cats, cpagu, creal, P, R


def budget_section(rep: Report, spec: Spec, rng: random.Random, heading: str):
    progs, ppagu, preal, cats, cpagu, creal, P, R = gen_budget(spec, rng)
    conv = spec.conv
    absorb = lambda r, p: q2(r / p * 100)  # noqa: E731
    pst = PctStyle(conv, 2)
    rep.budget_totals = {"pagu": P, "realization": R, "absorption_pct": float(absorb(R, P))}
    rep.h2(heading)
    if spec.budget == "prose":
        rp = lambda n: money(n, conv, prefix="Rp ", suffix=",-").raw  # noqa: E731
        rep.p(f"Dalam rangka mendukung pencapaian sasaran strategis, {spec.short} pada Tahun "
              f"Anggaran {spec.year} memperoleh alokasi anggaran (pagu) sebesar {rp(P)} dengan "
              f"realisasi sebesar {rp(R)} atau {pct(absorb(R, P), pst).raw} dari pagu. Sisa "
              f"anggaran sebesar {rp(P - R)} merupakan hasil efisiensi pelaksanaan kegiatan.")
        rep.p("Penyerapan anggaran tersebut terbagi atas program dukungan manajemen dan program "
              "penyelenggaraan Pemilu, dengan rincian yang telah dilaporkan dalam Laporan "
              "Keuangan satuan kerja.")
        return
    rp = (lambda n: money(n, conv, prefix="Rp ").raw) if conv == EN else \
         (lambda n: money(n, conv).raw)  # noqa: E731
    rep.p(f"Realisasi anggaran {spec.short} Tahun Anggaran {spec.year} per program adalah "
          f"sebagai berikut:", keep_next=True)
    title = f"Tabel 3.{len(spec.goals) + 3} Realisasi Anggaran per Program Tahun {spec.year}"
    rep.caption(title)
    body = []
    for i, (name, p, r) in enumerate(zip(progs, ppagu, preal)):
        body.append(TRow([str(i + 1), name, rp(p), rp(r), pct(absorb(r, p), pst).raw]))
        rep.budget_programs.append({"program": name, "pagu": p, "realization": r,
                                    "absorption_pct": float(absorb(r, p))})
    body.append(TRow(["", "Jumlah", rp(P), rp(R), pct(absorb(R, P), pst).raw], bold=True))
    st = TableStyle(size=spec.table_size, borders=spec.borders,
                    header_fill=None if spec.borders == "none" else "D9D9D9",
                    align=["center", "left", "right", "right", "center"])
    ph = "Pagu (Rp)" if conv == ID else "Pagu"
    rh = "Realisasi (Rp)" if conv == ID else "Realisasi"
    rep.table([[HCell("No"), HCell("Program"), HCell(ph), HCell(rh), HCell("%")]], body,
              [1.0, 6.6, 3.4, 3.4, 1.8], st)
    rep.extra_tables["budget_table"] = (title, row_needle("1", progs[0]),
                                        row_needle("Jumlah", rp(P)))
    rep.after_table()
    if not spec.spending:
        return
    names = {"pegawai": "Belanja Pegawai", "barang": "Belanja Barang", "modal": "Belanja Modal",
             "hibah": "Belanja Hibah"}
    title2 = f"Tabel 3.{len(spec.goals) + 4} Realisasi Anggaran per Jenis Belanja Tahun {spec.year}"
    rep.caption(title2)
    body = []
    for c, p, r in zip(cats, cpagu, creal):
        body.append(TRow([names[c], rp(p), rp(r), rp(p - r), pct(absorb(r, p), pst).raw]))
        rep.spending.append({"category": c, "pagu": p, "realization": r, "remaining": p - r})
    body.append(TRow(["Total", rp(P), rp(R), rp(P - R), pct(absorb(R, P), pst).raw], bold=True))
    st.align = ["left", "right", "right", "right", "center"]
    rep.table([[HCell("Jenis Belanja"), HCell("Pagu"), HCell("Realisasi"), HCell("Sisa"),
                HCell("%")]], body, [4.0, 3.4, 3.4, 3.0, 2.0], st)
    rep.extra_tables["spending_table"] = (title2, row_needle(names[cats[0]]),
                                          row_needle("Total", rp(P)))
    rep.after_table()


# ------------------------------------------------------------------ report

def build(spec: Spec, seed: int) -> Report:
    rng = random.Random(f"{seed}:{spec.slug}")
    gen = Gen(spec, rng)
    rep = Report(spec.slug, spec.unit, spec.year, spec.cover_year, spec.font, spec.size,
                 spec.paper, footer=f"LKj {spec.short} Tahun {spec.year}")
    rep.quirks = list(spec.quirks)
    grows = _goal_rows(spec, gen)
    _deliberate(spec, grows, rng)
    n_inds = sum(len(i) for _, _, i in grows)
    # cover
    cy = spec.cover_year or spec.year
    rep.p("", space_after=70)
    rep.p("LAPORAN KINERJA", bold=True, size=22, align="center", space_after=6)
    rep.p(f"(LKj) TAHUN {cy}", bold=True, size=16, align="center", space_after=90)
    rep.p(spec.long.upper(), bold=True, size=16, align="center", space_after=4)
    rep.p(spec.city.upper(), bold=True, size=13, align="center", space_after=4)
    # kata pengantar
    rep.h1("KATA PENGANTAR")
    for t in prose.kata_pengantar(spec.long, spec.short, spec.year):
        rep.p(t)
    rep.p(f"{spec.city}, Februari {spec.year + 1}", align="right", space_before=14)
    rep.p(f"Sekretaris {spec.short}", align="right", space_after=30)
    # ikhtisar
    rep.h1("IKHTISAR EKSEKUTIF")
    for t in prose.ikhtisar(spec.short, spec.year, len(grows), n_inds):
        rep.p(t)
    # bab I
    rep.h1("BAB I\nPENDAHULUAN")
    rep.h2("1.1 Latar Belakang")
    for t in prose.pendahuluan(spec.short, spec.year, spec.city):
        rep.p(t)
    rep.h2("1.2 Tugas dan Fungsi")
    rep.bullets(prose.TUGAS, marker="{a}.")
    rep.h2("1.3 Struktur Organisasi")
    rep.bullets(prose.ORGANISASI)
    # bab II
    rep.h1("BAB II\nPERENCANAAN KINERJA")
    rep.h2("2.1 Rencana Strategis")
    for t in prose.renstra(spec.year):
        rep.p(t)
    if spec.plan_table:
        rep.h2("2.2 Perjanjian Kinerja")
        plan_table(rep, spec, grows, f"Tabel 2.1 Perjanjian Kinerja Tahun {spec.year}")
    # bab III
    rep.h1("BAB III\nAKUNTABILITAS KINERJA")
    if spec.budget == "before":
        budget_section(rep, spec, rng, "3.1 Realisasi Anggaran")
    rep.h2(("3.2" if spec.budget == "before" else "3.1") + " Capaian Kinerja Organisasi")
    rep.p(prose.pengukuran(spec.short, spec.year), keep_next=not spec.landscape_main)
    if spec.main:
        if spec.landscape_main:
            rep.section(landscape=True)
        build_main(rep, spec, grows)
        if spec.landscape_main:
            rep.section(landscape=False)
    if spec.detail:
        if spec.main:
            rep.p("Uraian capaian masing-masing sasaran strategis disajikan sebagai berikut.")
        detail_tables(rep, spec, grows, gen)
    else:
        for _no, goal, items in grows[:4]:
            ok = all((r.achievement.value or 0) >= 100 for _, r, _ in items)
            rep.p(prose.analisis(goal, ok))
    if spec.budget != "before":
        budget_section(rep, spec, rng, "3.3 Realisasi Anggaran")
    # bab IV
    rep.h1("BAB IV\nPENUTUP")
    for t in prose.penutup(spec.short, spec.year):
        rep.p(t)
    return rep


def _deliberate(spec: Spec, grows, rng):
    """Make ``wrong_ach`` achievements inconsistent with target/realisation."""
    cands = [row for _, _, items in grows for ind, row, _ in items
             if ind.kind in ("pct", "count") and row.achievement.value not in (None, 100.0)]
    rng.shuffle(cands)
    for row in cands[:spec.wrong_ach]:
        true = row.achievement.value
        shown = 100.0
        old = row.achievement
        new_raw = old.raw.replace(num(q2(true), spec.conv, spec.pct_decimals,
                                      trim=spec.pct_decimals is None),
                                  num(q2(shown), spec.conv, spec.pct_decimals,
                                      trim=spec.pct_decimals is None), 1)
        row.achievement = V(shown, old.unit, new_raw,
                            f"deliberate: achievement printed as {new_raw} although "
                            f"realization/target gives {true}")
