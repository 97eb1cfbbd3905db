"""Faithful rendering of the seed report: KPU Kabupaten Lampung Utara, LKj 2024."""
from __future__ import annotations

from . import docxutil as dx
from . import seed_data as S
from .docxutil import HCell, TableStyle, TRow
from .fmt import V
from .report import Report, Row, row_needle

SLUG = "kpu-kab-lampung-utara-2024"
SPACER_PT = 0
UNIT = {"name": "KPU Kabupaten Lampung Utara", "agency": "KPU", "kind": "kabupaten",
        "province": "Lampung"}


def build(seed: int) -> Report:
    r = Report(SLUG, UNIT, 2024, 2025, font="Liberation Sans", size=10.5,
               margins=(2.0, 2.0, 2.0, 2.5),
               footer="Laporan Kinerja KPU Kabupaten Lampung Utara Tahun 2024")
    r.quirks = [
        "cover says TAHUN 2025, report is on 2024 (Kata Pengantar says Tahun 2024)",
        "Tabel 3 and Tabel 4 (plans) carry the same goals/indicators as the measurement table",
        "Tabel 5 crosses pages with a repeated header row; goals 4, 8, 15, 21 span several "
        "indicator rows (vertically merged NO and SASARAN cells); rows may break across pages",
        "Tabel 6 (scale) has the same title text as Tabel 5 apart from its number",
        "row number '10..'; '87,5%' in Tabel 5 vs '87.5%' in the per-goal table; '90 %'",
        "blank realisation/achievement cells for goals 2, 11, 12",
        "grade letters B / BB with an achievement of 88%",
        "counts with units: '2 Lap', '5 Lap', '12 Kali', '1 Satker', '0 orang', '2 Orang'",
        "26 per-goal tables 'Sasaran Strategis N.' that disagree with Tabel 5 "
        "(goals 2, 8, 11, 12, 16, 18, 21)",
        "per-goal tables 8, 15, 21: several indicators in one row, values as lines in one cell",
        "budget table mixes '99.90%' and '99,82%'; spending table uses English grouping "
        "'2,999,452,000' while the budget table uses '3.174.505.000'",
        "spending table: REALISASI row prints '(99.91%)', '(100.00%)', '0.00%' in the "
        "BEBAN BUNGA..TRANSFER columns (cells placed as in the seed's text); landscape page",
        "closing prose: 'Rp. 77.452.486.000,-'",
    ]
    cover(r)
    kata_pengantar(r)
    bab1(r)
    bab2(r)
    bab3(r)
    bab4(r)
    return r


def cover(r: Report):
    r.p("", space_after=60)
    r.p("KOMISI PEMILIHAN UMUM", bold=True, size=20, align="center", space_after=2)
    r.p("KABUPATEN LAMPUNG UTARA", bold=True, size=20, align="center", space_after=80)
    r.p("LAPORAN KINERJA KOMISI PEMILIHAN UMUM KABUPATEN LAMPUNG UTARA TAHUN 2025",
        bold=True, size=16, align="center", space_after=120)
    for t in ("https://kab-lampungutara.kpu.go.id/", "KPULampungutara",
              "KPUKabupatenLampungUtara", "@kpukablamut"):
        r.p(t, align="center", size=10, space_after=2)


def kata_pengantar(r: Report):
    r.h1("KATA PENGANTAR")
    r.p("Segala puji dan syukur kita panjatkan kepada Allah SWT, Tuhan yang Maha Esa karena "
        "berkat rahmat-Nya kami dapat menyusun Laporan Kinerja (LKj) Sekretariat Komisi "
        "Pemilihan Umum (KPU) Lampung Utara Tahun 2024 sebagai wujud pelaksanaan amanat "
        "Peraturan Pemerintah Nomor 08 Tahun 2006 Tentang Pelaporan Keuangan dan Kinerja "
        "Instansi Pemerintah dan menjalankan Peraturan Presiden Nomor 29 Tahun 2014 tentang "
        "Sistem Akuntabilitas Kinerja Instansi Pemerintah.")
    r.p("Laporan Kinerja KPU disusun dengan berpedoman pada Peraturan Menteri Pendayagunaan "
        "Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis "
        "Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja "
        "Instansi Pemerintah dan Keputusan KPU RI Nomor : 5/PR.03-1-Kpt/KPU/I/2018.")
    r.p("Penyusunan Laporan Kinerja Sekretariat KPU Lampung Utara Tahun 2024 mengacu pada "
        "dokumen Penetapan Kinerja (PK) Sekretariat KPU Lampung Utara Tahun 2024.")
    r.p("Demikian Laporan Kinerja Sekretariat KPU Lampung Utara Tahun 2024 ini dibuat untuk "
        "memenuhi ketentuan yang berlaku. Semoga laporan ini bermanfaat bagi pihak pihak yang "
        "berkepentingan dan dapat memenuhi tujuan yang diharapkan.")
    r.p("Kotabumi Januari 2025", align="right", space_before=18, space_after=40)
    r.p("Horizen", align="right", bold=True)


def bab1(r: Report):
    r.h1("I. PENDAHULUAN")
    r.p("Sebagai negara yang menganut paham Demokrasi, Indonesia menjadi negara yang "
        "menempatkan kedaulatan berada di tangan rakyat. Komisi Pemilihan Umum, selanjutnya "
        "disingkat KPU, adalah lembaga Penyelenggara Pemilu yang bersifat nasional, tetap, dan "
        "mandiri yang bertugas melaksanakan Pemilu.")
    r.p("Pada Tahun 2024 alokasi anggaran kegiatan KPU Lampung Utara bersumber dari Anggaran "
        "Pendapatan Belanja Negara (APBN) dan Anggaran Hibah Pemilihan Bupati dan Wakil Bupati "
        "Kabupaten Lampung Utara, maka KPU Lampung Utara juga berkewajiban menyusun Laporan "
        "Kinerja (LK) sebagai wujud dari bukti pertanggungjawaban atas pelaksanaan program.")
    r.h2("2. MAKSUD DAN TUJUAN")
    r.p("Penyusunan Laporan Kinerja Instansi Pemerintah (LKjIP) ini memiliki maksud dan tujuan "
        "antara lain:")
    r.bullets(["Media informasi pelaksanaan program kerja KPU Lampung Utara;",
               "Media pengukuran dan evaluasi periodic kinerja KPU Lampung Utara;",
               "Media pertanggung-jawaban kinerja dan akuntabilitas keuangan KPU Lampung Utara;"],
              marker="{a}.")
    r.h2("3. TUGAS POKOK DAN FUNGSI")
    r.p("Pelaksanaan tugas pokok dan fungsi Sekretariat KPU Lampung Utara yaitu melayani "
        "pelaksanaan tugas dan wewenang KPU dalam penyelenggaraan Pemilu termasuk juga "
        "Pemilukada. Adapun susunan organisasi Sekretariat Komisi Pemilihan Umum Lampung Utara "
        "adalah sebagai berikut:")
    r.bullets(["Sub Bagian Perencanaan Data dan Informasi;",
               "Sub Bagian Keuangan, Umum, dan Logistik;",
               "Sub Bagian Teknis Penyelenggara, dan Hupmas;",
               "Sub Bagian Hukum dan SDM."], marker="{i})")
    r.h2("4. STRUKTUR ORGANISASI")
    r.p("Selanjutnya Struktur organisasi Sekretariat KPU Lampung Utara berdasarkan PKPU Nomor "
        "14 Tahun 2020 adalah seperti gambar berikut :")
    r.p("Gambar 2. Struktur KPU Lampung Utara", align="center", italic=True)
    r.p("Jumlah pegawai KPU Lampung Utara adalah sebanyak 29 orang, yang terdiri dari "
        "Anggota Komisioner KPU Lampung Utara sebanyak 5 (lima) orang, Aparatur Sipil Negara "
        "(ASN) dan Pegawai Pemerintah Non PNS sebanyak 11 (sebelas) orang.")


def _t3_rows(kind: str):
    """Rows of Tabel 3 (kind 't3') or Tabel 4 ('t4')."""
    body, vm = [], []
    for no, goal, inds in S.T3:
        start = len(body)
        for k, (ind, tgt) in enumerate(inds):
            if kind == "t4":
                ind = S.T4_INDICATOR_OVERRIDES.get((no, k), ind)
            vals = [tgt] if kind == "t3" else [tgt, tgt]
            if k == 0:
                body.append(TRow([no, goal, ind] + vals))
            else:
                body.append(TRow([None, None, ind] + vals))
        if len(inds) > 1:
            vm += [(0, start, len(body) - 1), (1, start, len(body) - 1)]
    return body, vm


def bab2(r: Report):
    r.h1("II. PERENCANAAN KINERJA")
    r.h2("1. Rencana Startegis 2020 – 2024")
    r.p("Komisi Pemilihan Umum telah menyusun Rencana Strategis (Renstra) periode 2020-2024, "
        "dan telah ditetapkan melalui Keputusan Komisi Pemilihan Umum Nomor "
        "197/PR.01.3-Kpt/01/KPU/IV/2020 tentang Rencana Strategis KPU Tahun 2020-2024.")
    r.h2("2. Visi Komisi Pemilihan Umum adalah:")
    r.p("Menjadi Penyelenggara Pemilihan Umum yang serentak yang mandiri, Professional, dan "
        "berintegritas untuk Terwujudnya Pemilu yang LUBER dan JURDIL.")
    r.h2("3. Misi Komisi Pemilihan Umum")
    r.bullets(["Meningkatkan kompetensi penyelenggara Pemilu Serentak dengan berpedoman kepada "
               "perundang-undangan dan kode etik penyelenggara Pemilu.",
               "Menyusun peraturan di bidang Pemilu Serentak yang memberikan kepastian hukum, "
               "progresif, dan partisipatif.",
               "Meningkatkan kualitas penyelenggaraan Pemilu Serentak yang efektif dan efisien, "
               "transparan, akuntabel, serta aksesibel."], marker="{a}.")
    r.h2("4. Tujuan Komisi Pemilihan Umum")
    r.bullets(["Mewujudkan Komisi Pemilihan Umum yang mandiri, profesional dan berintegritas;",
               "Menyelenggarakan Pemilu Serentak yang demokratis, tepat waktu, efisien dan efektif; dan",
               "Mewujudkan Pemilu Serentak yang Langsung, Umum, Bebas, Rahasia, Jujur dan Adil."],
              marker="{a}.")
    r.h2("5. Sasaran Strategis Komisi Pemilihan Umum")
    r.p("Seiring dengan tujuan diatas, sasaran strategis Komisi Pemilihan Umum yang akan "
        "dicapai pada periode 2020- 2024 ditetapkan untuk setiap tujuan.")
    r.h2("6. Rencana Kerja tahun 2024")
    r.p("KPU dalam melaksanakan kegiatan berpedoman pada Renstra KPU, yang didalamnya memuat "
        "seluruh target kinerja yang hendak dicapai pada tahun 2024. Rencana Kinerja Tahun 2024 "
        "merupakan tahun Keempat dari periode Renstra 2020-2024, yaitu:")
    st = TableStyle(size=8.5, header_fill="D9D9D9", align=["center", "left", "left", "center"])
    r.caption("Tabel 3. Rencana Kinerja Tahun 2024")
    body, vm = _t3_rows("t3")
    r.table([[HCell("NO"), HCell("SASARAN STRATEGIS"), HCell("INDIKATOR"), HCell("Target")]],
            body, [1.1, 6.2, 7.3, 1.9], st, vm)
    r.after_table()
    r.caption("Tabel 4. Rencana Kinerja Tahun 2024 dalam bentuk Target Kegiatan")
    body, vm = _t3_rows("t4")
    st4 = TableStyle(size=8.5, header_fill="D9D9D9",
                     align=["center", "left", "left", "center", "center"])
    r.table([[HCell("NO"), HCell("SASARAN STRATEGIS"), HCell("INDIKATOR"), HCell("Target"),
              HCell("Target Kegiatan")]], body, [1.1, 5.6, 6.6, 1.6, 1.6], st4, vm)


def bab3(r: Report):
    r.h1("III. AKUNTABILITAS KINERJA")
    r.h2("1. Pengukuran Capaian Kinerja Tahun 2024")
    r.p("Kinerja KPU Lampung Utara Tahun 2024, pada hakekatnya merupakan suatu bagian dari "
        "proses atau kegiatan untuk mencapai sasaran-sasaran Rencana Strategis 2020-2024. "
        "Dengan cara ini, maka penilaian satuan-satuan kinerja akan dapat mencerminkan kinerja "
        "KPU Lampung Utara secara menyeluruh.")
    r.p("Pengukuran tingkat capaian kinerja KPU Lampung Utara Tahun 2024 dilakukan dengan cara "
        "membandingkan antara target indikator kinerja sasaran dengan realisasinya sebagaimana "
        "tersebut dibawah ini :")
    main_table(r)
    r.after_table()
    r.h2("2. Pengukuran dan Analisis Capaian Kinerja")
    r.p("KPU Lampung Utara secara umum dapat mencapai target kinerja sebagaimana telah "
        "ditetapkan pada tahun 2024. Dalam menilai atau mengukur capaian kinerja setiap "
        "indikator sasaran, dikategorikan sesuai dengan skala penilaian capaian sebagai berikut :")
    r.caption(S.T6_TITLE)
    r.table([[HCell("NO"), HCell("Rentang Capaian"), HCell("Kategori Capaian")]],
            [TRow(["1.", "Kurang dari 55%", "Gagal"]),
             TRow(["2.", "55 % sampai dengan 75%", "Cukup baik"]),
             TRow(["3.", "76% sampai dengan 90%", "Baik"]),
             TRow(["4.", "91 % sampai dengan 100%", "Sangat Baik"])],
            [1.2, 6.0, 5.0], TableStyle(size=9, align=["center", "left", "left"]))
    r.after_table()
    r.p("Capaian kinerja diukur dengan membandingkan antara target dengan realisasinya. "
        "Perhitungan Prosentase Capaian Kinerja setiap indikator menggunakan rumus sebagai berikut:")
    r.p("% Cpaian = Realisasi / Target x 100%", align="center", italic=True)
    r.p("Keterangan: Semakin tinggi Realisasi, semakin baik persentase pencapaian kinerjanya. "
        "Dari hasil pengukuran kinerja KPU Lampung Utara, dapat dihitung prosentasi capaian "
        "kinerja KPU Lampung Utara sebesar 100% sehingga dikategorikan capaian kinerja Baik.")
    detail_tables(r)
    budget(r)


def main_table(r: Report):
    header = [[HCell("NO"), HCell("SASARAN STRATEGIS"), HCell("INDIKATOR"), HCell("Target (%)"),
               HCell("Target (Kegiatan)"), HCell("Realisasi"), HCell("Capaian (%)")]]
    body, vm = [], []
    for no, goal, inds in S.T3:
        goal5 = S.T5_GOAL_OVERRIDES.get(no, goal)
        start = len(body)
        for k, (ind, _t) in enumerate(inds):
            ind5 = S.T5_INDICATOR_OVERRIDES.get((no, k), ind)
            t, tk, re, ca = S.T5_VALUES.get((no, k), (S.P100,) * 4)
            cells = [t.raw, tk.raw, re.raw, ca.raw]
            body.append(TRow(([no, goal5] if k == 0 else [None, None]) + [ind5] + cells))
            r.main_rows.append(Row(no, goal5, ind5, t, re, ca,
                                   extra={"Target (Kegiatan)": tk}))
        if len(inds) > 1:
            vm += [(0, start, len(body) - 1), (1, start, len(body) - 1)]
    r.main_title = S.T5_TITLE
    first, last = r.main_rows[0], r.main_rows[-1]
    r.main_needles = (row_needle(first.goal_no, first.goal),
                      row_needle(last.indicator, last.target.raw, last.extra["Target (Kegiatan)"].raw,
                                 last.realization.raw, last.achievement.raw))
    # the space before the title moves Tabel 5's first page break into goal 10's
    # row, as in the seed (its goal text continues on the next page)
    dx.para(r.doc, "", space_after=SPACER_PT)
    r.caption(S.T5_TITLE)
    st = TableStyle(size=8.5, align=["center", "left", "left", "center", "center", "center", "center"])
    r.table(header, body, [1.1, 3.9, 4.8, 1.6, 1.9, 1.6, 1.6], st, vm)


def detail_tables(r: Report):
    header = [[HCell("SASARAN STRATEGIS"), HCell("INDIKATOR"), HCell("Target (%)"),
               HCell("Target (Kegiatan)"), HCell("Realisasi"), HCell("Capaian (%)")]]
    st = TableStyle(size=8.5, repeat_header=False,
                    align=["left", "left", "center", "center", "center", "center"])
    for n in range(1, 27):
        goal, rows = S.D[n]
        body, vm = [], []
        for k, (inds, ts, tks, res, cas) in enumerate(rows):
            body.append(TRow([goal if k == 0 else None, inds,
                              [v.raw for v in ts], [v.raw for v in tks],
                              [v.raw for v in res], [v.raw for v in cas]]))
            shared = len(inds) > 1
            for i, ind in enumerate(inds):
                pick = lambda lst: lst[i] if i < len(lst) else V(None, None, "",  # noqa: E731
                                                                  "cell shared with the line above: value printed once")
                row = Row(str(n), goal, ind, pick(ts), pick(res), pick(cas),
                          extra={"Target (Kegiatan)": pick(tks)})
                if shared:
                    row.notes = (f"per-goal table row holds {len(inds)} indicators; "
                                 "values are lines within one cell")
                r.detail_rows.append(row)
                r.detail_needles.append((f"Sasaran Strategis {n}.SASARAN STRATEGIS", ind))
        if len(rows) > 1:
            vm.append((0, 0, len(body) - 1))
        r.p(f"Sasaran Strategis {n}.", bold=True, align="left", keep_next=True,
            space_before=8)
        r.table(header, body, [3.9, 5.5, 1.6, 1.9, 1.6, 1.6], st, vm)
        if S.D_TEXT[n]:
            r.p(S.D_TEXT[n], space_before=4)
        else:
            r.after_table(2)


def budget(r: Report):
    r.h2("3. Akuntabilitas Keuangan")
    r.p("Alokasi dan realisasi anggaran pada suatu organisasi akan menentukan kelancaran tugas "
        "dan pencapaian tujuan yang terlebih dahulu ditetapkan. Berikut ini kami sampaikan "
        "alokasi anggaran per program beserta penyerapan dalam kegiatan pada tahun 2024..",
        keep_next=True)
    body = [TRow(list(row)) for row in S.BUDGET_ROWS] + [TRow(list(S.BUDGET_TOTAL), bold=True)]
    st = TableStyle(size=9.5, align=["center", "left", "right", "right", "right"])
    r.table([[HCell("No"), HCell("Program"), HCell("Pagu"), HCell("Realisasi"),
              HCell("% Realisasi")]], body, [1.0, 6.6, 3.1, 3.1, 2.2], st)
    r.extra_tables["budget_table"] = (None, row_needle("1", "Dukungan Manajemen", "3.174.505.000"),
                                      row_needle("Total", "77.452.486.000"))
    r.budget_programs = S.BUDGET_PROGRAMS
    r.budget_totals = S.BUDGET_TOTALS
    r.after_table()
    r.p("Pada grafik di atas dapat dijelaskan bahwa KPU Kabupaten Lampung Utara dalam "
        "pelaksanaan program dan kegiatan telah dilakukan secara efektif dan efisien serta dapat "
        "mencapai kinerja organisasi seperti yang telah diperjanjian dalam Perjanjian Kinerja "
        "Tahun 2024.")
    r.section(landscape=True)
    r.p("Adapun Realisasi Penyerapan Anggaran pada KPU Kabupaten Lampung Utara Tahun Anggaran "
        "2024 adalah sebagai berikut :", keep_next=True)
    header = [[HCell("NO", rowspan=2), HCell("KODE NAMA SATKER", rowspan=2),
               HCell("KETERANGAN", rowspan=2), HCell("JENIS BELANJA", colspan=10),
               HCell("TOTAL", rowspan=2)],
              [HCell(h) for h in S.SPEND_HEADER]]
    body = [
        TRow(["1", "656727 KPU KABUPATEN LAMPUNG UTARA", "PAGU"] + S.SPEND_PAGU),
        TRow([None, None, "REALISASI"] + S.SPEND_REAL_1),
        TRow([None, None, "SISA"] + S.SPEND_SISA),
        TRow(["GRAND TOTAL", None, "PAGU"] + S.SPEND_PAGU, bold=True),
        TRow([None, None, "REALISASI"] + S.SPEND_REAL_T, bold=True),
        TRow([None, None, "SISA"] + S.SPEND_SISA, bold=True),
    ]
    widths = [0.8, 2.8, 2.0, 2.2, 2.3, 2.0] + [1.6] * 7 + [2.6]
    st = TableStyle(size=7, align=["center", "left", "left"] + ["right"] * 11,
                    header_fill="BDD7EE")
    r.table(header, body, widths, st, vmerges=[(0, 0, 2), (1, 0, 2)], rects=[(3, 0, 5, 1)])
    r.extra_tables["spending_table"] = (None, row_needle("1", "656727KPUKABUPATENLAMPUNGUTARA"),
                                        row_needle("SISA", *S.SPEND_SISA[:3]))
    r.spending = S.SPENDING


def bab4(r: Report):
    r.section(landscape=False)
    r.h1("IV. PENUTUP", new_page=False)
    r.p("Laporan Kinerja sekretariat KPU Kabupaten Lampung Utara Tahun 2024 merupakan wujud "
        "akuntabilitas kinerja KPU dalam menjalankan tugasnya. Sesuai arah kebijakan dalam "
        "menjalankan tugas, program dan kegiatannya KPU berpegangan pada tujuan, sasaran, dan "
        "program kerja yang berpedoman pada Renstra KPU Kabupaten Lampung Utara Tahun 2020 – 2024.")
    r.p("Hasil capaian kinerja sasaran yang ditetapkan secara umum ada yang belum dapat "
        "memenuhi target dan sesuai dengan rencana yang telah ditetapkan. Dari hasil pengukuran "
        "terhadap pencapaian sasaran tersebut, secara umum telah mencapai nilai dalam kisaran "
        "> 91 – 100 yang termasuk dalam Interpretasi Berhasil.")
    r.p("Tahun Anggaran 2024 untuk pelaksanaan program dan kegiatan pada KPU Kabupaten Lampung "
        "Utara dalam rangka mencapai target kinerja yang ingin dicapai dianggarkan melalui "
        "Anggaran Pendapatan dan Belanja Negara (APBN) Tahun Anggaran 2024 sebesar sebesar "
        "Rp. 77.452.486.000,- sedangkan realisasi anggaran mencapai Rp. 77.319.385.462,- atau "
        "dengan serapan dana APBN mencapai sekitar 99,83 %.")
    r.p("Beberapa sasaran program/kegiatan yang tetap akan dilaksanakan oleh KPU Kabupaten "
        "Lampung Utara kedepan, antara lain:")
    r.bullets(["Melakukan sosialisasi Pemilu melalui media dan pendidikan Pemilih dengan "
               "metode/strategi yang lebih variatif;",
               "Memberikan pemahaman kepada masyarakat untukaktif dalam pemutakhiran data pemilih;",
               "Menyusun regulasi lebih awal karena prosedur yang harus dilalui dengan melibatkan "
               "banyak pihak sesuai peraturan perundang-undangan;"])
    r.p("Dengan tersusunnya Laporan Kinerja KPU Kabupaten Lampung Utara , diharapkan dapat "
        "memberikan gambaran Kinerja KPU Kabupaten Lampung Utara kepada pihak-pihak terkait.")
