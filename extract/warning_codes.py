"""Every warning a report can carry: one type, and the registry of its codes.

``warnings.code`` is a public column that researchers filter on, so a code is part of
the contract: each has one meaning, written here once in English and in Indonesian,
exported to the database (``warning_codes``) and to the Datasette metadata. A code
that is not registered cannot be raised: ``ReportWarning`` refuses it, and
``tests/test_warning_codes.py`` checks every code written in the source and every
code in a freshly built database.

A warning is made where the problem is seen (a reader, the number parser, the
gazetteer) with its code, a message naming the values involved, and the page when one
is known; the pipeline adds the stage that raised it (``ingest``, ``ocr``,
``extract``, ``interpret``, ``normalize``, ``catalog``).

Severity: ``failure`` codes are also a report's ``failure_reason`` (the report is
``failed``); ``warning`` codes ask for a look at the value or table they name;
``info`` codes record what lkj did to a document that was read as printed (a scan
OCR'd, a damaged file repaired, one printed row split into several indicators).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

SEVERITIES = ("failure", "warning", "info")


@dataclass(frozen=True)
class WarningCode:
    """One registered code: what it means, in English and Indonesian, and how serious it is."""

    code: str
    severity: str
    meaning_en: str
    meaning_id: str


def _codes(*entries: tuple[str, str, str, str]) -> dict[str, WarningCode]:
    return {code: WarningCode(code, severity, en, id_) for code, severity, en, id_ in entries}


WARNING_CODES: dict[str, WarningCode] = _codes(
    # --- the file (ingest): why a report failed, or what was done to read it
    ("not_pdf", "failure", "The file is not a PDF.", "Berkas bukan PDF."),
    ("empty", "failure", "The file is empty (0 bytes).", "Berkas kosong (0 bita)."),
    ("encrypted", "failure", "The PDF is encrypted with a password that is not known.",
     "PDF dienkripsi dengan kata sandi yang tidak diketahui."),
    ("broken", "failure", "The PDF is damaged beyond repair.", "PDF rusak dan tidak dapat diperbaiki."),
    ("decompression_bomb", "failure",
     "A stream or image of the PDF would inflate past the size limit; the file was not read.",
     "Sebuah stream atau gambar dalam PDF akan mengembang melebihi batas ukuran; berkas tidak dibaca."),
    ("truncated", "warning", "The file was cut off (no %%EOF); only the pages that could be recovered were read.",
     "Berkas terpotong (tanpa %%EOF); hanya halaman yang dapat dipulihkan yang dibaca."),
    ("encrypted_empty_password", "info", "Encrypted with an empty user password; opened without one.",
     "Dienkripsi dengan kata sandi pengguna kosong; dibuka tanpa kata sandi."),
    ("repaired", "info", "The PDF's structure was damaged and was rebuilt (qpdf) before reading.",
     "Struktur PDF rusak dan dibangun ulang (qpdf) sebelum dibaca."),
    ("oversized_page", "warning", "A page is larger than the PDF maximum (200 inches); read as it is.",
     "Halaman lebih besar dari batas PDF (200 inci); dibaca apa adanya."),
    ("scanned", "info", "Most pages have no text layer: the report is a scan, read by OCR.",
     "Sebagian besar halaman tidak memiliki lapisan teks: laporan hasil pindaian, dibaca dengan OCR."),
    ("blank", "failure", "Every page is blank (no text layer, no image that could hold text): there is nothing to read.",
     "Semua halaman kosong (tanpa lapisan teks, tanpa gambar yang dapat memuat teks): tidak ada yang dapat dibaca."),
    ("blank_pages", "info", "Blank pages (no text layer, no image that could hold text) were not sent to OCR; the message names them.",
     "Halaman kosong (tanpa lapisan teks, tanpa gambar yang dapat memuat teks) tidak dibaca OCR; pesannya menyebut halaman tersebut."),
    ("form_loop", "warning",
     "Pages draw a form (an embedded drawing) that draws itself; their text and tables were read, but not by camelot's "
     "stream parser, which crashes on such a loop; the message names the pages.",
     "Halaman menggambar form (gambar tersemat) yang menggambar dirinya sendiri; teks dan tabelnya tetap dibaca, tetapi "
     "tidak dengan pembaca stream camelot, yang berhenti mendadak pada perulangan seperti itu; pesannya menyebut halamannya."),
    ("page_unreadable", "warning", "Pages whose page objects are damaged could not be read and were skipped; the message names them.",
     "Halaman dengan objek halaman yang rusak tidak dapat dibaca dan dilewati; pesannya menyebut halaman tersebut."),
    ("page_without_text", "info", "This page has no text layer (image only).",
     "Halaman ini tidak memiliki lapisan teks (hanya gambar)."),
    ("reader_message", "warning",
     "A PDF reader reported a problem (its message is quoted, with the page when it names one); tables there may be missing.",
     "Pembaca PDF melaporkan masalah (pesannya dikutip, dengan halamannya bila disebut); tabel di sana mungkin tidak terbaca."),
    # --- limits and the run
    ("time_limit", "failure",
     "The report reached its time limit: stopped (failed), or read only in part (partial; the message names the pages left).",
     "Pemrosesan laporan mencapai batas waktu: dihentikan (gagal), atau hanya dibaca sebagian (parsial; pesannya menyebut halaman yang tersisa)."),
    ("memory_limit", "failure", "The report needed more memory than the limit and was stopped.",
     "Pemrosesan laporan memerlukan memori melebihi batas dan dihentikan."),
    ("internal_error", "failure", "lkj failed on this report (a defect of lkj: please report it).",
     "lkj gagal memproses laporan ini (cacat pada lkj: mohon dilaporkan)."),
    # --- OCR
    ("ocr_unavailable", "failure", "The report is a scan and Tesseract (with Indonesian) is not installed.",
     "Laporan hasil pindaian dan Tesseract (dengan bahasa Indonesia) tidak terpasang."),
    ("ocr_low_confidence", "warning", "OCR read this text with low confidence: check it against the page.",
     "OCR membaca teks ini dengan keyakinan rendah: periksa dengan halaman aslinya."),
    ("ocr_text_only", "info", "Scanned pages read by OCR for their text only: triage found no table on them.",
     "Halaman pindaian yang dibaca OCR hanya teksnya: triase tidak menemukan tabel di sana."),
    ("page_downscaled", "info", "A very large scanned page was OCR'd at a lower resolution.",
     "Halaman pindaian yang sangat besar dibaca OCR dengan resolusi lebih rendah."),
    # --- what the report is
    ("not_lkj", "failure", "No performance or budget table was found: this does not look like an LKj report.",
     "Tidak ditemukan tabel kinerja atau anggaran: berkas ini tampaknya bukan Laporan Kinerja."),
    ("no_indicators", "failure", "Tables were found but no indicator rows could be read.",
     "Tabel ditemukan tetapi tidak ada baris indikator yang dapat dibaca."),
    ("no_tables", "warning", "No performance, plan or budget table was found on any page.",
     "Tidak ditemukan tabel kinerja, perencanaan, atau anggaran pada halaman mana pun."),
    ("no_main_table", "warning", "No performance-measurement table was found (only per-goal tables or none).",
     "Tidak ditemukan tabel pengukuran kinerja (hanya tabel per sasaran atau tidak ada)."),
    ("indicators_from_detail_tables", "info", "The indicators were taken from the per-goal tables.",
     "Indikator diambil dari tabel per sasaran strategis."),
    # --- unit and year
    ("unit_unknown", "warning", "No unit name was found in the report.",
     "Nama satuan kerja tidak ditemukan dalam laporan."),
    ("province_unknown", "warning", "The province of the kabupaten/kota is not named in the text.",
     "Provinsi dari kabupaten/kota tidak disebutkan dalam teks."),
    ("unit_cover_ambiguous", "warning", "The cover names two bodies of the same level; neither is stored as the unit.",
     "Sampul menyebut dua instansi setingkat; tidak satu pun disimpan sebagai satuan kerja."),
    ("unit_region_unknown", "warning", "The unit's seat is no single region of the gazetteer; its kind and province are left empty.",
     "Kedudukan satuan kerja bukan satu wilayah dalam gazetir; jenis dan provinsinya dikosongkan."),
    ("unit_unresolved", "warning", "The unit name matches no KPU/KIP unit of the gazetteer.",
     "Nama satuan kerja tidak cocok dengan satuan KPU/KIP mana pun dalam gazetir."),
    ("unit_ambiguous", "warning", "The unit name could be more than one KPU/KIP unit.",
     "Nama satuan kerja dapat merujuk ke lebih dari satu satuan KPU/KIP."),
    ("unit_fuzzy_match", "warning", "The unit name was matched to a KPU/KIP unit by similar spelling.",
     "Nama satuan kerja dicocokkan dengan satuan KPU/KIP berdasarkan ejaan yang mirip."),
    ("unit_kind_conflict", "warning", "The unit name and its context disagree on the kind (provinsi, kabupaten, kota).",
     "Nama satuan kerja dan konteksnya berbeda tentang jenisnya (provinsi, kabupaten, kota)."),
    ("unit_province_unresolved", "warning", "A province named beside the unit is no province; it was ignored.",
     "Provinsi yang disebut bersama satuan kerja bukan nama provinsi; diabaikan."),
    ("unit_province_mismatch", "warning", "The unit is not in the province named beside it; the province was ignored.",
     "Satuan kerja tidak berada di provinsi yang disebut bersamanya; provinsi tersebut diabaikan."),
    ("unit_agency_mismatch", "warning", "The text says KPU where the unit is a KIP (or the reverse).",
     "Teks menyebut KPU padahal satuan kerjanya KIP (atau sebaliknya)."),
    ("unit_from_file_name", "warning", "The pages name no unit; the unit was taken from the file name.",
     "Halaman tidak menyebut satuan kerja; satuan kerja diambil dari nama berkas."),
    ("unit_file_name_mismatch", "warning", "The file name names another unit than the pages; the pages were followed.",
     "Nama berkas menyebut satuan kerja lain dari isi halaman; isi halaman yang diikuti."),
    ("year_unknown", "warning", "No reporting year was found in the text.",
     "Tahun pelaporan tidak ditemukan dalam teks."),
    ("year_from_cover", "warning", "The reporting year was taken from the cover only.",
     "Tahun pelaporan hanya diambil dari sampul."),
    ("year_ambiguous", "warning", "Two years had close evidence of being the reporting year; the stronger was taken.",
     "Dua tahun memiliki bukti yang hampir sama sebagai tahun pelaporan; yang lebih kuat dipilih."),
    ("year_file_name_mismatch", "warning", "The file name names another year than the pages; the pages were followed.",
     "Nama berkas menyebut tahun lain dari isi halaman; isi halaman yang diikuti."),
    # --- tables and rows
    ("range_value", "info", "A cell prints a range (75,70 - 76,20): its value is left empty and both ends are kept, typed, beside it.",
     "Sel memuat rentang (75,70 - 76,20): nilainya dikosongkan dan kedua ujungnya disimpan, bertipe, di sampingnya."),
    ("range_open", "warning", "A cell prints a number and a range's dash or word but no other end (77,5 -): its value is left empty, the end printed kept as the range's low end.",
     "Sel memuat angka dan tanda atau kata rentang tanpa ujung lainnya (77,5 -): nilainya dikosongkan, ujung yang tercetak disimpan sebagai ujung bawah rentang."),
    ("compound_value", "info", "A cell prints a level or grade in words with its score in brackets (Level 3 (3,35)); the score is the value.",
     "Sel memuat level atau nilai huruf dengan skor dalam kurung (Level 3 (3,35)); skor itulah nilainya."),
    ("row_merges_indicators", "warning",
     "A row's text runs two indicators together and its target and realisation hold two values each: two printed rows were read as one; check the values.",
     "Teks baris menggabungkan dua indikator dan target serta realisasinya masing-masing memuat dua nilai: dua baris tercetak terbaca sebagai satu; periksa nilainya."),
    ("stacked_cell_split", "info", "One printed row held several indicators, one per line; it was split line by line.",
     "Satu baris tercetak memuat beberapa indikator, satu per baris teks; dipisah per baris."),
    ("absorption_by_content", "info", "A budget column was read as absorption because it holds only percentages.",
     "Kolom anggaran dibaca sebagai persentase penyerapan karena hanya berisi persentase."),
    ("budget_kegiatan_rows", "info", "A budget table lists kegiatan under its programmes; only the programme rows are loaded, and the rule that told them apart is named.",
     "Tabel anggaran memuat kegiatan di bawah programnya; hanya baris program yang dimuat, dan aturan pembedanya disebutkan."),
    ("spending_blocks_differ", "warning", "A later block of the spending table prints other figures than the first.",
     "Blok berikutnya pada tabel belanja mencetak angka yang berbeda dari blok pertama."),
    ("spending_column_split", "warning", "One spending column names two categories; its figures were not split.",
     "Satu kolom belanja menyebut dua kategori; angkanya tidak dipisah."),
    # --- values (the number parser)
    ("ambiguous_separator", "warning", "A number's '.' or ',' could be a thousands or a decimal separator; how it was read is named.",
     "Tanda '.' atau ',' pada angka dapat berarti pemisah ribuan atau desimal; cara membacanya disebutkan."),
    ("malformed_number", "warning", "A number's separators do not follow either convention; how it was read is named.",
     "Pemisah pada angka tidak mengikuti konvensi mana pun; cara membacanya disebutkan."),
    ("space_in_number", "warning", "A number printed with spaces inside was read as one number.",
     "Angka yang dicetak dengan spasi di dalamnya dibaca sebagai satu angka."),
    ("ocr_digit_repair", "warning", "Letters that OCR reads for digits (O, I, l) were read as digits.",
     "Huruf yang sering terbaca OCR sebagai angka (O, I, l) dibaca sebagai angka."),
    ("percent_maybe_ocr", "warning", "A trailing '96' may be a '%' misread by OCR.",
     "Akhiran '96' mungkin tanda '%' yang salah dibaca OCR."),
    ("text_with_number", "warning", "Words printed before the number were not read as part of the value.",
     "Kata-kata sebelum angka tidak dibaca sebagai bagian dari nilai."),
    ("qualifier", "warning", "A qualifier before the value (≥, ±, 'minimal', ...) was dropped.",
     "Keterangan sebelum nilai (≥, ±, 'minimal', ...) diabaikan."),
    ("detached_minus", "warning", "A '-' separated from the number was read as a minus sign.",
     "Tanda '-' yang terpisah dari angka dibaca sebagai tanda minus."),
    ("extra_text", "warning", "Text before or after the value was ignored.",
     "Teks sebelum atau sesudah nilai diabaikan."),
    ("multiple_values", "warning", "One cell printed several values; the first was kept.",
     "Satu sel memuat beberapa nilai; nilai pertama yang diambil."),
    ("unknown_unit", "warning", "The unit after the number is not in lkj's unit vocabulary.",
     "Satuan setelah angka tidak ada dalam kosakata satuan lkj."),
    ("role_mismatch", "warning", "The cell reads as another kind of value than its column holds.",
     "Isi sel terbaca sebagai jenis nilai yang berbeda dari isi kolomnya."),
    ("paren_negative", "warning", "A value in parentheses was read as negative.",
     "Nilai dalam tanda kurung dibaca sebagai bilangan negatif."),
    ("money_fraction", "warning", "A money amount with a fraction of a rupiah was rounded.",
     "Jumlah uang dengan pecahan rupiah dibulatkan."),
    # --- checks between values and tables (normalize)
    ("ocr_percent_read", "warning",
     "OCR misread a '%' after a figure (as a digit, a quote mark or a degree sign); the row shows which reading is "
     "right (the achievement follows from target and realization only with '%', or another figure is a percentage), "
     "and that reading was stored. The message gives the text OCR read.",
     "OCR salah membaca tanda '%' setelah angka (sebagai digit, tanda kutip atau tanda derajat); baris itu menunjukkan "
     "bacaan yang benar (capaian sesuai dengan target dan realisasi hanya dengan '%', atau angka lain berupa persentase), "
     "dan bacaan itu yang disimpan. Pesan memuat teks yang dibaca OCR."),
    ("achievement_mismatch", "warning", "The printed achievement does not follow from the target and realization.",
     "Capaian yang tercetak tidak sesuai dengan hasil perhitungan dari target dan realisasi."),
    ("comparison_row_unmatched", "warning",
     "A row of a table comparing the year with another year's target names no indicator of the main table; its values were not loaded.",
     "Baris tabel perbandingan tahun ini dengan target tahun lain tidak sesuai dengan indikator mana pun di tabel utama; nilainya tidak dimuat."),
    ("several_measurement_tables", "info",
     "The report prints more than one full measurement table (an executive summary and Bab III); one was chosen by the stated rule (report_tables.reason), the others are compared with it.",
     "Laporan memuat lebih dari satu tabel pengukuran lengkap (ikhtisar eksekutif dan Bab III); satu dipilih menurut aturan (report_tables.reason), yang lain dibandingkan dengannya."),
    ("value_per_period_only", "warning",
     "The measurement table prints a value only per period (TW I .. TW IV) with no total or cumulative column; the year's value is left empty and the periods are kept under their headers.",
     "Tabel pengukuran hanya mencetak nilai per periode (TW I .. TW IV) tanpa kolom total atau kumulatif; nilai tahunan dibiarkan kosong dan nilai per periode disimpan di bawah judul kolomnya."),
    ("detail_disagrees", "warning", "A per-goal table prints another value than the main table for the same indicator; both are kept.",
     "Tabel per sasaran mencetak nilai yang berbeda dari tabel utama untuk indikator yang sama; keduanya disimpan."),
    ("budget_totals_disagree", "warning", "Two budget totals of the report differ; both are named.",
     "Dua total anggaran dalam laporan berbeda; keduanya disebutkan."),
    # --- the indicator catalog
    ("indicator_unmatched", "info", "The indicator matched no other report's indicator; its closest key is named.",
     "Indikator tidak cocok dengan indikator laporan lain; kunci terdekatnya disebutkan."),
    # --- what the document is (extract/document_kind.py)
    ("document_type_unknown", "warning",
     "The first pages print no document title (Laporan Kinerja, Renstra, Perjanjian Kinerja, Rencana Aksi, LRA): "
     "the document type is left empty and the report is compared as a performance report.",
     "Halaman awal tidak mencetak judul dokumen (Laporan Kinerja, Renstra, Perjanjian Kinerja, Rencana Aksi, LRA): "
     "jenis dokumen dikosongkan dan laporan dibandingkan sebagai laporan kinerja."),
    ("worker_crashed", "failure",
     "The process reading the PDF crashed inside a PDF library (the message names the signal); the report was not read, the other reports were.",
     "Proses yang membaca PDF berhenti mendadak di dalam pustaka PDF (pesannya menyebut sinyalnya); laporan ini tidak terbaca, laporan lain tetap diproses."),
)

assert all(c.severity in SEVERITIES for c in WARNING_CODES.values())


class UnknownWarningCode(ValueError):
    """A warning was raised with a code that is not in ``WARNING_CODES``."""


@dataclass(frozen=True)
class ReportWarning:
    """A problem or note about one report: its code, a message that names the values, the page.

    ``stage`` is left empty where the warning is made and set by the pipeline stage
    that collects it (``in_stage``).
    """

    code: str
    message: str
    page: int | None = None
    stage: str | None = None

    def __post_init__(self) -> None:
        if self.code not in WARNING_CODES:
            raise UnknownWarningCode(f"warning code {self.code!r} is not registered in lkj.extract.warning_codes")

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"

    def in_stage(self, stage: str) -> ReportWarning:
        """This warning as collected by ``stage``."""
        return replace(self, stage=stage)

    def about(self, where: str, page: int | None) -> ReportWarning:
        """This warning about a value found elsewhere: ``where`` before the message, and its page."""
        return replace(self, message=f"{where}: {self.message}", page=page)
