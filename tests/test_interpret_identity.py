"""Which unit an OPD's report is about, from running headers, abbreviations and how often it is named."""
from __future__ import annotations

from lkj.extract.identity import _unspace, find_unit, running_lines

PROSE = "Pemerintah Provinsi Jawa Barat menetapkan kebijakan pembangunan daerah.\n"


def pages_with(header: str, body: str, n: int = 10) -> list[str]:
    return [f"{header}\n{body}\nhalaman {i}" for i in range(1, n + 1)]


def test_letter_spaced_headings_are_read_as_words():
    assert _unspace("INSPEKTORAT P R O V I N S I J A W A B A R A T") == "INSPEKTORAT PROVINSI JAWA BARAT"


def test_running_header_names_the_unit_over_its_government():
    pages = pages_with("INSPEKTORAT P R O V I N S I J A W A B A R A T", PROSE * 3, n=4)
    assert "INSPEKTORAT PROVINSI JAWA BARAT" in running_lines([_unspace(p) for p in pages])
    assert find_unit(pages).name == "Inspektorat Provinsi Jawa Barat"


def test_a_defined_abbreviation_stands_for_the_unit():
    first = "Badan Pengelolaan Lingkungan Hidup Daerah (BPLHD) Provinsi Jawa Barat dibentuk tahun 2008."
    pages = [f"LKIP BPLHD Provinsi Jawa Barat 2016\n{first}"] + pages_with("LKIP BPLHD Provinsi Jawa Barat 2016", PROSE, n=9)
    assert find_unit(pages).name == "Badan Pengelolaan Lingkungan Hidup Daerah Provinsi Jawa Barat"


def test_bodies_listed_in_a_regulation_title_are_not_the_unit():
    first = ("Dinas ini dibentuk berdasarkan Peraturan Daerah Nomor 22 Tahun 2008 tentang Organisasi dan Tata Kerja "
             "Inspektorat, Lembaga Teknis dan Satuan Polisi Pamong Praja Provinsi Jawa Barat.")
    third = "Dinas Tenaga Kerja dan Transmigrasi Provinsi Jawa Barat menyusun laporan ini."
    assert find_unit([first, "Kata pengantar.", third]).name == "Dinas Tenaga Kerja dan Transmigrasi Provinsi Jawa Barat"


def test_a_bureau_named_on_every_page_is_the_unit_with_its_secretariat():
    body = PROSE * 2 + "Biro Humas, Protokol dan Umum melaksanakan tugas koordinasi.\n"
    pages = [body + "Sekretariat Daerah Provinsi Jawa Barat membawahi biro."] + [body] * 9
    assert find_unit(pages).name == "Biro Humas, Protokol dan Umum Sekretariat Daerah Provinsi Jawa Barat"


def test_a_government_report_stays_the_governments_despite_an_address_and_a_data_source():
    cover = "Kantor Gubernur Provinsi Sumatera Utara\nJl. Diponegoro No. 30 Medan"
    body = "Laporan Kinerja Instansi Pemerintah Provinsi Sumatera Utara tahun 2020 disusun.\n"
    cited = body + "Sumber: Badan Pusat Statistik, diolah.\n"
    pages = [cover, cited] + [cited] * 6 + [body] * 14
    assert find_unit(pages).name == "Pemerintah Provinsi Sumatera Utara"


def test_an_agency_name_never_carries_its_place_twice():
    """OCR'd ``Dinas PSDA Provinsi Jawa`` (place cut short) is the Dinas, not an agency named ``... Provinsi Jawa``;
    the abbreviation, defined only in the organisation chapter, stands for the full name."""
    cover = "PEMERINTAH PROVINSI JAWA BARAT\nLAPORAN KINERJA\nTAHUN ANGGARAN 2016"
    foreword = "Laporan Kinerja Dinas PSDA Propinsi Jawa Barat Tahun 2016 disusun.\nLKIP Dinas PSDA Provinsi Jawa"
    org = "Susunan Organisasi Dinas Pengelolaan Sumber Daya Air (PSDA) Provinsi Jawa Barat terdiri dari unsur.\n"
    body = PROSE + "Rumusan Misi Dinas PSDA Provinsi Jawa Barat adalah mengembangkan irigasi.\n"
    pages = [cover, foreword] + [PROSE] * 5 + [org + body] + [body] * 6
    assert find_unit(pages).name == "Dinas Pengelolaan Sumber Daya Air Provinsi Jawa Barat"


def test_an_agency_named_by_its_abbreviation_under_its_government_gets_its_full_name():
    org = "Dinas Pengelolaan Sumber Daya Air (PSDA) dibentuk dengan peraturan daerah.\n"
    body = PROSE * 3 + "Dinas PSDA melaksanakan urusan sumber daya air.\n"
    assert find_unit([PROSE * 3 + org] + [body] * 9).name == "Dinas Pengelolaan Sumber Daya Air Provinsi Jawa Barat"


def test_an_abbreviation_defined_with_its_place_stands_for_the_agency_alone():
    first = "Badan Kepegawaian Daerah Provinsi Jawa Barat (BKPD) menyusun laporan ini."
    pages = [f"LKIP BKPD Provinsi Jawa Barat 2016\n{first}"] + pages_with("LKIP BKPD Provinsi Jawa Barat 2016", PROSE, n=9)
    assert find_unit(pages).name == "Badan Kepegawaian Daerah Provinsi Jawa Barat"


def test_a_name_printed_in_capitals_is_stored_with_its_joining_words_in_lower_case():
    """``BADAN KESATUAN BANGSA DAN POLITIK KOTA BANDUNG`` on the cover and as the running header
    (Kesbangpol Bandung 2024 was stored as ``... Bangsa DAN Politik``)."""
    header = "BADAN KESATUAN BANGSA DAN POLITIK KOTA BANDUNG"
    pages = [f"LAPORAN KINERJA\n{header}\nTAHUN 2024"] + pages_with(header, PROSE, n=9)
    assert find_unit(pages).name == "Badan Kesatuan Bangsa dan Politik Kota Bandung"
