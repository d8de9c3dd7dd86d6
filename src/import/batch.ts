import fs from 'node:fs';
import path from 'node:path';
import { TematikError } from '../domain/errors';
import type { InformantId, InformantTypeId } from '../domain/ids';
import { mediaExtension } from '../domain/recordings';
import { readLinkTarget } from '../media/link-file';
import { defineMessages, untranslated, type LocalizedText } from '../domain/text';
import type { ImportReport, Progress, SkippedFile } from '../domain/types';
import type { ProjectData, ProjectReader, ProjectTransaction } from '../store/project-data';
import { readInParallel } from './parse-in-workers';
import { parseInformantSheet, type SheetRow } from './sheet';
import { labelKey } from './speakers';
import { isTranscriptFile } from './transcript';
import type { ParsedDocument } from './types';

const say = defineMessages({
  en: {
    notFolder: '{folder} is not a folder. Give the folder that holds the transcripts.',
    notTranscript: 'not a transcript format Tematik reads (.txt, .md, .docx, .vtt, .srt)',
    sheetNamesMissing: 'The informant sheet names {count} file(s) that are not in the folder; nothing was imported.',
    missingFile: '{sheet} line {line}: names "{file}", which is not in {folder}. Fix the file name in the sheet or add the file.',
    missingRecording: '{sheet} line {line}: the recording "{file}" is not in {folder}. Fix its name in the sheet (a file in the folder, or a full path), add the file, or empty the cell.',
    recordingAlone: 'a recording with no transcript of the same name; link it to a transcript with "Link recording…"',
    recordingNotLinked: 'a recording is not linked by a folder import on a team server: link it to its transcript with "Link recording…", which embeds it in the project',
    chosenFolder: 'the folder chosen',
    sameName: 'Two files named "{file}" were given as one folder\'s files, which a folder cannot hold; nothing was imported. Give each file once.',
    cannotReadSheet: 'Cannot read the informant sheet {sheet}. Check the path; it should be a .csv file.',
    alreadyInProject: 'already in the project as "{title}"',
    sameText: 'same text as {twin} in this import',
    unexpected: 'Tematik hit an unexpected error reading it ({detail}); please report this',
    sheetDisagrees: 'The informant sheet disagrees with the project; nothing was imported.',
    typeMismatch: 'line {line}: informant {label} is a "{projectType}" in the project but "{sheetType}" in the sheet. Change the sheet, or change the informant\'s type in the project first.',
    filesFailed: '{failed} of {total} file(s) could not be imported, so nothing was imported. Fix or remove them, or import with "skip bad files" to bring in the rest.',
    failedFile: '{file}: {reason}',
  },
  id: {
    notFolder: '{folder} bukan folder. Berikan folder yang berisi transkrip.',
    notTranscript: 'bukan format transkrip yang dibaca Tematik (.txt, .md, .docx, .vtt, .srt)',
    sheetNamesMissing: 'Lembar informan menyebut {count} berkas yang tidak ada di folder; tidak ada yang diimpor.',
    missingFile: '{sheet} baris {line}: menyebut "{file}", yang tidak ada di {folder}. Perbaiki nama berkas di lembar itu atau tambahkan berkasnya.',
    missingRecording: '{sheet} baris {line}: rekaman "{file}" tidak ada di {folder}. Perbaiki namanya di lembar itu (berkas di folder itu, atau jalur lengkap), tambahkan berkasnya, atau kosongkan selnya.',
    recordingAlone: 'rekaman tanpa transkrip bernama sama; tautkan ke transkrip dengan "Tautkan rekaman…"',
    recordingNotLinked: 'rekaman tidak ditautkan oleh impor folder di server tim: tautkan ke transkripnya dengan "Tautkan rekaman…", yang menyematkannya di proyek',
    chosenFolder: 'folder yang dipilih',
    sameName: 'Dua berkas bernama "{file}" diberikan sebagai isi satu folder, padahal satu folder tidak dapat memuatnya; tidak ada yang diimpor. Berikan setiap berkas satu kali.',
    cannotReadSheet: 'Lembar informan {sheet} tidak dapat dibaca. Periksa jalurnya; berkas itu semestinya berupa .csv.',
    alreadyInProject: 'sudah ada di proyek sebagai "{title}"',
    sameText: 'teksnya sama dengan {twin} dalam impor ini',
    unexpected: 'Tematik mengalami galat tak terduga saat membacanya ({detail}); mohon laporkan hal ini',
    sheetDisagrees: 'Lembar informan tidak cocok dengan proyek; tidak ada yang diimpor.',
    typeMismatch: 'baris {line}: informan {label} berjenis "{projectType}" di proyek tetapi "{sheetType}" di lembar. Ubah lembarnya, atau ubah dulu jenis informan itu di proyek.',
    filesFailed: '{failed} dari {total} berkas tidak dapat diimpor, jadi tidak ada yang diimpor. Perbaiki atau keluarkan berkas itu, atau impor dengan "lewati berkas bermasalah" untuk memasukkan sisanya.',
    failedFile: '{file}: {reason}',
  },
});

/**
 * How a sheet's file name is compared with the names in the folder: Unicode-normalised (macOS
 * stores "Café" decomposed, Excel on Windows writes it composed) and case-insensitive.
 */
const matchKey = (name: string): string => name.normalize('NFC').toLowerCase();

/** One file to import, with the informants (by label) it belongs to. */
export interface ImportItem {
  readonly file: string;
  readonly informantLabels: readonly string[];
  /** Speaker labels the sheet maps to informants of this file: label → informant label. */
  readonly speakers?: ReadonlyMap<string, string>;
  /** The recording to link to the transcript: the sheet's `recording`, or a media file of the same base name in the folder. */
  readonly recording?: string;
}

export interface ImportPlan {
  readonly items: readonly ImportItem[];
  /** Informants the sheet declares: label → type, name and attributes. */
  readonly sheetRows: readonly SheetRow[];
  readonly skipped: readonly SkippedFile[];
}

/** The files of a folder (not its sub-folders), matched with an informant sheet if one is given. */
export function planFolder(folder: string, sheetPath?: string): ImportPlan {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new TematikError('bad_input', say('notFolder', { folder }));
  }
  const entries = fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => ({ name: e.name, file: path.join(folder, e.name) }));
  return planEntries(entries, { folder, sheetPath, recordingsIn: folder });
}

/**
 * A folder's files sent one by one (a folder picked in a browser and uploaded to a team server),
 * each named as it was in that folder by its own base name, matched with an informant sheet as
 * planFolder matches a folder's. Recordings are not linked: these files are copies that do not
 * outlast the import (an upload is kept only for the login session), and a recording cell of the
 * sheet names no file of this computer that may be opened; each is reported as skipped instead.
 */
export function planFolderFiles(files: readonly string[], sheetPath?: string): ImportPlan {
  const entries = new Map<string, FolderEntry>();
  for (const file of new Set(files)) {
    const name = path.basename(file);
    // A folder holds one file of a name: two would leave the sheet's row for it ambiguous.
    if (entries.has(name)) throw new TematikError('bad_input', say('sameName', { file: name }));
    entries.set(name, { name, file });
  }
  return planEntries([...entries.values()], { folder: say('chosenFolder'), sheetPath, recordingsIn: null });
}

interface FolderEntry {
  /** The file's name in the folder: what the sheet's `file` column names. */
  readonly name: string;
  /** Where it is read from. */
  readonly file: string;
}

/** The matching of a folder's files with the sheet, one for both kinds of folder. */
function planEntries(all: readonly FolderEntry[], options: {
  /** The folder as messages name it. */
  readonly folder: string | LocalizedText;
  readonly sheetPath: string | undefined;
  /** The folder a sheet's recording cell is read from (a name in it, or a full path); null: recordings are not linked. */
  readonly recordingsIn: string | null;
}): ImportPlan {
  const { sheetPath, recordingsIn } = options;
  const folderShown = (language: 'en' | 'id'): string => (typeof options.folder === 'string' ? options.folder : options.folder[language]);
  const sheet = sheetPath ? parseInformantSheet(readSheet(sheetPath), path.basename(sheetPath)) : undefined;
  const entries = all.filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const fileOf = new Map(entries.map((e) => [e.name, e.file]));
  const sheetName = sheetPath ? path.resolve(sheetPath) : '';
  const skipped: SkippedFile[] = [];
  const byFile = new Map<string, string[]>();
  const speakersByFile = new Map<string[], Map<string, string>>();
  const media: string[] = [];
  for (const { name, file } of entries) {
    if (path.resolve(file) === sheetName) continue;
    if (isTranscriptFile(name)) byFile.set(name, []);
    else if (mediaExtension(name) !== null) {
      if (recordingsIn !== null) media.push(name);
      else skipped.push(skip(name, say('recordingNotLinked')));
    } else skipped.push(skip(name, say('notTranscript')));
  }
  // A recording goes with the transcript of the same name ("P-01.m4a" with "P-01.vtt"), compared as sheet names are.
  const stem = (name: string): string => matchKey(name.replace(/\.[^.]+$/, ''));
  const recordings = new Map<string, string>();
  for (const name of media) if (!recordings.has(stem(name))) recordings.set(stem(name), fileOf.get(name)!);
  const paired = new Set<string>();
  const recordingOf = new Map<string, string>();
  for (const name of byFile.keys()) {
    const found = recordings.get(stem(name));
    if (found) { recordingOf.set(name, found); paired.add(found); }
  }
  // The name as written first; the real name on disk is kept for reading the file.
  const inFolder = (wanted: string): string[] | undefined =>
    byFile.get(wanted) ?? byFile.get([...byFile.keys()].find((name) => matchKey(name) === matchKey(wanted)) ?? '');
  const missing: LocalizedText[] = [];
  const inSheet = (key: 'missingFile' | 'missingRecording', line: number, file: string): LocalizedText => {
    const values = { sheet: path.basename(sheetPath!), line: String(line), file };
    return { en: say(key, { ...values, folder: folderShown('en') }).en, id: say(key, { ...values, folder: folderShown('id') }).id };
  };
  for (const row of sheet?.rows ?? []) {
    if (!row.file) continue;
    const labels = inFolder(row.file);
    if (!labels) missing.push(inSheet('missingFile', row.line, row.file));
    else {
      if (row.recording && recordingsIn === null) skipped.push(skip(row.recording, say('recordingNotLinked')));
      else if (row.recording && recordingsIn !== null) {
        const file = path.resolve(recordingsIn, row.recording);
        const name = [...byFile.keys()].find((n) => byFile.get(n) === labels)!;
        if (!fs.existsSync(file)) missing.push(inSheet('missingRecording', row.line, row.recording));
        else { recordingOf.set(name, file); paired.add(file); }
      }
      labels.push(row.informantLabel);
      for (const speaker of row.speaker.split(/[;|]/u).map((s) => s.trim()).filter(Boolean)) {
        let speakers = speakersByFile.get(labels);
        if (!speakers) speakersByFile.set(labels, (speakers = new Map()));
        speakers.set(labelKey(speaker), row.informantLabel);
      }
    }
  }
  if (missing.length > 0) {
    throw new TematikError('bad_input', say('sheetNamesMissing', { count: missing.length }), missing);
  }
  for (const file of recordings.values()) if (!paired.has(file)) skipped.push(skip(path.basename(file), say('recordingAlone')));
  return {
    items: [...byFile].map(([name, labels]) => ({
      file: fileOf.get(name)!, informantLabels: labels, ...(speakersByFile.has(labels) ? { speakers: speakersByFile.get(labels)! } : {}),
      ...(recordingOf.has(name) ? { recording: recordingOf.get(name)! } : {}),
    })),
    sheetRows: sheet?.rows ?? [], skipped };
}

function skip(file: string, reasonText: LocalizedText): SkippedFile {
  return { file, reason: reasonText.en, reasonText };
}

function readSheet(sheetPath: string): Uint8Array {
  try {
    return fs.readFileSync(sheetPath);
  } catch {
    throw new TematikError('bad_input', say('cannotReadSheet', { sheet: sheetPath }));
  }
}

/**
 * Text stored between two refreshes of the search index during an import. The writer indexes
 * what it stored while the parsing threads read the next files, and in batches: FTS5 writes a
 * batch's terms out as one segment (indexer.ts), where a refresh per document wrote a segment
 * of each and merged them.
 */
const INDEX_BATCH_CHARS = 8_000_000;

/**
 * Stores each file as soon as it is read and checked, while the files after it are still being
 * read, all in one transaction: either every file goes in, or (unless `skipBad`) nothing does and
 * the error lists each bad file. Files whose text is already in the project are skipped, so
 * re-importing a folder adds only what is new.
 */
export async function runImport(data: ProjectData, plan: ImportPlan, options: { skipBad?: boolean; swapRoles?: boolean; progress?: (p: Progress) => void; informantId?: InformantId } = {}): Promise<ImportReport> {
  // Each file reports twice: when its turn to be read comes, and when it is stored.
  const report = (done: number, label: string) => options.progress?.({ done, total: plan.items.length * 2, label });
  const failed: { file: string; reason: string; reasonText: LocalizedText }[] = [];
  const skipped: SkippedFile[] = [...plan.skipped];
  let stop = (): void => undefined;
  try {
    // One change across awaits: each file is stored as soon as it is read, while the next are parsed.
    const written = await data.change({ action: 'import', summary: 'Import', args: {} }, async (tx) => {
      // The sheet must agree with the project before anything is read; checked in the change, so no other change slips in between.
      const typeProblems = await checkSheetTypes(tx, plan.sheetRows);
      if (typeProblems.length > 0) throw new TematikError('bad_input', say('sheetDisagrees'), typeProblems);
      // Parsed in parallel threads, each file's result taken here in the plan's order.
      const parsing = readInParallel(plan.items.map((item) => item.file));
      stop = parsing.stop;
      const { reads } = parsing;
      const created = await ensureInformants(tx, plan.sheetRows);
      const imported: ImportReport['imported'][number][] = [];
      // What the project held before: this import's own documents are in `seen`.
      const inProject = await tx.imports.documentsByHash();
      const seen = new Map<string, string>();
      let unindexed = 0;
      for (const [i, item] of plan.items.entries()) {
        const file = path.basename(item.file);
        report(2 * i, `Reading ${file}`);
        let doc: ParsedDocument;
        try {
          doc = await reads[i]!;
        } catch (error) {
          // A TematikError is the file's fault and says how to fix it; anything else is a bug, and says so.
          const reasonText = error instanceof TematikError ? error.text ?? untranslated(error.message) : say('unexpected', { detail: String(error) });
          failed.push({ file, reason: reasonText.en, reasonText });
          continue;
        }
        const existing = inProject.get(doc.contentHash);
        const twin = seen.get(doc.contentHash);
        if (existing) skipped.push(skip(file, say('alreadyInProject', { title: existing.title })));
        else if (twin !== undefined) skipped.push(skip(file, say('sameText', { twin })));
        else {
          seen.set(doc.contentHash, file);
          // After a bad file nothing more is stored: the rest are read only to name every bad one.
          if (failed.length > 0 && !options.skipBad) continue;
          report(2 * i + 1, `Saving ${doc.title}`);
          const ids: InformantId[] = [];
          for (const label of item.informantLabels) ids.push((await tx.imports.informantByLabel(label))!);
          if (options.informantId !== undefined) ids.push(options.informantId);
          const hints = new Map<string, InformantId>();
          for (const [speaker, label] of item.speakers ?? []) hints.set(speaker, (await tx.imports.informantByLabel(label))!);
          const documentId = await tx.imports.storeDocument(doc, ids, hints);
          if (options.swapRoles) await tx.imports.swapRoles(documentId, hints);
          // By reference, as "Link recording…" does; a recording that cannot be read fails the import as a bad transcript would.
          let recording: string | undefined;
          if (item.recording) {
            try {
              await tx.recordings.link(documentId, readLinkTarget(item.recording, data.location, false));
              recording = path.basename(item.recording);
            } catch (error) {
              const reasonText = error instanceof TematikError ? error.text ?? untranslated(error.message) : say('unexpected', { detail: String(error) });
              failed.push({ file: path.basename(item.recording), reason: reasonText.en, reasonText });
            }
          }
          imported.push({ file, documentId, title: doc.title, words: doc.wordCount, turns: doc.turns.length, informants: [...item.informantLabels], ...(recording ? { recording } : {}) });
          unindexed += doc.text.length;
          if (unindexed >= INDEX_BATCH_CHARS) {
            await tx.imports.indexStored();
            unindexed = 0;
          }
        }
      }
      if (failed.length > 0 && !options.skipBad) {
        throw new TematikError('bad_input', say('filesFailed', { failed: failed.length, total: plan.items.length }),
          failed.map((f) => say('failedFile', { file: f.file, reason: f.reasonText })));
      }
      return { ...created, imported };
    }, ({ imported }) => ({ summary: `Import ${imported.length} document(s)`, args: { files: imported.map((d) => d.file) } }));
    report(plan.items.length * 2, 'Done');
    return { ...written, failed, skipped };
  } finally {
    // Cancelled or failed part-way: the threads stop parsing files nobody will store.
    stop();
  }
}

/** An informant already in the project must keep its type; the sheet may not silently move people. */
async function checkSheetTypes(data: ProjectReader, rows: readonly SheetRow[]): Promise<LocalizedText[]> {
  const problems: LocalizedText[] = [];
  const byLabel = new Map((await data.informants.list()).map((i) => [i.label.toLowerCase(), i]));
  for (const row of rows) {
    const existing = byLabel.get(row.informantLabel.toLowerCase());
    if (existing && existing.typeName.toLowerCase() !== row.typeName.toLowerCase()) {
      problems.push(say('typeMismatch', { line: String(row.line), label: row.informantLabel, projectType: existing.typeName, sheetType: row.typeName }));
    }
  }
  return problems;
}

/** Creates the sheet's informant types and informants (or updates attributes of existing ones). */
async function ensureInformants(tx: ProjectTransaction, rows: readonly SheetRow[]): Promise<{ informantsCreated: string[]; typesCreated: string[] }> {
  const informantsCreated: string[] = [];
  const typesCreated: string[] = [];
  for (const row of rows) {
    let typeId: InformantTypeId | undefined = await tx.imports.informantTypeByName(row.typeName);
    if (typeId === undefined) {
      typeId = await tx.informants.createType({ name: row.typeName });
      typesCreated.push(row.typeName);
    }
    const existing = await tx.imports.informantByLabel(row.informantLabel);
    if (existing === undefined) {
      await tx.imports.createInformant({ label: row.informantLabel, name: row.name, typeId, attributes: { ...row.attributes } });
      informantsCreated.push(row.informantLabel);
    } else {
      await tx.informants.update(existing, { ...(row.name ? { name: row.name } : {}), attributes: { ...row.attributes } });
    }
  }
  return { informantsCreated, typesCreated };
}
