namespace Tunas.Web.Features.Demo;

/// <summary>
/// Word lists for synthetic residents of East Java: given names by sex and generation (Javanese first, with the
/// Arabic-rooted and modern names common in Kota Blitar), second names, streets, birth places and occupations.
/// Common names are facts; these lists were written for Tunas.
/// </summary>
internal static class SyntheticNames
{
    /// <summary>Men born before about 1985.</summary>
    public static readonly string[] MaleOlder =
    [
        "Agus", "Bambang", "Budi", "Slamet", "Joko", "Sugeng", "Hadi", "Heru", "Suyanto", "Sutrisno",
        "Sumarno", "Suparman", "Sukardi", "Suharto", "Sunarto", "Supriyadi", "Sugiono", "Subagyo", "Sutikno", "Suwito",
        "Wagiman", "Paimin", "Kasmin", "Tukiran", "Sarmin", "Darmaji", "Marsudi", "Mulyono", "Purwanto", "Prayitno",
        "Riyanto", "Santoso", "Haryono", "Hartono", "Gunawan", "Teguh", "Wahyudi", "Wiyono", "Yatno", "Yitno",
        "Imam", "Abdul", "Ahmad", "Moch.", "Mohammad", "Zainal", "Khoirul", "Syaiful", "Mashudi", "Nurhadi",
        "Kusnadi", "Edy", "Eko", "Dwi", "Tri", "Catur", "Bagyo", "Darsono", "Gito", "Jumadi",
        "Karyono", "Lasiman", "Miskan", "Ngadimin", "Paijo", "Rohmat", "Samsul", "Tarmuji", "Umar", "Yusuf",
    ];

    /// <summary>Men born from about 1985.</summary>
    public static readonly string[] MaleYounger =
    [
        "Muhammad", "Ahmad", "Rizky", "Dimas", "Bagus", "Aditya", "Fajar", "Andika", "Bayu", "Dani",
        "Eko", "Fandi", "Galih", "Hendra", "Ilham", "Irfan", "Yoga", "Kevin", "Lukman", "Nanda",
        "Rendy", "Rio", "Satria", "Taufik", "Wahyu", "Yogi", "Zaki", "Alfian", "Arif", "Bima",
        "Danang", "Dedi", "Deni", "Erik", "Ferdi", "Gilang", "Hafiz", "Iqbal", "Juna", "Krisna",
        "Naufal", "Rafi", "Rehan", "Reza", "Ridho", "Rizal", "Sandi", "Surya", "Tegar", "Vino",
        "Wisnu", "Yusron", "Fikri", "Faisal", "Haris", "Rangga", "Rizki", "Akbar", "Alif", "Azka",
        "Dafa", "Dzaki", "Farel", "Arya", "Abimanyu", "Bintang", "Raka", "Galang", "Aji", "Angga",
    ];

    /// <summary>Women born before about 1985.</summary>
    public static readonly string[] FemaleOlder =
    [
        "Siti", "Sri", "Endang", "Sumiati", "Suwarni", "Tutik", "Sulastri", "Sumarni", "Suparmi", "Sukarti",
        "Sunarsih", "Suprapti", "Sutini", "Wartini", "Painah", "Tukinah", "Sarmi", "Kasiyem", "Ngatini", "Juminah",
        "Mariyam", "Musrifah", "Khotimah", "Fatimah", "Aminah", "Mardiyah", "Rukayah", "Romlah", "Maslikah", "Munawaroh",
        "Nur", "Yuliani", "Lestari", "Ratna", "Dewi", "Ani", "Binti", "Darmi", "Erna", "Heni",
        "Indah", "Kartini", "Lilik", "Mulyani", "Ninik", "Puji", "Rini", "Setyowati", "Sugiarti", "Sunarti",
        "Tri", "Umi", "Wahyuni", "Yayuk", "Yuli", "Endah", "Harini", "Istiqomah", "Kusmiati", "Listyowati",
        "Murtini", "Nanik", "Parmi", "Rusmini", "Sainem", "Sulasmi", "Tumini", "Warsini", "Winarti", "Yatmi",
    ];

    /// <summary>Women born from about 1985.</summary>
    public static readonly string[] FemaleYounger =
    [
        "Putri", "Ayu", "Dinda", "Aulia", "Nabila", "Salsabila", "Nadia", "Anisa", "Dewi", "Intan",
        "Ika", "Fitri", "Rina", "Novi", "Eka", "Dwi", "Tika", "Yuni", "Vina", "Lia",
        "Devi", "Diah", "Eva", "Ferika", "Galuh", "Hana", "Ilmi", "Indri", "Lutfia", "Maya",
        "Nur", "Nurul", "Okta", "Puspita", "Rahma", "Rani", "Ratih", "Rika", "Safira", "Sinta",
        "Siti", "Tiara", "Umi", "Vivi", "Wulan", "Yulia", "Zahra", "Amelia", "Anggun", "Bella",
        "Citra", "Della", "Elok", "Fani", "Hesti", "Kirana", "Laila", "Lina", "Mega", "Nanda",
        "Nisa", "Aisyah", "Alya", "Aqila", "Azizah", "Cahya", "Kayla", "Naila", "Khansa", "Syifa",
    ];

    public static readonly string[] MaleSecond =
    [
        "Santoso", "Wibowo", "Prasetyo", "Susanto", "Hidayat", "Setiawan", "Kurniawan", "Purnomo", "Wijaya", "Saputra",
        "Pratama", "Nugroho", "Hermawan", "Firmansyah", "Ramadhan", "Maulana", "Hakim", "Rahman", "Hariyanto", "Budiono",
        "Sulistyo", "Suryanto", "Widodo", "Utomo", "Priyono", "Sutrisno", "Handoko", "Syahputra", "Kusuma", "Wicaksono",
        "Hidayatullah", "Mustofa", "Arifin", "Anwar", "Fauzi", "Hasan", "Ikhsan", "Junaedi", "Kholiq", "Ma'ruf",
        "Nur Hadi", "Rochim", "Sholeh", "Tamam", "Wahid", "Yulianto", "Zulkarnain", "Efendi", "Irawan", "Hartanto",
        "Suwandi", "Prakoso", "Adi", "Cahyono", "Darmawan", "Gunadi", "Iskandar", "Mahendra", "Rosyid", "Aditama",
    ];

    public static readonly string[] FemaleSecond =
    [
        "Rahayu", "Lestari", "Wulandari", "Handayani", "Astuti", "Utami", "Sari", "Ningsih", "Rahmawati", "Susanti",
        "Wahyuni", "Purwanti", "Kurniasari", "Setyaningsih", "Widayati", "Anggraini", "Puspitasari", "Maharani", "Fitriani", "Safitri",
        "Novitasari", "Oktaviani", "Permatasari", "Agustina", "Ramadhani", "Khoiriyah", "Mufidah", "Nurhayati", "Sholikhah", "Zulaikha",
        "Aminah", "Hidayati", "Indrawati", "Kusumawati", "Mardiana", "Nurjanah", "Pratiwi", "Rohmah", "Septiani", "Triana",
        "Yuliana", "Andriani", "Damayanti", "Hartini", "Lailatul", "Marlina", "Rosidah", "Suryani", "Wijayanti", "Zahro",
    ];

    public static readonly string[] Streets =
    [
        "Melati", "Mawar", "Anggrek", "Kenanga", "Cempaka", "Flamboyan", "Dahlia", "Teratai", "Seruni", "Kamboja",
        "Merdeka", "Sudirman", "Diponegoro", "Kartini", "Imam Bonjol", "Cokroaminoto", "Ahmad Yani", "Mastrip", "Soekarno-Hatta", "Veteran",
        "Brantas", "Kelud", "Bromo", "Semeru", "Arjuno", "Kawi", "Wilis", "Lawu", "Ciliwung", "Bengawan Solo",
        "Kenari", "Cendrawasih", "Merpati", "Nuri", "Kutilang", "Jalak", "Rajawali", "Garuda", "Manggar", "Sawo",
        "Mangga", "Durian", "Rambutan", "Salak", "Jeruk", "Pemuda", "Pahlawan", "Kalimantan", "Sumatra", "Bali",
    ];

    public static readonly string[] BirthPlaces =
    [
        "Blitar", "Blitar", "Blitar", "Blitar", "Blitar", "Blitar", "Blitar", "Blitar", "Kab. Blitar", "Kediri",
        "Tulungagung", "Malang", "Trenggalek", "Surabaya", "Nganjuk", "Jombang", "Ponorogo", "Madiun", "Jakarta", "Sidoarjo",
    ];

    public static readonly string[] Employed =
    [
        "Karyawan Swasta", "Buruh Harian Lepas", "Buruh Pabrik", "Guru", "Pegawai Negeri Sipil", "Sopir", "Tukang Batu",
        "Tukang Kayu", "Perawat", "Satpam", "Karyawan Honorer", "Buruh Tani", "Karyawan BUMN", "Kurir",
    ];

    public static readonly string[] SelfEmployed =
    [
        "Wiraswasta", "Pedagang", "Petani/Pekebun", "Penjahit", "Tukang Cukur", "Pedagang Keliling", "Peternak", "Montir",
        "Pengemudi Ojek", "Pembuat Kue",
    ];

    /// <summary>Mobile prefixes of the Indonesian operators (after the 0).</summary>
    public static readonly string[] PhonePrefixes =
    [
        "811", "812", "813", "821", "822", "823", "852", "853", "851", "855", "856", "857", "858",
        "877", "878", "817", "818", "819", "895", "896", "897", "898", "881", "882", "883",
    ];

    /// <summary>Kecamatan of East Java near Kota Blitar and beyond, where people who moved to the city first got their NIK.</summary>
    public static readonly string[] OtherEastJavaDistricts =
    [
        "35.05.01", "35.05.03", "35.05.06", "35.05.07", "35.05.09", "35.05.10", "35.05.11", "35.05.14", "35.05.17",
        "35.05.19", "35.05.22", "35.04.01", "35.04.02", "35.04.03", "35.06.01", "35.06.02", "35.71.01", "35.71.02",
        "35.71.03", "35.73.01", "35.73.02", "35.73.03", "35.78.01", "35.78.04", "35.78.08", "35.07.01", "35.07.03",
    ];
}
