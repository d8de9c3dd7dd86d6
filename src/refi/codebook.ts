import fs from 'node:fs';
import path from 'node:path';
import { TematikError } from '../domain/errors';
import { defineMessages, type Language } from '../domain/text';
import type { CodeId } from '../domain/ids';
import type { ExchangeSection } from '../domain/types';
import type { ProjectData } from '../store/project-data';
import { normaliseGuid } from './guid';
import { journalImport } from './import-journal';
import { ImportNotes } from './notes';
import type { PlannedCode } from './read-project';
import { assertRoot, CODEBOOK_NS, colourOf, parseXml, type XmlElement } from './xml';

const say = defineMessages({
  en: {
    notAFile: '{file} is not a file. Choose a .qdc codebook exported by a QDA program.',
    tooLarge: '{file} is {megabytes} MB, far more than any codebook; Tematik reads codebooks up to {limit} MB. Check that this is the file you meant.',
    missing: '{file}: the file does not exist. Check the path and try again.',
    unreadable: '{file}: it could not be read ({code}). Check the path and try again.',
    zipNotCodebook: '{file} is a zip file (a REFI-QDA project, .qdpx), not a codebook. Import it as a project, which brings its codebook too.',
    noCodes: '{file} holds no codes; nothing was imported.',
    duplicateGuid: 'Skipped a second code with the GUID of "{name}": a codebook names each code once.',
    sets: 'Skipped the sets: Tematik builds themes from codes itself.',
    existing: 'Already in the codebook under the same parent (same name, ignoring case): kept as they were, with any sub-codes from the file added under them.',
  },
  id: {
    notAFile: '{file} bukan berkas. Pilih buku kode .qdc yang diekspor oleh aplikasi QDA.',
    tooLarge: '{file} berukuran {megabytes} MB, jauh lebih besar daripada buku kode mana pun; Tematik membaca buku kode sampai {limit} MB. Pastikan ini berkas yang Anda maksud.',
    missing: '{file}: berkas tidak ada. Periksa path-nya lalu coba lagi.',
    unreadable: '{file}: berkas tidak bisa dibaca ({code}). Periksa path-nya lalu coba lagi.',
    zipNotCodebook: '{file} adalah berkas zip (proyek REFI-QDA, .qdpx), bukan buku kode. Impor sebagai proyek; buku kodenya ikut terimpor.',
    noCodes: '{file} tidak berisi kode; tidak ada yang diimpor.',
    duplicateGuid: 'Kode kedua dengan GUID milik "{name}" dilewati: buku kode menyebut setiap kode sekali saja.',
    sets: 'Set dilewati: Tematik menyusun tema dari kode sendiri.',
    existing: 'Sudah ada di buku kode di bawah induk yang sama (nama sama, huruf besar-kecil diabaikan): dibiarkan seperti semula, dan sub-kode dari berkas ditambahkan di bawahnya.',
  },
});

/** A codebook is a list of names; anything this large is not one. */
const MAX_QDC_BYTES = 20 * 1024 * 1024;

export interface CodebookPlan {
  readonly codes: readonly PlannedCode[];
  readonly messages: ImportNotes;
}

/** Reads and checks a `.qdc` file (REFI-QDA Codebook Exchange) without writing anything. */
export function readCodebookFile(file: string): CodebookPlan {
  const label = path.basename(file);
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new TematikError('bad_input', say('notAFile', { file }));
    if (stat.size > MAX_QDC_BYTES) throw new TematikError('bad_input', say('tooLarge', { file: label, megabytes: Math.round(stat.size / 1024 / 1024), limit: MAX_QDC_BYTES / 1024 / 1024 }));
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof TematikError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new TematikError('bad_input', code === 'ENOENT' ? say('missing', { file }) : say('unreadable', { file, code: code ?? String(error) }));
  }
  if (bytes.subarray(0, 4).toString('latin1') === 'PK\x03\x04') {
    throw new TematikError('bad_input', say('zipNotCodebook', { file: label }));
  }
  return readCodebookXml(bytes, label);
}

export function readCodebookXml(bytes: Uint8Array, label: string): CodebookPlan {
  const root = parseXml(bytes, label);
  assertRoot(root, CODEBOOK_NS, 'CodeBook', label, 'a REFI-QDA codebook');
  const messages = new ImportNotes();
  const seen = new Set<string>();
  const readCodes = (el: XmlElement, where: string): PlannedCode[] => {
    const codes: PlannedCode[] = [];
    for (const child of el.children) {
      if (child.ns === CODEBOOK_NS && child.name === 'Description') continue;
      if (child.ns !== CODEBOOK_NS || child.name !== 'Code') { messages.unknown(child, where, CODEBOOK_NS); continue; }
      const name = child.attrs.get('name')?.trim() || 'Unnamed code';
      messages.found('codes');
      // Taguette and hand-made codebooks may leave the GUID out; the code's place names it then.
      const guid = normaliseGuid(child.attrs.get('guid') ?? `${where}/${name}`);
      if (seen.has(guid)) { messages.skip('codes', say('duplicateGuid', { name })); continue; }
      seen.add(guid);
      codes.push({
        guid, name, description: child.children.find((c) => c.ns === CODEBOOK_NS && c.name === 'Description')?.text ?? '',
        colour: colourOf(child.attrs.get('color')), children: readCodes(child, `the code "${name}"`),
      });
    }
    return codes;
  };
  const codes: PlannedCode[] = [];
  for (const child of root.children) {
    if (child.ns === CODEBOOK_NS && child.name === 'Codes') codes.push(...readCodes(child, '<Codes>'));
    else if (child.ns === CODEBOOK_NS && child.name === 'Sets') {
      // Taguette writes an empty <Sets/>: nothing is lost then, so nothing to report.
      const sets = child.children.filter((c) => c.ns === CODEBOOK_NS && c.name === 'Set').length;
      if (sets > 0) { messages.found('sets', sets); messages.skip('sets', say('sets'), sets); }
    }
    else messages.unknown(child, '<CodeBook>', CODEBOOK_NS);
  }
  if (codes.length === 0) throw new TematikError('bad_input', say('noCodes', { file: label }));
  return { codes, messages };
}

/**
 * Adds the codebook's codes in one undoable action. A code whose name (ignoring case) is
 * already used under the same parent is kept as it is, not duplicated or overwritten; its
 * sub-codes from the file are added under it.
 */
export async function writeCodebookPlan(
  data: ProjectData, plan: CodebookPlan, file: string,
  { language = 'en', action = 'refi.importCodebook' }: { language?: Language; action?: 'refi.importCodebook' | 'taguette.importCodebook' } = {},
): Promise<{ created: number; existing: number; report: ExchangeSection[] }> {
  const counts = await data.change({ action, summary: `Import codebook ${path.basename(file)}`, args: { file } }, async (tx) => {
    let created = 0;
    let existing = 0;
    const write = async (codes: readonly PlannedCode[], parentId: CodeId | null): Promise<void> => {
      for (const code of codes) {
        let id = await tx.imports.codeByName(code.name, parentId);
        if (id === undefined) {
          id = await tx.imports.createCode({ guid: code.guid, name: code.name, parentId, description: code.description, ...(code.colour ? { colour: code.colour } : {}) });
          created++;
        } else {
          existing++;
        }
        await write(code.children, id);
      }
    };
    await write(plan.codes, null);
    plan.messages.imported('codes', created);
    if (existing > 0) plan.messages.skip('codes', say('existing'), existing);
    // In the transaction, so undoing the import removes its journal entry too.
    await journalImport(tx, { kind: 'codebook', file: path.basename(file) }, plan.messages.sections(), language);
    return { created, existing };
  });
  return { ...counts, report: plan.messages.sections() };
}
