import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ShareCount, ShareResult } from '../domain/deid';
import { TematikError } from '../domain/errors';
import type { DocumentId, Utf16Offset } from '../domain/ids';
import type { Language } from '../domain/text';
import type { Redaction } from '../domain/types';
import { writeExport } from '../export/write-file';
import { exportProjectArchive } from '../refi/export';
import { rebuildSearchIndex } from '../search/indexer';
import { failureReason } from '../store/backup';
import { listDeidKey } from '../store/deid';
import { editText } from '../store/edit-text';
import { PROJECT_EXTENSION } from '../store/project-files';
import { listRedactions } from '../store/redactions';
import { withBinding } from '../store/native-binding';
import { newGuid } from '../store/row-guid';
import { nameFinishedCopy, sameFile } from '../team/make-copy';
import { nameFinder, replaceMatches, replacementOf, type NameMatch } from './find';
import { deidSpecs, SHARED_PLACEHOLDER, type DeidSpec } from './names';
import { shareReport } from './report';
import { say } from './strings';
import { SuspectTally } from './suspects';
import { ident } from '../store/sql-ident';

export interface ShareOptions {
  /** The de-identified `.tematik` to write; refused when a file has that name. */
  readonly out: string;
  /** A REFI-QDA `.qdpx` of the de-identified copy, when given. */
  readonly qdpx?: string | undefined;
  /** One text for every name instead of each name's pseudonym. */
  readonly placeholder?: string | undefined;
  /** Attributes (by name) whose values are withheld: each becomes the placeholder. */
  readonly withholdAttributes?: readonly string[] | undefined;
  readonly language: Language;
}

/** What a withheld attribute value becomes when no placeholder is given. */
export const WITHHELD = '[disamarkan]';

/**
 * Text columns no name is replaced in: what the transcript editor moves with the text (a coding's
 * quote is its words, kept equal to them by `editText`), the researchers' own names (the team is
 * not the study's participants), and columns that hold identifiers, times and fixed values.
 */
const NOT_SCRUBBED: ReadonlySet<string> = new Set([
  'documents.text', 'codings.quote', 'coders.name', 'documents.content_hash', 'documents.encoding', 'documents.format',
]);
const SCRUB_NEVER_COLUMNS = /^(guid|colour|created_at|updated_at|imported_at|resolved_at|made_at|at|kind|status|role|format|convergence|value_type)$/;

/**
 * Tables the copy drops whole, and why: the key and the list name the people; the history and the audit trail replay what was
 * written with their names; a linked or embedded recording is the informant's own voice, and its file name and path often name them.
 */
const EMPTIED = ['deid_key', 'redactions', 'history_ops', 'history_steps', 'audit_log', 'copy_origin', 'recordings', 'recording_blobs'] as const;

/**
 * "Share a de-identified copy": the open project written to `out` with every name it knows of
 * replaced, in the same manner as `deid.apply` replaces them in the transcripts (src/deid/find.ts),
 * and a report of what was replaced and of what still looks like a name. The project is not changed.
 *
 * Names known: informants' (each becomes their label, or the placeholder; the copy's informants have
 * no name, only their label), the list of names to
 * hide, and the key (names replaced before: a later memo may still say them). They are replaced in
 * the transcripts through the transcript editor (`editText`), so codings, their quotes and turns stay
 * on the same words; and, as plain text, in every other text column of every table the file has —
 * memos, the journal, comments, codes, themes and their links, informants and their attributes,
 * informant types, document titles and source file names, turns' speaker labels, the project's name
 * and description — so a table another version adds is covered without being listed here. The
 * values of the attributes the user names are withheld. Left out: the key, the list of names to hide
 * (they pair names with pseudonyms), the undo history and the audit trail (both store rows as they
 * were, names included), and a coder copy's origin (the copy is a new project, with a GUID of its
 * own, so it is never merged back as a coder's copy). The researchers (coders) keep their names:
 * they are the study's authors, not its participants.
 *
 * The search index is rebuilt from nothing, and the file is written with `secure_delete` and
 * vacuumed, so no page of the file keeps a replaced name in its free space.
 *
 * Made as the coder's copy is (src/team/make-copy.ts): VACUUM INTO a hidden file beside `out`,
 * changed there, and given its name only when complete.
 */
export function shareDeidentified(db: Database.Database, projectFile: string, options: ShareOptions): ShareResult {
  const target = path.resolve(options.out.toLowerCase().endsWith(PROJECT_EXTENSION) ? options.out : `${options.out}${PROJECT_EXTENSION}`);
  if (sameFile(target, projectFile)) throw new TematikError('bad_input', say('outIsProject'));
  if (fs.existsSync(target)) throw new TematikError('conflict', say('outExists', { file: target }));
  const qdpx = options.qdpx ? path.resolve(options.qdpx.toLowerCase().endsWith('.qdpx') ? options.qdpx : `${options.qdpx}.qdpx`) : null;
  const folder = path.dirname(target);
  const partial = path.join(folder, `.${path.basename(target)}.${process.pid}.partial`);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    const outcome = deidentifyCopy(partial, options);
    nameFinishedCopy(partial, target);
    if (qdpx) writeExport(qdpx, qdpxOf(target), ['.qdpx']);
    const reportPath = `${target.slice(0, -PROJECT_EXTENSION.length)}.deid-report.txt`;
    const report = shareReport({ ...outcome, path: target, qdpxPath: qdpx }, options.language);
    writeExport(reportPath, report, ['.txt']);
    return { path: target, qdpxPath: qdpx, reportPath, counts: outcome.counts, suspects: outcome.suspects, report };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    for (const leftover of [`${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) fs.rmSync(leftover, { force: true });
    if (error instanceof TematikError) throw error;
    const { kind, reason } = failureReason(error);
    throw new TematikError(kind, say('outFolder', { folder, reason }));
  }
}

/** The finished copy as a REFI-QDA archive, exported by the copy's own reading (its names already replaced). */
function qdpxOf(file: string): Uint8Array {
  const copy = new Database(file, withBinding({ readonly: true, fileMustExist: true }));
  try {
    return exportProjectArchive(copy, 'Tematik');
  } finally {
    copy.close();
  }
}

interface Outcome {
  readonly counts: readonly ShareCount[];
  readonly suspects: ShareResult['suspects'];
}

/** Replaces every name in the copy at `file`, empties what pairs names with pseudonyms, rebuilds the index, vacuums. */
function deidentifyCopy(file: string, options: ShareOptions): Outcome {
  const copy = new Database(file, withBinding({ fileMustExist: true }));
  try {
    copy.pragma('foreign_keys = ON');
    // Freed pages are zeroed: the old text of a row must not stay in the file's free space.
    copy.pragma('secure_delete = ON');
    const outcome = copy.transaction(() => {
      const informants = copy.prepare('SELECT id, label, name FROM informants ORDER BY id').all() as { id: number; label: string; name: string }[];
      const specs = deidSpecs(informants, listRedactions(copy) as Redaction[], listDeidKey(copy), options.placeholder);
      const tally = new Tally(specs);
      const find = nameFinder(specs);
      const byId = new Map(specs.map((s) => [s.id, s]));
      const replacement = (m: NameMatch) => replacementOf(m, byId, options.placeholder ?? SHARED_PLACEHOLDER);

      withhold(copy, options.withholdAttributes ?? [], options.placeholder ?? WITHHELD);
      scrubColumns(copy, (text) => {
        const matches = find(text);
        tally.elsewhere(matches);
        return matches.length ? replaceMatches(text, matches, replacement) : text;
      });
      const documents = copy.prepare('SELECT id, title, text, content_hash AS hash FROM documents ORDER BY id').all() as { id: DocumentId; title: string; text: string; hash: string }[];
      const suspects = new SuspectTally();
      for (const doc of documents) {
        const matches = find(doc.text);
        tally.document(doc.title, matches);
        if (matches.length) {
          editText(copy, doc.id, matches.map((m) => ({ start: m.start as Utf16Offset, end: m.end as Utf16Offset, text: replacement(m) })), doc.hash);
        }
        suspects.add(copy.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(doc.id) as string, [], doc.title);
      }
      for (const table of EMPTIED) if (hasTable(copy, table)) copy.exec(`DELETE FROM ${table}`);
      // An informant of the copy is known by the label alone: a pseudonym in the name field would only repeat it.
      copy.exec(`UPDATE informants SET name = ''`);
      copy.prepare('UPDATE project SET guid = ?, name = ? WHERE id = 1')
        .run(newGuid(), say('shareName', { name: copy.prepare('SELECT name FROM project WHERE id = 1').pluck().get() as string })[options.language]);
      rebuildSearchIndex(copy);
      for (const memo of copy.prepare('SELECT title, body FROM memos').all() as { title: string; body: string }[]) suspects.add(`${memo.title}\n${memo.body}`, [], memo.title);
      return { counts: tally.counts(), suspects: suspects.list() };
    })();
    copy.exec('VACUUM');
    return outcome;
  } finally {
    copy.close();
  }
}

/** The values of the named attributes become `placeholder`; a name the project has no attribute of is refused. */
function withhold(copy: Database.Database, attributes: readonly string[], placeholder: string): void {
  const update = copy.prepare('UPDATE informant_attributes SET value = ? WHERE attribute_id = (SELECT id FROM attributes WHERE name = ? COLLATE NOCASE)');
  for (const name of attributes) {
    if (!copy.prepare('SELECT 1 FROM attributes WHERE name = ? COLLATE NOCASE').get(name)) {
      const known = copy.prepare('SELECT name FROM attributes ORDER BY name').pluck().all() as string[];
      throw new TematikError('invalid_args', say('noAttribute', { name, known: known.map((k) => `"${k}"`).join(', ') || '—' }));
    }
    update.run(placeholder, name);
  }
}

const hasTable = (db: Database.Database, table: string): boolean =>
  db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table) !== undefined;

/**
 * Runs `scrub` over every text value of every table of the file but the search index, the history
 * and what NOT_SCRUBBED names, writing back what changed. Table and column names come from the
 * file's schema, which the opening checks made Tematik's.
 */
function scrubColumns(copy: Database.Database, scrub: (text: string) => string): void {
  const tables = copy.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
    AND name NOT LIKE 'search\\_%' ESCAPE '\\' AND name NOT LIKE 'history\\_%' ESCAPE '\\' AND sql NOT LIKE '%WITHOUT ROWID%'`).pluck().all() as string[];
  for (const table of tables) {
    if ((EMPTIED as readonly string[]).includes(table)) continue;
    const columns = (copy.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(table) as { name: string; type: string }[])
      .filter((c) => c.type.toUpperCase() === 'TEXT' && !NOT_SCRUBBED.has(`${table}.${c.name}`) && !SCRUB_NEVER_COLUMNS.test(c.name))
      .map((c) => c.name);
    if (columns.length === 0) continue;
    const rows = copy.prepare(`SELECT rowid AS _rowid, ${columns.map(ident).join(', ')} FROM ${ident(table)}`).all() as Record<string, unknown>[];
    for (const row of rows) {
      const changed = columns.filter((c) => typeof row[c] === 'string' && scrub(row[c] as string) !== row[c]);
      if (changed.length === 0) continue;
      copy.prepare(`UPDATE ${ident(table)} SET ${changed.map((c) => `${ident(c)} = ?`).join(', ')} WHERE rowid = ?`)
        .run(...changed.map((c) => scrub(row[c] as string)), row._rowid);
    }
  }
}

/** Hits per name: per transcript (by its title in the copy) and elsewhere. */
class Tally {
  private readonly perName = new Map<string, { documents: Map<string, number>; elsewhere: number }>();

  constructor(private readonly specs: readonly DeidSpec[]) {}

  private entry(id: string) {
    let e = this.perName.get(id);
    if (!e) this.perName.set(id, (e = { documents: new Map(), elsewhere: 0 }));
    return e;
  }

  document(title: string, matches: readonly NameMatch[]): void {
    for (const m of matches) for (const id of m.owners) {
      const e = this.entry(id);
      e.documents.set(title, (e.documents.get(title) ?? 0) + 1);
    }
  }

  elsewhere(matches: readonly NameMatch[]): void {
    for (const m of matches) for (const id of m.owners) this.entry(id).elsewhere += 1;
  }

  /** Names with at least one hit, in the order of the names; transcripts by the copy's titles, which are themselves de-identified. */
  counts(): ShareCount[] {
    return this.specs.filter((s) => this.perName.has(s.id)).map((s) => {
      const e = this.perName.get(s.id)!;
      const documents = Object.fromEntries([...e.documents].sort(([a], [b]) => a.localeCompare(b)));
      const total = [...e.documents.values()].reduce((a, b) => a + b, 0) + e.elsewhere;
      return { name: s.name, replacement: s.replacement, documents, elsewhere: e.elsewhere, total };
    });
  }
}
