import type { SpeakerRole } from '../domain/types';

export type Language = 'id' | 'en';

/**
 * Regex source of a speaker label: starts with a letter, then letters (any script),
 * combining marks, digits, spaces, dots, apostrophes, hyphens and parentheses. It
 * never contains ':' or a newline, so a match cannot run past the label's colon.
 * Word count and length are checked by `cleanLabel`.
 */
export const LABEL_SOURCE = String.raw`\p{L}[\p{L}\p{M}\p{N} .'’()\-]{0,44}`;

const MAX_LABEL_CHARS = 40;
const MAX_LABEL_WORDS = 4;

const ROLE_WORDS: ReadonlyMap<string, SpeakerRole> = new Map<string, SpeakerRole>([
  ['pewawancara', 'interviewer'], ['peneliti', 'interviewer'], ['interviewer', 'interviewer'], ['moderator', 'interviewer'],
  ['fasilitator', 'interviewer'], ['facilitator', 'interviewer'], ['researcher', 'interviewer'],
  ['narasumber', 'informant'], ['informan', 'informant'], ['responden', 'informant'], ['respondent', 'informant'],
  ['partisipan', 'informant'], ['participant', 'informant'], ['interviewee', 'informant'],
]);

/** Single-letter labels that are role labels only when they are the whole label. */
const LETTER_ROLES: ReadonlyMap<string, SpeakerRole> = new Map<string, SpeakerRole>([['q', 'interviewer'], ['a', 'informant']]);

/**
 * Field-note headings that look like labels but are never speakers, even when they
 * recur ("Catatan:", "Catatan peneliti:", "Tanggal:").
 */
const NOT_SPEAKERS: ReadonlySet<string> = new Set([
  'catatan', 'note', 'notes', 'keterangan', 'ket.', 'tanggal', 'date', 'waktu', 'time', 'hari', 'day', 'lokasi', 'location',
  'tempat', 'place', 'durasi', 'duration', 'judul', 'title', 'topik', 'topic', 'tema', 'theme', 'sumber', 'source', 'memo',
]);

/**
 * Trims a raw label and collapses its inner spaces; null when it is not label-shaped
 * (over 40 characters or more than 4 words).
 */
export function cleanLabel(raw: string): string | null {
  const label = raw.trim().replace(/\s+/g, ' ');
  if (label.length === 0 || label.length > MAX_LABEL_CHARS) return null;
  if (label.split(' ').length > MAX_LABEL_WORDS) return null;
  return label;
}

/** Case-insensitive identity of a label, for counting and comparing. */
export function labelKey(label: string): string {
  return label.toLowerCase();
}

function firstWord(key: string): string {
  return key.split(/[ (]/, 1)[0] ?? key;
}

/** True for role labels that count as speakers even if they occur once ("Pewawancara", "Informan 2", "P"). */
export function isRoleLabel(label: string): boolean {
  const key = labelKey(label);
  return key === 'p' || key === 'i' || LETTER_ROLES.has(key) || ROLE_WORDS.has(firstWord(key));
}

/** True for headings such as "Catatan" that must stay narrative text. */
export function isNeverSpeaker(label: string): boolean {
  return NOT_SPEAKERS.has(firstWord(labelKey(label)));
}

/** The role a label names by itself, or null for a person's name. */
function roleOfRoleLabel(key: string, language: Language | (() => Language)): SpeakerRole | null {
  // Indonesian transcripts use P = Peneliti/Pewawancara, I = Informan; English ones I = Interviewer, P = Participant.
  if (key === 'p') return resolve(language) === 'id' ? 'interviewer' : 'informant';
  if (key === 'i') return resolve(language) === 'id' ? 'informant' : 'interviewer';
  return LETTER_ROLES.get(key) ?? ROLE_WORDS.get(firstWord(key)) ?? null;
}

/** The language, guessed only when a P/I label needs it (the guess reads the text). */
const resolve = (language: Language | (() => Language)): Language => (typeof language === 'function' ? language() : language);

/**
 * Returns a role lookup for a document's speaker labels: role labels map to their
 * role; a person's name is an informant when someone in the document is labelled as
 * the interviewer, and unknown otherwise.
 */
export function roleAssigner(labels: Iterable<string>, language: Language | (() => Language)): (label: string) => SpeakerRole {
  let hasInterviewer = false;
  for (const label of labels) {
    if (roleOfRoleLabel(labelKey(label), language) === 'interviewer') hasInterviewer = true;
  }
  const fallback: SpeakerRole = hasInterviewer ? 'informant' : 'unknown';
  return (label) => roleOfRoleLabel(labelKey(label), language) ?? fallback;
}

// Single letters ("i", "a", "p") are left out: they are speaker labels in both languages.
const ID_WORDS: ReadonlySet<string> = new Set([
  'yang', 'dan', 'di', 'ke', 'dari', 'ini', 'itu', 'tidak', 'nggak', 'gak', 'enggak', 'saya', 'aku', 'kami', 'kita', 'kamu',
  'anda', 'dengan', 'untuk', 'ada', 'juga', 'sudah', 'udah', 'bisa', 'apa', 'karena', 'jadi', 'kalau', 'atau', 'akan',
  'pada', 'dalam', 'lebih', 'sangat', 'ya', 'iya', 'mereka', 'tapi', 'tetapi', 'seperti', 'bagaimana', 'bapak', 'ibu',
  'banget', 'sih', 'kan', 'dong', 'lalu', 'terus', 'gitu', 'begitu', 'sama', 'mau', 'harus', 'belum', 'masih', 'saja',
  'aja', 'bahwa', 'adalah', 'tersebut',
]);
const EN_WORDS: ReadonlySet<string> = new Set([
  'the', 'and', 'of', 'to', 'is', 'are', 'was', 'were', 'in', 'on', 'at', 'that', 'this', 'it', 'you', 'we', 'they', 'he',
  'she', 'my', 'our', 'your', 'for', 'with', 'what', 'how', 'why', 'have', 'has', 'had', 'but', 'so', 'not', 'do', 'does',
  'did', 'be', 'been', 'about', 'would', 'could', 'can', 'will', 'yes', 'there', 'their', 'from', 'which', 'if', 'or',
  'because', 'just', 'really', 'very', 'think', 'know',
]);

/** A language guess needs only a sample; long documents do not change their language halfway. */
const LANGUAGE_SAMPLE_CHARS = 20_000;

/**
 * Guesses whether a transcript is in Indonesian or English by counting common
 * function words in its first 20,000 characters (some 3,000 words); ties go to Indonesian, the
 * language most Tematik studies are in.
 */
export function guessLanguage(text: string): Language {
  const sample = text.length > LANGUAGE_SAMPLE_CHARS ? text.slice(0, LANGUAGE_SAMPLE_CHARS) : text;
  let id = 0;
  let en = 0;
  for (const match of sample.toLowerCase().matchAll(/\p{L}+/gu)) {
    const word = match[0];
    if (ID_WORDS.has(word)) id++;
    else if (EN_WORDS.has(word)) en++;
  }
  return en > id ? 'en' : 'id';
}
