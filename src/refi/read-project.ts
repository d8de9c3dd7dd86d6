import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TematikError } from '../domain/errors';
import { defineMessages, type Language, type LocalizedText } from '../domain/text';
import type { Utf16Offset } from '../domain/ids';
import type { SkippedFile } from '../domain/types';
import type { ParsedTurn } from '../import/types';
import { parseTurns } from '../import/turns';
import { countWords } from '../import/words';
import { annotationsOf, readLinks, type RawLink } from './annotations';
import { findInArchive } from './archive-paths';
import { readCommentNote, type PlannedComment } from './comment-notes';
import { JOURNAL_SET, JOURNAL_SET_DESCRIPTION, NAME_VARIABLE, ORIGIN, TYPE_VARIABLE } from './export';
import { guidAttribute } from './guid';
import { ImportNotes } from './notes';
import { crLfCountOf, importedText, type CrLfCount } from './positions';
import { ThemeReader, type ThemePlan } from './read-themes';
import { SafeZip, type ZipEntry } from './safe-zip';
import { wordTextOf } from './word-text';
import { assertRoot, colourOf, parseXml, PROJECT_NS, XSD_DATE_TIME, type XmlElement } from './xml';

const say = defineMessages({
  en: {
    xmlNotZip: '{file} is an XML file, not a zip, so it is not a REFI-QDA project (.qdpx). If it is a codebook (.qdc), import it as a codebook instead.',
    noProjectQde: '{file} has no project.qde, so it is not a REFI-QDA project (.qdpx). Export the project again from the program that made it; nothing was imported.',
    positionNotInteger: '{file}: a selection in "{title}" has the {name} "{value}", which is not a whole number; the file is damaged, so nothing was imported.',
    positionMissing: '{file}: a selection in "{title}" has no {name}; the file is damaged, so nothing was imported.',
    selectionOutside: '{file}: a selection in "{title}" runs from {start} to {end}, outside the source\'s text ({length} characters); the file is damaged, so nothing was imported.',
    annotations: 'Annotations (a note linked to a passage) became memos on the passage\'s document, titled with the passage.',
    graphsSkipped: 'Skipped {count} graph(s): draw the model again as a theme map in Tematik.',
    descriptionSkipped: 'The project description was not imported; the open project keeps its own.',
    userNoGuid: 'Skipped a user without a GUID.',
    codeNoGuid: 'Skipped the code "{name}": it has no GUID, so nothing can refer to it.',
    codeTwice: 'Skipped a second code with the GUID of "{name}".',
    notCodable: 'Codes the other program marks as not codable (category headings) were imported as ordinary codes.',
    caseNodes: 'Skipped codes that stand for cases (NVivo keeps its cases in the codebook too): they became informants, and their codings link documents to them.',
    variableNoGuid: 'Skipped a variable without a GUID or name.',
    variableUnused: 'Skipped variables that no case has a value for.',
    caseValueNoVariable: 'Skipped case values that name no variable.',
    caseCodes: 'Codes applied to whole cases were not imported: Tematik codes passages of documents.',
    caseDescription: 'Case descriptions were not imported.',
    pdf: 'PDF',
    picture: 'picture',
    audio: 'audio',
    video: 'video',
    mediaSkipped: 'Skipped {what} source(s) and their codings: Tematik codes text only.',
    mediaReason: '{article} {what} source; Tematik codes text only, so it and its codings were left out',
    recordingReason: '{article} {what} source; Tematik codes text only, so it and its codings were left out, and it does not link recordings from a REFI-QDA file: its transcript comes in as the text source of the same name, if the file has one; to listen beside it, take the recording from the archive\'s sources/ folder and link it with "Link recording…"',
    sourceVariables: 'Variables on sources were not imported: Tematik keeps attributes on informants (cases).',
    codingNoCode: 'Skipped codings without a code reference.',
    notesWithCodings: 'Codings inside notes were not imported: Tematik codes documents, not memos.',
    bothTexts: 'Some texts had both PlainTextContent and plainTextPath; the content inside the XML was used.',
    byName: 'Some texts were named by a plain path instead of internal://; their text was read from the file of that name in the .qdpx\'s sources/ folder.',
    noText: 'it has no text',
    emptyText: 'its text is empty',
    absent: 'its text file {name} is not in the .qdpx',
    outside: 'its text is outside the .qdpx ({path}) and no {name} is inside it; Tematik reads only what is inside the file',
    notUtf8: 'its text file {name} is not UTF-8, as REFI-QDA requires',
    wordUnusable: 'its plain text is empty and its Word file cannot be used ({detail})',
    sourceSkipped: 'Skipped the source "{title}": {reason}.',
    sourceLeftOut: '{reason}; it and its codings were left out',
    codingsOfSkipped: 'Skipped the codings of sources that were left out.',
    memosOfSkipped: 'Skipped the memos on passages of sources that were left out.',
    noteSkipped: 'Skipped the note "{title}": {reason}.',
    emptySelection: 'Skipped empty selections (no characters between start and end).',
    fromWord: 'The text of "{title}" came from its Word file, because its plain text was empty.',
    fromWordPositions: 'The text of "{title}" came from its Word file, because its plain text was empty. The other program counted positions in a plain text Tematik does not have, so they cannot be trusted: check the codings and passage memos of this document against its text.',
    outsideWordText: 'Skipped codings of selections in "{title}" that lie outside the {length} characters of the text read from its Word file.',
    passageMemos: 'Selections with a description but no code (memos on a passage, as MAXQDA writes them) became memos on their document, titled with the passage.',
    caseCodings: 'Codings of cases (NVivo\'s case coding) were not imported as codings: each links its document to that informant.',
    surveyRows: '{count} short sources named like the rows of one survey (such as "{example}") came in as {count} documents, one per respondent, as the other program exported them.',
    crLfOne: 'The file comes from {origin}, which counts a line break (CR LF) as one character; positions were read that way.',
    noSuchVariable: '{file} has no case variable "{name}" to take the informant types from; its variables are: {variables}. Choose one of them, or none to give every case the type "{type}". Nothing was imported.',
    noVariables: '{file} has no case variables, so none can give the informant types (you chose "{name}"). Import it with no variable: every case gets the type "{type}". Nothing was imported.',
    typeFrom: 'Informant types were taken from the variable "{name}".',
    typeFromSomeMissing: 'Informant types were taken from the variable "{name}"; cases without a value became "{type}".',
    typeNoneChosen: 'No variable was chosen for the informant type, so every case became an informant of type "{type}". Change their types in Tematik.',
    typeNoneFound: 'No variable names an informant type, so every case became an informant of type "{type}". Change their types in Tematik.',
    caseRenamed: 'Two cases are called "{label}"; the second became "{renamed}".',
    undeclaredVariable: 'Skipped case values of variables the file does not declare.',
    selectionCases: 'Some cases refer to parts of documents; their informants were linked to the whole documents.',
    inCode: 'the code "{name}"',
    inCase: 'the case "{label}"',
    inSource: 'the source "{title}"',
    inSelection: 'a selection in "{title}"',
  },
  id: {
    xmlNotZip: '{file} adalah berkas XML, bukan zip, jadi bukan proyek REFI-QDA (.qdpx). Bila berkas itu buku kode (.qdc), impor sebagai buku kode.',
    noProjectQde: '{file} tidak berisi project.qde, jadi bukan proyek REFI-QDA (.qdpx). Ekspor ulang proyeknya dari aplikasi yang membuatnya; tidak ada yang diimpor.',
    positionNotInteger: '{file}: sebuah bagian teks di "{title}" punya {name} "{value}", yang bukan bilangan bulat; berkasnya rusak, jadi tidak ada yang diimpor.',
    positionMissing: '{file}: sebuah bagian teks di "{title}" tidak punya {name}; berkasnya rusak, jadi tidak ada yang diimpor.',
    selectionOutside: '{file}: sebuah bagian teks di "{title}" berjalan dari {start} sampai {end}, di luar teks sumbernya ({length} karakter); berkasnya rusak, jadi tidak ada yang diimpor.',
    annotations: 'Anotasi (catatan yang ditautkan ke bagian teks) menjadi memo pada transkrip bagian teks itu, berjudul bagian teksnya.',
    graphsSkipped: '{count} grafik dilewati: gambar ulang modelnya sebagai peta tema di Tematik.',
    descriptionSkipped: 'Deskripsi proyek tidak diimpor; proyek yang terbuka tetap memakai deskripsinya sendiri.',
    userNoGuid: 'Seorang pengguna tanpa GUID dilewati.',
    codeNoGuid: 'Kode "{name}" dilewati: kode itu tidak punya GUID, jadi tidak ada yang dapat merujuknya.',
    codeTwice: 'Kode kedua dengan GUID yang sama dengan "{name}" dilewati.',
    notCodable: 'Kode yang oleh program lain ditandai tidak dapat dipakai mengodekan (judul kategori) diimpor sebagai kode biasa.',
    caseNodes: 'Kode yang mewakili kasus dilewati (NVivo juga menyimpan kasusnya di buku kode): kode itu menjadi informan, dan pengodeannya menautkan transkrip ke informan itu.',
    variableNoGuid: 'Sebuah variabel tanpa GUID atau nama dilewati.',
    variableUnused: 'Variabel yang tidak bernilai pada kasus mana pun dilewati.',
    caseValueNoVariable: 'Nilai kasus yang tidak menyebut variabel dilewati.',
    caseCodes: 'Kode yang diterapkan pada seluruh kasus tidak diimpor: Tematik mengodekan bagian teks transkrip.',
    caseDescription: 'Deskripsi kasus tidak diimpor.',
    pdf: 'PDF',
    picture: 'gambar',
    audio: 'audio',
    video: 'video',
    mediaSkipped: 'Sumber {what} beserta pengodeannya dilewati: Tematik hanya mengodekan teks.',
    mediaReason: 'sumber {what}{article}; Tematik hanya mengodekan teks, jadi sumber itu dan pengodeannya tidak diikutkan',
    recordingReason: 'sumber {what}{article}; Tematik hanya mengodekan teks, jadi sumber itu dan pengodeannya tidak diikutkan, dan Tematik tidak menautkan rekaman dari berkas REFI-QDA: transkripnya masuk sebagai sumber teks bernama sama, jika berkas itu memilikinya; untuk mendengarkannya, ambil rekaman dari folder sources/ di arsip lalu tautkan dengan "Tautkan rekaman…"',
    sourceVariables: 'Variabel pada sumber tidak diimpor: Tematik menyimpan atribut pada informan (kasus).',
    codingNoCode: 'Pengodean tanpa rujukan kode dilewati.',
    notesWithCodings: 'Pengodean di dalam catatan tidak diimpor: Tematik mengodekan transkrip, bukan memo.',
    bothTexts: 'Beberapa teks punya PlainTextContent sekaligus plainTextPath; isi di dalam XML yang dipakai.',
    byName: 'Beberapa teks dinamai dengan jalur biasa, bukan internal://; teksnya dibaca dari berkas bernama sama di folder sources/ dalam .qdpx.',
    noText: 'sumber itu tidak punya teks',
    emptyText: 'teksnya kosong',
    absent: 'berkas teksnya {name} tidak ada di dalam .qdpx',
    outside: 'teksnya berada di luar .qdpx ({path}) dan tidak ada {name} di dalamnya; Tematik hanya membaca isi berkas itu',
    notUtf8: 'berkas teksnya {name} bukan UTF-8, padahal REFI-QDA mewajibkannya',
    wordUnusable: 'teks polosnya kosong dan berkas Word-nya tidak dapat dipakai ({detail})',
    sourceSkipped: 'Sumber "{title}" dilewati: {reason}.',
    sourceLeftOut: '{reason}; sumber itu dan pengodeannya tidak diikutkan',
    codingsOfSkipped: 'Pengodean pada sumber yang tidak diikutkan dilewati.',
    memosOfSkipped: 'Memo pada bagian teks sumber yang tidak diikutkan dilewati.',
    noteSkipped: 'Catatan "{title}" dilewati: {reason}.',
    emptySelection: 'Bagian teks kosong (tanpa karakter antara awal dan akhir) dilewati.',
    fromWord: 'Teks "{title}" diambil dari berkas Word-nya karena teks polosnya kosong.',
    fromWordPositions: 'Teks "{title}" diambil dari berkas Word-nya karena teks polosnya kosong. Program lain menghitung posisi pada teks polos yang tidak dimiliki Tematik, jadi posisi itu tidak dapat dipercaya: periksa pengodean dan memo bagian teks transkrip ini terhadap teksnya.',
    outsideWordText: 'Pengodean pada bagian teks di "{title}" yang berada di luar {length} karakter teks dari berkas Word-nya dilewati.',
    passageMemos: 'Bagian teks yang berdeskripsi tetapi tanpa kode (memo pada bagian teks, seperti ditulis MAXQDA) menjadi memo pada transkripnya, berjudul bagian teks itu.',
    caseCodings: 'Pengodean kasus (pengodean kasus NVivo) tidak diimpor sebagai pengodean: masing-masing menautkan transkripnya ke informan itu.',
    surveyRows: '{count} sumber pendek yang dinamai seperti baris-baris sebuah survei (misalnya "{example}") masuk sebagai {count} transkrip, satu per responden, seperti diekspor program lain itu.',
    crLfOne: 'Berkas ini berasal dari {origin}, yang menghitung pergantian baris (CR LF) sebagai satu karakter; posisi dibaca dengan cara itu.',
    noSuchVariable: '{file} tidak punya variabel kasus "{name}" untuk diambil sebagai jenis informan; variabelnya: {variables}. Pilih salah satunya, atau tanpa variabel agar setiap kasus mendapat jenis "{type}". Tidak ada yang diimpor.',
    noVariables: '{file} tidak punya variabel kasus, jadi tidak ada yang dapat memberi jenis informan (Anda memilih "{name}"). Impor tanpa variabel: setiap kasus mendapat jenis "{type}". Tidak ada yang diimpor.',
    typeFrom: 'Jenis informan diambil dari variabel "{name}".',
    typeFromSomeMissing: 'Jenis informan diambil dari variabel "{name}"; kasus tanpa nilai menjadi "{type}".',
    typeNoneChosen: 'Tidak ada variabel yang dipilih untuk jenis informan, jadi setiap kasus menjadi informan berjenis "{type}". Ubah jenisnya di Tematik.',
    typeNoneFound: 'Tidak ada variabel yang menyebut jenis informan, jadi setiap kasus menjadi informan berjenis "{type}". Ubah jenisnya di Tematik.',
    caseRenamed: 'Dua kasus bernama "{label}"; yang kedua menjadi "{renamed}".',
    undeclaredVariable: 'Nilai kasus untuk variabel yang tidak dideklarasikan berkas itu dilewati.',
    selectionCases: 'Beberapa kasus merujuk bagian transkrip; informannya ditautkan ke seluruh transkrip.',
    inCode: 'kode "{name}"',
    inCase: 'kasus "{label}"',
    inSource: 'sumber "{title}"',
    inSelection: 'bagian teks di "{title}"',
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
  /** The Coding element's GUID, kept as the coding's own where valid and unused. */
  readonly guid: string | undefined;
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
  readonly guid: string | undefined;
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

/** A comment of Tematik's on a code or a coding, or a reviewer's whose item was deleted (a project note). */
export interface PlacedComment {
  readonly on: { readonly kind: 'code'; readonly codeGuid: string } | { readonly kind: 'coding'; readonly coding: PlannedCoding } | { readonly kind: 'unplaced' };
  readonly comment: PlannedComment;
}

export interface PlannedNote {
  readonly guid: string | undefined;
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
  /** The language the user imports in, for values Tematik writes itself (a set's group attribute is "yes"/"ya"). */
  readonly language?: Language;
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
  /** Comments on codes and codings, and unplaced review comments; those on themes and links are in `themes`. */
  readonly comments: readonly PlacedComment[];
  /** Themes, sub-themes and theme links, from Tematik's theme sets or other programs' sets of codes. */
  readonly themes: ThemePlan;
  /** Sources left out on purpose (PDF, pictures, audio, video, text outside the archive). */
  readonly skipped: readonly SkippedFile[];
  readonly messages: ImportNotes;
}

const INTEGER = /^[+-]?\d+$/;
const TYPE_LIKE = [
  /^(informant|participant|respondent|interviewee|case|source|stakeholder)?[\s_-]*(type|category|kind|group|role)$/i,
  /^(tipe|jenis|kategori|kelompok|peran)([\s_-]*(informan|responden|partisipan|narasumber))?$/i,
];
/** MAXQDA writes audio as <VideoSource>; the file's extension tells which it is. */
const AUDIO_FILE = /\.(mp3|m4a|wav|wma|aac|ogg|oga|flac|aif|aiff|amr|opus)$/i;
const MEDIA: Readonly<Record<string, 'pdf' | 'picture' | 'audio' | 'video'>> = { PDFSource: 'pdf', PictureSource: 'picture', AudioSource: 'audio', VideoSource: 'video' };

const dateOf = (el: XmlElement, name: string): string | undefined => {
  const value = el.attrs.get(name)?.trim();
  return value && XSD_DATE_TIME.test(value) ? value : undefined;
};
const textOf = (el: XmlElement, child: string): string | undefined => el.children.find((c) => c.ns === PROJECT_NS && c.name === child)?.text;
const skippedFile = (file: string, reason: LocalizedText): SkippedFile => ({ file, reason: reason.en, reasonText: reason });

/** Where a text's characters are: in the XML, in an archive entry, or nowhere Tematik may read; and its Word file, if any. */
type PlainRef = { readonly kind: 'inline'; readonly text: string } | { readonly kind: 'entry'; readonly entry: ZipEntry } | { readonly kind: 'missing'; readonly reason: LocalizedText };
interface TextRef { readonly plain: PlainRef; readonly word: ZipEntry | undefined }
/** A text as read: from the plain text, from the Word file when that was empty, or why there is none. */
type LoadedText = { readonly text: string; readonly fromWord: boolean } | { readonly reason: LocalizedText };

interface RawSelection {
  readonly guid: string | undefined; readonly start: number; readonly end: number; readonly codings: readonly RawCoding[]; readonly noteGuids: readonly string[];
  readonly description: string; readonly userGuid: string | undefined; readonly createdAt: string | undefined;
}
interface RawCoding { readonly guid: string | undefined; readonly codeGuid: string; readonly userGuid: string | undefined; readonly createdAt: string | undefined; readonly noteGuids: readonly string[] }
interface RawSource { readonly guid: string; readonly title: string; readonly text: TextRef; readonly selections: readonly RawSelection[]; readonly wholeCodings: readonly RawCoding[]; readonly noteGuids: readonly string[] }
interface RawNote { readonly guid: string; readonly title: string; readonly text: TextRef; readonly userGuid: string | undefined; readonly createdAt: string | undefined; readonly updatedAt: string | undefined; readonly description: string }
interface RawCase { readonly guid: string | undefined; readonly label: string; readonly values: ReadonlyMap<string, string>; readonly sourceGuids: readonly string[]; readonly selectionGuids: readonly string[] }
interface Variable { readonly name: string; readonly type: string }
/** A passage of an imported document, for memos on it. */
interface Passage { readonly sourceGuid: string; readonly text: string; readonly start: Utf16Offset; readonly end: Utf16Offset }

/**
 * Opens a .qdpx and reads it into a plan. Refuses (TematikError `bad_input`, nothing written)
 * a file that is not a zip, an unsafe or oversized archive, a missing or hostile project.qde,
 * XML outside the REFI-QDA namespace, and a selection outside its source's plain text. Anything
 * else Tematik cannot use is left out and listed in the plan's messages.
 */
export async function readProjectFile(file: string, progress: (done: number, total: number, label: string) => void = () => undefined, options: ReadOptions = {}): Promise<ProjectPlan> {
  assertLooksLikeZip(file);
  const zip = SafeZip.openFile(file);
  try {
    return await readProjectZip(zip, progress, options);
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

export async function readProjectZip(zip: SafeZip, progress: (done: number, total: number, label: string) => void = () => undefined, options: ReadOptions = {}): Promise<ProjectPlan> {
  const entry = zip.entry('project.qde');
  if (!entry) {
    throw new TematikError('bad_input', say('noProjectQde', { file: zip.label }));
  }
  progress(0, 3, 'Reading project.qde');
  const root = parseXml(zip.read(entry), `${zip.label} (project.qde)`, { keepLineEndingsIn: ['PlainTextContent'] });
  assertRoot(root, PROJECT_NS, 'Project', `${zip.label} (project.qde)`, 'a REFI-QDA project');
  const origin = root.attrs.get('origin')?.trim() ?? '';
  const reader = new ProjectReader(zip, origin, options);
  reader.walk(root);
  progress(1, 3, 'Reading sources');
  const texts = await reader.loadTexts(progress);
  const plan = reader.plan(root.attrs.get('name')?.trim() || path.parse(zip.label).name, texts, progress);
  return { ...plan, origin: origin || null, variables: reader.caseVariables(), suggestedTypeVariable: reader.suggestedTypeVariable() };
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
  private readonly links: RawLink[] = [];
  private readonly skipped: SkippedFile[] = [];
  private readonly codeNoteGuids = new Map<string, string[]>();
  private readonly journalNoteGuids = new Set<string>();
  private readonly crLf: CrLfCount;
  private readonly themes: ThemeReader;
  private readonly fromTematik: boolean;

  constructor(private readonly zip: SafeZip, private readonly origin: string, private readonly options: ReadOptions) {
    this.fromTematik = origin === ORIGIN;
    this.crLf = crLfCountOf(origin);
    this.themes = new ThemeReader(this.messages, this.fromTematik, options.language);
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
        case 'Links': this.links.push(...readLinks(child, this.messages)); break;
        case 'Graphs': this.messages.skip('other', say('graphsSkipped', { count: child.children.length }), child.children.length); break;
        case 'Description': if (child.text.trim()) this.messages.note('other', say('descriptionSkipped')); break;
        default: this.messages.unknown(child, '<Project>');
      }
    }
  }

  private readUsers(el: XmlElement): void {
    for (const user of el.children) {
      if (user.ns !== PROJECT_NS || user.name !== 'User') { this.messages.unknown(user, '<Users>'); continue; }
      const guid = guidAttribute(user);
      if (!guid) { this.messages.skip('other', say('userNoGuid')); continue; }
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

  private readCodes(el: XmlElement, where: string | LocalizedText): PlannedCode[] {
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
    this.messages.found('codes');
    const guid = guidAttribute(el);
    const name = el.attrs.get('name')?.trim() || 'Unnamed code';
    if (!guid) { this.messages.skip('codes', say('codeNoGuid', { name })); return undefined; }
    if (this.codeGuids.has(guid)) { this.messages.skip('codes', say('codeTwice', { name })); return undefined; }
    this.codeGuids.add(guid);
    if (el.attrs.get('isCodable') === 'false' || el.attrs.get('isCodable') === '0') this.messages.note('codes', say('notCodable'));
    for (const child of el.children) {
      if (child.ns === PROJECT_NS && child.name === 'NoteRef') {
        const target = guidAttribute(child, 'targetGUID');
        if (target) this.codeNoteGuids.set(target, [...(this.codeNoteGuids.get(target) ?? []), guid]);
      }
    }
    return { guid, name, description: textOf(el, 'Description') ?? '', colour: colourOf(el.attrs.get('color')), children: this.readCodes(el, say('inCode', { name })) };
  }

  private readVariables(el: XmlElement): void {
    for (const child of el.children) {
      if (child.ns !== PROJECT_NS || child.name !== 'Variable') { this.messages.unknown(child, '<Variables>'); continue; }
      this.messages.found('variables');
      const guid = guidAttribute(child);
      const name = child.attrs.get('name')?.trim();
      if (!guid || !name) { this.messages.skip('variables', say('variableNoGuid')); continue; }
      this.variables.set(guid, { name, type: child.attrs.get('typeOfVariable') ?? 'Text' });
    }
  }

  private readCases(el: XmlElement): void {
    let n = 0;
    for (const child of el.children) {
      if (child.ns !== PROJECT_NS || child.name !== 'Case') { this.messages.unknown(child, '<Cases>'); continue; }
      n++;
      this.messages.found('cases');
      const label = child.attrs.get('name')?.trim() || `Case ${n}`;
      const values = new Map<string, string>();
      const sourceGuids: string[] = [];
      const selectionGuids: string[] = [];
      for (const part of child.children) {
        if (part.ns !== PROJECT_NS) { this.messages.unknown(part, say('inCase', { label })); continue; }
        switch (part.name) {
          case 'VariableValue': {
            const ref = part.children.find((c) => c.ns === PROJECT_NS && c.name === 'VariableRef');
            const variable = ref ? guidAttribute(ref, 'targetGUID') : undefined;
            const value = part.children.find((c) => c.ns === PROJECT_NS && c.name.endsWith('Value'));
            if (!variable) { this.messages.skip('variables', say('caseValueNoVariable')); break; }
            if (value && value.text.trim() !== '') values.set(variable, value.text.trim());
            break;
          }
          case 'SourceRef': { const g = guidAttribute(part, 'targetGUID'); if (g) sourceGuids.push(g); break; }
          case 'SelectionRef': { const g = guidAttribute(part, 'targetGUID'); if (g) selectionGuids.push(g); break; }
          case 'CodeRef': this.messages.note('cases', say('caseCodes')); break;
          case 'Description': if (part.text.trim()) this.messages.note('cases', say('caseDescription')); break;
          default: this.messages.unknown(part, say('inCase', { label }));
        }
      }
      this.cases.push({ guid: guidAttribute(child), label, values, sourceGuids, selectionGuids });
    }
  }

  private readSources(el: XmlElement): void {
    for (const child of el.children) {
      if (child.ns !== PROJECT_NS) { this.messages.unknown(child, '<Sources>'); continue; }
      const media = MEDIA[child.name];
      if (media) {
        this.messages.found('sources');
        const file = child.attrs.get('path')?.trim() ?? '';
        const kind = media === 'video' && AUDIO_FILE.test(file) ? 'audio' : media;
        const name = child.attrs.get('name')?.trim() || file || `(unnamed ${kind} source)`;
        // English needs "an audio source"; Indonesian has no article.
        const article = { en: kind === 'audio' ? 'an' : 'a', id: '' };
        this.skipped.push(skippedFile(name, say(kind === 'audio' || kind === 'video' ? 'recordingReason' : 'mediaReason', { what: say(kind), article })));
        this.messages.skip('sources', say('mediaSkipped', { what: say(kind) }));
      } else if (child.name === 'TextSource') {
        this.messages.found('sources');
        this.readTextSource(child);
      } else {
        this.messages.unknown(child, '<Sources>');
      }
    }
  }

  private readTextSource(el: XmlElement): void {
    const guid = guidAttribute(el) ?? `source-${this.sources.length + 1}`;
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
      if (part.ns !== PROJECT_NS) { this.messages.unknown(part, say('inSource', { title })); continue; }
      switch (part.name) {
        case 'Description': case 'PlainTextContent': break;
        case 'PlainTextSelection': selections.push(this.readSelection(part, title)); break;
        case 'Coding': { const coding = this.readCoding(part, undefined, undefined); if (coding) wholeCodings.push(coding); break; }
        case 'NoteRef': { const g = guidAttribute(part, 'targetGUID'); if (g) noteGuids.push(g); break; }
        case 'VariableValue': this.messages.note('variables', say('sourceVariables')); break;
        default: this.messages.unknown(part, say('inSource', { title }));
      }
    }
    this.sources.push({ guid, title, text, selections, wholeCodings, noteGuids });
  }

  private readSelection(el: XmlElement, title: string): RawSelection {
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
    const userGuid = guidAttribute(el, 'creatingUser');
    const createdAt = dateOf(el, 'creationDateTime');
    for (const part of el.children) {
      if (part.ns !== PROJECT_NS) { this.messages.unknown(part, say('inSelection', { title })); continue; }
      if (part.name === 'Coding') { const c = this.readCoding(part, userGuid, createdAt); if (c) codings.push(c); }
      else if (part.name === 'NoteRef') { const g = guidAttribute(part, 'targetGUID'); if (g) noteGuids.push(g); }
      else if (part.name !== 'Description') this.messages.unknown(part, say('inSelection', { title }));
    }
    const description = textOf(el, 'Description')?.replace(/\r\n?/g, '\n').trim() ?? '';
    if (codings.length === 0 && description !== '') this.messages.found('memos');
    return { guid: guidAttribute(el), start, end, codings, noteGuids, description, userGuid, createdAt };
  }

  private readCoding(el: XmlElement, userGuid: string | undefined, createdAt: string | undefined): RawCoding | undefined {
    this.messages.found('codings');
    const ref = el.children.find((c) => c.ns === PROJECT_NS && c.name === 'CodeRef');
    const codeGuid = ref ? guidAttribute(ref, 'targetGUID') : undefined;
    if (!codeGuid) { this.messages.skip('codings', say('codingNoCode')); return undefined; }
    const noteGuids = el.children.filter((c) => c.ns === PROJECT_NS && c.name === 'NoteRef').map((c) => guidAttribute(c, 'targetGUID')).filter((g): g is string => g !== undefined);
    return { guid: guidAttribute(el), codeGuid, userGuid: guidAttribute(el, 'creatingUser') ?? userGuid, createdAt: dateOf(el, 'creationDateTime') ?? createdAt, noteGuids };
  }

  private readNotes(el: XmlElement): void {
    for (const child of el.children) {
      if (child.ns !== PROJECT_NS || child.name !== 'Note') { this.messages.unknown(child, '<Notes>'); continue; }
      const guid = guidAttribute(child) ?? `note-${this.notes.length + 1}`;
      const title = child.attrs.get('name')?.trim() ?? '';
      if (child.children.some((c) => c.ns === PROJECT_NS && (c.name === 'PlainTextSelection' || c.name === 'Coding'))) {
        this.messages.note('memos', say('notesWithCodings'));
      }
      this.notes.push({
        guid, title, text: this.textRef(child), userGuid: guidAttribute(child, 'creatingUser'),
        createdAt: dateOf(child, 'creationDateTime'), updatedAt: dateOf(child, 'modifiedDateTime'), description: textOf(child, 'Description') ?? '',
      });
    }
  }

  private readSets(el: XmlElement): void {
    for (const child of el.children) {
      if (child.ns !== PROJECT_NS || child.name !== 'Set') { this.messages.unknown(child, '<Sets>'); continue; }
      if (this.isJournalSet(child)) {
        for (const member of child.children) {
          if (member.ns === PROJECT_NS && member.name === 'MemberNote') { const g = guidAttribute(member, 'targetGUID'); if (g) this.journalNoteGuids.add(g); }
        }
        this.messages.found('sets');
        this.messages.imported('sets');
      } else {
        this.themes.readSet(child);
      }
    }
  }

  /**
   * Tematik's journal set: notes only, named "Reflexive journal", and from Tematik with the journal's
   * own description, so that a theme the user named "Reflexive journal" still comes back as a theme.
   */
  private isJournalSet(set: XmlElement): boolean {
    if (set.attrs.get('name')?.trim().toLowerCase() !== JOURNAL_SET.toLowerCase()) return false;
    if (set.children.some((c) => c.ns === PROJECT_NS && (c.name === 'MemberCode' || c.name === 'MemberSource'))) return false;
    return !this.fromTematik || textOf(set, 'Description') === JOURNAL_SET_DESCRIPTION;
  }

  /** PlainTextContent or plainTextPath, and richTextPath; paths are read only from inside the archive. */
  private textRef(el: XmlElement): TextRef {
    const richPath = el.attrs.get('richTextPath')?.trim();
    const rich = richPath ? findInArchive(this.zip, richPath, '.docx') : undefined;
    return { plain: this.plainRef(el), word: rich?.kind === 'entry' ? rich.entry : undefined };
  }

  private plainRef(el: XmlElement): PlainRef {
    const content = el.children.find((c) => c.ns === PROJECT_NS && c.name === 'PlainTextContent');
    const pathAttr = el.attrs.get('plainTextPath')?.trim();
    if (content && content.text !== '' && pathAttr) this.messages.note('sources', say('bothTexts'));
    if (content && (content.text !== '' || !pathAttr)) return { kind: 'inline', text: content.text };
    if (!pathAttr) return { kind: 'missing', reason: say('noText') };
    const found = findInArchive(this.zip, pathAttr, '.txt');
    switch (found.kind) {
      case 'entry':
        if (found.byName) this.messages.note('sources', say('byName'));
        return { kind: 'entry', entry: found.entry };
      case 'absent': return { kind: 'missing', reason: say('absent', { name: found.looked }) };
      case 'outside': return { kind: 'missing', reason: say('outside', { path: pathAttr, name: found.looked }) };
    }
  }

  /**
   * Reads every text the plan needs: plain text entries as UTF-8, and the Word file of each
   * source or note whose plain text is empty or missing. The plain texts' sizes are checked together before any is inflated.
   */
  async loadTexts(progress: (done: number, total: number, label: string) => void): Promise<Map<RawSource | RawNote, LoadedText>> {
    const items = [...this.sources, ...this.notes];
    // Word files are checked one by one as they are read (zip.read), and only those needed: NVivo packs one beside every text.
    this.zip.assertReadable([...new Set(items.flatMap((s) => (s.text.plain.kind === 'entry' ? [s.text.plain.entry] : [])))]);
    const plainTexts = new Map<ZipEntry, string | LocalizedText>();
    const loaded = new Map<RawSource | RawNote, LoadedText>();
    for (const [i, item] of items.entries()) {
      progress(1 + i / Math.max(items.length, 1), 3, `Reading ${item.title || item.guid}`);
      const { plain, word } = item.text;
      let text: string | LocalizedText = plain.kind === 'inline' ? plain.text : plain.kind === 'missing' ? plain.reason : '';
      if (plain.kind === 'entry') {
        if (!plainTexts.has(plain.entry)) plainTexts.set(plain.entry, this.decode(plain.entry));
        text = plainTexts.get(plain.entry)!;
      }
      if (typeof text === 'string' && text.trim() !== '') { loaded.set(item, { text, fromWord: false }); continue; }
      if (word) {
        const wordText = await wordTextOf(this.zip, word);
        loaded.set(item, typeof wordText === 'string' ? { text: wordText, fromWord: true } : { reason: say('wordUnusable', { detail: wordText }) });
        continue;
      }
      loaded.set(item, { reason: typeof text === 'string' ? say('emptyText') : text });
    }
    return loaded;
  }

  private decode(entry: ZipEntry): string | LocalizedText {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(this.zip.read(entry));
    } catch (error) {
      if (error instanceof TematikError) throw error;
      return say('notUtf8', { name: entry.name });
    }
  }

  plan(name: string, texts: ReadonlyMap<RawSource | RawNote, LoadedText>, progress: (done: number, total: number, label: string) => void): Omit<ProjectPlan, 'origin' | 'variables' | 'suggestedTypeVariable'> {
    const caseGuids = new Set(this.cases.flatMap((c) => (c.guid ? [c.guid] : [])));
    const sources: PlannedSource[] = [];
    const codingByRaw = new Map<RawCoding, PlannedCoding>();
    const sourceOfSelection = new Map<string, string>();
    const passageOfSelection = new Map<string, Passage>();
    const codingNoteTargets = new Map<string, PlannedTarget>();
    const documentNoteTargets = new Map<string, PlannedTarget>();
    const passageNotes: PlannedNote[] = [];
    const caseSources = new Map<string, Set<string>>();
    const keptSources = new Set<string>();
    const codingOfSelection = new Map<string, PlannedCoding>();
    for (const raw of this.sources) {
      const loaded = texts.get(raw)!;
      if ('reason' in loaded) {
        this.skipped.push(skippedFile(raw.title, say('sourceLeftOut', { reason: loaded.reason })));
        this.messages.skip('sources', say('sourceSkipped', { title: raw.title, reason: loaded.reason }));
        const lost = raw.wholeCodings.length + raw.selections.reduce((n, s) => n + s.codings.length, 0);
        if (lost > 0) this.messages.skip('codings', say('codingsOfSkipped'), lost);
        const memos = raw.selections.filter((s) => s.codings.length === 0 && s.description !== '').length;
        if (memos > 0) this.messages.skip('memos', say('memosOfSkipped'), memos);
        continue;
      }
      const { source, passages } = this.planSource(raw, loaded, codingByRaw, caseGuids);
      sources.push(source);
      keptSources.add(raw.guid);
      for (const coding of [...raw.wholeCodings, ...raw.selections.flatMap((s) => s.codings)]) {
        if (caseGuids.has(coding.codeGuid)) caseSources.set(coding.codeGuid, (caseSources.get(coding.codeGuid) ?? new Set()).add(raw.guid));
      }
      for (const selection of raw.selections) {
        const passage = passages.get(selection);
        if (selection.guid) {
          sourceOfSelection.set(selection.guid, raw.guid);
          if (passage) passageOfSelection.set(selection.guid, passage);
          const first = selection.codings[0] && codingByRaw.get(selection.codings[0]);
          if (first) codingOfSelection.set(selection.guid, first);
        }
        if (passage && selection.codings.length === 0 && selection.description !== '') {
          passageNotes.push({
            guid: undefined, title: passageTitle(passage), body: selection.description, userGuid: selection.userGuid, createdAt: selection.createdAt,
            updatedAt: selection.createdAt, target: { kind: 'document', sourceGuid: raw.guid }, journal: false, phase: null,
          });
          this.messages.note('memos', say('passageMemos'));
        }
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
    this.noteSurveyRows(sources);
    progress(2, 3, 'Checking cases and notes');
    const typedCases = this.planCases(keptSources, sourceOfSelection, caseSources);
    this.countVariables(typedCases);
    const { annotations, others } = this.planAnnotations(new Set(this.sources.flatMap((s) => s.selections.flatMap((sel) => (sel.guid ? [sel.guid] : [])))));
    const notes = new Map(this.notes.map((n) => [n.guid, n]));
    const noteOf = (guid: string) => {
      const note = notes.get(guid);
      const loaded = note && texts.get(note);
      // A theme's part may be all in its description (a judgement of silence has no reason text), so an empty text is ''.
      return note && loaded
        ? { description: note.description, text: 'reason' in loaded ? '' : loaded.text, userGuid: note.userGuid, createdAt: note.createdAt, updatedAt: note.updatedAt } : undefined;
    };
    // Sets of documents add group attributes to the cases; theme sets claim the notes that are their parts.
    const { cases, ...themes } = this.themes.plan({
      note: noteOf, codeGuids: this.codeGuids, sourceGuids: keptSources, cases: typedCases,
      variableNames: new Set([...this.variables.values()].map((v) => v.name)), codingOfSelection, links: others,
    });
    return {
      name, users: this.users, codes: this.withoutCases(this.codes, caseGuids), sources, cases, themes,
      ...this.planNotes(texts, { codingNoteTargets, documentNoteTargets, annotations, passageOfSelection }, passageNotes),
      skipped: this.skipped, messages: this.messages,
    };
  }

  private planSource(raw: RawSource, loaded: { text: string; fromWord: boolean }, codingByRaw: Map<RawCoding, PlannedCoding>, caseGuids: ReadonlySet<string>): { source: PlannedSource; passages: Map<RawSelection, Passage> } {
    const imported = importedText(loaded.text, this.crLf);
    if (this.crLf === 'one' && loaded.text.includes('\r\n') && raw.selections.length > 0) this.messages.note('codings', say('crLfOne', { origin: this.origin }));
    if (loaded.fromWord) this.messages.note('sources', say(raw.selections.length > 0 ? 'fromWordPositions' : 'fromWord', { title: raw.title }));
    const codings: PlannedCoding[] = [];
    const passages = new Map<RawSelection, Passage>();
    const add = (coding: RawCoding, start: Utf16Offset, end: Utf16Offset): void => {
      // A coding whose "code" is a case says the passage belongs to that informant (read in plan()).
      if (caseGuids.has(coding.codeGuid)) { this.messages.skip('codings', say('caseCodings')); return; }
      const planned = { guid: coding.guid, codeGuid: coding.codeGuid, userGuid: coding.userGuid, start, end, createdAt: coding.createdAt };
      codingByRaw.set(coding, planned);
      codings.push(planned);
    };
    for (const selection of raw.selections) {
      const start = imported.toUtf16(selection.start);
      const end = imported.toUtf16(selection.end);
      if (selection.start < 0 || selection.start > selection.end || start === undefined || end === undefined) {
        // Positions into a plain text Tematik never saw: leave the passage out rather than the whole file.
        if (loaded.fromWord) {
          this.messages.skip('codings', say('outsideWordText', { title: raw.title, length: imported.codePoints }), selection.codings.length);
          continue;
        }
        throw new TematikError('bad_input', say('selectionOutside', {
          file: this.zip.label, title: raw.title, start: String(selection.start), end: String(selection.end), length: imported.codePoints,
        }));
      }
      if (start === end) {
        if (selection.codings.length > 0) this.messages.skip('codings', say('emptySelection'), selection.codings.length);
        continue;
      }
      passages.set(selection, { sourceGuid: raw.guid, text: imported.text.slice(start, end), start, end });
      for (const coding of selection.codings) add(coding, start, end);
    }
    for (const coding of raw.wholeCodings) add(coding, 0 as Utf16Offset, imported.text.length as Utf16Offset);
    return {
      source: {
        guid: raw.guid, title: raw.title, text: imported.text,
        contentHash: createHash('sha256').update(imported.text, 'utf8').digest('hex'),
        turns: parseTurns(imported.text), wordCount: countWords(imported.text), codings,
      },
      passages,
    };
  }

  /**
   * MAXQDA exports a survey as one short source per respondent. They are imported as they
   * are; one note says so, so that a report of 300 documents does not come as a surprise.
   */
  private noteSurveyRows(sources: readonly PlannedSource[]): void {
    const stem = (title: string): string => title.replace(/[\s_#:-]*\d+$/, '').trim().toLowerCase();
    const groups = new Map<string, PlannedSource[]>();
    for (const source of sources) {
      if (source.text.length > SURVEY_ROW_CHARS || !/\d$/.test(source.title)) continue;
      groups.set(stem(source.title), [...(groups.get(stem(source.title)) ?? []), source]);
    }
    for (const rows of groups.values()) {
      if (rows.length >= SURVEY_ROWS) this.messages.note('sources', say('surveyRows', { count: rows.length, example: rows[0]!.title }));
    }
  }

  /** The codebook without NVivo's case nodes (codes with a case's GUID); their sub-codes move up to their place. */
  private withoutCases(codes: readonly PlannedCode[], caseGuids: ReadonlySet<string>): PlannedCode[] {
    return codes.flatMap((code) => {
      const children = this.withoutCases(code.children, caseGuids);
      if (!caseGuids.has(code.guid)) return [{ ...code, children }];
      this.messages.skip('codes', say('caseNodes'));
      return children;
    });
  }

  /** Annotations (note GUID → selection GUID) among the links, and the other links, which the theme reader takes. */
  private planAnnotations(selectionGuids: ReadonlySet<string>): { annotations: ReadonlyMap<string, string>; others: readonly RawLink[] } {
    const noteGuids = new Set(this.notes.map((n) => n.guid));
    const { annotations, others } = annotationsOf(this.links, (g) => noteGuids.has(g), (g) => selectionGuids.has(g));
    this.messages.found('links', this.links.length);
    if (annotations.size > 0) {
      this.messages.imported('links', annotations.size);
      this.messages.note('links', say('annotations'));
    }
    return { annotations, others };
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

  private planCases(keptSources: ReadonlySet<string>, sourceOfSelection: ReadonlyMap<string, string>, caseSources: ReadonlyMap<string, ReadonlySet<string>>): PlannedCase[] {
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
        if (!variable) { this.messages.skip('variables', say('undeclaredVariable')); continue; }
        if (!typeVariables.has(guid) && guid !== nameVariable) attributes[variable.name] = value;
      }
      const bySelection = raw.selectionGuids.map((g) => sourceOfSelection.get(g)).filter((g): g is string => g !== undefined);
      if (bySelection.length > 0) this.messages.note('cases', say('selectionCases'));
      const byCoding = raw.guid ? [...(caseSources.get(raw.guid) ?? [])] : [];
      return {
        guid: raw.guid, label, name: (nameVariable && raw.values.get(nameVariable)) || '',
        typeName: typeOf(raw) || DEFAULT_TYPE,
        attributes, sourceGuids: [...new Set([...raw.sourceGuids, ...bySelection, ...byCoding])].filter((g) => keptSources.has(g)),
      };
    });
  }

  /** A variable comes in when some case has a value for it (as an attribute, the type or the name). */
  private countVariables(cases: readonly PlannedCase[]): void {
    const used = new Set(this.cases.flatMap((c) => [...c.values.keys()]).filter((g) => this.variables.has(g)));
    this.messages.imported('variables', cases.length > 0 ? used.size : 0);
    const unused = this.variables.size - (cases.length > 0 ? used.size : 0);
    if (unused > 0) this.messages.skip('variables', say('variableUnused'), unused);
  }

  private planNotes(
    texts: ReadonlyMap<RawSource | RawNote, LoadedText>,
    targets: {
      codingNoteTargets: ReadonlyMap<string, PlannedTarget>; documentNoteTargets: ReadonlyMap<string, PlannedTarget>;
      annotations: ReadonlyMap<string, string>; passageOfSelection: ReadonlyMap<string, Passage>;
    },
    passageNotes: readonly PlannedNote[],
  ): { notes: PlannedNote[]; comments: PlacedComment[] } {
    const notes: PlannedNote[] = [...passageNotes];
    const comments: PlacedComment[] = [];
    for (const raw of this.notes) {
      if (this.themes.claimedNotes.has(raw.guid)) continue; // a part of a theme or link, not a memo
      const loaded = texts.get(raw)!;
      if (this.fromTematik && !('reason' in loaded)) {
        const comment = readCommentNote(raw.guid, { ...raw, text: loaded.text.replace(/\r\n?/g, '\n') });
        const on = comment && this.commentPlace(raw.guid, comment, targets.codingNoteTargets.get(raw.guid));
        // A comment whose item did not come in (its source was left out) stays readable as a memo.
        if (comment && on) { comments.push({ on, comment }); continue; }
      }
      this.messages.found('memos');
      if ('reason' in loaded) { this.messages.skip('memos', say('noteSkipped', { title: raw.title || raw.guid, reason: loaded.reason })); continue; }
      if (loaded.fromWord) this.messages.note('memos', say('fromWord', { title: raw.title || raw.guid }));
      const annotated = targets.annotations.get(raw.guid);
      const passage = annotated ? targets.passageOfSelection.get(annotated) : undefined;
      const code = this.codeNoteGuids.get(raw.guid)?.[0];
      const theme = this.themes.noteThemes.get(raw.guid);
      // A memo has one target; the most specific reference wins.
      const target: PlannedTarget = targets.codingNoteTargets.get(raw.guid)
        ?? (passage ? { kind: 'document', sourceGuid: passage.sourceGuid } : undefined)
        ?? targets.documentNoteTargets.get(raw.guid)
        ?? (code ? { kind: 'code', codeGuid: code } : theme ? { kind: 'theme', setGuid: theme } : { kind: 'project' });
      const journal = this.journalNoteGuids.has(raw.guid) && target.kind === 'project';
      const phase = journal ? Number(/Braun & Clarke phase ([1-6])/.exec(raw.description)?.[1] ?? NaN) : NaN;
      const title = passage && target.kind === 'document' ? [raw.title, passageTitle(passage)].filter(Boolean).join(' — ') : raw.title;
      notes.push({
        guid: raw.guid, title, body: loaded.text.replace(/\r\n?/g, '\n'), userGuid: raw.userGuid, createdAt: raw.createdAt, updatedAt: raw.updatedAt ?? raw.createdAt,
        target, journal, phase: Number.isNaN(phase) ? null : phase,
      });
    }
    return { notes, comments };
  }

  /** Where a comment note goes: the coding or code that refers to it, or unplaced for a reviewer's note that says what it was on. */
  private commentPlace(guid: string, comment: PlannedComment, codingTarget: PlannedTarget | undefined): PlacedComment['on'] | undefined {
    if (codingTarget?.kind === 'coding') return { kind: 'coding', coding: codingTarget.coding };
    const code = this.codeNoteGuids.get(guid)?.[0];
    if (code !== undefined) return { kind: 'code', codeGuid: code };
    if (comment.reviewer && comment.wasOn) return { kind: 'unplaced' };
    return undefined;
  }
}

/** Sources this short, numbered alike and this many, are a survey's rows. */
const SURVEY_ROW_CHARS = 2000;
const SURVEY_ROWS = 10;

/**
 * The title of a memo on a passage, which Tematik's memos cannot point at: the passage's
 * opening words and its character range in the document, so the reader can find it.
 */
function passageTitle(passage: Passage): string {
  const words = passage.text.replace(/\s+/g, ' ').trim();
  const excerpt = [...words].length > 60 ? `${[...words].slice(0, 60).join('').trimEnd()}…` : words;
  return `“${excerpt}” (${passage.start}–${passage.end})`;
}
