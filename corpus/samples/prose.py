"""Short Indonesian boilerplate for the variant reports."""
from __future__ import annotations


def kata_pengantar(name_long: str, short: str, year: int) -> list[str]:
    return [
        f"Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat dan "
        f"karunia-Nya Laporan Kinerja {name_long} Tahun {year} dapat diselesaikan tepat waktu. "
        f"Laporan ini disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas pokok dan "
        f"fungsi {short} selama Tahun Anggaran {year}.",
        "Penyusunan Laporan Kinerja berpedoman pada Peraturan Presiden Nomor 29 Tahun 2014 "
        "tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri "
        "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang "
        "Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan "
        "Kinerja Instansi Pemerintah.",
        "Kami menyadari bahwa laporan ini masih memiliki kekurangan. Oleh karena itu, saran dan "
        "masukan yang membangun sangat kami harapkan untuk perbaikan di masa mendatang.",
    ]


def ikhtisar(short: str, year: int, n_goals: int, n_inds: int) -> list[str]:
    return [
        f"Laporan Kinerja {short} Tahun {year} menyajikan capaian kinerja atas {n_goals} "
        f"sasaran strategis yang diukur dengan {n_inds} indikator kinerja sebagaimana "
        f"ditetapkan dalam Perjanjian Kinerja Tahun {year}.",
        "Secara umum sebagian besar indikator kinerja telah mencapai target yang ditetapkan, "
        "namun masih terdapat beberapa indikator yang belum mencapai target sehingga perlu "
        "mendapat perhatian pada tahun berikutnya.",
    ]


def pendahuluan(short: str, year: int, city: str) -> list[str]:
    return [
        f"Komisi Pemilihan Umum adalah lembaga penyelenggara Pemilu yang bersifat nasional, "
        f"tetap, dan mandiri. {short} berkedudukan di {city} dan melaksanakan tugas "
        f"penyelenggaraan Pemilu dan Pemilihan di wilayah kerjanya.",
        f"Laporan Kinerja Tahun {year} disusun sebagai bentuk akuntabilitas pelaksanaan tugas "
        f"dan fungsi serta sebagai bahan evaluasi untuk meningkatkan kinerja di masa yang akan "
        f"datang. Laporan ini menyajikan perbandingan antara target dan realisasi indikator "
        f"kinerja sasaran strategis.",
    ]


TUGAS = [
    "Merencanakan program, anggaran dan jadwal Pemilu;",
    "Melaksanakan tahapan penyelenggaraan Pemilu sesuai peraturan perundang-undangan;",
    "Memutakhirkan data pemilih dan menetapkannya sebagai daftar pemilih;",
    "Menyampaikan hasil Pemilu dan laporan penyelenggaraan kepada KPU;",
    "Melaksanakan sosialisasi penyelenggaraan Pemilu dan pendidikan pemilih;",
]

ORGANISASI = [
    "Sub Bagian Perencanaan, Data dan Informasi;",
    "Sub Bagian Keuangan, Umum dan Logistik;",
    "Sub Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat;",
    "Sub Bagian Hukum dan Sumber Daya Manusia.",
]


def renstra(year: int) -> list[str]:
    period = "2015-2019" if year <= 2019 else "2020-2024"
    return [
        f"Rencana Strategis (Renstra) KPU periode {period} memuat visi, misi, tujuan, sasaran "
        f"strategis, program dan kegiatan yang menjadi acuan seluruh satuan kerja di lingkungan "
        f"KPU. Visi KPU adalah menjadi penyelenggara Pemilihan Umum yang mandiri, profesional, "
        f"dan berintegritas untuk terwujudnya Pemilu yang LUBER dan JURDIL.",
        f"Perjanjian Kinerja Tahun {year} merupakan pernyataan komitmen untuk mewujudkan target "
        f"kinerja sebagaimana tercantum dalam tabel berikut.",
    ]


def pengukuran(short: str, year: int) -> str:
    return (f"Pengukuran kinerja {short} Tahun {year} dilakukan dengan membandingkan target "
            f"dan realisasi setiap indikator kinerja sasaran strategis. Capaian dihitung dengan "
            f"rumus Realisasi dibagi Target dikali 100%, sedangkan untuk indikator yang semakin "
            f"rendah realisasinya semakin baik, capaian dihitung dengan rumus (2 x Target - "
            f"Realisasi) / Target x 100%.")


def analisis(goal: str, ok: bool) -> str:
    if ok:
        return (f"Sasaran \"{goal}\" telah tercapai sesuai target. Keberhasilan ini didukung "
                f"oleh koordinasi yang baik antar sub bagian serta pemanfaatan aplikasi "
                f"pendukung yang tersedia.")
    return (f"Sasaran \"{goal}\" belum sepenuhnya mencapai target. Kendala utama adalah "
            f"keterbatasan waktu dan sumber daya pada tahapan yang berjalan bersamaan, sehingga "
            f"diperlukan perbaikan perencanaan pada tahun berikutnya.")


def penutup(short: str, year: int) -> list[str]:
    return [
        f"Laporan Kinerja {short} Tahun {year} merupakan wujud akuntabilitas atas pelaksanaan "
        f"tugas dan fungsi selama satu tahun anggaran. Capaian kinerja yang belum optimal akan "
        f"menjadi bahan evaluasi dan perbaikan perencanaan pada tahun berikutnya.",
        "Ke depan, koordinasi dengan pemangku kepentingan akan terus ditingkatkan, termasuk "
        "pemerintah daerah, partai politik, dan masyarakat, agar penyelenggaraan Pemilu "
        "semakin berkualitas.",
    ]
