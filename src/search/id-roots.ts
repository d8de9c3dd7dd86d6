/*
 * Indonesian root words (kata dasar) that guide the stemmer in stem-id.ts. The
 * Nazief–Adriani / ECS family of stemmers is only as good as its dictionary: an
 * affix is removed only when what remains is a known root, and several readings
 * of a prefix ("pengembangan": embang or kembang) are told apart by asking which
 * one is a word. Written for this project (general vocabulary plus the language
 * of UMKM owners, marketers, craftspeople and researchers), not copied from a list.
 *
 * Rules for adding a word:
 * - Add roots, not derived forms: "latih", not "pelatihan". A derived form in this
 *   list is returned whole and never reaches its root.
 * - A few derived-looking words are here on purpose, because stripping them would
 *   join unrelated meanings or leave a non-word; the blocks below say which.
 * - Leave out rare roots that capture common derived forms: "asa" (hope) would
 *   turn "perasaan"/"terasa" into asa instead of rasa; "pakan", "pinta", "pasak",
 *   "rubah", "tanti" likewise.
 * - Check a change with the tests in test/unit/search/stem-id.test.ts.
 */

const GENERAL_FUNCTION = `
ada agak agar akan akhir aku amat anda antara apa apabila atas atau bagai bagaimana bahkan
bahwa baik banyak barangkali baru bawah beberapa begini begitu belum benar berapa besok betapa
bila boleh bukan cuma dalam dan dapat dari daripada dekat demi dengan depan di dia diri dulu
entah hampir hanya harus hendak hingga ia ini itu jadi jangan jika juga justru kalau kami kamu
kan kapan karena kata ke kecuali kemudian kenapa kepada kini kita lagi lain lalu lama lebih
lewat maka mana masih mau memang mengapa mereka meski mungkin namun nanti oleh pada padahal
paling para pasti per perlu pernah pula pun saat saja sambil sama sampai sangat saya segala
sekarang seperti serta siapa suatu sudah supaya tadi tak tanpa tapi tentang tentu tetap tetapi
tiap tidak toh untuk walau yaitu yakni yang masing sedikit sebentar beserta
`;

/* Numbers and quantities; "pertama" is lexicalised (there is no root "tama" in use). */
const NUMBERS = `
nol satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas belas puluh ratus
ribu juta miliar milyar triliun pertama separuh tengah paruh persen persentase kali ganda
lusin kodi gros angka nomor jumlah total rata
`;

const PEOPLE = `
orang manusia pria wanita perempuan lelaki laki gadis bayi balita remaja muda tua dewasa anak
ayah bapak ibu ibunda ayahanda istri suami kakak adik abang kakek nenek paman bibi om tante
cucu keluarga saudara teman kawan sahabat tetangga tamu tuan nyonya nona warga rakyat
masyarakat umat bangsa suku kaum jodoh mertua menantu ipar sepupu yatim
piatu janda duda pacar rekan sejawat tokoh pahlawan raja ratu pangeran putri putra
sultan bupati gubernur camat lurah presiden menteri wakil ketua sekretaris bendahara anggota
direktur manajer staf karyawan pegawai buruh tukang kuli sopir supir kurir satpam
guru dosen murid siswa mahasiswa sarjana magister doktor profesor dokter bidan apoteker
insinyur arsitek pengacara hakim jaksa polisi tentara prajurit nelayan
juragan bos majikan admin operator teknisi desainer fotografer koki
barista kasir mandor pelopor pionir relawan sukarelawan informan responden partisipan
narasumber konsultan mentor fasilitator pakar ahli spesialis generasi milenial
`;

const BODY = `
badan tubuh kepala rambut mata telinga hidung mulut bibir gigi lidah leher bahu dada perut
pinggang punggung tangan jari kuku kaki lutut paha betis tumit kulit darah daging tulang otot
jantung paru otak hati ginjal wajah muka pipi dagu dahi alis kening jenggot kumis napas nafas
keringat air mata suara sakit demam batuk pilek flu luka obat jamu vitamin gizi nutrisi
sehat bugar segar lelah capek letih kantuk tidur bangun mimpi lapar haus kenyang
`;

const HOME_AND_OBJECTS = `
rumah kamar dapur ruang pintu jendela atap lantai dinding tembok pagar halaman
teras tangga meja kursi lemari rak kasur bantal selimut tikar karpet lampu listrik kipas
kunci gembok piring gelas cangkir mangkuk sendok garpu pisau panci wajan kompor oven kulkas
ember baskom sapu pel sikat sabun handuk cermin jam kalender buku pena pensil kertas amplop
map tas dompet koper payung topi kacamata sepatu sandal kaos baju celana rok kemeja jaket
kerudung jilbab hijab gamis mukena sarung selendang syal kebaya tunik daster seragam dasi
ikat kalung gelang cincin anting bros jepit kancing resleting saku kantong karung
tali rantai paku palu gergaji obeng cangkul sekop parang golok gunting jarum benang lem solasi
kardus dus kotak peti botol toples tabung kaleng plastik karet kaca ban roda motor mobil
sepeda becak bus truk kereta pesawat kapal perahu sampan rakit perangko televisi radio telepon
ponsel komputer laptop printer kamera mesin alat perkakas perabot
`;

const TIME = `
waktu hari minggu bulan tahun jam menit detik pagi siang sore malam subuh senja fajar kemarin
besok lusa dulu tadi kini masa zaman jaman abad dekade periode musim saat jadwal tanggal
kalender libur cuti akhir awal mula tengah pekan senin selasa rabu kamis jumat sabtu ahad
januari februari maret april mei juni juli agustus september oktober november desember
lebaran natal imlek ramadan puasa idul fitri adha semester kuartal triwulan sekejap
sebentar segera lekas lambat cepat kilat sementara abadi kekal baka jangka tempo
durasi frekuensi sering jarang kadang acap
`;

const NATURE = `
alam air api angin tanah batu pasir lumpur debu gunung bukit lembah jurang sungai kali danau
rawa laut samudra pantai pesisir pulau teluk selat tanjung hutan rimba kebun sawah ladang
tegal taman pohon daun bunga buah biji akar batang ranting dahan cabang rumput ilalang lumut
jamur hujan gerimis awan langit bintang matahari surya bulan udara cuaca iklim banjir kemarau
gempa badai petir kilat pelangi embun kabut salju es panas dingin sejuk lembap kering basah
terang gelap cahaya sinar bayang asap uap gas minyak emas perak tembaga besi timah baja logam
mineral batubara nikel intan berlian permata mutiara karang kerang tiram sisik bulu ekor sayap
tanduk ayam bebek angsa burung merpati elang sapi kambing domba kerbau kuda babi kelinci kucing
anjing tikus ular kadal buaya kura penyu ikan udang kepiting cumi gurita lele nila bandeng
tongkol tuna teri bawal kakap lebah madu semut nyamuk lalat kupu ulat cacing laba serangga
hewan binatang satwa ternak unggas bibit benih pupuk panen musim kebun
hama gulma lahan hektar lingkung lestari hijau polusi limbah sampah daur ulang emisi karbon
`;

/* Places, including regions of the studies. "kecamatan" and "kelurahan" are units in
 * their own right, not camat/lurah (the officials who head them). */
const PLACES = `
kota desa kampung dusun negeri negara benua dunia bumi wilayah daerah kawasan provinsi
kabupaten kecamatan kelurahan kota madya jalan gang lorong jembatan simpang pasar toko warung kios lapak gerai kedai kafe restoran rumah makan kantin kantor sekolah kampus
universitas akademi institut masjid musala gereja pura vihara klenteng pesantren gedung
pabrik gudang bengkel studio galeri museum bandara stasiun terminal
dermaga hotel losmen wisma asrama apartemen kos mal plaza
alun lapang stadion pusat pinggir ujung sudut sisi arah utara selatan timur barat
tenggara timur laut kanan kiri atas bawah dalam luar muka belakang samping antara
jauh dekat lokasi tempat posisi letak alamat kawasan zona sentra klaster kompleks blok rt rw
indonesia nusantara jakarta yogyakarta jogja jogjakarta solo surakarta semarang surabaya
bandung malang bogor depok bekasi tangerang serang cirebon tasikmalaya garut sukabumi
pekalongan jepara kudus lasem magelang klaten sleman bantul kulon progo gunungkidul kaliurang
kediri blitar madiun tuban gresik sidoarjo mojokerto banyuwangi jember madura bali denpasar
ubud lombok mataram sumbawa flores kupang sumatra sumatera medan padang palembang pekanbaru
riau batam jambi bengkulu lampung aceh minang minangkabau kalimantan samarinda balikpapan
bontang tenggarong kutai kartanegara berau paser penajam banjarmasin banjar pontianak
palangkaraya tarakan sulawesi makassar manado gorontalo palu kendari toraja bugis papua
jayapura merauke maluku ambon ternate jawa sunda betawi dayak banua kaltim kalbar kalsel kalteng
jabar jateng jatim diy ntb ntt asia eropa amerika afrika australia jepang korea cina china
tiongkok india arab malaysia singapura thailand vietnam filipina belanda inggris
`;

const COMMON_VERBS = `
ajak ajar aju alih ambil ampun anggap angkat angkut antar anyam arah atur awas
ayun baca bagi bahas bakar balas balik bangun banting bantu bawa bayar beda bela beli bentuk
berangkat beri bersih betul biar biasa bicara bikin bilang bina bingung buang buat buka bukti
bunuh buru butuh cabut cair campur capai cari catat cegah celup cerita cetak cinta cipta cium
coba cocok contoh cuci cukup curi dapat datang dengar didik diam dorong duduk dukung edar ejek
gabung gagal gali gambar ganti ganggu garap gelar gerak geser gulung guna gunting habis hadap
hadir hafal hambat harap hasil hemat henti hidup hilang himpun hitung hormat hubung hukum hutang
ikat ikut ingat ingin injak isi izin jaga jahit jalan jalin jamin jaring jatuh jawab jelas
jemput jemur jenguk jual juang jumpa kaji kalah kasih kejar kelola kembang kembali kemas kenal
kendali kenang kerja kirim kira kuasa kumpul kunjung kurang lahir laku lamar langgan lanjut
lapor latih lawan layan lempar lepas letak libat lihat lindung lipat lupa luncur luang main
makan maksud malu mampu mandi marah masak masuk mati minat minta minum mirip mohon muat mula
mulai muncul nikah nikmat nilai nyanyi obrol olah omong pakai paham pajang paksa pancing
pandang pantau pasang pegang pelihara peluk pendam percaya perintah periksa pesan petik pikir
pilih pimpin pinjam pindah potong puas pukul pulang punya putar putus raih rajut rakit ramal
rancang rasa rawat rekam rekrut rencana rendam rintis rugi rusak sadar saing saji salah salur
sambung sapa saring sebar sebut sedia selesai sembunyi sempat senang serah sewa siap simpan
singgah sisa sobek sortir suka sumbang sungguh susun syukur tabung tahan tahu takut tambah
tampil tanam tanda tangkap tanggap tanggung tanya tarik tawar tebak tekan tempel tempuh temu
terap terbang terima tiba tidur tiru tolak tolong tonton tukar tulis tumbuh tunda tunggu tunjuk
turun tutup ubah ucap ukur ulang undang unggah unduh untung upaya urus usaha usul wujud yakin
adu aduk alir ancam andal anjur apung asah asuh awet ayom bakti balap banding bantah bentang
bidik bimbing bongkar bujuk bungkus cemas cermin cicil cicip comot cukur dadak damping dandan
dasar daftar desak doa duga edit ekspor emban gaet gandeng gebrak gemar genggam gilir gores
guyur hadang hantar hanyut harga hias hibur hilir imbang imbau impor incar ingkar inap intai
intip iring isap jabat jajak jajal jatah jelajah jerat jiplak kabar kandung karang karya kawal
kecam kekang kepung kikis kisah kobar kocok kucur kunci kupas kurung labuh lacak lahap lalai
lampir landas langkah lantun lapis larang larut lawat lebur lekat lengkap lestari libur lilit
lintas lompat lontar lukis lulus lunas lurus luruh maju mandiri mangkir manja marak mekar milik
minim nafkah naik nalar nasihat niat nyala obat omel ongkos oper padu pajak pamer pangkas
panggil panggang pangkat panen pantang papar pasok patok patuh pecah peduli peka penuh peras
perinci pijat pikat pikul pilah pintal pisah poles potret pugar pulih pungut pupuk puji rakit
ramu rangkai rangkul rangkum rangsang rapat rawat rayu rebut reda redam rekat rekayasa remas
rembuk renang rentang resap retas riset rombak rangkap rujuk rumus runding sabar sadap sahut
saksi salin sanggup sangka santap sapu sarang sasar sayang sedot segel sekat selam selamat
selidik selip semai sembuh semprot sentuh serap serang serbu sesal setor siar sibuk sikat
silang simak simpul sindir singkir sisih sita sodor sokong sorot suguh sulam suling sumbang
sunting surut susul susut syarat tabur tagih takar talang tambal tampung tanak tanding tangis
tantang tapis taruh tata tatap tayang tebar tebus tegur telusur tempa tenggelam terbit terjemah
terka timbang timbul timbun tindak tindas tingkat tinjau tipu titip tonjol topang tuang tuduh
tugas tuju tular tumpang tumpuk tunai tunjang turut tusuk tuntut tutur ulas umpan undur ungkap
unjuk urai urut usir usung utang utus warna warta wawancara wisuda tinggal pergi masuk
lahir datang henti cerai pisah kabur lari jalan loncat lompat panjat renang selam terjun
dorong tarik angkat taruh letak geletak duduk diri baring rebah tidur bangun jaga
lihat tonton tatap pandang dengar simak cium raba rasa kecap jilat gigit kunyah telan minum
makan santap masak goreng rebus kukus bakar panggang tumis sangrai seduh aduk kocok
iris cincang potong kupas parut giling tumbuk peras saring tuang cuci bilas jemur setrika
lipat jahit sulam rajut tenun anyam ukir pahat cat warna lukis gambar cetak sablon bordir
celup pola potong rakit pasang bongkar baik ganti
`;

const ADJECTIVES = `
abadi adil agung aktif akrab aman ampuh anggun aneh angkuh antik asam asin asli asyik asik
bagus bahagia baku bangga barat basah basi bau bebas bekas berat besar bijak bodoh bosan botak
buruk buta cakap canggih cantik cekatan cemerlang cepat cerah cerdas cermat curang damai dangkal
datar dingin dini empuk enak encer gagah gampang ganas ganjil gelap gembira gemuk genap gesit
gigih gila gratis gurih halus hangat hancur hebat heran hitam hangus ideal indah irit jahat
jauh jelek jenuh jernih jinak jorok jujur kaku kalem kaya kecil kental keras kotor kuat kuning
kurus langka lapang laris lebar lelah lemah lembut lezat licin lincah lucu luas lugas lumayan
mahal makmur malas manis mantap masam matang mewah miring miskin mudah mulus mungil murah
murni nakal nekat nyaman nyata padat pahit palsu panas panjang pantas parah pasif pekat pelan
pendek pesat pintar polos praktis pucat pusing putih rajin ramah ramai rapi rapuh rata rawan
rendah renyah resah ribet ringan ringkas rumit sakit sederhana sempit sempurna sepi serius sedih
setia sigap singkat sopan subur sukses sulit sunyi susah tajam tampan tangguh tebal tegas tekun
telat tenang tepat terang tertib tinggi tipis tuli tulus tumpul tunggal unik unggul usang utama
utuh wajar wangi waras wajib merah biru hijau ungu coklat cokelat abu jingga oranye pink krem
emas perak muda tua kusam pudar cerah gelap terang kalem netral pastel elegan mewah
sederhana klasik modern kuno antik etnik etnis tradisional kontemporer minimalis simpel
eksklusif premium awet tahan kokoh rapuh ringan berat halus
kasar licin lembut kaku lentur elastis tebal tipis padat rongga rapat renggang longgar ketat
sempit lebar luas besar kecil panjang pendek tinggi rendah dalam dangkal bulat lonjong
segi lurus bengkok miring tegak datar
`;

/* Business, trade and money: the vocabulary of UMKM interviews. "wirausaha" and
 * "wiraswasta" are compounds (wira + usaha) treated as roots so "kewirausahaan" stays
 * with them rather than with "usaha". */
const BUSINESS = `
usaha bisnis dagang niaga jual beli pasar produk produksi barang jasa modal untung rugi laba
omzet omset harga biaya ongkos tarif diskon promo promosi iklan merek label kemas stok gudang
pasok distribusi distributor agen grosir ecer toko warung kios lapak gerai outlet cabang pusat
kantor pabrik industri rajin ekspor impor pajak kredit pinjam cicil utang hutang bunga bank
koperasi anggota saham aset kas tunai transfer bayar tagih nota kuitansi faktur anggar
akuntansi catat uang dana rupiah sen receh nominal investasi investor subsidi hibah bantu
insentif mitra kolaborasi sinergi jaring relasi koneksi kontrak janji sepakat negosiasi tawar
lelang tender proyek program giat target sasar langgan konsumen klien wirausaha wiraswasta
juragan bos karyawan tenaga kerja manajer manajemen direktur admin kurir tukang
konsultan mentor sentra klaster inkubator koperasi bumdes umkm ukm ikm umk
kapital finansial likuiditas solvabilitas neraca rugi laba margin markup
diskon cashback kredit debit tunggak angsur lunas bunga agun jamin
asuransi premi klaim polis dividen saham obligasi reksadana tabung deposito rekening
transaksi bayar lunas bon hutang piutang utang modal omzet beli
belanja borong grosir ecer paket bundel partai kulak ambil titip konsinyasi
jual beli sewa kontrak gadai lelang barter tukar
harga mahal murah miring banting obral promo diskon potong gratis bonus hadiah voucer kupon
ongkir kirim antar jemput paket ekspedisi kurir resi lacak retur tukar garansi komplain keluh
stok gudang inventaris logistik rantai pasok suplai suplier
produsen manufaktur rakit kemas label barcode sku kode berat volume dimensi
pesan order antre antri tunggu proses produksi kapasitas target kuota kuantitas
kualitas mutu standar kontrol cek uji sampel contoh prototipe purwarupa
pasar segmen segmentasi sasar posisi diferensiasi nilai manfaat loyal loyalitas
langgan konsumen beli kunjung ikut
gemar komunitas anggota jaring relasi mitra rekan kolega sekutu aliansi afiliasi
saing kompetisi kompetitor rival lawan unggul lemah kuat peluang ancam
strategi taktik rencana bisnis model kanvas visi misi tuju sasar
inovasi kreasi kreatif kreativitas ide gagas konsep desain rancang pola motif
corak ragam variasi varian koleksi edisi seri lini tema
wirausaha usahawan saudagar tengkulak calo makelar
agen distributor sub
merek citra reputasi identitas logo slogan tagline kemas label
`;

/* Marketing, media and digital platforms. Platform names are roots so that
 * "Instagram-nya", "di-Shopee-kan" reach them. */
const MARKETING_DIGITAL = `
digital digitalisasi daring luring internet siber maya media sosial medsos akun unggah
unduh kirim pesan obrol grup komunitas konten video foto gambar taut situs laman web aplikasi
platform katalog testimoni testimonial ulas rating komentar viral tren iklan kampanye promosi
diskon gratis ongkir voucer kupon paket bundel endorse selebgram siar tayang
instagram tiktok facebook whatsapp youtube twitter telegram line shopee tokopedia lazada
bukalapak blibli gojek grab gofood grabfood shopeefood google zoom gmeet canva linktree
email surel pos unggah status cerita sorot pesan obrol chat dm
sunting edit filter foto video rekam tonton tayang
algoritma tagar hashtag jangkau tampil klik kunjung trafik
iklan organik promosi kolaborasi barter kuis
kontes lomba undi hadiah sayembara
pasar jual promosi publikasi humas publisitas
citra persepsi kesan alam ekspektasi harap puas kecewa keluh komplain
saran usul kritik ulas nilai bintang rating
loyal loyalitas setia percaya amanah jujur transparan rekomendasi
referensi getok tular mulut
data digital daring luring konektivitas koneksi sinyal kuota pulsa gawai ponsel telepon
`;

/* Crafts, materials, food and cosmetics, the products of the studied enterprises. */
const CRAFT_AND_PRODUCTS = `
batik tenun songket ikat anyam rotan bambu kayu ulin jati mahoni meranti sengon pandan purun
nipah lontar mendong eceng gondok manik sulam bordir rajut jahit kain benang katun sutra sutera
wol linen rayon denim kanvas kulit logam besi perak emas tembaga kuningan kaca keramik gerabah
tanah liat lilin malam canting cap tulis warna motif corak desain pola ukir pahat
patung topeng tas dompet sepatu sandal baju kaos kemeja celana rok gamis hijab jilbab kerudung
mukena sarung selendang syal kebaya jaket tunik aksesori aksesoris hias kalung
gelang cincin anting bros suvenir cenderamata tikar keranjang tampah bakul nampan vas lampu
dekorasi furnitur mebel kursi meja lemari rak ornamen miniatur kriya seni
pernis plitur cat amplas serat getah damar resin lem sablon cetak print jahit obras
potong pola jahit konveksi garmen butik busana fesyen mode gaya tren koleksi
modest muslim syari kasual formal
kopi teh gula susu garam cabai cabe bawang tomat beras nasi mie roti kue keripik kerupuk
sambal rendang bakso sate soto tempe tahu jamu madu minyak tepung telur daging ayam ikan sayur
buah pisang mangga jeruk apel durian salak kelapa singkong ubi jagung kedelai kacang cokelat
coklat vanila karamel arabika robusta liberika biji bubuk seduh sangrai giling racik resep menu
minum makan camil kudap hidang saji olah kopi espreso latte gayo toraja kintamani
kemas botol toples pot dus kardus plastik kertas stiker segel
kosmetik serum krim sabun masker toner losion bedak lipstik parfum wangi kulit jerawat kusam
cerah halal bpom sertifikat izin legalitas label komposisi bahan baku formula
rawat
`;

/* Government, organisations and the research vocabulary of the studies. */
const ORGANISATION_AND_RESEARCH = `
perintah dinas menteri presiden gubernur bupati walikota wali camat lurah kepala
instansi lembaga badan balai asosiasi himpun paguyuban kelompok komunitas organisasi yayasan
forum sentra klaster inkubator program bijak regulasi atur undang hukum pasal izin
lisensi sertifikasi kurasi pamer bazar festival ekspo kompetisi lomba latih
damping bimbing bina sosialisasi suluh fasilitas subsidi
hibah bantu kredit kur koperasi kemenkop
teliti riset studi kaji metode data analisis tema kode kategori temu wawancara observasi
dokumentasi dokumen transkrip transkripsi informan narasumber sumber responden sampel populasi
teori model hipotesis variabel validitas reliabilitas triangulasi jurnal artikel skripsi tesis
disertasi kuesioner angket survei tanya jawab hasil simpul saran rekomendasi implikasi
kualitatif kuantitatif deskriptif interpretatif eksploratif eksplanatori studi kasus fenomena
fenomenologi etnografi naratif tematik pola kode kategori subkategori tema subtema
proposisi konstruk dimensi indikator faktor aspek unsur elemen komponen atribut karakteristik
mediasi mediator moderasi moderator jalur pengaruh dampak efek hubung korelasi regresi
signifikan uji hipotesis dukung tolak terima bukti kutip makna
`;

/* Loanword roots (mostly Dutch and English via -asi, -itas, -if, -al, -isme): they
 * carry the affixes of native roots ("berinovasi", "dikolaborasikan",
 * "mensosialisasikan") and must be known or the prefix rules would cut into them. */
const LOANWORDS = `
adaptasi administrasi adopsi agenda agresif akomodasi aktivitas akses akun akumulasi akurat
alternatif analisa analisis antusias aplikasi apresiasi argumen aspirasi asumsi asosiasi audit
autentik biografi birokrasi defisit definisi deskripsi detail dimensi dinamika dinamis diskusi
distribusi diversifikasi dominan edukasi efek efektif efisien ekonomi ekosistem ekspansi
ekspektasi eksperimen eksplorasi eksploitasi eksternal eksklusif elemen emosi emosional empati
energi entitas era estetika etika evaluasi fenomena filosofi fisik fleksibel fokus formal formula
fundamental fungsi generasi geografis global grafik historis identifikasi identitas ilustrasi
imajinasi implementasi individu indikator industri inflasi informasi infrastruktur inisiatif
inovasi inovatif inspirasi instansi institusi instrumen integrasi intelektual intensif
intensitas interaksi internal internasional interpretasi intervensi intuisi investasi isu
kampanye kapasitas kapitalis karakter karier karir kasus kategori klasifikasi koleksi kolektif
kombinasi komentar komersial komitmen komoditas komparasi kompetensi kompetisi kompetitif
kompetitor kompleks komponen komposisi kompromi komunikasi komunitas konfirmasi konflik konsekuensi
konsep konservatif konsisten konsistensi konstruksi konsultasi konsumen konsumsi konteks konten
kontinu kontras kontribusi kontrol konvensional koordinasi korelasi korporasi kreasi kreatif
kreativitas kriteria krisis kritik kritis kualitas kualitatif kuantitas kuantitatif kultur
kurasi kurikulum legal legalitas lisensi literatur logistik lokal lokasi loyal loyalitas makna
makro manajemen manfaat manipulasi margin materi material matriks mayoritas media mediasi
mekanisme mental metafora metode metodologi mikro minimal minoritas misi mobilitas mode model
moderasi modern modernisasi modifikasi modul momentum moral motivasi motif narasi naratif
nasional natural negosiasi negatif nominal norma normal objek objektif observasi operasional
operasi opini opsi optimal optimis organik organisasi orientasi orisinal otentik otoritas
paradigma parameter partisipasi paten periode personal persepsi perspektif pesimis pionir
platform politik populasi populer porsi positif posisi potensi potensial praktik praktis
preferensi premium presentasi prestasi primer prinsip prioritas problem produktif produktivitas
produsen profesi profesional profil profit program progres proporsi proposal prosedur proses
prospek proteksi prototipe provinsi proyek proyeksi psikologi psikologis publik publikasi
rasio rasional realisasi realitas reaksi referensi regulasi reguler rekomendasi rekrutmen relasi
relatif relevan relevansi representasi reputasi resep resistensi respons respon retensi revisi
revolusi risiko ritel sampel sektor sekunder seleksi sensitif sentral sertifikasi sertifikat
siklus signifikan simbol simulasi sinergi sintesis sinyal sistem situasi skala skema skenario
solusi sosial sosialisasi sosiologi spesial spesialis spesialisasi spesifik stabil stagnan
standar statistik status stimulus strategi strategis struktur studi subjek subjektif substansi
substitusi sukses suplai survei taktik target teknik teknis teknologi tema tematik teori
teoretis terminologi tesis tipe tipologi topik total tradisi tradisional transaksi transformasi
transkrip transparan transparansi tren triangulasi unit universal urban urgensi validasi
validitas variabel variasi verifikasi versi visi visual vital volume zona
adopsi afiliasi agregat akreditasi aksi akselerasi aktor aktualisasi alokasi ambisi amunisi
animasi antisipasi apresiasi arsip artikulasi asimilasi aspek atraksi atribut
autentikasi bisnis brosur budaya cluster daya desain destinasi diferensiasi digitalisasi
diseminasi disiplin diskon distributor dokumentasi domestik donasi durasi edisi efisiensi
ekologi eksekusi eksistensi eksploitasi ekspedisi ekspor eksposur ekstra elektronik eliminasi
elit emisi eskalasi estimasi etalase evolusi fasilitas fasilitator festival figur finansial
fitur fleksibilitas fluktuasi format formulasi fotografi fraksi frekuensi galeri
garansi gradasi grafis harmoni hierarki higienis hobi horizontal humanis ide ideal identik
ideologi ikon ilmiah imitasi implikasi impor improvisasi indeks independen indikasi inflasi
inkubasi inovasi input inspeksi instalasi insting integritas intensitas interval inventaris
investor jurnal kafe kalkulasi kampus kanal kapasitas karakteristik kartu katalog klaim klien
klik klimaks koalisi kode kognitif kolaborasi kolega komisi kompensasi kompetensi kompilasi
komplain kondisi konfigurasi konseptual konsolidasi konsorsium konstan konsultan kontak kontrak
konveksi koordinator koperasi korporat kosmetik kreator kredit kronologi kuliner kuota kupon
kurator kurir kursus label laboratorium layout lisensi lobi logo logika loket manajer mandat
manufaktur manuskrip marjin maskot massal master mediator memori mentor merek metropolitan
migrasi miniatur minimalis mitigasi modal model moderator modis monitor monopoli motivator
multimedia musik negosiator netral nominasi nostalgia notifikasi nutrisi obsesi okupasi
operator optimalisasi optimasi orbit organisator orientasi outlet paket panel panitia partai
partner partisipan pasif paspor patriot pelopor performa periodik permanen persen persentase
personalisasi pilot plastik pola polis politik portofolio poster potret praktisi predikat
presiden prioritas produser profesor programer promosi promotor properti proporsional prospek
protokol provokasi publik radikal rasional realistis redaksi reduksi refleksi reformasi
regional registrasi regulator rekam rekreasi relevan reparasi reproduksi reseler respons
restorasi restoran retensi revitalisasi rotasi rute sabotase sains sanksi satelit
sebab segmen sektor sekuler selebriti seminar sensasi sentimen servis sesi simpatik simpel
sinkron sirkulasi sistematis situs skandal sketsa slogan sosialita spanduk sponsor sportif
stabilitas staf stamina stan standardisasi stasiun stimulasi stok strategis studio subsidi
subjek suplemen supervisi suplier surplus survei sustainabilitas tabel teknisi telekomunikasi
televisi templat tenis teritori terminal terapi testimoni tiket toleransi tradisi trafik
transisi transportasi tur turis unik urgen utilitas vakum validasi variabel varian vendor
verifikasi vertikal video virtual visi vitamin voucer wisata zaman
pariwisata wisata budaya seni bahasa sastra agama ilmu sejarah adat tradisi ritual
upacara etnik etnis
`;

/* Informal Jakarta and Javanese-influenced roots heard in interviews. Informal verb
 * forms ("ngopi", "nyari", "nulis", "dibikinin") reach these through the informal
 * prefix and "-in" rules of the stemmer. */
const INFORMAL = `
bikin kasih gede cuma aja doang banget udah kayak gimana gitu gini kok sih dong deh lho loh nih
tuh yuk ayo emang pengen pingin sampe ribet repot capek males mager baper kepo curhat galau cuan
gaul keren mantap mantul santai santuy gercep jutek lebay cuek bete gabut tongkrong omong obrol
bareng cewek cowok bocah duit receh tajir kere hoki apes kesel kesal pede gengsi ogah
kagak enggak nggak gak ndak mboten nggih monggo mas mbak mbok bu pak kak dik bang teteh akang
neng cak ning sampeyan panjenengan kulo opo ora wis durung iso piye ngene ngono tenan pokoke
lumayan wes bener belom kalo aje ama tau liat denger pake bilang
ntar entar nanti tadi kemaren gede kecil bener
ribut rame sepi heboh seru asyik lucu bosen bosan kesel capek pusing bingung galau mumet
boro cengli cincai ciyus ngab bestie gan sis bro sob
`;

/* Words that look derived but are kept whole on purpose: stripping would join
 * unrelated meanings (peluang "opportunity" with luang "spare time", ketua "chair"
 * with tua "old", alasan "reason" with alas "mat", setuju "agree" with tuju "aim")
 * or leave no word (kendala, keluarga, sederhana). */
const LEXICALISED = `
peluang ketua alasan setuju sesuai sekitar kendala keluarga kelompok sederhana seperti selamat
semangat sepakat terampil belanja pelangi pegawai pesawat perahu peristiwa permata pengaruh
penting persen pesta perdana pertiwi seminar semester sekolah belakang kepala kemeja kerabat
kepiting keranjang keluh keliling kembali kemarin kelapa kerupuk keripik merdeka memang menteri
merek mentah meriah merpati pesantren berita beranda berkas berkah bersih berantakan terasi
kerjasama terimakasih kecap kedelai kelinci kenari kendi keramik kertas keju kebun kedai
kemah kelas kesan kereta kering kecil keras kepiting kebaya kemudi kencang kental kentang
sepatu sesi segmen sektor selera semen sendok sensor sentra sentral sepeda seragam
serat serbuk seri serius servis sertifikat setia sewa sejarah sejahtera sehat sejuk selatan
selesai sembako sembilan sempat sempit sempurna semua senang seni senin sentuh sepi serah
serang sebab sedang sedih segar segera sejak bensin betina beton bedak becak bebek belimbing
belut bencana bendahara bengkel beras berlian besi berat benar besar bentuk bekal bekas beban
bebas belah belaka belas beli belum benah benang benci benda bendera benih bentrok berani beres
betul teknologi teknik teks tekstil telepon televisi tema tembakau tembaga tempe tenda tenun
teori terapi teras terigu terminal termos tes testimoni tebal tebu teduh tegas teguh teh telah
telat telur teliti teman tembak tembok tempat tempel tempo tempuh temu tenaga tenang tengah
tentang tepat tepung terang terap terima terus tertib tetap tetangga tega terjemah ternak target
meja media medis mekanisme melati memori mental mentor menu merah mesin metode meter mewah
pedas pedoman pelita pena pensil pentas perak peran perangko perlu permen persen pesan peta
petai petir peti periode persepsi personal perspektif pekan pelan pendek pergi periksa perut
pesisir petang dinas dingin dinding dini diri diam dialog diet diploma disiplin direksi diskon
diskusi distribusi digital dimensi dinamika direktur dilema
`;

/* General vocabulary beyond the blocks above, in alphabetical sweeps. */
const GENERAL_MORE = `
abai abdi abjad acak acara acu adab adegan agresi ahad aib ajaib ajal ajang akad akal akar aki
akibat akidah aksara aktor alim alot alpa amal amanat amarah ambang ambruk amis ampas amuk ancang
andil aneka angan anggur angguk anjlok apit arak arang arena arif arloji aroma arsitek arti arus
asal asing atlet awak awam ayat bab babak badak bahari bahaya bait bajak bak bakal bakat balok
bandar bandel bangkit bangku bangkrut bantah barang baris basa basmi batal batas baur bea bebal
becek bedah bedug begadang bejat bekuk bel belang belantara belia benam bendung bening benjol
bentak berang bersin betah biadab biak bias bilik bimbang binasa bingkai bioskop bisa bisik bisu
bius bocor bodi bohong bola bolong bolos boneka boros bubar bubur budak budi bugil bujang bulat
bumbu bundar bungkam bungkuk buntu bunyi buram buron busa busuk busur buyar cabik cacat cacing
cadang cakar cakrawala calon campak candi canggung cantum cara catur cawan cedera cela celah
celaka celetuk cemar cemburu cemooh cendekia cengkeh cerai ceramah cerdik cerewet ceroboh ceruk
cicak ciprat ciri cita ciut colok condong congkak contek corat coret cubit cuka cukai culik curam
curiga cuti dabat dadu dahaga dahsyat daki dakwah dalang dalih dalil damba dangdut darat darma
darurat datar daulat debar debat debur dedikasi degup dekap delik demo denda dendam dengki
dengkur depak deras derajat deret derita desah desis detak detik dewan dialek didih dikit dobrak
dolar dongeng dongkrak dosa drama drastis duka dukun dulang dungu duplikat durhaka duri dusta
duta egois ekspresi ekstrem elak elus empas encok endap engah enggan enyah erat erti esa
evakuasi faedah fakta fana fardu fasih fatwa fikir fiksi film filsafat firasat fitnah fitrah
fitur fobia frasa gabah gadai gading gagap gaib gaji gajah gala galak galang galon gamelan gambir
gandum ganjal ganjar ganteng gara garang garis garuk gawat gayung gebuk gedor gegabah gejala
gejolak gelembung gelisah geliat gelombang gema gemas gembala gemetar gempar gencar gendang
gendong genre gentar gerah gerbang gerombol gertak gesek getar getir gitar golong gombal gosip
gosok gotong goyang gua gubuk gugat gugur gugup gulai gulat gumam gumpal guncang gundul gurau
gurun gusar gusur hajat hak hakikat hal halal halang halau haluan hamba hamil hampa hampar handal
hantu hardik harimau harmoni harta haru harum hasrat hasut hawa hayat hela heboh helai hembus
hening hijrah hikayat hikmah hina hindar hingar hirau hiruk hirup hisap hujat hulu huni huruf
ibadah ibarat idam idap idola ijazah ikhlas ikhtiar ikrar ilham imbal imbas iman impi imun indera
induk ingus insaf insan inti iri isak istana istilah istirahat isyarat itik iur jabat jagal jago
jahil jalar jalur jamah jambak jambu janggal jangka jantan jarak jarum jasad jaya jebak jeda jejak
jelata jemaah jemu jenak jenis jepit jera jeram jerih jidat jijik jilat jingga jitu jiwa joget
judi judul julang julur junjung jurang jurus juru kabul kacang kacau kadar kado kagum kail kait
kalimat kambuh kamus kancil kandang kandas kapak kapas kapur karam karat karib kartu kasak kasta
katak kawat kawin kayuh kebal kebut kecoh kecup kejam kejang kejut kekal kelabu kelahi kelak kelam
kelana kelereng keliru kelit kembar kempis kena kenan kenceng kendara kepak kepal kera keris kerok
kerut kesal ketik ketika ketuk khas khawatir khianat khidmat khusus kibar kiat kikir kilat kilau
kilo kisi kitab kitar klub kocak kolam kolom kolong komik kompak kompas konon konyol kosa kosong
koyak kubah kubur kuil kukuh kuliah kumuh kunyah kurban kusut kutip kutu labil labrak labu lafal
lagak lagu lajur laju laknat laksana lamban lambang lambai lambat lampau lancang lancar landai
langgar langsing langsung lantang lantas lantik lapuk latar lauk lawak layak layang layar layu lazim
ledak lelap leleh lembar lempar lengah lengan lengket lenyap lereng lesu letih letus lihai
lingkar lingkup lirik lisan liur lolos longgar luap lubang lubuk lucut luhur luka lumpuh lumrah
lunak luntur maaf mabuk macam mahir mahkota majalah makam makar makhluk maki maklum maksimal
mala malah maling mampir mandek mandul mangsa mantan mapan mari marga martabak martabat masalah
mawar mawas megah memar menang menung mesra mimpi minder misal mitos mogok molor mual muara mulia
mumpung mundur muntah murka murung musnah musuh musyawarah mutlak nadi nafsu naga nama nanas nasib
naung nelangsa ngeri nian nisan noda nyali nyaring nyawa nyenyak olahraga olok ombak ompong
organ otomatis pacu padam padan padi pahala pakem pamit pancar pandai pandemi panggul panggung
panik pantul papan paras parit pas pasrah patah pecat pegal pejam pekik pelik peluh pencar
penggal pengap pensiun perah peram perang peri pesona picu pijak pilar pilu pinang pingsan pipa
pita pojok pokok pondok pribadi pribumi protes puas pucuk pudar puing puisi puja pulpen punah puncak
pupus pusaka racun ragu rahasia rambat rampas rampung rangka ranjang rantau rayap regenerasi regu
rejeki rel rela remeh renovasi rentan resmi restu retak rezeki riang rinci rindu rintang risau
risih robek rohani rombong ronda rontok rubuh rumput runtuh rupa rusa rusuh rutin sah sajak salam
saldo saling samar sampul sandang sandar sandera sangkar santri santun sarapan sedap sedekah segan
selenggara semat sembah sembelih senam sendi sengaja sengketa senggang sergap serobot sesak sesat
setan siaga sidang sifat sikap siku sikut silau silaturahmi simbiosis simpang simpati singa
singgung sinis siram sirih skeptis soal sombong sorak suap suasana suci sugesti sukar sulap
sulung sumbat sumpah sumur sunat sungkan suntik surat surga suruh swasta syair tabah tabiat
tablet tabrak tadah tahap tahta takdir takhta takluk tala talak tamat tambang tampak tancap tandas
tandus tangkai tangkis tani tapak tari tawa tawan tebas tebing tegak tegang tekad teken tekstur
tekuk telan telantar tembus tendang tengadah tengok tenggorokan tepi tepis terik terjang terjun
terobos tetes tiang tikam tim timang timba timpa tinta titik tiup tombak tongkat tuding tumbang
tumpah tumpas tumpu tunas tunduk tunggak tuntas tuntun tupai ubun ujar uji ulama ulur umbar umbi
umpama umpat umpet umum umur ungsi untai upah urat urung usai usap usia usik usus utas wabah
wacana wadah wafat wahana wakaf wasiat wasit watak wawas wayang wewenang wibawa yayasan zakat ziarah
ketika makin saling peserta kafein agensi akuntabilitas kredibilitas formulir jahe rempah wedang
info file manual level iseng jajan bidang waris bengkak elok genting royong hambar irama kuas panah sambut
`;

/* Names and places seen in interviews that look affixed ("Dimas" is not di- + mas,
 * "Merapi" not meN- + rapi). Proper nouns cannot all be listed; these are the
 * common ones of the studied regions. */
const NAMES = `
dimas sekar kevin ketut komang nyoman wayan made putu kadek dewi sri dian desi dina diana dika
setiawan setyo seno bayu ayu rina sinta nadia fitri merapi menoreh seturan laweyan kotabaru
`;

/* Informal spellings of roots: "ilang" (hilang), "pinter" (pintar), "temen" (teman). */
const INFORMAL_SPELLINGS = `
ilang pinter temen macem seneng gimana kenceng rame ngeri sanget matur nuwun
`;

function words(block: string): string[] {
return block.split(/\s+/).filter((w) => w.length > 0);
}

/** Indonesian root words (lower case, a–z), the dictionary of the stemmer. */
export const ID_ROOTS: ReadonlySet<string> = new Set([
 ...words(GENERAL_FUNCTION),
 ...words(NUMBERS),
 ...words(PEOPLE),
 ...words(BODY),
 ...words(HOME_AND_OBJECTS),
 ...words(TIME),
 ...words(NATURE),
 ...words(PLACES),
 ...words(COMMON_VERBS),
 ...words(ADJECTIVES),
 ...words(BUSINESS),
 ...words(MARKETING_DIGITAL),
 ...words(CRAFT_AND_PRODUCTS),
 ...words(ORGANISATION_AND_RESEARCH),
 ...words(LOANWORDS),
 ...words(INFORMAL),
 ...words(LEXICALISED),
 ...words(GENERAL_MORE),
 ...words(NAMES),
 ...words(INFORMAL_SPELLINGS),
]);
