import type Database from 'better-sqlite3';
import type { IntegrityReport, ProjectPart } from '../domain/types';
import { defineMessages, type Language, type LocalizedText } from '../domain/text';
import { inBoth } from './access-messages';
import { ident } from './sql-ident';

type Db = Database.Database;

/**
 * Above this size a project is not checked while it opens. quick_check reads every page: measured on
 * the 2-core build machine with the bench project (1,000 transcripts, 200,000 codings, 199 MB) it
 * took 1.0 s with the file in the page cache and 2.4 s from disk, about 80–200 MB/s. 64 MB keeps
 * opening under a second from a cold disk; a study of 60 long interviews is around 30 MB.
 */
export const QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024;

/** SQLite stops after 100 problems by default; one screen is enough to show. */
const MAX_PROBLEMS = 100;

const say = defineMessages({
  en: {
    ok: 'No damage found: SQLite checked all {pages} pages of the project file ({size} MB) in {seconds} s.',
    okQuick: 'No damage found: SQLite checked all {pages} pages of the project file ({size} MB) in {ms} ms.',
    damaged: 'The project file is damaged: SQLite found {count} problem(s) in {parts}. Export what can still be read (Export…), or restore the last backup (Project › Restore from backup).',
  },
  id: {
    ok: 'Tidak ada kerusakan: SQLite memeriksa seluruh {pages} halaman berkas proyek ({size} MB) dalam {seconds} detik.',
    okQuick: 'Tidak ada kerusakan: SQLite memeriksa seluruh {pages} halaman berkas proyek ({size} MB) dalam {ms} milidetik.',
    damaged: 'Berkas proyek rusak: SQLite menemukan {count} masalah pada {parts}. Ekspor apa yang masih dapat dibaca (Ekspor…), atau pulihkan cadangan terakhir (Proyek › Pulihkan dari cadangan).',
  },
});

const PART_NAMES: Readonly<Record<Language, Readonly<Record<ProjectPart, string>>>> = {
  en: {
    details: 'the project details', informants: 'the informants', transcripts: 'the transcripts', codebook: 'the codebook', codings: 'the codings',
    themes: 'the themes and theme map', memos: 'the memos, journal and comments', searchIndex: 'the search index',
    history: 'the undo history and audit trail', structure: "the file's own structure",
  },
  id: {
    details: 'rincian proyek', informants: 'data informan', transcripts: 'transkrip', codebook: 'buku kode', codings: 'pengodean',
    themes: 'tema dan peta tema', memos: 'memo, jurnal dan komentar', searchIndex: 'indeks pencarian',
    history: 'riwayat urungkan dan jejak audit', structure: 'struktur berkas itu sendiri',
  },
};

/** Which part of the project each table holds; indexes count with their table. */
const TABLE_PARTS: Readonly<Record<string, ProjectPart>> = {
  project: 'details', coders: 'details', phase_checks: 'details', redactions: 'details', deid_key: 'details',
  informant_types: 'informants', informants: 'informants', attributes: 'informants', informant_attributes: 'informants',
  documents: 'transcripts', document_informants: 'transcripts', turns: 'transcripts', recordings: 'transcripts', recording_blobs: 'transcripts',
  codes: 'codebook', code_positions: 'codebook', codings: 'codings',
  themes: 'themes', theme_codes: 'themes', theme_links: 'themes', theme_positions: 'themes',
  memos: 'memos', comments: 'memos',
  audit_log: 'history', history_steps: 'history', history_ops: 'history', history_capture: 'history',
};

const partOfTable = (table: string): ProjectPart => TABLE_PARTS[table] ?? (table.startsWith('search_') ? 'searchIndex' : 'structure');

/**
 * SQLite's quick_check as the project opens, or null when the file is larger than `maxBytes`
 * (see QUICK_CHECK_MAX_BYTES): the caller says so instead of making the user wait.
 */
export function quickCheck(db: Db, maxBytes = QUICK_CHECK_MAX_BYTES): IntegrityReport | null {
  const { bytes } = size(db);
  return bytes > maxBytes ? null : check(db, 'quick');
}

/** SQLite's full integrity_check (indexes against their tables too), on demand. */
export function integrityCheck(db: Db): IntegrityReport {
  return check(db, 'full');
}

function check(db: Db, depth: 'quick' | 'full'): IntegrityReport {
  const began = performance.now();
  const pragma = depth === 'quick' ? 'quick_check' : 'integrity_check';
  let problems: string[];
  let threw = false;
  try {
    problems = (db.pragma(pragma, { simple: false }) as Record<string, string>[])
      .flatMap((row) => String(Object.values(row)[0]).split('\n'))
      .filter((line) => line !== 'ok' && !line.startsWith('*** in database'));
  } catch (error) {
    // A page SQLite cannot even parse ends the check with an error instead of a report.
    problems = [error instanceof Error ? error.message : String(error)];
    threw = true;
  }
  const parts = problems.length === 0 ? [] : threw ? partsByTable(db, pragma) : partsOfLines(db, problems);
  const { pages, bytes } = size(db);
  const tookMs = performance.now() - began;
  const count = problems.length;
  const summary = count === 0
    ? (tookMs < 1000 ? say('okQuick', { pages, size: megabytes(bytes), ms: Math.max(1, Math.round(tookMs)) }) : say('ok', { pages, size: megabytes(bytes), seconds: Math.round(tookMs / 100) / 10 }))
    : inBoth((language) => say('damaged', { count, parts: partsText(parts)[language] })[language]);
  return { ok: count === 0, depth, parts, problems: problems.slice(0, MAX_PROBLEMS), summary, pages, bytes, tookMs };
}

/** "Tree 14 page 76 cell 2: …" names the b-tree by its root page; anything else is the file's own bookkeeping (free pages). */
function partsOfLines(db: Db, lines: readonly string[]): ProjectPart[] {
  const tables = tablesByRoot(db);
  const parts = new Set<ProjectPart>();
  for (const line of lines) {
    const root = /^Tree (\d+) /.exec(line)?.[1];
    const table = root === undefined ? undefined : tables.get(Number(root));
    parts.add(table === undefined ? 'structure' : partOfTable(table));
  }
  // Pages "never used" are what a damaged table page no longer points to: a consequence, not a place to name.
  if (parts.size > 1) parts.delete('structure');
  return [...parts];
}

/** When the whole check fails, each table checked alone says which of them SQLite cannot read. */
function partsByTable(db: Db, pragma: 'quick_check' | 'integrity_check'): ProjectPart[] {
  const parts = new Set<ProjectPart>();
  let names: string[];
  try {
    names = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND rootpage > 0`).pluck().all() as string[];
  } catch {
    return ['structure'];
  }
  for (const name of names) {
    try {
      const rows = db.pragma(`${pragma}(${ident(name)})`, { simple: false }) as Record<string, string>[];
      if (rows.some((row) => Object.values(row)[0] !== 'ok')) parts.add(partOfTable(name));
    } catch {
      parts.add(partOfTable(name));
    }
  }
  if (parts.size === 0) parts.add('structure');
  return [...parts];
}

function tablesByRoot(db: Db): Map<number, string> {
  try {
    const rows = db.prepare(`SELECT rootpage, tbl_name FROM sqlite_schema WHERE rootpage > 0`).raw().all() as [number, string][];
    return new Map(rows);
  } catch {
    return new Map();
  }
}

function size(db: Db): { pages: number; bytes: number } {
  try {
    const pages = db.pragma('page_count', { simple: true }) as number;
    return { pages, bytes: pages * (db.pragma('page_size', { simple: true }) as number) };
  } catch {
    return { pages: 0, bytes: 0 };
  }
}

/** Megabytes to show: one decimal below 10 MB, whole above (written the language's way by the message). */
export function megabytes(bytes: number): number {
  const mb = bytes / 1e6;
  return mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb);
}

/** "the transcripts and the search index", in both languages. */
export function partsText(parts: readonly ProjectPart[]): LocalizedText {
  return inBoth((language) => listOf(parts.map((p) => PART_NAMES[language][p]), language));
}

function listOf(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(language === 'id' ? 'id-ID' : 'en-GB', { type: 'conjunction' }).format(items);
}
