import { ID_ROOTS } from './id-roots';

/*
 * An Indonesian stemmer of the Nazief–Adriani / Enhanced Confix Stripping family
 * (Asian 2007; Arifin et al. 2009; the rule numbers below follow Sastrawi's table).
 *
 * Instead of ECS's one procedural pass with "return to the previous step" loops,
 * the candidate readings of a word are enumerated in a fixed order of preference
 * and the first one whose remainder is in the root dictionary wins:
 *   1. the word itself is a root;
 *   2. suffixes alone (particle, possessive, then derivational), shallow to deep;
 *   3. prefixes (up to three, each with its morphophonemic recodings), on each
 *      suffix level: deepest first, or shallowest first for the confixes where ECS
 *      removes the prefix first (be-…-lah, be-…-an, me-…-i, di-…-i, pe-…-i, ter-…-i);
 *   4. the informal register (ng-/nge-/ny-/n-/m- prefixes, -in suffix), dictionary only.
 * Step 2 before 3 is a deliberate change from Sastrawi, whose prefix-first
 * precedence turns "berikan" into "ikan" (fish): here it is "beri".
 * A word with no dictionary reading is stripped by the rules alone, conservatively
 * (see ruleStem), and kept whole if what remains is not a plausible root.
 *
 * "perajin" (pe- + rajin, the KBBI form) and the common "pengrajin" (an irregular
 * peng- before r) both give rajin, as does "kerajinan" (crafts): in studies of craft
 * enterprises the three belong together, at the cost of also meeting rajin
 * ("diligent"), which is rare in these interviews.
 */

/** Words this short are never stripped: "dia", "ini", "kan" are whole words. */
const MIN_WORD_LENGTH = 4;
/** A root keeps at least this many letters. */
const MIN_ROOT_LENGTH = 3;
const MAX_PREFIXES = 3;

/** The prefix families of the confix rules; per-/peN- are both "pe", ber- is "be", ter- is "te". */
type PrefixClass = 'di' | 'ke' | 'se' | 'be' | 'te' | 'me' | 'pe';
type Derivational = '' | 'i' | 'kan' | 'an' | 'in';

interface Level {
  readonly base: string;
  /** The derivational suffix removed to reach `base` ('' when only particles/possessives went). */
  readonly suffix: Derivational;
}

interface Strip {
  readonly rest: string;
  /** The literal prefix removed ("meng", "pe"), so the same prefix is not removed twice in a row. */
  readonly prefix: string;
  readonly cls: PrefixClass;
  /**
   * The first recoding of a regular rule. Without a dictionary to tell readings apart
   * only these are used: meN-/peN- + vowel → t (men-), p (mem-), ∅ (meng-), s (meny-).
   */
  readonly regular: boolean;
}

const PARTICLES = ['lah', 'kah', 'tah', 'pun'] as const;
const POSSESSIVES = ['nya', 'ku', 'mu'] as const;

/** Pairs of first prefix and derivational suffix that never form a confix (ECS). */
const DISALLOWED: ReadonlySet<string> = new Set(['be|i', 'di|an', 'ke|i', 'ke|kan', 'me|an', 'se|i', 'se|kan', 'te|an']);

/** meng-/peng- + vowel where the k-initial root must win over the vowel-initial one: "mengemas" is kemas, not emas (gold). */
const K_FIRST: ReadonlySet<string> = new Set(['kemas']);

const PRECEDENCE = /^(?:be.*(?:lah|an)|(?:me|di|pe|ter).*i)$/;

function isVowel(c: string | undefined): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';
}

function isConsonant(c: string | undefined): boolean {
  return c !== undefined && c >= 'a' && c <= 'z' && !isVowel(c);
}

function hasVowel(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (isVowel(word[i])) return true;
  return false;
}

/** Consonant pairs a root may begin with: digraphs, and the clusters of loanwords (produk, klien, stok). */
const ONSETS: ReadonlySet<string> = new Set([
  'ny', 'ng', 'kh', 'sy', 'pr', 'tr', 'kr', 'gr', 'br', 'dr', 'fr', 'pl', 'kl', 'bl', 'gl', 'fl', 'sl', 'sp', 'st', 'sk', 'sw', 'sm', 'sn', 'ps', 'kw',
]);

/**
 * A rule-only result is kept only if it could be a root: at least three letters, a
 * vowel, and no impossible opening ("kenceng" is not ke- + nceng).
 */
function isPlausibleRoot(word: string): boolean {
  if (word.length < MIN_ROOT_LENGTH || !hasVowel(word)) return false;
  return isVowel(word[0]) || isVowel(word[1]) || ONSETS.has(word.slice(0, 2));
}

function isLowerAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** The suffix levels of a word: itself, then without particle, possessive, and each derivational reading. */
function suffixLevels(word: string, informal: boolean): Level[] {
  const levels: Level[] = [{ base: word, suffix: '' }];
  let w = word;
  for (const particle of PARTICLES) {
    if (w.endsWith(particle) && w.length - particle.length >= MIN_ROOT_LENGTH) {
      w = w.slice(0, -particle.length);
      levels.push({ base: w, suffix: '' });
      break;
    }
  }
  for (const possessive of POSSESSIVES) {
    if (w.endsWith(possessive) && w.length - possessive.length >= MIN_ROOT_LENGTH) {
      w = w.slice(0, -possessive.length);
      levels.push({ base: w, suffix: '' });
      break;
    }
  }
  // "-kan" is tried before "-an" because ECS restores the k afterwards ("pemasukan" = masuk + -an).
  if (w.endsWith('kan') && w.length - 3 >= MIN_ROOT_LENGTH) levels.push({ base: w.slice(0, -3), suffix: 'kan' });
  if (w.endsWith('an') && w.length - 2 >= MIN_ROOT_LENGTH) levels.push({ base: w.slice(0, -2), suffix: 'an' });
  else if (w.endsWith('i') && w.length - 1 >= MIN_ROOT_LENGTH) levels.push({ base: w.slice(0, -1), suffix: 'i' });
  if (informal && w.endsWith('in') && w.length - 2 >= MIN_ROOT_LENGTH) levels.push({ base: w.slice(0, -2), suffix: 'in' });
  return levels;
}

/** Appends the readings of the prefix of `w`, most likely first. */
function prefixStrips(w: string, informal: boolean, out: Strip[]): void {
  const add = (cls: PrefixClass, prefix: string, rest: string, regular: boolean) => {
    if (rest.length >= MIN_ROOT_LENGTH) out.push({ rest, prefix, cls, regular });
  };
  const c2 = w[2];
  const c3 = w[3];
  if (w.startsWith('di')) add('di', 'di', w.slice(2), true);
  else if (w.startsWith('ke')) add('ke', 'ke', w.slice(2), true);
  else if (w.startsWith('se')) add('se', 'se', w.slice(2), true);
  else if (w.startsWith('be')) {
    if (w.startsWith('belajar')) add('be', 'bel', w.slice(3), true); // rule 4
    else if (c2 === 'r' && isVowel(c3)) {
      add('be', 'ber', w.slice(3), true); // rule 1a: ber-V
      add('be', 'ber', w.slice(2), false); // rule 1b: be-rV
    } else if (c2 === 'r' && c3 !== 'r') add('be', 'ber', w.slice(3), true); // rules 2, 3
    else if (isConsonant(c2) && c2 !== 'r' && c2 !== 'l' && w.slice(3, 5) === 'er' && isConsonant(w[5])) add('be', 'be', w.slice(2), true); // rule 5: bekerja
  } else if (w.startsWith('te')) {
    if (c2 === 'r' && isVowel(c3)) {
      add('te', 'ter', w.slice(3), true); // rule 6a
      add('te', 'ter', w.slice(2), false); // rule 6b: te-rV (terasa)
    } else if (c2 === 'r' && c3 !== 'r') add('te', 'ter', w.slice(3), true); // rules 7, 8
    else if (isConsonant(c2) && c2 !== 'r' && w.slice(3, 5) === 'er' && isConsonant(w[5])) add('te', 'te', w.slice(2), true); // rule 9: tepercaya
  } else if (w.startsWith('me')) {
    nasalStrips(w, 'me', 'me', add);
  } else if (w.startsWith('pe')) {
    if (w.startsWith('pelajar')) add('pe', 'pel', w.slice(3), true); // rule 32 exception
    else if (c2 === 'r' && isVowel(c3)) {
      add('pe', 'per', w.slice(3), true); // rule 21a
      add('pe', 'per', w.slice(2), false); // rule 21b: pe-rV (perajin)
    } else if (c2 === 'r' && c3 !== 'r') add('pe', 'per', w.slice(3), true); // rules 23, 24
    else if ((c2 === 'w' || c2 === 'y') && isVowel(c3)) add('pe', 'pe', w.slice(2), true); // rule 20
    else if (c2 === 'l' && isVowel(c3)) add('pe', 'pe', w.slice(2), true); // rule 32: pelanggan, pelatih
    else if (c2 === 'm' || c2 === 'n') nasalStrips(w, 'pe', 'pe', add);
    else if (isConsonant(c2)) add('pe', 'pe', w.slice(2), true); // rules 33, 34, 36: pekerja, pedagang, pesaing
  }
  if (informal) informalStrips(w, add);
}

/**
 * meN- and peN-: the nasal takes the place of the root's first consonant
 * (rules 10–19 and 25–31). `head` is "me" or "pe".
 */
function nasalStrips(w: string, head: 'me' | 'pe', cls: PrefixClass, add: (cls: PrefixClass, prefix: string, rest: string, regular: boolean) => void): void {
  const c2 = w[2];
  const c3 = w[3];
  const c4 = w[4];
  if (head === 'me' && (c2 === 'l' || c2 === 'r' || c2 === 'w' || c2 === 'y') && isVowel(c3)) {
    add(cls, 'me', w.slice(2), true); // rule 10: melayani, merasa, mewujudkan
    return;
  }
  if (c2 === 'm') {
    const prefix = `${head}m`;
    if (c3 === 'b' || c3 === 'f' || c3 === 'v' || c3 === 'p') add(cls, prefix, w.slice(3), true); // rules 11, 12, 19, 25: membuat, memperkuat, memproduksi
    else if (isVowel(c3)) {
      add(cls, prefix, `p${w.slice(3)}`, true); // rule 13b/26b: memasarkan → pasar
      add(cls, prefix, w.slice(2), false); // rule 13a/26a: memakan → makan
    } else if (c3 === 'r' && isVowel(c4)) add(cls, prefix, `p${w.slice(3)}`, false); // pemrograman → program
    return;
  }
  if (c2 !== 'n') return;
  if (c3 === 'g') {
    const prefix = `${head}ng`;
    if (c4 === 'g' || c4 === 'h' || c4 === 'k' || c4 === 'q') add(cls, prefix, w.slice(4), true); // rules 16, 29
    else if (isVowel(c4)) {
      const rest = w.slice(4);
      const kForm = `k${rest}`;
      if (K_FIRST.has(kForm)) add(cls, prefix, kForm, false);
      add(cls, prefix, rest, true); // rule 17a/30a: mengambil → ambil
      if (!K_FIRST.has(kForm)) add(cls, prefix, kForm, false); // rule 17b/30b: pengembangan → kembang
      if (c4 === 'e') add(cls, `${head}nge`, w.slice(5), false); // rule 17c/30c: mengecek, pengetahuan
    } else if (isConsonant(c4)) add(cls, prefix, w.slice(4), false); // irregular: pengrajin → rajin
    return;
  }
  if (c3 === 'y') {
    if (isVowel(c4)) {
      add(cls, `${head}ny`, `s${w.slice(4)}`, true); // rule 18a/31a: penyusunan → susun
      add(cls, head, w.slice(2), false); // rule 18b/31b: menyanyi → nyanyi
    }
    return;
  }
  const prefix = `${head}n`;
  if (c3 === 'c' || c3 === 'd' || c3 === 'j' || c3 === 's' || c3 === 't' || c3 === 'z') add(cls, prefix, w.slice(3), true); // rules 14, 27
  else if (isVowel(c3)) {
    add(cls, prefix, `t${w.slice(3)}`, true); // rule 15b/28b: menulis → tulis
    add(cls, prefix, w.slice(2), false); // rule 15a/28a: menilai → nilai
  }
}

/**
 * Jakarta-style active verbs: ngopi (kopi), ngambil, nyari (cari), nulis (tulis), mikir (pikir), ngecek.
 * The bare n- and m- readings need four letters: they turn any n- or m- word into a
 * t- or p- word, and three-letter roots ("makin" → pak + -in) are too easily hit.
 */
function informalStrips(w: string, add: (cls: PrefixClass, prefix: string, rest: string, regular: boolean) => void): void {
  if (w.startsWith('nge') && isConsonant(w[3])) add('me', 'nge', w.slice(3), false);
  if (w.startsWith('ng') && isVowel(w[2])) {
    add('me', 'ng', w.slice(2), false);
    add('me', 'ng', `k${w.slice(2)}`, false);
  } else if (w.startsWith('ny') && isVowel(w[2])) {
    add('me', 'ny', `s${w.slice(2)}`, false);
    add('me', 'ny', `c${w.slice(2)}`, false);
  } else if (w[0] === 'n' && isVowel(w[1]) && w.length >= 4) add('me', 'n', `t${w.slice(1)}`, false);
  else if (w[0] === 'm' && isVowel(w[1]) && w.length >= 4) add('me', 'm', `p${w.slice(1)}`, false);
}

function isDisallowed(cls: PrefixClass, suffix: Derivational, rest: string): boolean {
  if (suffix === '' || suffix === 'in') return false;
  // ECS's one exception: ke-…-i in "ketahui" (diketahui, ketahuilah).
  if (cls === 'ke' && suffix === 'i' && rest.startsWith('tahu')) return false;
  return DISALLOWED.has(`${cls}|${suffix}`);
}

/**
 * Removes up to three prefixes from `base`, breadth first so a shallower reading
 * wins over a deeper one, and returns the first remainder found in the dictionary.
 */
function prefixRoot(base: string, suffix: Derivational, informal: boolean): string | null {
  let frontier: { word: string; prefix: string }[] = [{ word: base, prefix: '' }];
  const strips: Strip[] = [];
  for (let depth = 0; depth < MAX_PREFIXES && frontier.length > 0; depth++) {
    const next: { word: string; prefix: string }[] = [];
    for (const node of frontier) {
      strips.length = 0;
      prefixStrips(node.word, informal && depth === 0, strips);
      for (const s of strips) {
        // di- and meN- open a word: they never follow another prefix.
        if (depth > 0 && (s.cls === 'di' || s.cls === 'me')) continue;
        if (s.prefix === node.prefix) continue;
        if (depth === 0 && isDisallowed(s.cls, suffix, s.rest)) continue;
        if (ID_ROOTS.has(s.rest)) return s.rest;
        next.push({ word: s.rest, prefix: s.prefix });
      }
    }
    frontier = next;
  }
  return null;
}

/** Derivational levels first (-kan before -an), then the inflectional ones from deep to shallow. */
function deepestFirst(levels: readonly Level[]): readonly Level[] {
  const derivational = levels.filter((l) => l.suffix !== '');
  const inflectional = levels.filter((l) => l.suffix === '').reverse();
  return [...derivational, ...inflectional];
}

/** Suffix levels in the order prefixes are tried on them: deepest first unless the confix asks for the prefix first. */
function prefixOrder(word: string, levels: readonly Level[]): readonly Level[] {
  return PRECEDENCE.test(word) ? levels : deepestFirst(levels);
}

/**
 * The dictionary root of a single word (no hyphen), or null when no reading of its
 * affixes ends in a known root. Formal rules first, then the informal register.
 */
export function indonesianRoot(word: string): string | null {
  if (ID_ROOTS.has(word)) return word;
  if (word.length < MIN_WORD_LENGTH || !isLowerAscii(word)) return null;
  const levels = suffixLevels(word, false);
  for (let i = 1; i < levels.length; i++) if (ID_ROOTS.has(levels[i]!.base)) return levels[i]!.base;
  for (const level of prefixOrder(word, levels)) {
    const root = prefixRoot(level.base, level.suffix, false);
    if (root !== null) return root;
  }
  const informal = suffixLevels(word, true);
  for (const level of informal) if (level.suffix === 'in' && ID_ROOTS.has(level.base)) return level.base;
  for (const level of prefixOrder(word, informal)) {
    const root = prefixRoot(level.base, level.suffix, true);
    if (root !== null) return root;
  }
  return null;
}

/**
 * Strips a word that has no dictionary reading by the regular rules alone:
 * particles and possessives always; -kan always; -an and -i only together with a
 * prefix (a confix), since many roots end in -an or -i; never -i after s, which ends
 * loanwords (promosi, produksi); ke- only in the confix ke-…-an and se- never, since
 * unknown words starting so are mostly names and loans (senior, Kevin, seasonal,
 * seniman = seni + -man).
 * Returns the word itself when the remainder is not a plausible root.
 */
export function ruleStem(word: string): string {
  if (word.length < MIN_WORD_LENGTH || !isLowerAscii(word)) return word;
  const levels = suffixLevels(word, false);
  const strips: Strip[] = [];
  levels: for (const level of deepestFirst(levels)) {
    if (level.suffix === 'i' && level.base.endsWith('s')) continue;
    let w = level.base;
    let previous = '';
    let removed = 0;
    for (; removed < MAX_PREFIXES; removed++) {
      strips.length = 0;
      prefixStrips(w, false, strips);
      const s = strips.find((x) => x.regular && x.prefix !== previous && (removed === 0 || (x.cls !== 'di' && x.cls !== 'me'))
        && x.cls !== 'se' && (x.cls !== 'ke' || level.suffix === 'an'));
      if (s === undefined || !isPlausibleRoot(s.rest)) break;
      if (removed === 0 && isDisallowed(s.cls, level.suffix, s.rest)) continue levels;
      w = s.rest;
      previous = s.prefix;
    }
    if ((level.suffix === 'an' || level.suffix === 'i') && removed === 0) continue;
    if (isPlausibleRoot(w)) return w;
  }
  return word;
}

const CLITICS: ReadonlySet<string> = new Set(['nya', 'ku', 'mu', 'lah', 'kah', 'pun']);

/** Stems "x-y": one root when both halves share it (reduplication), else null. */
function reduplicationRoot(word: string): string | null {
  const parts = word.split('-');
  let left: string;
  let right: string;
  if (parts.length === 2) [left, right] = parts as [string, string];
  else if (parts.length === 3 && CLITICS.has(parts[2]!)) [left, right] = [parts[0]!, parts[1]! + parts[2]!]; // anak-anak-nya
  else return null;
  if (left.length === 0 || right.length === 0) return null;
  if (left === right) return stemSingle(left);
  const leftRoot = stemSingle(left);
  let rightRoot = indonesianRoot(right);
  // Partial reduplication with the nasal on the right half only: meniru-nirukan, tolong-menolong.
  if (rightRoot === null) rightRoot = indonesianRoot(`me${right}`) ?? stemSingle(right);
  return leftRoot === rightRoot ? leftRoot : null;
}

function stemSingle(word: string): string {
  return indonesianRoot(word) ?? ruleStem(word);
}

const cache = new Map<string, string>();
/** Vocabularies are small and tokens many; the bound only guards against unbounded input such as ids. */
const CACHE_LIMIT = 200_000;

/**
 * The root of an Indonesian word; `word` is already lower-cased and
 * diacritic-folded. Dictionary roots come back as they are; a word whose affixes
 * strip to a dictionary root gives that root; other words are stripped by the
 * regular rules when the remainder is plausible, and otherwise returned unchanged.
 * Reduplication gives its root ("ide-ide" → ide, "sebanyak-banyaknya" → banyak);
 * other hyphenated words are kept whole ("bolak-balik").
 */
export function stemIndonesian(word: string): string {
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = word.includes('-') ? (reduplicationRoot(word) ?? word) : stemSingle(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}
