/**
 * The content of the worked example: the analysis a researcher might have made of the
 * bundled sample interviews (test/fixtures/sample-src/README.md). Passages are named by
 * exact phrases an informant said, so the builder finds them in whatever text the
 * importer stores, and they stay valid as the schema changes.
 */
import type { Convergence, Phase, ThemeLinkKind } from '../domain/types';

/** A code of the worked example's codebook: `parent` for a sub-code. */
export interface SampleCode {
  readonly name: string;
  readonly parent?: string;
  readonly description: string;
}

/** One coding: the document (by its source file's informant label prefix), the exact passage, the code(s). */
export interface SampleCoding {
  readonly document: string;
  readonly phrase: string;
  readonly codes: readonly string[];
  /** The speaker expected to have said it (a check that the passage is attributed to the right informant). */
  readonly speaker?: string;
  /** This coding is the exemplar quote of the theme with this key. */
  readonly exemplarOf?: string;
}

export interface SampleTheme {
  readonly key: string;
  readonly name: string;
  readonly definition: string;
  readonly scope: string;
  readonly codes: readonly string[];
  readonly convergence: Convergence;
  readonly reason: string;
  /** Where the researcher placed it on the theme map (top-left corner, map units): the model reads left to right. */
  readonly at: { readonly x: number; readonly y: number };
}

export interface SampleLink {
  readonly key: string;
  readonly from: string;
  /** A theme key, or `link:<key>` for a mediator or moderator acting on a link. */
  readonly to: string;
  readonly kind: ThemeLinkKind;
  readonly label: string;
}

export const SAMPLE_DESCRIPTION = 'Studi kualitatif deskriptif (fiktif) tentang value co-creation dan daya saing UMKM: wawancara semi-terstruktur dengan pemilik UMKM, konsumen, ahli pemasaran, komunitas pelanggan dan perwakilan asosiasi/pemerintah; analisis tematik Braun & Clarke dengan triangulasi sumber. Contoh lengkap: sudah dikode, tema didefinisikan, model tema dan penilaian konvergensi dicatat.';

const P = 'Praktik co-creation';
const T = 'Tantangan implementasi';
const L = 'Loyalitas pelanggan';
const K = 'Keunggulan atas brand besar';
const C = 'Peran komunitas';
const D = 'Dukungan pemerintah dan asosiasi';

export const SAMPLE_CODES: readonly SampleCode[] = [
  { name: P, description: 'Cara UMKM melibatkan pelanggan dalam menciptakan atau memilih produk.' },
  { name: 'Polling media sosial', parent: P, description: 'Pelanggan memilih warna, rasa, kemasan atau varian lewat polling Instagram atau story.' },
  { name: 'Grup WhatsApp pelanggan', parent: P, description: 'Masukan dan usulan yang datang dari grup WhatsApp pelanggan atau reseller.' },
  { name: 'TikTok live', parent: P, description: 'Siaran langsung di mana pelanggan mengusulkan produk lewat kolom komentar.' },
  { name: 'Uji coba produk (trial)', parent: P, description: 'Pelanggan mencoba sampel atau menu sebelum diluncurkan dan memberi penilaian.' },
  { name: 'Pre-order', parent: P, description: 'Pesanan di muka sebagai cara menguji permintaan sebelum produksi.' },
  { name: 'Feedback bukan co-creation', parent: P, description: 'Pandangan bahwa yang disebut co-creation sering hanya meminta masukan; pemilik tetap yang memutuskan.' },
  { name: T, description: 'Hambatan ketika usulan pelanggan harus diwujudkan.' },
  { name: 'Kapasitas produksi terbatas', parent: T, description: 'Tenaga kerja atau waktu produksi tidak cukup untuk mengikuti usulan pelanggan.' },
  { name: 'Bahan baku dan stok', parent: T, description: 'Bahan baku musiman atau terbatas, stok kosong, kiriman terlambat.' },
  { name: 'Keterbatasan modal', parent: T, description: 'Modal kerja, uang muka dan cicilan yang membatasi produksi.' },
  { name: L, description: 'Akibat keterlibatan pada kesetiaan pelanggan.' },
  { name: 'Rasa memiliki', parent: L, description: 'Pelanggan merasa ikut membuat atau memiliki produk dan brand.' },
  { name: 'Pembelian ulang', parent: L, description: 'Repeat order, berlangganan, tidak berpindah brand.' },
  { name: 'Kecewa bila usulan diabaikan', parent: L, description: 'Kekecewaan ketika usulan diminta lalu tidak ditindaklanjuti atau tidak diberi kredit.' },
  { name: K, description: 'Apa yang membuat UMKM mampu bersaing dengan brand besar.' },
  { name: 'Fleksibilitas', parent: K, description: 'Bisa membuat pesanan khusus, jumlah kecil, sesuai permintaan.' },
  { name: 'Kedekatan dengan pelanggan', parent: K, description: 'Pemilik atau admin menjawab langsung; pelanggan dikenal secara pribadi.' },
  { name: 'Kecepatan', parent: K, description: 'Dari ide ke produk dalam hitungan minggu, cepat tanggap terhadap tren.' },
  { name: C, description: 'Peran komunitas pelanggan dan jaringan dalam pemasaran dan pengembangan produk.' },
  { name: 'Word of mouth', parent: C, description: 'Rekomendasi dari mulut ke mulut, lebih dipercaya daripada iklan.' },
  { name: 'Testimoni pelanggan', parent: C, description: 'Ulasan, foto before-after dan unggahan pelanggan yang mendatangkan pembeli.' },
  { name: 'Jaringan reseller', parent: C, description: 'Pelanggan yang menjadi reseller, saling oper pesanan dan saling promosi.' },
  { name: 'Komunitas sebagai mitra', parent: C, description: 'Komunitas diperlakukan sebagai mitra yang setara, bukan penonton.' },
  { name: D, description: 'Program dinas dan asosiasi sebagaimana dialami informan.' },
  { name: 'Pelatihan terlalu umum', parent: D, description: 'Materi pelatihan seragam, tidak dibedakan menurut level atau sektor.' },
  { name: 'Pameran dan kurasi produk', parent: D, description: 'Pameran dan kurasi yang mempertemukan UMKM dengan buyer.' },
  { name: 'Birokrasi dan persyaratan', parent: D, description: 'Dokumen, syarat dan waktu tunggu bantuan atau fasilitasi.' },
  { name: 'Jangkauan pelatihan luas', parent: D, description: 'Klaim jangkauan program pelatihan (jumlah peserta, wilayah).' },
];

export const SAMPLE_CODINGS: readonly SampleCoding[] = [
  // P-01: modest fashion owner
  { document: 'P-01', phrase: 'Yang paling sering itu polling di Instagram Story. Misalnya mau rilis koleksi Lebaran, saya upload tiga sampai empat pilihan warna, terus followers vote.', codes: ['Polling media sosial'], exemplarOf: 'practice' },
  { document: 'P-01', phrase: 'Terus ada grup WhatsApp pelanggan, isinya sekitar 300-an orang, di situ mereka sering kasih masukan', codes: ['Grup WhatsApp pelanggan'] },
  { document: 'P-01', phrase: 'Ada, TikTok live. Itu efektif banget.', codes: ['TikTok live'] },
  { document: 'P-01', phrase: 'Kami juga sistemnya pre-order, jadi sebelum produksi kami udah tahu ukuran dan warna mana yang paling banyak dipesan.', codes: ['Pre-order'] },
  { document: 'P-01', phrase: 'Kapasitas produksi. Ide-ide dari customer itu banyak banget, tapi penjahit saya cuma enam. Kalau semua request diikuti, bisa kacau.', codes: ['Kapasitas produksi terbatas'], exemplarOf: 'capacity' },
  { document: 'P-01', phrase: 'Terus modal juga, karena pre-order itu DP-nya cuma 50 persen, sementara kain harus dibayar di depan.', codes: ['Keterbatasan modal'] },
  { document: 'P-01', phrase: 'Repeat order dari anggota grup WA itu tinggi', codes: ['Pembelian ulang'] },
  { document: 'P-01', phrase: 'Kami bisa dari ide sampai jadi produk dalam tiga minggu.', codes: ['Kecepatan'] },
  { document: 'P-01', phrase: 'Word-of-mouth dari grup WA itu kuat.', codes: ['Word of mouth'] },
  { document: 'P-01', phrase: 'Jujur, materinya terlalu umum, Mbak.', codes: ['Pelatihan terlalu umum'] },
  { document: 'P-01', phrase: 'Kemarin ikut pameran di Jakarta lewat kurasi produk, dapat buyer dari Malaysia.', codes: ['Pameran dan kurasi produk'] },
  // P-02: coffee shop owner
  { document: 'P-02', phrase: 'Kami coba, kami kasih trial gratis ke pelanggan selama seminggu, minta feedback lewat kertas kecil di meja dan lewat DM Instagram.', codes: ['Uji coba produk (trial)'] },
  { document: 'P-02', phrase: 'Terus di Instagram kami rutin bikin polling', codes: ['Polling media sosial'] },
  { document: 'P-02', phrase: 'Barista saya cuma tiga. Tiap menu baru itu nambah langkah di bar.', codes: ['Kapasitas produksi terbatas'] },
  { document: 'P-02', phrase: 'kopi Menoreh itu panennya musiman, jadi kalau ada menu yang laris banget, bisa kehabisan biji sebelum panen berikutnya', codes: ['Bahan baku dan stok'] },
  { document: 'P-02', phrase: 'Yang usul menu itu jadi kayak duta. Mereka bawa temannya ke sini', codes: ['Rasa memiliki'], exemplarOf: 'loyalty' },
  { document: 'P-02', phrase: 'Di sini, pelanggan ngobrol sama saya, besok bisa langsung dicoba.', codes: ['Kedekatan dengan pelanggan'] },
  { document: 'P-02', phrase: 'Word of mouth dari mereka lebih ampuh daripada iklan.', codes: ['Word of mouth'], exemplarOf: 'community' },
  { document: 'P-02', phrase: 'Yang digital marketing, jujur terlalu dasar, dan pesertanya campur', codes: ['Pelatihan terlalu umum'] },
  // P-03: batik owner
  { document: 'P-03', phrase: 'Kami juga pernah polling di Instagram, pilih pewarna alam', codes: ['Polling media sosial'] },
  { document: 'P-03', phrase: 'Perajin yang bisa nyanting halus makin sedikit', codes: ['Kapasitas produksi terbatas'] },
  { document: 'P-03', phrase: 'Pelanggan yang pernah pesan motif sendiri itu hampir pasti balik lagi.', codes: ['Pembelian ulang'] },
  { document: 'P-03', phrase: 'Tapi mereka nggak bisa bikin motif untuk satu keluarga. Kami bisa. Fleksibel, personal', codes: ['Fleksibilitas'], exemplarOf: 'advantage' },
  { document: 'P-03', phrase: 'Terus testimoni pelanggan itu penting sekali', codes: ['Testimoni pelanggan'] },
  { document: 'P-03', phrase: 'Tapi pelatihan, terus terang, sering nggak nyambung.', codes: ['Pelatihan terlalu umum'] },
  { document: 'P-03', phrase: 'Lalu bantuan alat dari dinas, pernah dapat kompor listrik untuk canting, bagus, tapi prosesnya setahun dari pengajuan.', codes: ['Birokrasi dan persyaratan'] },
  // K-01..K-03: consumers; they say nothing on government support (silence)
  { document: 'K-01', phrase: 'Yang paling sering itu polling di Instagram story mereka.', codes: ['Polling media sosial'] },
  { document: 'K-01', phrase: 'Ada program trial. Jadi sebelum launching, mereka buka pendaftaran tester lewat Google Form.', codes: ['Uji coba produk (trial)'] },
  { document: 'K-01', phrase: 'Pas produknya keluar, rasanya kayak, wah, ini aku ikut milih.', codes: ['Rasa memiliki'] },
  { document: 'K-01', phrase: 'Sejak ikut trial itu, aku jadi nggak gampang pindah.', codes: ['Pembelian ulang'] },
  { document: 'K-01', phrase: 'Terus pernah juga sunscreen-nya kosong hampir sebulan.', codes: ['Bahan baku dan stok'] },
  { document: 'K-01', phrase: 'Aku sendiri beli pertama kali karena testimoni orang, bukan karena iklan.', codes: ['Testimoni pelanggan'] },
  { document: 'K-01', phrase: 'Cepat tanggap. Ada tren bahan baru, misalnya mugwort, beberapa bulan kemudian mereka udah bikin.', codes: ['Kecepatan'] },
  { document: 'K-02', phrase: 'Kita disuruh pakai seminggu, terus isi formulir.', codes: ['Uji coba produk (trial)'] },
  { document: 'K-02', phrase: 'Jadi kelihatannya mereka mau nurutin permintaan pelanggan, tapi kapasitasnya belum kuat.', codes: ['Kapasitas produksi terbatas'] },
  { document: 'K-02', phrase: 'Rasanya kayak ikut membesarkan.', codes: ['Rasa memiliki'] },
  { document: 'K-02', phrase: 'Dekat, Mas. Brand besar itu jauh, CS-nya jawabnya template.', codes: ['Kedekatan dengan pelanggan'] },
  { document: 'K-02', phrase: 'Pembeli saya datang dari mulut ke mulut.', codes: ['Word of mouth'] },
  { document: 'K-02', phrase: 'Jadi saya kayak jembatan antara pembeli sama brand.', codes: ['Jaringan reseller'] },
  { document: 'K-03', phrase: 'Jadi aku pernah ikut polling di Instagram pas mereka mau ganti kemasan', codes: ['Polling media sosial'] },
  { document: 'K-03', phrase: 'Agak kecewa, Kak, jujur. Soalnya udah ditanya, kita semangat, terus nggak ada kabar.', codes: ['Kecewa bila usulan diabaikan'] },
  { document: 'K-03', phrase: 'Kadang aku mikir polling-polling gitu sebagian cuma gimmick buat engagement.', codes: ['Kecewa bila usulan diabaikan', 'Feedback bukan co-creation'] },
  { document: 'K-03', phrase: 'Yang paling kerasa itu responsnya.', codes: ['Kedekatan dengan pelanggan'] },
  { document: 'K-03', phrase: 'Aku lebih percaya testimoni dari grup itu daripada iklan selebgram.', codes: ['Testimoni pelanggan'] },
  // M-01, M-02: marketing experts
  { document: 'M-01', phrase: 'Praktiknya hampir semua lewat platform digital. Polling Instagram, tanya di grup WhatsApp, live TikTok, terus pre-order sebagai cara uji pasar.', codes: ['Polling media sosial', 'Pre-order'] },
  { document: 'M-01', phrase: 'Yang banyak disebut cocreation oleh pelaku UMKM itu sebenarnya sebagian besar adalah feedback.', codes: ['Feedback bukan co-creation'] },
  { document: 'M-01', phrase: 'Pertama, kapasitas. Owner semangat ngajak pelanggan usul, tapi produksinya tidak siap.', codes: ['Kapasitas produksi terbatas'] },
  { document: 'M-01', phrase: 'Pelanggan yang merasa didengar, repeat order-nya tinggi. Ada rasa memiliki.', codes: ['Rasa memiliki', 'Pembelian ulang'] },
  { document: 'M-01', phrase: 'Kecepatan dan kedekatan, itu senjata UMKM.', codes: ['Kecepatan', 'Kedekatan dengan pelanggan'] },
  { document: 'M-01', phrase: 'Komunitas itu aset terbesar, terutama untuk word-of-mouth.', codes: ['Word of mouth'] },
  { document: 'M-01', phrase: 'Tapi formatnya seragam.', codes: ['Pelatihan terlalu umum'] },
  { document: 'M-02', phrase: 'The founder posts an Instagram poll', codes: ['Polling media sosial'] },
  { document: 'M-02', phrase: 'Operations, always operations.', codes: ['Kapasitas produksi terbatas'] },
  { document: 'M-02', phrase: 'When customers co-create, they feel ownership', codes: ['Rasa memiliki'] },
  { document: 'M-02', phrase: 'Speed, flexibility, and proximity.', codes: ['Fleksibilitas', 'Kecepatan'] },
  { document: 'M-02', phrase: 'Word-of-mouth is still the most trusted channel in Indonesia', codes: ['Word of mouth'] },
  { document: 'M-02', phrase: 'But the training is often one-size-fits-all.', codes: ['Pelatihan terlalu umum'] },
  { document: 'M-02', phrase: 'are genuinely useful, because they connect MSME with buyers and modern retail', codes: ['Pameran dan kurasi produk'] },
  // KP-01: the coffee community's group interview, both speakers
  { document: 'KP-01', speaker: 'Dimas', phrase: 'Terus kami diajak trial, ngasih nilai, dan resepnya diubah-ubah sampai pas.', codes: ['Uji coba produk (trial)'] },
  { document: 'KP-01', speaker: 'Ayu', phrase: 'Saya biasanya bikin polling di story komunitas', codes: ['Polling media sosial'] },
  { document: 'KP-01', speaker: 'Ayu', phrase: 'Ada yang ambil ide kami, jadi menu, laris, terus nggak ada kredit sama sekali.', codes: ['Kecewa bila usulan diabaikan'] },
  { document: 'KP-01', speaker: 'Dimas', phrase: 'Kapasitas. Kedai kecil baristanya dua tiga orang.', codes: ['Kapasitas produksi terbatas'] },
  { document: 'KP-01', speaker: 'Ayu', phrase: 'Biji single origin dari petani kecil itu terbatas.', codes: ['Bahan baku dan stok'] },
  { document: 'KP-01', speaker: 'Dimas', phrase: 'Kedai yang sering ngajak kami bikin menu, ya jadi kedai langganan. Rasanya kayak kedai sendiri.', codes: ['Rasa memiliki', 'Pembelian ulang'] },
  { document: 'KP-01', speaker: 'Ayu', phrase: 'Fleksibel. Di chain besar, mau request gula dikurangi aja kadang bingung baristanya.', codes: ['Fleksibilitas'] },
  { document: 'KP-01', speaker: 'Dimas', phrase: 'Word of mouth itu jalan sendiri.', codes: ['Word of mouth'] },
  { document: 'KP-01', speaker: 'Ayu', phrase: 'komunitas itu mitra, bukan cuma penonton atau bahan konten', codes: ['Komunitas sebagai mitra'] },
  { document: 'KP-01', speaker: 'Dimas', phrase: 'Pernah diajak isi booth di festival kopi yang didukung Pemda, tahun lalu.', codes: ['Pameran dan kurasi produk'] },
  // G-01: Dinas Koperasi dan UKM
  { document: 'G-01', phrase: 'Yang klasik itu kapasitas produksi dan modal, Mas.', codes: ['Kapasitas produksi terbatas', 'Keterbatasan modal'] },
  { document: 'G-01', phrase: 'menjangkau lebih dari 2.400 UMKM di lima kabupaten/kota', codes: ['Jangkauan pelatihan luas'] },
  { document: 'G-01', phrase: 'Jadi satu kelas bisa campur, yang baru mulai sama yang sudah lama.', codes: ['Pelatihan terlalu umum'] },
  { document: 'G-01', phrase: 'Memang untuk bantuan alat prosesnya panjang', codes: ['Birokrasi dan persyaratan'] },
  { document: 'G-01', phrase: 'Kelincahan, Mas. UMKM bisa cepat menyesuaikan produk dengan selera pasar.', codes: ['Kecepatan'] },
  { document: 'G-01', phrase: 'kami bermitra dengan asosiasi dan paguyuban UMKM', codes: ['Komunitas sebagai mitra'] },
  // association chair
  { document: 'A-01', phrase: 'Yang muda-muda biasanya pinter, pakai polling IG, tanya di grup WA pelanggan', codes: ['Polling media sosial', 'Grup WhatsApp pelanggan'] },
  { document: 'A-01', phrase: 'Modal sama tenaga, Mas.', codes: ['Keterbatasan modal', 'Kapasitas produksi terbatas'] },
  { document: 'A-01', phrase: 'Anggota yang rajin ngajak ngobrol pelanggannya, yang dengerin usulan, itu pelanggannya awet.', codes: ['Pembelian ulang'] },
  { document: 'A-01', phrase: 'Luwes, Mas. Pelanggan minta kurang manis, besok bisa.', codes: ['Fleksibilitas'] },
  { document: 'A-01', phrase: 'Di asosiasi kami saling promosi, saling jadi reseller.', codes: ['Jaringan reseller'] },
  { document: 'A-01', phrase: 'Pameran itu bagus, anggota kami beberapa dapat buyer dari situ.', codes: ['Pameran dan kurasi produk'] },
  { document: 'A-01', phrase: 'Tapi pelatihan itu sering kali materinya sama terus.', codes: ['Pelatihan terlalu umum'], exemplarOf: 'government' },
  { document: 'A-01', phrase: 'Terus bantuan hibah alat itu prosesnya lama banget, bisa setahun.', codes: ['Birokrasi dan persyaratan'] },
];

export const SAMPLE_THEMES: readonly SampleTheme[] = [
  {
    key: 'practice', name: 'Co-creation lewat platform digital',
    definition: 'UMKM melibatkan pelanggan dalam memilih dan membentuk produk terutama lewat kanal digital yang murah dan sehari-hari: polling Instagram, grup WhatsApp, TikTok live, uji coba produk dan pre-order.',
    scope: 'Bukan riset pasar formal dan bukan promosi satu arah. Termasuk pandangan kritis bahwa sebagian praktik ini baru sebatas meminta masukan.',
    codes: ['Polling media sosial', 'Grup WhatsApp pelanggan', 'TikTok live', 'Uji coba produk (trial)', 'Pre-order', 'Feedback bukan co-creation'],
    convergence: 'agreement',
    reason: 'Kelima jenis informan menyebut kanal digital yang sama (polling, grup WA, live, trial). Ahli pemasaran M-01 menambahkan bahwa banyak praktik baru sebatas feedback; ini nuansa, bukan pertentangan.',
    at: { x: 0, y: 330 },
  },
  {
    key: 'capacity', name: 'Menyeimbangkan permintaan dengan kapasitas produksi',
    definition: 'Usulan pelanggan mudah dikumpulkan tetapi sulit dipenuhi: tenaga kerja, bahan baku musiman dan modal kerja membatasi berapa banyak ide yang bisa diwujudkan dan seberapa cepat.',
    scope: 'Bukan keluhan umum tentang usaha kecil; hanya hambatan yang muncul ketika ide pelanggan harus diproduksi.',
    codes: ['Kapasitas produksi terbatas', 'Bahan baku dan stok', 'Keterbatasan modal'],
    convergence: 'agreement',
    reason: 'Pemilik, ahli, komunitas dan dinas menyebut kapasitas produksi; konsumen mengalaminya sebagai stok kosong dan pesanan yang terlambat. Sudut pandang berbeda, temuan sama.',
    at: { x: 190, y: -40 },
  },
  {
    key: 'loyalty', name: 'Rasa memiliki menumbuhkan loyalitas',
    definition: 'Pelanggan yang usulannya dipakai merasa ikut memiliki produk dan brand, kembali membeli dan membela brand; loyalitas ini berbalik menjadi kekecewaan bila usulan diminta lalu diabaikan.',
    scope: 'Bukan loyalitas karena harga atau diskon.',
    codes: ['Rasa memiliki', 'Pembelian ulang', 'Kecewa bila usulan diabaikan'],
    convergence: 'partial',
    reason: 'Pemilik, komunitas dan ahli sepakat tentang rasa memiliki. Konsumen K-03 dan anggota komunitas KP-02 menunjukkan sisi sebaliknya: kecewa bila tidak ada tindak lanjut atau kredit, sehingga kesepakatannya bersyarat.',
    at: { x: 380, y: 150 },
  },
  {
    key: 'advantage', name: 'Fleksibilitas dan kedekatan sebagai keunggulan',
    definition: 'Dibanding brand besar, UMKM unggul karena cepat, luwes membuat pesanan khusus dan dekat dengan pelanggan; pemiliknya sendiri yang menjawab.',
    scope: 'Bukan keunggulan harga; informan justru mengakui brand besar menang di promosi dan tempat.',
    codes: ['Fleksibilitas', 'Kedekatan dengan pelanggan', 'Kecepatan'],
    convergence: 'agreement',
    reason: 'Semua jenis informan menyebut kecepatan, fleksibilitas atau kedekatan dengan kata-kata sendiri; ahli pemasaran mengingatkan bahwa keunggulan ini mudah ditiru.',
    at: { x: 760, y: 330 },
  },
  {
    key: 'community', name: 'Komunitas sebagai penggerak word of mouth',
    definition: 'Komunitas pelanggan, testimoni dan jaringan reseller menyebarkan produk dari mulut ke mulut dan lebih dipercaya daripada iklan; komunitas ingin diperlakukan sebagai mitra.',
    scope: 'Bukan iklan berbayar atau endorsement selebgram.',
    codes: ['Word of mouth', 'Testimoni pelanggan', 'Jaringan reseller', 'Komunitas sebagai mitra'],
    convergence: 'agreement',
    reason: 'Kelima jenis informan menyebut word of mouth atau testimoni; komunitas KP-01 menambahkan syarat hubungan yang setara.',
    at: { x: 600, y: -40 },
  },
  {
    key: 'government', name: 'Dukungan pemerintah: pameran bermanfaat, pelatihan terlalu umum',
    definition: 'Pameran dan kurasi produk mempertemukan UMKM dengan buyer, tetapi pelatihan dinilai seragam dan terlalu dasar, dan bantuan terhambat birokrasi.',
    scope: 'Hanya program dinas dan asosiasi; bukan pembiayaan bank secara umum.',
    codes: ['Pelatihan terlalu umum', 'Pameran dan kurasi produk', 'Birokrasi dan persyaratan', 'Jangkauan pelatihan luas'],
    convergence: 'silence',
    reason: 'Konsumen tidak menyinggung dukungan pemerintah sama sekali (diam): program ini tidak terlihat dari sisi pembeli. Di antara yang berbicara, kesepakatannya parsial: dinas menekankan jangkauan 2.400 UMKM, pemilik, ahli dan asosiasi menilai materinya terlalu umum.',
    at: { x: -220, y: -40 },
  },
];

export const SAMPLE_LINKS: readonly SampleLink[] = [
  { key: 'practice-loyalty', from: 'practice', to: 'loyalty', kind: 'influences', label: 'keterlibatan menumbuhkan rasa memiliki' },
  { key: 'practice-advantage', from: 'practice', to: 'advantage', kind: 'influences', label: 'co-creation → daya saing' },
  { key: 'loyalty-mediates', from: 'loyalty', to: 'link:practice-advantage', kind: 'mediates', label: 'melalui loyalitas' },
  { key: 'capacity-moderates', from: 'capacity', to: 'link:practice-loyalty', kind: 'moderates', label: 'bila usulan bisa dipenuhi' },
  { key: 'community-loyalty', from: 'community', to: 'loyalty', kind: 'associated-with', label: 'word of mouth' },
  { key: 'government-capacity', from: 'government', to: 'capacity', kind: 'associated-with', label: 'pelatihan belum menjawab kapasitas' },
];

/** Journal entries written along the way, each in the phase it belongs to, with the note of the phase move before it. */
export const SAMPLE_JOURNAL: readonly { readonly phase: Exclude<Phase, 6>; readonly moveNote?: string; readonly title: string; readonly body: string }[] = [
  { phase: 1, title: 'Membaca ulang semua transkrip', body: 'Sebelas transkrip dibaca dua kali. Kesan awal: semua jenis informan bicara tentang polling dan grup WA, tetapi nada mereka berbeda. Pemilik antusias, ahli pemasaran lebih kritis. Posisi saya sebagai peneliti yang juga pelanggan kedai kopi perlu saya catat: saya cenderung simpati pada UMKM.' },
  { phase: 2, moveNote: 'Semua transkrip sudah dibaca; mulai pengodean awal.', title: 'Kode awal mengikuti panduan wawancara', body: 'Kode induk mengikuti enam aspek panduan wawancara, kode turunan dari kata-kata informan. Kode "Feedback bukan co-creation" sengaja dipisah agar pandangan M-01 tidak tenggelam.' },
  { phase: 3, moveNote: 'Pengodean selesai untuk sebelas transkrip.', title: 'Dari kode ke tema kandidat', body: 'Enam tema kandidat, satu per aspek. Saya ragu apakah "kecewa bila usulan diabaikan" berdiri sebagai tema sendiri; untuk sekarang menjadi bagian dari tema loyalitas.' },
  { phase: 4, moveNote: 'Tema kandidat disusun; mulai meninjau terhadap data.', title: 'Triangulasi sumber', body: 'Konsumen diam tentang dukungan pemerintah: bukan karena tidak ditanya, tetapi karena program dinas tidak terlihat dari sisi pembeli. K-04 belum diwawancarai dan tidak dihitung.' },
  { phase: 5, moveNote: 'Tema ditinjau dan triangulasi dicatat.', title: 'Menamai tema', body: 'Nama tema dibuat sebagai temuan, bukan topik: "Rasa memiliki menumbuhkan loyalitas", bukan "Loyalitas". Model tema: co-creation memengaruhi daya saing melalui loyalitas, dan kapasitas produksi memoderasi hubungan co-creation dengan loyalitas.' },
];
