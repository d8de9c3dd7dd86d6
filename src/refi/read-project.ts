import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { Utf16Offset } from '../domain/ids';
import type { ParsedTurn } from '../import/types';
import { parseTurns } from '../import/turns';
import { countWords } from '../import/words';
import { JOURNAL_SET, NAME_VARIABLE, ORIGIN, TYPE_VARIABLE } from './export';
import { normaliseGuid } from './guid';
import { ImportNotes } from './notes';
import { importedText } from './positions';
import { ThemeReader, type ThemePlan } from './read-themes';
import { checkEntryName, SafeZip, type ZipEntry } from './safe-zip';
import { assertRoot, colourOf, parseXml, PROJECT_NS, XSD_DATE_TIME, type XmlElement } from './xml';

const say = defineMessages({
  en: {
    xmlNotZip: '{file} is an XML file, not a zip, so it is not a REFI-QDA project (.qdpx). If it is a codebook (.qdc), import it as a codebook instead.',
    noProjectQde: '{file} has no project.qde, so it is not a REFI-QDA project (.qdpx). Export the project again from the program that made it; nothing was imported.',
    positionNotInteger: '{file}: a selection in "{title}" has the {name} "{value}", which is not a whole number; the file is damaged, so nothing was imported.',
    positionMissing: '{file}: a selection in "{title}" has no {name}; the file is damaged, so nothing was imported.',
    selectionOutside: '{file}: a selection in "{title}" runs from {start} to {end}, outside the source\'s text ({length} characters); the file is damaged, so nothing was imported.',
    noSuchVariable: '{file} has no case variable "{name}" to take the informant types from; its variables are: {variables}. Choose one of them, or none to give every case the type "{type}". Nothing was imported.',
    noVariables: '{file} has no case variables, so none can give the informant types (you chose "{name}"). Import it with no variable: every case gets the type "{type}". Nothing was imported.',
    typeFrom: 'Informant types were taken from the variable "{name}".',
    typeFromSomeMissing: 'Informant types were taken from the variable "{name}"; cases without a value became "{type}".',
    typeNoneChosen: 'No variable was chosen for the informant type, so every case became an informant of type "{type}". Change their types in Tematik.',
    typeNoneFound: 'No variable names an informant type, so every case became an informant of type "{type}". Change their types in Tematik.',
    caseRenamed: 'Two cases are called "{label}"; the second became "{renamed}".',
    undeclaredValues: 'Skipped case values of variables the file does not declare.',
    caseSelections: 'Some cases refer to parts of documents; their informants were linked to the whole documents.',
  },
  id: {
    xmlNotZip: '{file} adalah berkas XML, bukan zip, jadi bukan proyek REFI-QDA (.qdpx). Bila berkas itu buku kode (.qdc), impor sebagai buku kode.',
    noProjectQde: '{file} tidak berisi project.qde, jadi bukan proyek REFI-QDA (.qdpx). Ekspor ulang proyeknya dari aplikasi yang membuatnya; tidak ada yang diimpor.',
    positionNotInteger: '{file}: sebuah bagian teks di "{title}" punya {name} "{value}", yang bukan bilangan bulat; berkasnya rusak, jadi tidak ada yang diimpor.',
    positionMissing: '{file}: sebuah bagian teks di "{title}" tidak punya {name}; berkasnya rusak, jadi tidak ada yang diimpor.',
    selectionOutside: '{file}: sebuah bagian teks di "{title}" berjalan dari {start} sampai {end}, di luar teks sumbernya ({length} karakter); berkasnya rusak, jadi tidak ada yang diimpor.',
    noSuchVariable: '{file} tidak punya variabel kasus "{name}" untuk diambil sebagai jenis informan; variabelnya: {variables}. Pilih salah satunya, atau tanpa variabel agar setiap kasus mendapat jenis "{type}". Tidak ada yang diimpor.',
    noVariables: '{file} tidak punya variabel kasus, jadi tidak ada yang dapat memberi jenis informan (Anda memilih "{name}"). Impor tanpa variabel: setiap kasus mendapat jenis "{type}". Tidak ada yang diimpor.',
    typeFrom: 'Jenis informan diambil dari variabel "{name}".',
    typeFromSomeMissing: 'Jenis informan diambil dari variabel "{name}"; kasus tanpa nilai menjadi "{type}".',
    typeNoneChosen: 'Tidak ada variabel yang dipilih untuk jenis informan, jadi setiap kasus menjadi informan berjenis "{type}". Ubah jenisnya di Tematik.',
    typeNoneFound: 'Tidak ada variabel yang menyebut jenis informan, jadi setiap kasus menjadi informan berjenis "{type}". Ubah jenisnya di Tematik.',
    caseRenamed: 'Dua kasus bernama "{label}"; yang kedua menjadi "{renamed}".',
    undeclaredValues: 'Nilai kasus dari variabel yang tidak dideklarasikan berkas itu dilewati.',
    caseSelections: 'Sebagian kasus merujuk ke bagian transkrip; informannya ditautkan ke seluruh transkrip itu.',
  },
});

/** The informant type given to cases when no variable of the file names one. */
export const DEFAULT_TYPE = 'Imported';

export interface PlannedCode {
  readonly guid: string;
  readonly name: string;
  readonly description: string;
  /** '#rrggbb', or undefined for Tematik's next palette colour. */
  readonly colour: string | undefined;
  readonly children: readonly PlannedCode[];
}

export interface PlannedCoding {
  readonly codeGuid: string;
  readonly userGuid: string | undefined;
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  readonly createdAt: string | undefined;
}

export interface PlannedSource {
  readonly guid: string;
  readonly title: string;
  readonly text: string;
  readonly contentHash: string;
  readonly turns: readonly ParsedTurn[];
  readonly wordCount: number;
  readonly codings: readonly PlannedCoding[];
}

export interface PlannedCase {
  readonly label: string;
  readonly name: string;
  readonly typeName: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly sourceGuids: readonly string[];
}

export type PlannedTarget =
  | { readonly kind: 'project' }
  | { readonly kind: 'document'; readonly sourceGuid: string }
  | { readonly kind: 'code'; readonly codeGuid: string }
  | { readonly kind: 'coding'; readonly coding: PlannedCoding }
  | { readonly kind: 'theme'; readonly setGuid: string };

export interface PlannedNote {
  readonly title: string;
  readonly body: string;
  readonly userGuid: string | undefined;
  readonly createdAt: string | undefined;
  readonly updatedAt: string | undefined;
  readonly target: PlannedTarget;
  readonly journal: boolean;
  readonly phase: number | null;
}

/** A variable of the file's cases with the value each case that has one gives it. */
export interface CaseVariable {
  readonly name: string;
  readonly type: string;
  readonly values: readonly string[];
}

/** How to read a .qdpx: the user's choices. */
export interface ReadOptions {
  /** The case variable (by name) that names the informant type; null for none (every case gets DEFAULT_TYPE); absent for the suggestion. */
  readonly typeVariable?: string | null;
}

/** Everything a .qdpx holds that Tematik uses, read and checked, before anything is written. */
export interface ProjectPlan {
  readonly name: string;
  /** The program that wrote the file, when it says. */
  readonly origin: string | null;
  /** The cases' variables, one entry per name. */
  readonly variables: readonly CaseVariable[];
  /** The variable the informant type is taken from when the user does not choose; null when none looks like one. */
  readonly suggestedTypeVariable: string | null;
  /** User GUID → name. */
  readonly users: ReadonlyMap<string, string>;
  readonly codes: readonly PlannedCode[];
  readonly sources: readonly PlannedSource[];
  readonly cases: readonly PlannedCase[];
  readonly notes: readonly PlannedNote[];
  /** Themes, sub-themes and theme links, from Tematik's theme sets or other programs' sets of codes. */
  readonly themes: ThemePlan;
  /** Sources left out on purpose (PDF, pictures, audio, video, text outside the archive). */
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
  readonly messages: ImportNotes;
}

const INTEGER = /^[+-]?\d+$/;
const TYPE_LIKE = [
  /^(informant|participant|respondent|interviewee|case|source|stakeholder)?[\s_-]*(type|category|kind|group|role)$/i,
  /^(tipe|jenis|kategori|kelompok|peran)([\s_-]*(informan|responden|partisipan|narasumber))?$/i,
];

const dateOf = (el: XmlElement, name: string): string | undefined => {
  const value = el.attrs.get(name)?.trim();
  return value && XSD_DATE_TIME.test(value) ? value : undefined;
};
const guidOf = (el: XmlElement, name = 'guid'): string | undefined => {
  const value = el.attrs.get(name);
  return value === undefined || value.trim() === '' ? undefined : normaliseGuid(value);
};
const textOf = (el: XmlElement, child: string): string | undefined => el.children.find((c) => c.ns === PROJECT_NS && c.name === child)?.text;

/** Where a text's characters are: in the XML, in an archive entry, or nowhere Tematik may read. */
type TextRef = { readonly kind: 'inline'; readonly text: string } | { readonly kind: 'entry'; readonly entry: ZipEntry } | { readonly kind: 'missing'; readonly reason: string };

interface RawSelection { readonly guid: string | undefined; readonly start: number; readonly end: number; readonly codings: readonly RawCoding[]; readonly noteGuids: readonly string[] }
interface RawCoding { readonly codeGuid: string; readonly userGuid: string | undefined; readonly createdAt: string | undefined; readonly noteGuids: readonly string[] }
interface RawSource { readonly guid: string; readonly title: string; readonly text: TextRef; readonly selections: readonly RawSelection[]; readonly wholeCodings: readonly RawCoding[]; readonly noteGuids: readonly string[] }
interface RawNote { readonly guid: string; readonly title: string; readonly text: TextRef; readonly userGuid: string | undefined; readonly createdAt: string | undefined; readonly updatedAt: string | undefined; readonly description: string }
interface RawCase { readonly label: string; readonly values: ReadonlyMap<string, string>; readonly sourceGuids: readonly string[]; readonly selectionGuids: readonly string[] }
interface Variable { readonly name: string; readonly type: string }

/**
 * Opens a .qdpx and reads it into a plan. Refuses (TematikError `bad_input`, nothing written)
 * a file that is not a zip, an unsafe or oversized archive, a missing or hostile project.qde,
 * XML outside the REFI-QDA namespace, and a selection outside its source's text. Anything
 * else Tematik cannot use is left out and listed in the plan's messages.
 */
export function readProjectFile(file: string, progress: (done: number, total: number, label: string) => void = () => undefined, options: ReadOptions = {}): ProjectPlan {
  assertLooksLikeZip(file);
  const zip = SafeZip.openFile(file);
  try {
    return readProjectZip(zip, progress, options);
  } finally {
    zip.close();
  }
}

function assertLooksLikeZip(file: string): void {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      head = Buffer.alloc(4);
      head = head.subarray(0, fs.readSync(fd, head, 0, 4, 0));
    } finally { fs.closeSync(fd); }
  } catch {
    return; // SafeZip.openFile gives the precise message (missing, folder, no permission).
  }
  const text = head.toString('latin1');
  if (text.startsWith('<') || text.startsWith('\xef\xbb\xbf<')) {
    throw new TematikError('bad_input', say('xmlNotZip', { file: path.basename(file) }));
  }
}

export function readProjectZip(zip: SafeZip, progress: (done: number, total: number, label: string) => void = () => undefined, options: ReadOptions = {}): ProjectPlan {
  const entry = zip.entry('project.qde');
  if (!entry) {
    throw new TematikError('bad_input', say('noProjectQde', { file: zip.label }));
  }
  progress(0, 3, 'Reading project.qde');
  const root = parseXml(zip.read(entry), `${zip.label} (project.qde)`);
  assertRoot(root, PROJECT_NS, 'Project', `${zip.label} (project.qde)`, 'a REFI-QDA project');
  const reader = new ProjectReader(zip, options, root.attrs.get('origin'));
  reader.walk(root);
  progress(1, 3, 'Reading sources');
  const plan = reader.plan(root.attrs.get('name')?.trim() || path.parse(zip.label).name, progress);
  return { ...plan, origin: root.attrs.get('origin')?.trim() || null, variables: reader.caseVariables(), suggestedTypeVariable: reader.suggestedTypeVariable() };
}

class ProjectReader {
  readonly messages = new ImportNotes();
  private readonly users = new Map<string, string>();
  private readonly codes: PlannedCode[] = [];
  private readonly codeGuids = new Set<string>();
  private readonly variables = new Map<string, Variable>();
  private readonly cases: RawCase[] = [];
  private readonly sources: RawSource[] = [];
  private readonly notes: RawNote[] = [];
  private readonly skipped: { file: string; reason: string }[] = [];
  private readonly codeNoteGuids = new Map<string, string[]>();
  private readonly journalNoteGuids = new Set<string>();
  private readonly themes: ThemeReader;
  /** Tematik counts a line break as one character, whichever line endings its export wrote. */
  private readonly fromTematik: boolean;

  constructor(private readonly zip: SafeZip, private readonly options: ReadOptions, origin: string | undefined) {
    this.fromTematik = origin?.trim() === ORIGIN;
    this.themes = new ThemeReader(this.messages, this.fromTematik);
  }

  walk(root: XmlElement): void {
    for (const child of root.children) {
      if (child.ns !== PROJECT_NS) { this.messages.unknown(child, '<Project>'); continue; }
      switch (child.name) {
        case 'Users': this.readUsers(child); break;
        case 'CodeBook': this.readCodeBook(child); break;
        case 'Variables': this.readVariables(child); break;
        case 'Cases': this.readCases(child); break;
        case 'Sources': this.readSources(child); break;
        case 'Notes': this.readNotes(child); break;
        case 'Sets': this.readSets(child); break;
        // Notes the project refers to become project memos, which is what an unreferenced note becomes anyway.
        case 'NoteRef': break;
        case 'Links': this.themes.readLinks(child); break;
        case 'Graphs': this.messages.add(`Skipped ${child.children.length} graph(s): draw the model again as a theme map in Tematik.`); break;
        case 'Description': if (child.text.trim()) this.messages.add('The project description was not imported; the open project keeps its own.'); break;
        default: this.messages.unknown(child, '<Project>');
      }
    }
  }

  private readUsers(el: XmlElement): void {
    for (const user of el.children) {
      if (user.ns !== PROJECT_NS || user.name !== 'User') { this.messages.unknown(user, '<Users>'); continue; }
      const guid = guidOf(user);
      if (!guid) { this.messages.add('Skipped a user without a GUID.'); continue; }
      const name = user.attrs.get('name')?.trim() || user.attrs.get('id')?.trim() || `Coder ${guid.slice(0, 8)}`;
      this.users.set(guid, name);
    }
  }

  private readCodeBook(el: XmlElement): void {
    for (const child of el.children) {
      if (child.ns === PROJECT_NS && child.name === 'Codes') this.codes.push(...this.readCodes(child, '<Codes>'));
      else this.messages.unknown(child, '<CodeBook>');
    }
  }

  private readCodes(el: XmlElement, where: string): PlannedCode[] {
    const codes: PlannedCode[] = [];
    for (const child of el.children) {
      if (child.ns !== PROJECT_NS || child.name !== 'Code') {
        if (!(child.ns === PROJECT_NS && (child.name === 'Description' || child.name === 'NoteRef'))) this.messages.unknown(child, where);
        continue;
      }
      const code = this.readCode(child);
      if (code) codes.push(code);
    }
    return codes;
  }

  private readCode(el: XmlElement): PlannedCode | undefined {
    const guid = guidOf(el);
    const name = el.attrs.get('name')?.trim() || 'Unnamed code';
    if (!guid) { this.messages.add(`Skipped the code "${name}": it has no GUID, so nothing can refer to it.`); return undefined; }
    if (this.codeGuids.has(guid)) { this.messages.add(`Skipped a second code with the GUID of "${name}".`); return undefined; }
    this.codeGuids.add(guid);
    if (el.attrs.get('isCodable') === 'false' || el.attrs.get('isCodable') === '0') {
      this.messages.add('Codes the other program marks as not codable (category headings) were imported as ordinary codes.');
    }
    for (const child of el.children) {
      if (child.ns === PROJECT_NS && child.name === 'NoteRef') {
        const target = guidOf(child, 'targetGUID');
        if (target) this.codeNoteGuids.set(target, [...(this.codeNoteGuids.get(target) ?? []), guid]);
      }
    }
    return { guid, name, description: textOf(el, 'Description') ?? '', colour: colourOf(el.attrs.get('color')), children: this.readCodes(el, `the code "${name}"`) };
  }

  private readVariables(el: XmlElement): void {
    for (const child of el.children) {
      if (child.ns !== PROJECT_NS || child.name !== 'Variable') { this.messages.unknown(child, '<Variables>'); continue; }
      const guid = guidOf(child);
      const name = child.attrs.get('name')?.trim();
      if (!guid || !name) { this.messages.add('Skipped a variable without a GUID or name.'); continue; }
      this.variables.set(guid, { name, type: child.attrs.get('typeOfVariable') ?? 'Text' });
    }
  }

  private readCases(el: XmlElement): void {
    let n = 0;
    for (const child of el.children) {
      if (child.ns !== PROJECT_NS || child.name !== 'Case') { this.messages.unknown(child, '<Cases>'); continue; }
      n++;
      const label = child.attrs.get('name')?.trim() || `Case ${n}`;
      const values = new Map<string, string>();
      const sourceGuids: string[] = [];
      const selectionGuids: string[] = [];
      for (const part of child.children) {
        if (part.ns !== PROJECT_NS) { this.messages.unknown(part, `the case "${label}"`); continue; }
        switch (part.name) {
          case 'VariableValue': {
            const ref = part.children.find((c) => c.ns === PROJECT_NS && c.name === 'VariableRef');
            const variable = ref ? guidOf(ref, 'targetGUID') : undefined;
            const value = part.children.find((c) => c.ns === PROJECT_NS && c.name.endsWith('Value'));
            if (!variable) { this.messages.add('Skipped case values that name no variable.'); break; }
            if (value && value.text.trim() !== '') values.set(variable, value.text.trim());
            break;
          }
          case 'SourceRef': { const g = guidOf(part, 'targetGUID'); if (g) sourceGuids.push(g); break; }
          case 'SelectionRef': { const g = guidOf(part, 'targetGUID'); if (g) selectionGuids.push(g); break; }
          case 'CodeRef': this.messages.add('Codes applied to whole cases were not imported: Tematik codes passages of documents.'); break;
          case 'Description': if (part.text.trim()) this.messages.add('Case descriptions were not imported.'); break;
          default: this.messages.unknown(part, `the case "${label}"`);
        }
      }
      this.cases.push({ label, values, sourceGuids, selectionGuids });
    }
  }

  private readSources(el: XmlElement): void {
    const kinds: Record<string, string> = { PDFSource: 'PDF', PictureSource: 'picture', AudioSource: 'audio', VideoSource: 'video' };
    for (const child of el.children) {
      if (child.ns !== PROJECT_NS) { this.messages.unknown(child, '<Sources>'); continue; }
      const kind = kinds[child.name];
      if (kind) {
        const name = child.attrs.get('name')?.trim() || child.attrs.get('path')?.trim() || `(unnamed ${kind} source)`;
        this.skipped.push({ file: name, reason: `a ${kind} source; Tematik codes text only, so it and its codings were left out` });
        this.messages.add(`Skipped ${kind} source(s) and their codings: Tematik codes text only.`);
      } else if (child.name === 'TextSource') {
        this.readTextSource(child);
      } else {
        this.messages.unknown(child, '<Sources>');
      }
    }
  }

  private readTextSource(el: XmlElement): void {
    const guid = guidOf(el) ?? `source-${this.sources.length + 1}`;
    // qc leaves the name out; its file name ("board_2017.txt") is what the researcher knows the source by.
    const plainPath = el.attrs.get('plainTextPath') ?? '';
    // (An internal:// file is usually named by its GUID, no better than a number.)
    const fileStem = (/^internal:/i.test(plainPath) ? '' : plainPath).split(/[\\/]/).pop()?.replace(/\.[^.]+$/, '').trim();
    const title = el.attrs.get('name')?.trim() || fileStem || `Source ${this.sources.length + 1}`;
    const text = this.textRef(el);
    const selections: RawSelection[] = [];
    const wholeCodings: RawCoding[] = [];
    const noteGuids: string[] = [];
    for (const part of el.children) {
      if (part.ns !== PROJECT_NS) { this.messages.unknown(part, `the source "${title}"`); continue; }
      switch (part.name) {
        case 'Description': case 'PlainTextContent': break;
        case 'PlainTextSelection': {
          const selection = this.readSelection(part, title);
          if (selection) selections.push(selection);
          break;
        }
        case 'Coding': { const coding = this.readCoding(part, undefined, undefined); if (coding) wholeCodings.push(coding); break; }
        case 'NoteRef': { const g = guidOf(part, 'targetGUID'); if (g) noteGuids.push(g); break; }
        case 'VariableValue': this.messages.add('Variables on sources were not imported: Tematik keeps attributes on informants (cases).'); break;
        default: this.messages.unknown(part, `the source "${title}"`);
      }
    }
    this.sources.push({ guid, title, text, selections, wholeCodings, noteGuids });
  }

  private readSelection(el: XmlElement, title: string): RawSelection | undefined {
    const position = (name: string): number => {
      const raw = el.attrs.get(name)?.trim() ?? '';
      if (!INTEGER.test(raw)) {
        throw new TematikError('bad_input', raw
          ? say('positionNotInteger', { file: this.zip.label, title, name, value: raw })
          : say('positionMissing', { file: this.zip.label, title, name }));
      }
      return Number(raw);
    };
    const start = position('startPosition');
    const end = position('endPosition');
    const codings: RawCoding[] = [];
    const noteGuids: string[] = [];
    for (const part of el.children) {
      if (part.ns !== PROJECT_NS) { this.messages.unknown(part, `a selection in "${title}"`); continue; }
      if (part.name === 'Coding') { const c = this.readCoding(part, guidOf(el, 'creatingUser'), dateOf(el, 'creationDateTime')); if (c) codings.push(c); }
      else if (part.name === 'NoteRef') { const g = guidOf(part, 'targetGUID'); if (g) noteGuids.push(g); }
      else if (part.name !== 'Description') this.messages.unknown(part, `a selection in "${title}"`);
    }
    return { guid: guidOf(el), start, end, codings, noteGuids };
  }

  private readCoding(el: XmlElement, userGuid: string | undefined, createdAt: string | undefined): RawCoding | undefined {
    const ref = el.children.find((c) => c.ns === PROJECT_NS && c.name === 'CodeRef');
    const codeGuid = ref ? guidOf(ref, 'targetGUID') : undefined;
    if (!codeGuid) { this.messages.add('Skipped codings without a code reference.'); return undefined; }
    const noteGuids = el.children.filter((c) => c.ns === PROJECT_NS && c.name === 'NoteRef').map((c) => guidOf(c, 'targetGUID')).filter((g): g is string => g !== undefined);
    return { codeGuid, userGuid: guidOf(el, 'creatingUser') ?? userGuid, createdAt: dateOf(el, 'creationDateTime') ?? createdAt, noteGuids };
  }

  private readNotes(el: XmlElement): void {
    for (const child of el.children) {
      if (child.ns !== PROJECT_NS || child.name !== 'Note') { this.messages.unknown(child, '<Notes>'); continue; }
      const guid = guidOf(child) ?? `note-${this.notes.length + 1}`;
      const title = child.attrs.get('name')?.trim() ?? '';
      if (child.children.some((c) => c.ns === PROJECT_NS && (c.name === 'PlainTextSelection' || c.name === 'Coding'))) {
        this.messages.add('Codings inside notes were not imported: Tematik codes documents, not memos.');
      }
      this.notes.push({
        guid, title, text: this.textRef(child), userGuid: guidOf(child, 'creatingUser'),
        createdAt: dateOf(child, 'creationDateTime'), updatedAt: dateOf(child, 'modifiedDateTime'), description: textOf(child, 'Description') ?? '',
      });
    }
  }

  private readSets(el: XmlElement): void {
    for (const child of el.children) {
      if (child.ns !== PROJECT_NS || child.name !== 'Set') { this.messages.unknown(child, '<Sets>'); continue; }
      if (child.attrs.get('name')?.trim().toLowerCase() === JOURNAL_SET.toLowerCase()) {
        for (const member of child.children) {
          if (member.ns === PROJECT_NS && member.name === 'MemberNote') { const g = guidOf(member, 'targetGUID'); if (g) this.journalNoteGuids.add(g); }
        }
      } else {
        this.themes.readSet(child);
      }
    }
  }

  /** PlainTextContent or plainTextPath; a path is read only from inside the archive. */
  private textRef(el: XmlElement): TextRef {
    const content = el.children.find((c) => c.ns === PROJECT_NS && c.name === 'PlainTextContent');
    const pathAttr = el.attrs.get('plainTextPath')?.trim();
    if (content && content.text !== '' && pathAttr) this.messages.add('Some texts had both PlainTextContent and plainTextPath; the content inside the XML was used.');
    if (content && (content.text !== '' || !pathAttr)) return { kind: 'inline', text: content.text };
    if (!pathAttr) {
      return { kind: 'missing', reason: el.attrs.get('richTextPath') ? 'it has only rich text (no plain text), which Tematik cannot place codings in' : 'it has no text' };
    }
    const internal = /^internal:\/\/(.+)$/i.exec(pathAttr);
    if (!internal) return this.outsideRef(pathAttr);
    let name = internal[1]!;
    try { name = decodeURIComponent(name); } catch { /* a literal '%' in the name */ }
    const entryName = `sources/${name}`;
    checkEntryName(entryName, this.zip.label);
    const entry = this.zip.entry(entryName) ?? this.zip.entry(`sources/${internal[1]!}`);
    if (!entry) return { kind: 'missing', reason: `its text file sources/${name} is not in the .qdpx` };
    return { kind: 'entry', entry };
  }

  /**
   * A path without `internal://`: qc writes a bare file name ("board_2017.txt") and puts the text in
   * sources/, other tools a relative:// or absolute path to a file they also packed. The archive is the
   * only place read: the path's last part is looked up in sources/, never on this computer's disk.
   */
  private outsideRef(pathAttr: string): TextRef {
    let name = pathAttr.replace(/^(relative|absolute|file):\/+/i, '').split(/[\\/]/).pop() ?? '';
    try { name = decodeURIComponent(name); } catch { /* a literal '%' in the name */ }
    const entryName = `sources/${name}`;
    const entry = name !== '' && name !== '.' && name !== '..' ? this.zip.entry(entryName) : undefined;
    if (!entry) return { kind: 'missing', reason: `its text is outside the .qdpx (${pathAttr}) and no sources/${name || '…'} is inside it; Tematik reads only what is inside the file` };
    checkEntryName(entryName, this.zip.label);
    this.messages.add('Some texts were named by a plain path instead of internal://; their text was read from the file of that name in the .qdpx\'s sources/ folder.');
    return { kind: 'entry', entry };
  }

  plan(name: string, progress: (done: number, total: number, label: string) => void): Omit<ProjectPlan, 'origin' | 'variables' | 'suggestedTypeVariable'> {
    const entries = [...new Set([...this.sources, ...this.notes].flatMap((s) => (s.text.kind === 'entry' ? [s.text.entry] : [])))];
    this.zip.assertReadable(entries);
    const texts = new Map<ZipEntry, string | Error>();
    entries.forEach((entry, i) => {
      progress(1 + i / Math.max(entries.length, 1), 3, `Reading ${entry.name}`);
      try {
        texts.set(entry, new TextDecoder('utf-8', { fatal: true }).decode(this.zip.read(entry)));
      } catch (error) {
        if (error instanceof TematikError) throw error;
        texts.set(entry, new Error(`its text file ${entry.name} is not UTF-8, as REFI-QDA requires`));
      }
    });
    const textOfRef = (ref: TextRef): string | Error => (ref.kind === 'inline' ? ref.text : ref.kind === 'entry' ? texts.get(ref.entry)! : new Error(ref.reason));

    const sources: PlannedSource[] = [];
    const codingByRaw = new Map<RawCoding, PlannedCoding>();
    const sourceOfSelection = new Map<string, string>();
    const codingNoteTargets = new Map<string, PlannedTarget>();
    const documentNoteTargets = new Map<string, PlannedTarget>();
    const keptSources = new Set<string>();
    const codingOfSelection = new Map<string, PlannedCoding>();
    for (const raw of this.sources) {
      const text = textOfRef(raw.text);
      if (text instanceof Error || text.trim() === '') {
        const reason = text instanceof Error ? text.message : 'its text is empty';
        this.skipped.push({ file: raw.title, reason: `${reason}; it and its codings were left out` });
        this.messages.add(`Skipped the source "${raw.title}": ${reason}.`);
        continue;
      }
      const source = this.planSource(raw, text, codingByRaw);
      sources.push(source);
      keptSources.add(raw.guid);
      for (const selection of raw.selections) {
        if (selection.guid) sourceOfSelection.set(selection.guid, raw.guid);
        const first = selection.codings[0] && codingByRaw.get(selection.codings[0]);
        if (selection.guid && first) codingOfSelection.set(selection.guid, first);
        for (const noteGuid of selection.noteGuids) {
          const only = selection.codings.length === 1 ? codingByRaw.get(selection.codings[0]!) : undefined;
          (only ? codingNoteTargets : documentNoteTargets).set(noteGuid, only ? { kind: 'coding', coding: only } : { kind: 'document', sourceGuid: raw.guid });
        }
        for (const coding of selection.codings) {
          const planned = codingByRaw.get(coding);
          for (const noteGuid of coding.noteGuids) if (planned) codingNoteTargets.set(noteGuid, { kind: 'coding', coding: planned });
        }
      }
      for (const noteGuid of raw.noteGuids) documentNoteTargets.set(noteGuid, { kind: 'document', sourceGuid: raw.guid });
    }
    progress(2, 3, 'Checking cases and notes');
    const notes = new Map(this.notes.map((n) => [n.guid, n]));
    const noteOf = (guid: string) => {
      const note = notes.get(guid);
      const text = note && textOfRef(note.text);
      return note && typeof text === 'string' ? { description: note.description, text, userGuid: note.userGuid, createdAt: note.createdAt, updatedAt: note.updatedAt } : undefined;
    };
    const { cases, ...themes } = this.themes.plan({
      note: noteOf, codeGuids: this.codeGuids, sourceGuids: keptSources, cases: this.planCases(keptSources, sourceOfSelection),
      variableNames: new Set([...this.variables.values()].map((v) => v.name)), codingOfSelection,
    });
    return {
      name, users: this.users, codes: this.codes, sources, cases, themes,
      notes: this.planNotes(textOfRef, codingNoteTargets, documentNoteTargets), skipped: this.skipped, messages: this.messages,
    };
  }

  private planSource(raw: RawSource, rawText: string, codingByRaw: Map<RawCoding, PlannedCoding>): PlannedSource {
    const imported = importedText(rawText, this.fromTematik);
    const codings: PlannedCoding[] = [];
    for (const selection of raw.selections) {
      const start = imported.toUtf16(selection.start);
      const end = imported.toUtf16(selection.end);
      if (selection.start < 0 || selection.start > selection.end || start === undefined || end === undefined) {
        throw new TematikError('bad_input', say('selectionOutside', {
          file: this.zip.label, title: raw.title, start: String(selection.start), end: String(selection.end), length: imported.codePoints,
        }));
      }
      if (start === end) { this.messages.add('Skipped empty selections (no characters between start and end).'); continue; }
      for (const coding of selection.codings) {
        const planned = { codeGuid: coding.codeGuid, userGuid: coding.userGuid, start, end, createdAt: coding.createdAt };
        codingByRaw.set(coding, planned);
        codings.push(planned);
      }
    }
    for (const coding of raw.wholeCodings) {
      const planned = { codeGuid: coding.codeGuid, userGuid: coding.userGuid, start: 0 as Utf16Offset, end: imported.text.length as Utf16Offset, createdAt: coding.createdAt };
      codingByRaw.set(coding, planned);
      codings.push(planned);
    }
    return {
      guid: raw.guid, title: raw.title, text: imported.text,
      contentHash: createHash('sha256').update(imported.text, 'utf8').digest('hex'),
      turns: parseTurns(imported.text), wordCount: countWords(imported.text), codings,
    };
  }

  /** The variable (by name) that looks like the informant type: Tematik's own, else a text variable named like a type. */
  suggestedTypeVariable(): string | null {
    const text = [...this.variables.values()].filter((v) => v.type === 'Text');
    const own = text.find((v) => v.name.toLowerCase() === TYPE_VARIABLE.toLowerCase());
    return own?.name ?? text.find((v) => TYPE_LIKE.some((re) => re.test(v.name.trim())))?.name ?? null;
  }

  /** The cases' variables, one per name (a file may declare a name twice), each with the values the cases give it. */
  caseVariables(): CaseVariable[] {
    const byName = new Map<string, { name: string; type: string; values: string[] }>();
    for (const [guid, variable] of this.variables) {
      const entry = byName.get(variable.name) ?? { name: variable.name, type: variable.type, values: [] };
      byName.set(variable.name, entry);
      for (const raw of this.cases) { const value = raw.values.get(guid); if (value !== undefined) entry.values.push(value); }
    }
    return [...byName.values()];
  }

  /**
   * The GUIDs of the variable the informant type is taken from: the user's choice (null: none),
   * else the suggestion. A choice the file does not have is refused before anything is written:
   * the file may have changed since the user saw its variables.
   */
  private typeVariables(): ReadonlySet<string> {
    const choice = this.options.typeVariable === undefined ? this.suggestedTypeVariable() : this.options.typeVariable;
    if (choice === null) return new Set();
    const named = (same: (a: string, b: string) => boolean) => [...this.variables].filter(([, v]) => same(v.name, choice)).map(([guid]) => guid);
    const guids = named((a, b) => a === b);
    const found = guids.length > 0 ? guids : named((a, b) => a.trim().toLowerCase() === b.trim().toLowerCase());
    if (found.length === 0) {
      const names = [...new Set([...this.variables.values()].map((v) => `"${v.name}"`))];
      throw new TematikError('bad_input', names.length === 0
        ? say('noVariables', { file: this.zip.label, name: choice, type: DEFAULT_TYPE })
        : say('noSuchVariable', { file: this.zip.label, name: choice, variables: names.join(', '), type: DEFAULT_TYPE }));
    }
    return new Set(found);
  }

  private planCases(keptSources: ReadonlySet<string>, sourceOfSelection: ReadonlyMap<string, string>): PlannedCase[] {
    const typeVariables = this.typeVariables();
    const typeOf = (raw: RawCase): string | undefined => [...typeVariables].map((g) => raw.values.get(g)).find((v) => v !== undefined);
    const nameVariable = [...this.variables].find(([, v]) => v.name.toLowerCase() === NAME_VARIABLE.toLowerCase())?.[0];
    if (this.cases.length > 0) {
      const chosen = typeVariables.size > 0 ? this.variables.get([...typeVariables][0]!)!.name : undefined;
      this.messages.note('cases', chosen
        ? say(this.cases.some((c) => typeOf(c) === undefined) ? 'typeFromSomeMissing' : 'typeFrom', { name: chosen, type: DEFAULT_TYPE })
        : say(this.options.typeVariable === null ? 'typeNoneChosen' : 'typeNoneFound', { type: DEFAULT_TYPE }));
    }
    const labels = new Set<string>();
    return this.cases.map((raw) => {
      let label = raw.label;
      for (let n = 2; labels.has(label.toLowerCase()); n++) label = `${raw.label} (${n})`;
      if (label !== raw.label) this.messages.note('cases', say('caseRenamed', { label: raw.label, renamed: label }));
      labels.add(label.toLowerCase());
      const attributes: Record<string, string> = {};
      for (const [guid, value] of raw.values) {
        const variable = this.variables.get(guid);
        if (!variable) { this.messages.skip('variables', say('undeclaredValues')); continue; }
        if (!typeVariables.has(guid) && guid !== nameVariable) attributes[variable.name] = value;
      }
      const bySelection = raw.selectionGuids.map((g) => sourceOfSelection.get(g)).filter((g): g is string => g !== undefined);
      if (bySelection.length > 0) this.messages.note('cases', say('caseSelections'));
      return {
        label, name: (nameVariable && raw.values.get(nameVariable)) || '',
        typeName: typeOf(raw) || DEFAULT_TYPE,
        attributes, sourceGuids: [...new Set([...raw.sourceGuids, ...bySelection])].filter((g) => keptSources.has(g)),
      };
    });
  }

  private planNotes(textOfRef: (ref: TextRef) => string | Error, codingTargets: ReadonlyMap<string, PlannedTarget>, documentTargets: ReadonlyMap<string, PlannedTarget>): PlannedNote[] {
    const notes: PlannedNote[] = [];
    for (const raw of this.notes) {
      if (this.themes.claimedNotes.has(raw.guid)) continue;
      const text = textOfRef(raw.text);
      if (text instanceof Error) { this.messages.add(`Skipped the note "${raw.title || raw.guid}": ${text.message}.`); continue; }
      const code = this.codeNoteGuids.get(raw.guid)?.[0];
      // A memo has one target; the most specific reference wins.
      const theme = this.themes.noteThemes.get(raw.guid);
      const target: PlannedTarget = codingTargets.get(raw.guid) ?? documentTargets.get(raw.guid)
        ?? (code ? { kind: 'code', codeGuid: code } : theme ? { kind: 'theme', setGuid: theme } : { kind: 'project' });
      const journal = this.journalNoteGuids.has(raw.guid) && target.kind === 'project';
      const phase = journal ? Number(/Braun & Clarke phase ([1-6])/.exec(raw.description)?.[1] ?? NaN) : NaN;
      notes.push({
        title: raw.title, body: text.replace(/\r\n?/g, '\n'), userGuid: raw.userGuid, createdAt: raw.createdAt, updatedAt: raw.updatedAt ?? raw.createdAt,
        target, journal, phase: Number.isNaN(phase) ? null : phase,
      });
    }
    return notes;
  }
}
