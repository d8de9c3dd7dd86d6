import { throwIfCancelled } from '../domain/cancellation';
import type { CodeId, CoderId, CodingId, DocumentId, InformantId, InformantTypeId, ThemeId } from '../domain/ids';
import { defineMessages, type Language } from '../domain/text';
import type { ExchangeSection, ImportReport, SkippedFile } from '../domain/types';
import { checkRange } from '../domain/ranges';
import type { ProjectData, ProjectTransaction } from '../store/project-data';
import { journalImport } from './import-journal';
import type { ImportNotes } from './notes';
import type { PlannedCode, PlannedCoding, ProjectPlan } from './read-project';
import { commentWriter } from './write-comments';
import { writeThemes } from './write-themes';

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
    commentLost: 'Skipped comments on codings that were not imported (their code is not in the file\'s codebook).',
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
    commentLost: 'Komentar pada pengodean yang tidak diimpor (kodenya tidak ada di buku kode berkas itu) dilewati.',
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
export async function writeProjectPlan(data: ProjectData, plan: ProjectPlan, file: string, language: Language = 'en'): Promise<RefiImportReport> {
  const summary = `Import REFI-QDA project "${plan.name}"`;
  // The document came from inside the .qdpx; its own file name there is a GUID, so the title names it.
  const sourceName = (title: string): string => `${file}: ${title}`;
  const result = await data.change({ action: 'refi.importProject', summary, args: { file, sources: plan.sources.length, cases: plan.cases.length } }, async (tx) => {
    const messages = plan.messages;
    const coders = await coderResolver(tx, plan.users, () => messages.note('codings', say('unknownUser')));
    const codes = new Map<string, CodeId>();
    let codesCreated = 0;
    const writeCodes = async (list: readonly PlannedCode[], parentId: CodeId | null): Promise<void> => {
      for (const code of list) {
        let id = await tx.imports.codeByName(code.name, parentId);
        if (id === undefined) {
          id = await tx.imports.createCode({ guid: code.guid, name: code.name, parentId, description: code.description, ...(code.colour ? { colour: code.colour } : {}) });
          codesCreated++;
        }
        codes.set(code.guid, id);
        await writeCodes(code.children, id);
      }
    };
    await writeCodes(plan.codes, null);
    messages.imported('codes', codesCreated);
    if (codesCreated < countCodes(plan.codes)) messages.note('codes', say('codesReused'));

    const typesCreated: string[] = [];
    const informantsCreated: string[] = [];
    const informantsOfSource = new Map<string, { id: InformantId; label: string }[]>();
    for (const planned of plan.cases) {
      let typeId: InformantTypeId | undefined = await tx.imports.informantTypeByName(planned.typeName);
      if (typeId === undefined) {
        typeId = await tx.informants.createType({ name: planned.typeName });
        typesCreated.push(planned.typeName);
      }
      let id = await tx.imports.informantByLabel(planned.label);
      if (id === undefined) {
        id = await tx.imports.createInformant({ guid: planned.guid, label: planned.label, name: planned.name, typeId, attributes: { ...planned.attributes } });
        informantsCreated.push(planned.label);
      } else {
        const existing = await tx.informants.get(id);
        messages.note('cases', say('informantsReused'));
        if (existing.typeId !== typeId) messages.note('cases', say('typeKept', { label: existing.label, existing: existing.typeName, planned: planned.typeName }));
        await tx.informants.update(id, { ...(existing.name === '' && planned.name ? { name: planned.name } : {}), attributes: { ...planned.attributes } });
      }
      for (const guid of planned.sourceGuids) informantsOfSource.set(guid, [...(informantsOfSource.get(guid) ?? []), { id, label: planned.label }]);
    }

    const documents = new Map<string, DocumentId>();
    // The project's texts, and this import's as they are stored.
    const byHash = new Map([...await tx.imports.documentsByHash()].map(([hash, { id }]) => [hash, id]));
    const imported: ImportReport['imported'][number][] = [];
    const skipped: SkippedFile[] = [...plan.skipped];
    for (const source of plan.sources) {
      throwIfCancelled();
      const people = informantsOfSource.get(source.guid) ?? [];
      const existing = byHash.get(source.contentHash);
      if (existing !== undefined) {
        for (const person of people) await tx.imports.linkInformant(existing, person.id);
        documents.set(source.guid, existing);
        skipped.push({ file: source.title, reason: say('sameText').en, reasonText: say('sameText') });
        messages.skip('sources', say('sameTextNote'));
        continue;
      }
      const id = await tx.imports.storeDocument({
        title: source.title, sourceName: sourceName(source.title), format: 'qdpx', encoding: 'utf-8', text: source.text,
        turns: source.turns, wordCount: source.wordCount, contentHash: source.contentHash,
      }, people.map((p) => p.id), undefined, source.guid);
      documents.set(source.guid, id);
      byHash.set(source.contentHash, id);
      imported.push({ file: source.title, documentId: id, title: source.title, words: source.wordCount, turns: source.turns.length, informants: people.map((p) => p.label) });
    }

    const codingIds = new Map<PlannedCoding, CodingId>();
    let codings = 0;
    for (const source of plan.sources) {
      const documentId = documents.get(source.guid)!;
      for (const coding of source.codings) {
        const codeId = codes.get(coding.codeGuid);
        if (codeId === undefined) { messages.skip('codings', say('codeMissing')); continue; }
        checkRange(source.text, source.title, coding.start, coding.end);
        const written = await tx.imports.coding({
          guid: coding.guid, documentId, codeId, coderId: await coders(coding.userGuid), start: coding.start, end: coding.end,
          quote: source.text.slice(coding.start, coding.end), createdAt: coding.createdAt,
        });
        if (written.added) codings++;
        else messages.skip('codings', say('codingTwice'));
        codingIds.set(coding, written.id);
      }
    }

    // Themes before memos: a memo on a theme needs the theme.
    const comment = commentWriter(tx, coders, messages);
    const themes = await writeThemes(tx, plan.themes, { codes, codingIds, comment }, messages);
    for (const { on, comment: planned } of plan.comments) {
      const codeId = on.kind === 'code' ? codes.get(on.codeGuid) : undefined;
      const codingId = on.kind === 'coding' ? codingIds.get(on.coding) : undefined;
      if (codeId !== undefined) await comment({ kind: 'code', id: codeId }, [planned]);
      else if (codingId !== undefined) await comment({ kind: 'coding', id: codingId }, [planned]);
      else if (on.kind === 'unplaced') await comment(null, [planned]);
      else { messages.found('comments'); messages.skip('comments', say('commentLost')); }
    }
    const memos = await writeMemos(tx, plan, { codes, documents, codingIds, coders, themes }, messages);
    messages.imported('sources', imported.length);
    messages.imported('cases', informantsCreated.length);
    messages.imported('codings', codings);
    messages.imported('memos', memos);
    // Last, so the journal keeps the whole report; in the transaction, so it is undone with the import.
    await journalImport(tx, { kind: 'project', file, name: plan.name, origin: plan.origin }, messages.sections(), language);
    return { imported, skipped, typesCreated, informantsCreated, codes: codesCreated, codings, memos };
  });
  return { ...result, failed: [], report: plan.messages.sections() };
}

function countCodes(codes: readonly PlannedCode[]): number {
  return codes.reduce((n, c) => n + 1 + countCodes(c.children), 0);
}

/** The coder a user GUID of the file stands for: the importer when the file names none (or names one it does not list). */
export type CoderOf = (guid: string | undefined) => Promise<CoderId>;

/** Coders by the file's user GUIDs, found or added by name inside the import's change, so a rollback takes them back too. */
async function coderResolver(tx: ProjectTransaction, users: ReadonlyMap<string, string>, unknownUser: () => void): Promise<CoderOf> {
  const importer = await tx.imports.currentCoder();
  const ids = new Map<string, CoderId>();
  return async (guid) => {
    if (guid === undefined) return importer;
    const known = ids.get(guid);
    if (known !== undefined) return known;
    const name = users.get(guid);
    if (name === undefined) {
      unknownUser();
      ids.set(guid, importer);
      return importer;
    }
    const id = await tx.imports.coder(name, guid);
    ids.set(guid, id);
    return id;
  };
}

async function writeMemos(
  tx: ProjectTransaction, plan: ProjectPlan,
  refs: {
    codes: ReadonlyMap<string, CodeId>; documents: ReadonlyMap<string, DocumentId>; codingIds: ReadonlyMap<PlannedCoding, CodingId>;
    coders: CoderOf; themes: ReadonlyMap<string, ThemeId>;
  },
  messages: ImportNotes,
): Promise<number> {
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
    const key = { kind: memo.journal ? 'journal' as const : 'memo' as const, title: memo.title, body: memo.body, documentId, codeId, themeId, codingId };
    if (await tx.imports.hasMemo(key)) { messages.skip('memos', say('memoTwice')); continue; }
    await tx.imports.memo({ ...key, guid: memo.guid, phase: memo.phase, authorId: await refs.coders(memo.userGuid), createdAt: memo.createdAt, updatedAt: memo.updatedAt });
    written++;
  }
  return written;
}
