/*
 * The variant rules of search (shared/DOMAIN.md, "Language in the transcripts").
 * Every term they produce is a run of letters and digits, so that SQLite FTS5's
 * unicode61 tokenizer reads a column of space-joined terms back as the same terms.
 *
 * Two kinds of sameness are kept apart:
 * - spellings of one word ("co-creation", "co creation", "cocreation"; "Rp 50.000.000,00"
 *   and "50000000") are folded when the text is indexed, so every spelling indexes
 *   one term (COMPOUNDS, JOIN_PREFIXES, canonicalNumber);
 * - different words of near meaning (UMKM, UKM, MSME) are only joined when a query
 *   asks (SYNONYM_GROUPS), because a researcher may need the exact one: "Dinas
 *   Koperasi dan UKM" is a name.
 */

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;

/**
 * Folds a surface form to its search form: compatibility forms decomposed (NFKD:
 * "ﬁ" → fi, full-width and mathematical letters → ASCII), then lower case (after
 * NFKD, since "𝐁" has no lower case until it is "B"), then combining marks and
 * anything else that is not a letter or digit removed ("kafé" → kafe, "Jum'at" →
 * jumat). Letters of any script are kept.
 */
export function foldTerm(surface: string): string {
  return surface.normalize('NFKD').toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
}

/**
 * One term for a number written with separators, so that "Rp 50.000.000,00",
 * "50.000.000" and "50000000" meet. The convention is read from the number itself:
 * with both '.' and ',' the later one is the decimal mark; a lone ',' is decimal
 * (Indonesian "2,5"); a lone '.' followed by exactly three digits groups thousands
 * ("1.500"), otherwise it is decimal ("3.5"); a repeated mark groups thousands.
 * A fraction of zeros is dropped; any other fraction follows the integer after a
 * "d" ("2,5" and "2.5" → "2d5"), which keeps the term one FTS5 token.
 */
export function canonicalNumber(surface: string): string {
  const dots = count(surface, '.');
  const commas = count(surface, ',');
  let decimal: '.' | ',' | null = null;
  if (dots > 0 && commas > 0) decimal = surface.lastIndexOf('.') > surface.lastIndexOf(',') ? '.' : ',';
  else if (commas === 1) decimal = ',';
  else if (dots === 1) {
    const after = surface.length - surface.indexOf('.') - 1;
    const before = surface.indexOf('.');
    decimal = after === 3 && before <= 3 ? null : '.';
  }
  let integer = surface;
  let fraction = '';
  if (decimal !== null) {
    const at = surface.lastIndexOf(decimal);
    integer = surface.slice(0, at);
    fraction = surface.slice(at + 1);
  }
  integer = integer.replace(/[.,]/g, '');
  fraction = fraction.replace(/[.,]/g, '').replace(/0+$/, '');
  return fraction === '' ? integer : `${integer}d${fraction}`;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/**
 * Words written as one, with a hyphen, or with a space: any of these spellings,
 * in folded form, becomes the joined term. Matching runs on whole tokens, so
 * "kerja sama-sama" (work together) is not "kerjasama".
 */
export const COMPOUNDS: readonly (readonly string[])[] = [
  ['co', 'creation'], ['co', 'branding'], ['co', 'working'], ['co', 'founder'],
  ['e', 'commerce'], ['e', 'katalog'], ['e', 'catalog'], ['e', 'catalogue'], ['e', 'mail'], ['e', 'wallet'], ['e', 'money'],
  ['e', 'book'], ['e', 'learning'], ['e', 'wom'],
  ['word', 'of', 'mouth'], ['getok', 'tular'],
  ['pre', 'order'], ['re', 'seller'], ['re', 'branding'], ['re', 'stock'], ['re', 'post'],
  ['on', 'line'], ['off', 'line'],
  ['start', 'up'], ['market', 'place'], ['web', 'site'], ['give', 'away'], ['check', 'out'], ['drop', 'ship'], ['drop', 'shipper'],
  ['hand', 'made'], ['home', 'made'], ['best', 'seller'], ['cash', 'flow'], ['cash', 'back'], ['feed', 'back'],
  ['skin', 'care'], ['work', 'shop'], ['team', 'work'], ['up', 'load'], ['down', 'load'],
  ['whats', 'app'], ['you', 'tube'], ['face', 'book'], ['tik', 'tok'], ['insta', 'gram'],
  ['terima', 'kasih'], ['kerja', 'sama'], ['bekerja', 'sama'], ['pasca', 'panen'],
];

/**
 * Bound prefixes that are joined to the word after a hyphen ("non-formal" →
 * nonformal, "e-KTP" → ektp), as KBBI writes them. Other hyphenated pairs that are
 * not reduplication are split into their words ("follow-up", "gotong-royong"), as
 * FTS5 itself would split them, so the spaced spelling still finds them as a phrase.
 */
export const JOIN_PREFIXES: ReadonlySet<string> = new Set([
  'co', 'ko', 'e', 'pre', 'pra', 're', 'non', 'anti', 'sub', 'semi', 'pasca', 'antar', 'swa', 'eks', 'ex', 'inter', 'multi', 'mini',
  'mikro', 'micro', 'makro', 'macro', 'super', 'ultra',
]);

/** Of JOIN_PREFIXES, those never written alone, so also joined across a space ("pasca panen", "non formal"). */
export const SPACED_JOIN_PREFIXES: ReadonlySet<string> = new Set(['non', 'pasca', 'pra', 'multi', 'semi']);

/**
 * Indonesian prefixes written with a hyphen before a foreign word or a name:
 * "di-follow", "nge-share", "se-Indonesia". The term keeps the prefix; the stem
 * is that of the word after it.
 */
export const HYPHEN_PREFIXES: ReadonlySet<string> = new Set([
  'di', 'ke', 'se', 'ter', 'ber', 'me', 'mem', 'men', 'meng', 'nge', 'ng', 'pe', 'per', 'pem', 'pen', 'peng', 'peny',
]);

/**
 * Clitics and suffixes written after a hyphen: "DP-nya", "feedback-nya", "di-share-in",
 * "300-an". They stay in the term ("dpnya") but not in the stem ("dp").
 */
export const HYPHEN_SUFFIXES: ReadonlySet<string> = new Set(['nya', 'ku', 'mu', 'lah', 'kah', 'pun', 'kan', 'in', 'an']);

/**
 * Near-synonyms, joined only at query time (see the file comment). Members are
 * folded terms; a query builder ORs the analysed members of a term's group.
 * "terima kasih" / "terimakasih" is not here: it is one word in two spellings and
 * is folded when indexed (COMPOUNDS). "pengrajin" / "perajin" also share a stem
 * ("rajin"); the group lets an exact-term search find both.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['umkm', 'ukm', 'ikm', 'umk', 'msme', 'sme'],
  ['perajin', 'pengrajin'],
  ['terimakasih', 'makasih', 'trims', 'thanks'],
  ['online', 'daring'],
  ['offline', 'luring'],
  ['whatsapp', 'wa'],
  ['instagram', 'ig'],
  ['cocreation', 'kokreasi'],
  ['wordofmouth', 'wom', 'getoktular'],
  ['medsos', 'sosmed'],
];

const SYNONYMS = new Map<string, readonly string[]>();
for (const group of SYNONYM_GROUPS) for (const term of group) SYNONYMS.set(term, group);

/** The near-synonyms of a folded term, itself included (just [term] when it has none). */
export function synonymsOf(term: string): readonly string[] {
  return SYNONYMS.get(term) ?? [term];
}
