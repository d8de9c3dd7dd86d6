/**
 * Indonesian (and Javanese, Sundanese, Chinese-Indonesian, English) forms of address that stand
 * before a name in interviews: "Bu Sari", "Pak Joko", "Mbak Rina", "Sdr. Hendra". A word after
 * one of them is a name even when written in lower case ("bu sari"), and even when short ("Pak
 * Li"); a capitalised word after one that no listed name covers is reported as a possible name.
 * Written without their full stop; the finder allows one ("Bpk.", "Sdr.", "Ny.").
 */
export const HONORIFICS: readonly string[] = [
  'bu', 'ibu', 'buk', 'bunda', 'pak', 'bapak', 'mbak', 'mba', 'mas', 'kak', 'kakak', 'dik', 'adik', 'dek',
  'saudara', 'saudari', 'om', 'tante', 'bang', 'abang', 'cak', 'ning', 'teh', 'aa', 'kang', 'neng',
  'uda', 'uni', 'koh', 'cik', 'ci', 'ko', 'mbah', 'eyang', 'pakde', 'bude', 'budhe', 'nyonya', 'tuan', 'haji', 'miss',
];

/** Abbreviated forms, written with or without their full stop ("Bpk.", "Sdr", "Hj."); a full stop after "Pak" ends a sentence instead. */
export const ABBREVIATED_HONORIFICS: readonly string[] = ['bpk', 'sdr', 'sdri', 'ny', 'hj', 'dr', 'prof', 'ir', 'mr', 'mrs', 'ms'];

/**
 * Words after an honorific that are a position or a role, not a name ("Pak RT", "Bu Camat", "Mbak
 * Admin"): never reported as possible names. Lower case.
 */
export const TITLES_NOT_NAMES: ReadonlySet<string> = new Set([
  'rt', 'rw', 'camat', 'lurah', 'kades', 'bupati', 'walikota', 'gubernur', 'menteri', 'dosen', 'guru', 'kepala', 'ketua',
  'direktur', 'manajer', 'admin', 'owner', 'bos', 'dokter', 'ustad', 'ustadz', 'kyai', 'haji', 'hajah', 'hj',
  'dr', 'prof', 'ir', 'sekretaris', 'bendahara', 'kadis', 'kabid', 'kasi', 'pewawancara', 'peneliti', 'informan',
  'barista', 'moderator', 'kurir', 'driver', 'sopir', 'satpam', 'pegawai', 'karyawan', 'penjual', 'pembeli', 'pelanggan',
  ...HONORIFICS, ...ABBREVIATED_HONORIFICS,
]);

/** Enclitics a name may carry in Indonesian ("Sarinya", "Sari-lah", "Jokopun"): the name is found, the enclitic kept. */
export const ENCLITICS: readonly string[] = ['nya', 'lah', 'kah', 'pun', 'ku', 'mu'];

/** A pattern matching `word` in any case without the `i` flag, which would also loosen `\p{Lu}` beside it. */
export function anyCase(word: string): string {
  return [...word].map((ch) => {
    const lower = ch.toLocaleLowerCase();
    const upper = ch.toLocaleUpperCase();
    return lower === upper ? escapeRegExp(ch) : `[${escapeRegExp(lower)}${escapeRegExp(upper)}]`;
  }).join('');
}

export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const longestFirst = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).map(anyCase).join('|');

/**
 * Any one honorific (an abbreviated one with an optional full stop), then the space before the name
 * on the same line: "Pak. Terima kasih" and "Pak\nTerima" are a sentence and a line ending, not "Pak Terima".
 */
export const HONORIFIC_BEFORE = `(?<![\\p{L}\\p{N}])(?:(?:${longestFirst(HONORIFICS)})|(?:${longestFirst(ABBREVIATED_HONORIFICS)})\\.?)[^\\S\\r\\n]+`;

/** Removes honorifics the researcher typed in front of a listed name ("Pak Harjo" is looked for as "Harjo", after any honorific or none). */
export function withoutHonorific(name: string): string {
  let rest = name.trim();
  for (;;) {
    const next = rest.replace(new RegExp(`^${HONORIFIC_BEFORE}`, 'u'), '');
    if (next === rest || !next.trim()) return rest;
    rest = next;
  }
}
