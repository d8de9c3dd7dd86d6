import { throwIfCancelled } from '../domain/cancellation';
import type Database from 'better-sqlite3';
import type { CodeId, CoderId, CodingId, DocumentId, InformantId, InformantTypeId, ThemeId } from '../domain/ids';
import { defineMessages, type Language } from '../domain/text';
import type { ExchangeSection, ImportReport, SkippedFile } from '../domain/types';
import { checkRange } from '../store/codings';
import { insertCoder } from '../store/coders';
import { createCode, findCodeByName } from '../store/codes';
import { documentWriter, findByHash } from '../store/documents';
import * as informants from '../store/informants';
import { now, type ProjectStore } from '../store/project-store';
import { keptGuid } from '../store/row-guid';
import { journalImport } from './import-journal';
import type { ImportNotes } from './notes';
import type { PlannedCode, PlannedCoding, ProjectPlan } from './read-project';
import { writeThemes } from './write-themes';

type Db = Database.Database;

const say = defineMessages({
  en: {
    codesReused: 'Codes already in the codebook (same name under the same parent) were kept as they are, and the imported codings were added to them.',
    typeKept: 'Informant {label} is already in the project as "{existing}"; it kept that type (the file says "{planned}").',
    informantsReused: 'Informants already in the project (same label) were kept, with the file\'s attributes added to them.',
    sameText: 'the same text is already in the project; its codings and memos were added to that document',
    sameTextNote: 'Skipped sources whose text is already in the project; their codings and memos were added to that document.',
    codeMissing: 'Skipped codings whose code is not in the file\'s codebook.',
    codingTwice: 'Skipped codings the project already has (same passage, code and coder).',
    unknownUser: 'Some codings or notes name a user the file does not list; they are recorded as yours.',
    retargeted: 'Notes on items that were not imported became project memos.',
    memoTwice: 'Skipped notes the project already has (same title, text and target).',
  },
  id: {
    codesReused: 'Kode yang sudah ada di buku kode (nama sama di bawah induk yang sama) dibiarkan apa adanya, dan pengodean yang diimpor ditambahkan ke kode itu.',
    typeKept: 'Informan {label} sudah ada di proyek sebagai "{existing}"; jenis itu dipertahankan (berkas menyebut "{planned}").',
    informantsReused: 'Informan yang sudah ada di proyek (label sama) dipertahankan, dan atribut dari berkas ditambahkan.',
    sameText: 'teks yang sama sudah ada di proyek; pengodean dan memonya ditambahkan ke transkrip itu',
    sameTextNote: 'Sumber yang teksnya sudah ada di proyek dilewati; pengodean dan memonya ditambahkan ke transkrip itu.',
    codeMissing: 'Pengodean yang kodenya tidak ada di buku kode berkas itu dilewati.',
    codingTwice: 'Pengodean yang sudah dimiliki proyek (bagian teks, kode, dan pengode sama) dilewati.',
    unknownUser: 'Beberapa pengodean atau catatan menyebut pengguna yang tidak tercantum di berkas; semuanya dicatat atas nama Anda.',
    retargeted: 'Catatan pada butir yang tidak diimpor menjadi memo proyek.',
    memoTwice: 'Catatan yang sudah dimiliki proyek (judul, teks, dan sasaran sama) dilewati.',
  },
});

/** What `refi.importProject` reports: the batch import's report plus what else came in. */
export type RefiImportReport = ImportReport & {
  readonly codes: number; readonly codings: number; readonly memos: number;
  /** Per kind: found, imported, skipped and why. */
  readonly report: readonly ExchangeSection[];
};

/**
 * Writes a checked plan into the open project as one action: one transaction, one undo step.
 * Anything that goes wrong rolls the whole import back. Codes, informants and documents the
 * project already has (same name under the same parent, same label, same text) are reused,
 * so importing a colleague's export of the same study adds their codings and memos to it.
 */
export function writeProjectPlan(store: ProjectStore, plan: ProjectPlan, file: string, language: Language = 'en'): RefiImportReport {
  const importer = store.coderId();
  const summary = `Import REFI-QDA project "${plan.name}"`;
  // The document came from inside the .qdpx; its own file name there is a GUID, so the title names it.
  const sourceName = (title: string): string => `${file}: ${title}`;
  const result = store.change({ action: 'refi.importProject', summary, args: { file, sources: plan.sources.length, cases: plan.cases.length } }, () => {
    const { db } = store;
    const messages = plan.messages;
    const coders = coderResolver(db, plan.users, importer, () => messages.note('codings', say('unknownUser')));
    const codes = new Map<string, CodeId>();
    let codesCreated = 0;
    const writeCodes = (list: readonly PlannedCode[], parentId: CodeId | null): void => {
      for (const code of list) {
        let id = findCodeByName(db, code.name, parentId);
        if (id === undefined) {
          id = createCode(db, { guid: code.guid, name: code.name, parentId, description: code.description, ...(code.colour ? { colour: code.colour } : {}) });
          codesCreated++;
        }
        codes.set(code.guid, id);
        writeCodes(code.children, id);
      }
    };
    writeCodes(plan.codes, null);
    messages.imported('codes', codesCreated);
    if (codesCreated < countCodes(plan.codes)) messages.note('codes', say('codesReused'));

    const typesCreated: string[] = [];
    const informantsCreated: string[] = [];
    const informantsOfSource = new Map<string, { id: InformantId; label: string }[]>();
    for (const planned of plan.cases) {
      let typeId: InformantTypeId | undefined = informants.findInformantTypeByName(db, planned.typeName);
      if (typeId === undefined) {
        typeId = informants.createInformantType(db, { name: planned.typeName });
        typesCreated.push(planned.typeName);
      }
      let id = informants.findInformantByLabel(db, planned.label);
      if (id === undefined) {
        id = informants.createInformant(db, { guid: planned.guid, label: planned.label, name: planned.name, typeId, attributes: { ...planned.attributes } });
        informantsCreated.push(planned.label);
      } else {
        const existing = informants.getInformant(db, id);
        messages.note('cases', say('informantsReused'));
        if (existing.typeId !== typeId) messages.note('cases', say('typeKept', { label: existing.label, existing: existing.typeName, planned: planned.typeName }));
        informants.updateInformant(db, id, { ...(existing.name === '' && planned.name ? { name: planned.name } : {}), attributes: { ...planned.attributes } });
      }
      for (const guid of planned.sourceGuids) informantsOfSource.set(guid, [...(informantsOfSource.get(guid) ?? []), { id, label: planned.label }]);
    }

    const write = documentWriter(db);
    const link = db.prepare('INSERT OR IGNORE INTO document_informants (document_id, informant_id) VALUES (?, ?)');
    const documents = new Map<string, DocumentId>();
    const byHash = new Map<string, DocumentId>();
    const imported: ImportReport['imported'][number][] = [];
    const skipped: SkippedFile[] = [...plan.skipped];
    for (const source of plan.sources) {
      throwIfCancelled();
      const people = informantsOfSource.get(source.guid) ?? [];
      const existing = byHash.get(source.contentHash) ?? findByHash(db, source.contentHash)?.id;
      if (existing !== undefined) {
        for (const person of people) link.run(existing, person.id);
        documents.set(source.guid, existing);
        skipped.push({ file: source.title, reason: say('sameText').en, reasonText: say('sameText') });
        messages.skip('sources', say('sameTextNote'));
        continue;
      }
      const id = write({
        title: source.title, sourceName: sourceName(source.title), format: 'qdpx', encoding: 'utf-8', text: source.text,
        turns: source.turns, wordCount: source.wordCount, contentHash: source.contentHash,
      }, people.map((p) => p.id), undefined, source.guid);
      documents.set(source.guid, id);
      byHash.set(source.contentHash, id);
      imported.push({ file: source.title, documentId: id, title: source.title, words: source.wordCount, turns: source.turns.length, informants: people.map((p) => p.label) });
    }

    const insertCoding = db.prepare('INSERT OR IGNORE INTO codings (guid, document_id, code_id, coder_id, start_offset, end_offset, quote, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const existingCoding = db.prepare('SELECT id FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start_offset = ? AND end_offset = ?').pluck();
    const codingIds = new Map<PlannedCoding, CodingId>();
    let codings = 0;
    for (const source of plan.sources) {
      const documentId = documents.get(source.guid)!;
      for (const coding of source.codings) {
        const codeId = codes.get(coding.codeGuid);
        if (codeId === undefined) { messages.skip('codings', say('codeMissing')); continue; }
        checkRange(source.text, source.title, coding.start, coding.end);
        const coderId = coders(coding.userGuid);
        const row = [documentId, codeId, coderId, coding.start, coding.end] as const;
        const inserted = insertCoding.run(keptGuid(db, coding.guid), ...row, source.text.slice(coding.start, coding.end), coding.createdAt ?? now());
        if (inserted.changes === 0) messages.skip('codings', say('codingTwice'));
        else codings++;
        codingIds.set(coding, (inserted.changes === 0 ? existingCoding.get(...row) : Number(inserted.lastInsertRowid)) as CodingId);
      }
    }

    // Themes before memos: a memo on a theme needs the theme.
    const themes = writeThemes(db, plan.themes, { codes, codingIds, coders }, messages);
    const memos = writeMemos(db, plan, { codes, documents, codingIds, coders, themes }, messages);
    messages.imported('sources', imported.length);
    messages.imported('cases', informantsCreated.length);
    messages.imported('codings', codings);
    messages.imported('memos', memos);
    // Last, so the journal keeps the whole report; in the transaction, so it is undone with the import.
    journalImport(db, { kind: 'project', file, name: plan.name, origin: plan.origin }, messages.sections(), importer, language);
    return { imported, skipped, typesCreated, informantsCreated, codes: codesCreated, codings, memos };
  });
  return { ...result, failed: [], report: plan.messages.sections() };
}

function countCodes(codes: readonly PlannedCode[]): number {
  return codes.reduce((n, c) => n + 1 + countCodes(c.children), 0);
}

/**
 * Coders by the file's user GUIDs, found or created by name inside the import's transaction
 * (not through ProjectStore.coderId, whose cache would outlive a rollback).
 */
function coderResolver(db: Db, users: ReadonlyMap<string, string>, importer: CoderId, unknownUser: () => void): (guid: string | undefined) => CoderId {
  const find = db.prepare('SELECT id FROM coders WHERE name = ?').pluck();
  const ids = new Map<string, CoderId>();
  return (guid) => {
    if (guid === undefined) return importer;
    const known = ids.get(guid);
    if (known !== undefined) return known;
    const name = users.get(guid);
    if (name === undefined) {
      unknownUser();
      ids.set(guid, importer);
      return importer;
    }
    const id = ((find.get(name) as number | undefined) ?? insertCoder(db, name, guid)) as CoderId;
    ids.set(guid, id);
    return id;
  };
}

function writeMemos(
  db: Db, plan: ProjectPlan,
  refs: {
    codes: ReadonlyMap<string, CodeId>; documents: ReadonlyMap<string, DocumentId>; codingIds: ReadonlyMap<PlannedCoding, CodingId>;
    coders: (guid: string | undefined) => CoderId; themes: ReadonlyMap<string, ThemeId>;
  },
  messages: ImportNotes,
): number {
  const insert = db.prepare(`INSERT INTO memos (guid, kind, title, body, phase, author_id, document_id, code_id, theme_id, coding_id, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const same = db.prepare('SELECT 1 FROM memos WHERE kind = ? AND title = ? AND body = ? AND document_id IS ? AND code_id IS ? AND theme_id IS ? AND coding_id IS ?');
  let written = 0;
  for (const memo of plan.notes) {
    const target = memo.target;
    const documentId = target.kind === 'document' ? refs.documents.get(target.sourceGuid) ?? null : null;
    const codeId = target.kind === 'code' ? refs.codes.get(target.codeGuid) ?? null : null;
    const codingId = target.kind === 'coding' ? refs.codingIds.get(target.coding) ?? null : null;
    const themeId = target.kind === 'theme' ? refs.themes.get(target.setGuid) ?? null : null;
    if (target.kind !== 'project' && documentId === null && codeId === null && codingId === null && themeId === null) {
      messages.note('memos', say('retargeted'));
    }
    const kind = memo.journal ? 'journal' : 'memo';
    if (same.get(kind, memo.title, memo.body, documentId, codeId, themeId, codingId)) { messages.skip('memos', say('memoTwice')); continue; }
    const createdAt = memo.createdAt ?? now();
    insert.run(keptGuid(db, memo.guid), kind, memo.title, memo.body, memo.phase, refs.coders(memo.userGuid), documentId, codeId, themeId, codingId, createdAt, memo.updatedAt ?? createdAt);
    written++;
  }
  return written;
}
