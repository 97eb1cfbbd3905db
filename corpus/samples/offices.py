"""Units other than the election commissions, for the cover features of issue 14's class 1
(``cover_name_wrapped``, ``cover_central_body``, ``seat_named_office`` in ``features.py``).

- An agency of a regional government with a long name that the cover wraps over several lines
  (``Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga`` / ``Berencana`` / ``Provinsi
  Sumatera Utara``, DP3AKB Sumut 2024).
- A vertical unit of a ministry printed under its ministry and directorate general
  (``KEMENTERIAN PERHUBUNGAN`` / ``DIREKTORAT JENDERAL PERHUBUNGAN UDARA`` / ``KANTOR UPBU KELAS III
  TARDAMU SABU``, UPBU Tardamu 2024), its name sometimes abbreviated on the cover and spelt out once
  in the body.
- An office named after its seat (``Kejaksaan Negeri Salatiga``, Kejari Salatiga 2025): kind and
  province are those of the seat's region.

The seats are regions of the gazetteer whose name is one region only (not ``Bekasi``, a kabupaten and
a kota), so that the expected kind and province are certain.
"""
from __future__ import annotations

import random
import textwrap

#: Long names of regional agencies (eight words or more with the place).
LONG_AGENCIES = (
    "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana",
    "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana",
    "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "Dinas Koperasi, Usaha Kecil dan Menengah",
    "Dinas Pengendalian Penduduk dan Keluarga Berencana",
    "Dinas Lingkungan Hidup dan Kehutanan",
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
)
#: (ministry, directorate general, office, the office's acronym form or None); the seat follows the office.
MINISTRY_OFFICES = (
    ("Kementerian Perhubungan", "Direktorat Jenderal Perhubungan Udara",
     "Kantor Unit Penyelenggara Bandar Udara Kelas III", "Kantor UPBU Kelas III"),
    ("Kementerian Perhubungan", "Direktorat Jenderal Perhubungan Laut",
     "Kantor Unit Penyelenggara Pelabuhan Kelas II", "Kantor UPP Kelas II"),
    ("Kementerian Pekerjaan Umum", "Direktorat Jenderal Bina Marga", "Balai Pelaksanaan Jalan Nasional", "BPJN"),
    ("Kementerian Keuangan", "Direktorat Jenderal Pajak", "Kantor Pelayanan Pajak Pratama", "KPP Pratama"),
    ("Kementerian Kesehatan", "Direktorat Jenderal Pencegahan dan Pengendalian Penyakit",
     "Balai Kekarantinaan Kesehatan", None),
)
#: (top body, middle body before the province, office named after its seat).
SEAT_OFFICES = (
    ("Kejaksaan Republik Indonesia", "Kejaksaan Tinggi", "Kejaksaan Negeri"),
    ("Mahkamah Agung Republik Indonesia", "Pengadilan Tinggi", "Pengadilan Negeri"),
    ("Mahkamah Agung Republik Indonesia", "Pengadilan Tinggi Agama", "Pengadilan Agama"),
)
FEATURES = ("cover_name_wrapped", "cover_central_body", "seat_named_office")


def seats(units: list[dict]) -> list[dict]:
    """Kabupaten and kota whose name is one region only and has three words at most."""
    names: dict[str, int] = {}
    for u in units:
        names[u["name"].lower()] = names.get(u["name"].lower(), 0) + 1
    return [u for u in units if u["kind"] in ("kabupaten", "kota") and names[u["name"].lower()] == 1
            and len(u["name"].split()) <= 3]


def wrapped(text: str, rng: random.Random) -> list[str]:
    """``text`` over lines of 25-40 characters, as a cover prints a long name; the region may take a line of its own."""
    return textwrap.wrap(text, rng.randint(25, 40))


def office_names(feats: set[str], u: dict, units: list[dict], rng: random.Random) -> dict:
    """The unit, its cover lines, the name the body uses and its seat, for a report drawn with one of
    :data:`FEATURES` (``u`` is the commission the draw picked: its region is the agency's region)."""
    upper = rng.random() < 0.6
    if "seat_named_office" in feats or "cover_central_body" in feats:
        seat = rng.choice(seats(units))
        province = seat["province"]
        if "seat_named_office" in feats:
            top, middle, office = rng.choice(SEAT_OFFICES)
            name = f"{office} {seat['name']}"
            above, printed, spelt = [top, f"{middle} {province}"], name, None
        else:
            top, middle, office, short = rng.choice(MINISTRY_OFFICES)
            name = f"{office} {seat['name']}"
            printed = f"{short} {seat['name']}" if short and rng.random() < 0.5 else name
            above, spelt = [top, middle], (name if printed != name else None)
        lines = ([*above] if "cover_central_body" in feats else []) + [printed]
        unit = {"name": name, "agency": office, "kind": seat["kind"], "province": province}
        return {"unit": unit, "cover": [line.upper() if upper else line for line in lines], "short": printed,
                "place": seat["name"], "spelt": spelt}
    region = u if u["kind"] != "pusat" else rng.choice([x for x in units if x["kind"] == "provinsi"])
    agency = rng.choice(LONG_AGENCIES)
    name = f"{agency} {region['kind'].title()} {region['name']}"
    lines = wrapped(agency, rng) + [f"{region['kind'].title()} {region['name']}"] if rng.random() < 0.5 else wrapped(name, rng)
    unit = {"name": name, "agency": agency, "kind": region["kind"], "province": region["province"]}
    return {"unit": unit, "cover": [line.upper() if upper else line for line in lines], "short": name,
            "place": region["name"], "spelt": None}
