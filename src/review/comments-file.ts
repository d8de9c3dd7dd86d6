import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MAX_REVIEW_FILE_BYTES } from '../api/contract';
import { TematikError } from '../domain/errors';
import { defineMessages, untranslated, type LocalizedText } from '../domain/text';
import { COMMENT_TARGET_KINDS } from '../domain/types';
import { REVIEW_COMMENTS_FORMAT, REVIEW_COMMENTS_VERSION } from '../domain/review-package';

/**
 * The comments file a supervisor saves from a review package (issue 14), as agreed between the
 * package page and the import: JSON
 * `{ format, version, projectGuid, packageGuid, packageCreatedAt, reviewer, savedAt, comments: [{ guid,
 * target: { kind, guid, label }, body, createdAt }] }`. It comes back by e-mail from someone else's
 * browser, so nothing in it is trusted: sizes are capped before anything is parsed, every field is
 * checked, and a file that fails any check is refused whole with a message saying what is wrong.
 */

// The page that writes the file (renderer/review-page) takes them from the domain, as this reader does.
export { REVIEW_COMMENTS_FORMAT, REVIEW_COMMENTS_VERSION } from '../domain/review-package';
/** A page's comments file is a few kilobytes; anything over this is not one (the contract holds it: the renderer needs it too). */
export { MAX_REVIEW_FILE_BYTES };
export const MAX_REVIEW_COMMENTS = 10_000;
/** As long as a comment written in the app may be (comments.add). */
export const MAX_REVIEW_BODY_CHARS = 20_000;
const MAX_LABEL_CHARS = 1_000;
const MAX_NAME_CHARS = 200;

const say = defineMessages({
  en: {
    missing: '{file}: the file does not exist. Check the path and try again.',
    notAFile: '{file} is not a file. Choose the comments file the supervisor saved from the review package (.json).',
    unreadable: '{file}: it could not be read ({code}). Check the path and try again.',
    tooLarge: '{file} is {megabytes} MB; a review comments file is a few kilobytes and Tematik reads them up to {limit} MB. Check that this is the file the supervisor sent. Nothing was imported.',
    notJson: '{file} is not a review comments file: it is not JSON text ({detail}). Choose the file the supervisor saved from the review package ("Save comments"). Nothing was imported.',
    notReview: '{file} is not a Tematik review comments file (it has no "format": "tematik-review-comments"). Choose the file the supervisor saved from the review package. Nothing was imported.',
    newer: '{file} was saved by a newer review package (comments file version {version}; this Tematik reads version {supported}). Update Tematik, then import it again. Nothing was imported.',
    tooMany: '{file} holds {count} comments; Tematik imports up to {limit} from one file. Check that this is the file the supervisor sent. Nothing was imported.',
    bodyTooLong: '{file}: comment {n} is {length} characters long; a comment may have up to {limit}. Ask the supervisor to shorten it and save the file again. Nothing was imported.',
    duplicate: '{file} is damaged: comment {n} has the same GUID as comment {first}. Ask the supervisor to save the comments again. Nothing was imported.',
    damaged: '{file} is damaged or was not written by a review package: {where} {problem}. Ask the supervisor to save the comments again. Nothing was imported.',
  },
  id: {
    missing: '{file}: berkas tidak ada. Periksa path-nya lalu coba lagi.',
    notAFile: '{file} bukan berkas. Pilih berkas komentar yang disimpan pembimbing dari paket tinjauan (.json).',
    unreadable: '{file}: berkas tidak bisa dibaca ({code}). Periksa path-nya lalu coba lagi.',
    tooLarge: '{file} berukuran {megabytes} MB; berkas komentar tinjauan hanya beberapa kilobyte dan Tematik membacanya sampai {limit} MB. Pastikan ini berkas yang dikirim pembimbing. Tidak ada yang diimpor.',
    notJson: '{file} bukan berkas komentar tinjauan: isinya bukan teks JSON ({detail}). Pilih berkas yang disimpan pembimbing dari paket tinjauan ("Simpan komentar"). Tidak ada yang diimpor.',
    notReview: '{file} bukan berkas komentar tinjauan Tematik (tidak ada "format": "tematik-review-comments"). Pilih berkas yang disimpan pembimbing dari paket tinjauan. Tidak ada yang diimpor.',
    newer: '{file} disimpan oleh paket tinjauan yang lebih baru (berkas komentar versi {version}; Tematik ini membaca versi {supported}). Perbarui Tematik, lalu impor lagi. Tidak ada yang diimpor.',
    tooMany: '{file} berisi {count} komentar; Tematik mengimpor paling banyak {limit} dari satu berkas. Pastikan ini berkas yang dikirim pembimbing. Tidak ada yang diimpor.',
    bodyTooLong: '{file}: komentar ke-{n} panjangnya {length} karakter; satu komentar paling banyak {limit}. Minta pembimbing memendekkannya lalu menyimpan berkasnya lagi. Tidak ada yang diimpor.',
    duplicate: '{file} rusak: komentar ke-{n} ber-GUID sama dengan komentar ke-{first}. Minta pembimbing menyimpan komentarnya lagi. Tidak ada yang diimpor.',
    damaged: '{file} rusak atau tidak ditulis oleh paket tinjauan: {where} {problem}. Minta pembimbing menyimpan komentarnya lagi. Tidak ada yang diimpor.',
  },
});

/** The pieces of a "damaged" refusal: where in the file, and what is wrong there. */
const part = defineMessages({
  en: {
    theFile: 'the file', field: 'field {path}', comment: 'comment {n}', commentField: 'comment {n}, field {path}',
    missing: 'is missing', notList: 'is not a list', notText: 'is not text', notNumber: 'is not a number', notObject: 'is not an object', notType: 'is not of the right type',
    unknownKeys: 'has fields a review package does not write ({keys})', badValue: 'has a value a review package does not write', notOneOf: 'is not one of {values}',
    notGuid: 'is not a GUID', notIso: 'is not a date and time (ISO 8601)', notDate: 'is not a real date', tooLong: 'is longer than {max} characters',
    control: 'holds control characters', empty: 'is empty',
  },
  id: {
    theFile: 'berkas itu', field: 'isian {path}', comment: 'komentar ke-{n}', commentField: 'komentar ke-{n}, isian {path}',
    missing: 'tidak ada', notList: 'bukan daftar', notText: 'bukan teks', notNumber: 'bukan angka', notObject: 'bukan objek', notType: 'jenisnya salah',
    unknownKeys: 'berisi isian yang tidak ditulis paket tinjauan ({keys})', badValue: 'berisi nilai yang tidak ditulis paket tinjauan', notOneOf: 'bukan salah satu dari {values}',
    notGuid: 'bukan GUID', notIso: 'bukan tanggal dan waktu (ISO 8601)', notDate: 'bukan tanggal yang ada', tooLong: 'lebih panjang dari {max} karakter',
    control: 'berisi karakter kendali', empty: 'kosong',
  },
});
type Part = Parameters<typeof part>[0];
/** Schema messages are keys of `part`, put into words in both languages when a file is refused. */
const PROBLEM_KEYS: ReadonlySet<string> = new Set<Part>(['notGuid', 'notIso', 'notDate', 'control', 'empty']);

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** An ISO 8601 date and time with its zone, as `Date.prototype.toISOString` writes it (seconds and fraction optional). */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** GUIDs are stored lower case, as Tematik makes them, so one written in capitals finds its row. */
const guid = z.string().regex(GUID, 'notGuid').transform((g) => g.toLowerCase());
const isoTime = z.string().regex(ISO, 'notIso').refine((t) => !Number.isNaN(Date.parse(t)), 'notDate');
/** Control characters (other than tab and line breaks) have no place in a name or a comment. */
const noControl = (text: string): boolean => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
const oneLine = (max: number) => z.string().trim().max(max).refine(noControl, 'control');

const commentShape = z.strictObject({
  guid,
  target: z.strictObject({
    kind: z.enum(COMMENT_TARGET_KINDS),
    guid,
    label: oneLine(MAX_LABEL_CHARS),
  }),
  body: z.string().trim().min(1, 'empty').refine(noControl, 'control'),
  createdAt: isoTime,
});

const fileShape = z.strictObject({
  format: z.literal(REVIEW_COMMENTS_FORMAT),
  version: z.literal(REVIEW_COMMENTS_VERSION),
  projectGuid: guid,
  packageGuid: guid,
  packageCreatedAt: isoTime,
  reviewer: oneLine(MAX_NAME_CHARS).pipe(z.string().min(1, 'empty')),
  savedAt: isoTime,
  comments: z.array(commentShape),
});

/** A comments file as it was checked: GUIDs in lower case, texts trimmed. */
export type ReviewCommentsFile = z.output<typeof fileShape>;
/** One comment of a comments file. */
export type ReviewFileComment = ReviewCommentsFile['comments'][number];
/** What the package page writes (its input to `JSON.stringify`). */
export type ReviewCommentsFileInput = z.input<typeof fileShape>;

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/**
 * Checks the text of a comments file; `file` names it in messages. Refuses (TematikError
 * 'bad_input') a file too large, not JSON, not a review comments file, of a newer version, with too
 * many or too long comments, two comments of one GUID, or any field out of shape.
 */
export function parseReviewComments(text: string, file: string): ReviewCommentsFile {
  const bytes = utf8Length(text);
  if (bytes > MAX_REVIEW_FILE_BYTES) throw tooLarge(file, bytes);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new TematikError('bad_input', say('notJson', { file, detail: error instanceof Error ? error.message : String(error) }));
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as { format?: unknown }).format !== REVIEW_COMMENTS_FORMAT) {
    throw new TematikError('bad_input', say('notReview', { file }));
  }
  const { version, comments } = json as { version?: unknown; comments?: unknown };
  if (typeof version === 'number' && Number.isInteger(version) && version > REVIEW_COMMENTS_VERSION) {
    throw new TematikError('bad_input', say('newer', { file, version, supported: REVIEW_COMMENTS_VERSION }));
  }
  // Counted and measured before the schema walks them, so the message says what is too big.
  if (Array.isArray(comments)) {
    if (comments.length > MAX_REVIEW_COMMENTS) throw new TematikError('bad_input', say('tooMany', { file, count: comments.length, limit: MAX_REVIEW_COMMENTS }));
    comments.forEach((c: unknown, n) => {
      const body = typeof c === 'object' && c !== null ? (c as { body?: unknown }).body : undefined;
      if (typeof body === 'string' && body.trim().length > MAX_REVIEW_BODY_CHARS) {
        throw new TematikError('bad_input', say('bodyTooLong', { file, n: n + 1, length: body.trim().length, limit: MAX_REVIEW_BODY_CHARS }));
      }
    });
  }
  const parsed = fileShape.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = where(issue.path);
    const wrong = problem(issue, valueAt(json, issue.path));
    throw new TematikError('bad_input', {
      en: say('damaged', { file, where: at.en, problem: wrong.en }).en,
      id: say('damaged', { file, where: at.id, problem: wrong.id }).id,
    });
  }
  const seen = new Map<string, number>();
  parsed.data.comments.forEach((c, n) => {
    const first = seen.get(c.guid);
    if (first !== undefined) throw new TematikError('bad_input', say('duplicate', { file, n: n + 1, first: first + 1 }));
    seen.set(c.guid, n);
  });
  return parsed.data;
}

/** Refuses a file of `bytes` on disk too large to be a comments file, before it is read or parsed. */
export function assertReviewFileSize(bytes: number, file: string): void {
  if (bytes > MAX_REVIEW_FILE_BYTES) throw tooLarge(file, bytes);
}

/** Reads and checks a comments file from disk; its size is checked before it is read. */
export function readReviewCommentsFile(file: string): ReviewCommentsFile {
  const label = path.basename(file);
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new TematikError('bad_input', say('notAFile', { file }));
    assertReviewFileSize(stat.size, label);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof TematikError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new TematikError('bad_input', code === 'ENOENT' ? say('missing', { file }) : say('unreadable', { file, code: code ?? String(error) }));
  }
  return parseReviewComments(text, label);
}

function tooLarge(file: string, bytes: number): TematikError {
  return new TematikError('bad_input', say('tooLarge', { file, megabytes: (bytes / 1024 / 1024).toFixed(1), limit: MAX_REVIEW_FILE_BYTES / 1024 / 1024 }));
}

/** Where in the file a problem is, as a reader finds it: `comment 3, field "target"."guid"`. */
function where(at: readonly PropertyKey[]): LocalizedText {
  const name = (keys: readonly PropertyKey[]) => keys.map((p) => (typeof p === 'number' ? `[${p + 1}]` : `"${String(p)}"`)).join('.');
  if (at.length === 0) return part('theFile');
  const [first, second, ...rest] = at;
  if (first === 'comments' && typeof second === 'number') {
    return rest.length > 0 ? part('commentField', { n: second + 1, path: name(rest) }) : part('comment', { n: second + 1 });
  }
  return part('field', { path: name(at) });
}

/** The value at `at` in the parsed JSON (zod's issues do not carry it). */
function valueAt(json: unknown, at: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of at) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** The problem as a short phrase in both languages. */
function problem(issue: z.core.$ZodIssue, value: unknown): LocalizedText {
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return part('missing');
      const expected: Partial<Record<string, Part>> = { array: 'notList', string: 'notText', number: 'notNumber', object: 'notObject' };
      return part(expected[issue.expected] ?? 'notType');
    }
    case 'unrecognized_keys': return part('unknownKeys', { keys: issue.keys.join(', ') });
    case 'invalid_value': return issue.values.length > 1 ? part('notOneOf', { values: issue.values.join(', ') }) : part('badValue');
    case 'too_big': return part('tooLong', { max: Number(issue.maximum) });
    case 'too_small': return part('empty');
    default: return PROBLEM_KEYS.has(issue.message) ? part(issue.message as Part) : untranslated(issue.message);
  }
}
