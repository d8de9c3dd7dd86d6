import { describe, expect, it } from 'vitest';
import { ID_ROOTS } from '../../../src/search/id-roots';
import { indonesianRoot, ruleStem, stemIndonesian } from '../../../src/search/stem-id';

/** Affixed words and their roots (KBBI), grouped by the rule they exercise. */
const ROOTS: readonly (readonly [string, string])[] = [
  // The examples of the brief: meN-/peN- recoding.
  ['pengembangan', 'kembang'], // peng- + vowel → k, with -an
  ['mengambil', 'ambil'], // meng- + vowel → ∅
  ['penyusunan', 'susun'], // peny- → s
  ['pemasaran', 'pasar'], // pem- + vowel → p
  ['memproduksi', 'produksi'], // mem-p kept, and the -i of a loanword kept
  ['menulis', 'tulis'], // men- + vowel → t
  ['perajin', 'rajin'], // pe- + r-root
  ['pengrajin', 'rajin'], // the common non-standard peng- + r
  ['kerajinan', 'rajin'],
  // One root in many forms (DOMAIN.md).
  ['berkolaborasi', 'kolaborasi'],
  ['kolaborasinya', 'kolaborasi'],
  ['dikolaborasikan', 'kolaborasi'],
  ['kolaborasi', 'kolaborasi'],
  ['kemitraan', 'mitra'],
  ['bermitra', 'mitra'],
  ['mitranya', 'mitra'],
  ['pelanggan', 'langgan'],
  ['keunggulan', 'unggul'],
  ['penjualan', 'jual'],
  ['pembelian', 'beli'],
  ['mempromosikan', 'promosi'],
  ['diproduksi', 'produksi'],
  ['produksinya', 'produksi'],
  ['kepercayaan', 'percaya'],
  ['kebersamaan', 'sama'],
  ['keuntungan', 'untung'],
  ['menguntungkan', 'untung'],
  ['memperkuat', 'kuat'],
  ['dipercaya', 'percaya'],
  ['bersaing', 'saing'],
  ['persaingan', 'saing'],
  ['pelatihan', 'latih'],
  ['dilatih', 'latih'],
  ['pengalaman', 'alam'],
  ['berinovasi', 'inovasi'],
  ['inovasinya', 'inovasi'],
  // More recodings and confixes.
  ['memasarkan', 'pasar'],
  ['memakan', 'makan'], // mem- + vowel → m when p gives no root
  ['memakai', 'pakai'], // me-…-i: the prefix goes first, so not maka + -i
  ['menilai', 'nilai'], // men- + vowel → n when t gives no root
  ['menyanyi', 'nyanyi'], // meny- + vowel → ny when s gives no root
  ['menyatakan', 'nyata'],
  ['mengemas', 'kemas'], // k wins over emas (gold)
  ['pengemasan', 'kemas'],
  ['kemasan', 'kemas'],
  ['mengirim', 'kirim'],
  ['pengiriman', 'kirim'],
  ['pengelolaan', 'kelola'],
  ['mengecek', 'cek'], // menge- before a one-syllable root
  ['pengetahuan', 'tahu'],
  ['mengetahui', 'tahu'],
  ['diketahui', 'tahu'],
  ['menggunakan', 'guna'],
  ['menghasilkan', 'hasil'],
  ['mengkomunikasikan', 'komunikasi'],
  ['mensosialisasikan', 'sosialisasi'],
  ['memviralkan', 'viral'],
  ['meningkatkan', 'tingkat'],
  ['menyelesaikan', 'selesai'],
  ['penyesuaian', 'sesuai'],
  ['mewujudkan', 'wujud'],
  ['melayani', 'layan'],
  ['pelayanan', 'layan'],
  ['meyakinkan', 'yakin'],
  ['pemrograman', 'program'],
  ['memasukkan', 'masuk'],
  ['pemasukan', 'masuk'], // -kan tried first, then -an with the k restored
  ['pemberdayaan', 'daya'], // peN- + ber-
  ['keberlanjutan', 'lanjut'], // ke- + ber- + -an
  ['memperkenalkan', 'kenal'], // mem- + per- + -kan
  ['mempertahankan', 'tahan'],
  ['kewirausahaan', 'wirausaha'],
  ['perekonomian', 'ekonomi'],
  ['perasaan', 'rasa'],
  ['terasa', 'rasa'], // te- + r-root
  ['tepercaya', 'percaya'], // te- before C-er-C
  ['terpercaya', 'percaya'],
  ['bekerja', 'kerja'], // be- before C-er-C
  ['pekerjaan', 'kerja'],
  ['beternak', 'ternak'],
  ['peternakan', 'ternak'],
  ['bepergian', 'pergi'],
  ['belajar', 'ajar'], // bel- before ajar
  ['pelajaran', 'ajar'],
  ['petani', 'tani'],
  ['pedagang', 'dagang'],
  ['pesaing', 'saing'],
  ['pedesaan', 'desa'],
  ['persetujuan', 'setuju'],
  ['pengusaha', 'usaha'],
  ['perusahaan', 'usaha'],
  ['pendampingan', 'damping'],
  ['pemanfaatan', 'manfaat'],
  ['pertumbuhan', 'tumbuh'],
  ['permintaan', 'minta'],
  ['menyelenggarakan', 'selenggara'],
  ['berikan', 'beri'], // suffix-only readings first: not ber- + ikan (fish)
  ['bermainlah', 'main'],
  // The informal register of the interviews.
  ['ngopi', 'kopi'],
  ['nyari', 'cari'],
  ['nulis', 'tulis'],
  ['ngerjain', 'kerja'],
  ['dijualin', 'jual'],
  ['nanya', 'tanya'],
  ['mikirin', 'pikir'],
  ['ngasih', 'kasih'],
  ['nongkrong', 'tongkrong'],
];

describe('the Indonesian stemmer', () => {
  it.each(ROOTS)('stems %s to %s', (word, root) => {
    expect(stemIndonesian(word)).toBe(root);
  });

  it('has a table of at least sixty words', () => {
    expect(ROOTS.length).toBeGreaterThanOrEqual(60);
  });

  it('returns dictionary roots as they are, including words kept whole on purpose', () => {
    for (const word of ['usaha', 'produk', 'bisnis', 'peluang', 'setuju', 'ketua', 'alasan', 'sekolah', 'berita', 'merek', 'kendala']) {
      expect(stemIndonesian(word)).toBe(word);
    }
  });

  it('never strips words of three letters or fewer', () => {
    for (const word of ['dia', 'ini', 'kan', 'pel', 'dik', 'ke']) expect(stemIndonesian(word)).toBe(word);
  });

  it('honours the disallowed prefix–suffix pairs', () => {
    expect(stemIndonesian('dimakan')).toBe('makan'); // di-…-an is not a confix: not di- + mak + -an
    expect(stemIndonesian('kebanyakan')).toBe('banyak'); // ke-…-an, not ke-…-kan
    expect(indonesianRoot('bertani')).toBe('tani'); // be-…-i is not a confix: not ber- + tan + -i
  });

  it('removes at most three prefixes', () => {
    expect(stemIndonesian('kepemberdayaan')).toBe('daya'); // ke- + peN- + ber-
    expect(indonesianRoot('diperkeberdayakan')).toBeNull(); // four prefixes
  });

  describe('reduplication', () => {
    it.each([
      ['ide-ide', 'ide'],
      ['kupu-kupu', 'kupu'],
      ['anak-anaknya', 'anak'],
      ['anak-anak-nya', 'anak'],
      ['sebanyak-banyaknya', 'banyak'],
      ['sehari-hari', 'hari'],
      ['berbalas-balasan', 'balas'],
      ['tolong-menolong', 'tolong'],
      ['meniru-nirukan', 'tiru'],
    ])('stems %s to %s', (word, root) => {
      expect(stemIndonesian(word)).toBe(root);
    });

    it('keeps other hyphenated words whole', () => {
      expect(stemIndonesian('bolak-balik')).toBe('bolak-balik');
      expect(stemIndonesian('sayur-mayur')).toBe('sayur-mayur');
      expect(stemIndonesian('follow-up')).toBe('follow-up');
    });
  });

  describe('words without a dictionary root', () => {
    it('are stripped by the regular rules when the remainder is plausible', () => {
      expect(indonesianRoot('kewalahan')).toBeNull();
      expect(stemIndonesian('kewalahan')).toBe('walah');
      expect(stemIndonesian('perpustakaan')).toBe('pustaka');
      expect(stemIndonesian('menggelontorkan')).toBe('gelontor');
    });

    it('keep -an and -i without a prefix, the -i of loanwords, and ke-/se- outside a confix', () => {
      expect(stemIndonesian('lesehan')).toBe('lesehan');
      expect(ruleStem('dekorasi')).toBe('dekorasi');
      expect(stemIndonesian('senior')).toBe('senior');
      expect(stemIndonesian('seasonal')).toBe('seasonal');
    });

    it('are returned unchanged when the remainder could not be a root', () => {
      expect(ruleStem('sembada')).toBe('sembada'); // se- + mbada
      expect(ruleStem('dhl')).toBe('dhl');
      expect(stemIndonesian('b2b')).toBe('b2b');
    });
  });

  it('gives the same answer from its cache', () => {
    expect(stemIndonesian('pengembangan')).toBe(stemIndonesian('pengembangan'));
  });
});

describe('the root dictionary', () => {
  it('holds between 2,000 and 4,500 lower-case words', () => {
    expect(ID_ROOTS.size).toBeGreaterThan(2000);
    expect(ID_ROOTS.size).toBeLessThan(4500);
    for (const root of ID_ROOTS) expect(root).toMatch(/^[a-z]+$/);
  });

  it('covers the business and craft vocabulary of the studies', () => {
    for (const root of ['usaha', 'mitra', 'jual', 'beli', 'pasar', 'produk', 'produksi', 'inovasi', 'kolaborasi', 'langgan', 'ajar', 'kembang', 'olah',
      'kirim', 'modal', 'untung', 'rugi', 'layan', 'promosi', 'desain', 'motif', 'batik', 'tenun', 'rotan', 'kayu', 'kopi', 'ulin', 'anyam', 'manik']) {
      expect(ID_ROOTS.has(root), root).toBe(true);
    }
  });

  it('leaves out derived forms that would hide their roots', () => {
    for (const derived of ['pelanggan', 'pemasaran', 'kemitraan', 'pelatihan', 'pengalaman', 'kemasan', 'asa']) expect(ID_ROOTS.has(derived), derived).toBe(false);
  });
});
