import { throwIfCancelled } from '../domain/cancellation';
import type Database from 'better-sqlite3';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { Utf16Offset } from '../domain/ids';
import type { Attribute, Code, Coding, Comment, Informant, LineEndings, Memo } from '../domain/types';
import { listComments } from '../store/comments';
import { listCodes } from '../store/codes';
import { codingsForDocument } from '../store/codings';
import { documentText, listDocuments } from '../store/documents';
import { listAttributes, listInformants } from '../store/informants';
import { listMemos } from '../store/memos';
import { listThemes } from '../store/themes';
import { commentNote } from './comment-notes';
import { buildThemeExport } from './export-themes';
import { exportGuids } from './guid';
import { writeMediaSources, type MediaEntry } from './media-sources';
import { codePointIndex } from '../domain/offsets';
import { CODEBOOK_NS, PROJECT_NS, RGB, XmlWriter, XSD_DATE_TIME } from './xml';

const say = defineMessages({
  en: { emptyCodebook: 'The codebook is empty, and a REFI-QDA codebook needs at least one code. Create codes first, then export the codebook.' },
  id: { emptyCodebook: 'Buku kode masih kosong, padahal buku kode REFI-QDA memerlukan setidaknya satu kode. Buat kode lebih dulu, lalu ekspor buku kodenya.' },
});

type Db = Database.Database;

/** Names Tematik gives its own variables and sets, and recognises when a file comes back. */
export const TYPE_VARIABLE = 'Informant type';
export const NAME_VARIABLE = 'Informant name';
export const JOURNAL_SET = 'Reflexive journal';
/** The journal set's description; it tells the set from a theme the user happened to name "Reflexive journal". */
export const JOURNAL_SET_DESCRIPTION = 'Tematik\'s reflexive journal: entries written across the Braun & Clarke phases.';
export const ORIGIN = 'Tematik';

const dateTime = (value: string | null | undefined): string | undefined => (value && XSD_DATE_TIME.test(value) ? value : undefined);
const colour = (value: string): string | undefined => (RGB.test(value) ? value : undefined);

interface ProjectRow { name: string; description: string; guid: string; createdAt: string }

function projectRow(db: Db): ProjectRow {
  return db.prepare('SELECT name, description, guid, created_at AS createdAt FROM project WHERE id = 1').get() as ProjectRow;
}

/** What a variable holds, as REFI-QDA types it, and how each value is written. */
interface VariableSpec {
  readonly guid: string;
  readonly name: string;
  readonly type: 'Text' | 'Integer' | 'Float';
  readonly description?: string;
  readonly value: (informant: Informant) => string | undefined;
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * An attribute the user typed as a number becomes Integer or Float when every value fits
 * (a decimal comma becomes a point); text attributes stay Text even when they look numeric,
 * so a postcode like "05512" keeps its zero.
 */
function attributeVariable(guid: string, attribute: Attribute, informants: readonly Informant[]): VariableSpec {
  const values = informants.map((i) => i.attributes[attribute.name]?.trim()).filter((v): v is string => v !== undefined && v !== '');
  const type = attribute.valueType !== 'number' || values.length === 0 ? 'Text'
    : values.every((v) => INTEGER.test(v)) ? 'Integer'
    : values.every((v) => DECIMAL.test(v)) ? 'Float' : 'Text';
  const write = (v: string): string => (type === 'Text' ? v : v.replace(/^\+/, '').replace(',', '.'));
  return {
    guid, name: attribute.name, type,
    value: (informant) => {
      const v = informant.attributes[attribute.name];
      return v === undefined || v.trim() === '' ? undefined : write(type === 'Text' ? v : v.trim());
    },
  };
}

function variableSpecs(g: ReturnType<typeof exportGuids>, informants: readonly Informant[], attributes: readonly Attribute[]): VariableSpec[] {
  const specs: VariableSpec[] = [{
    guid: g('variable', 'informant-type'), name: TYPE_VARIABLE, type: 'Text',
    description: 'The informant type Tematik triangulates by (for example "Pemilik UMKM", "Konsumen").',
    value: (i) => i.typeName,
  }];
  if (informants.some((i) => i.name.trim() !== '')) {
    specs.push({
      guid: g('variable', 'informant-name'), name: NAME_VARIABLE, type: 'Text',
      description: 'The informant\'s name; the case name is the label reports cite.',
      value: (i) => (i.name.trim() === '' ? undefined : i.name),
    });
  }
  for (const attribute of attributes) specs.push(attributeVariable(g('variable', attribute.id), attribute, informants));
  return specs;
}

const VALUE_ELEMENT = { Text: 'TextValue', Integer: 'IntegerValue', Float: 'FloatValue' } as const;

/** The project document (`project.qde`) and the text files that go beside it in `sources/`. */
export interface ProjectExport {
  readonly qde: string;
  readonly sources: readonly { readonly entry: string; readonly text: string }[];
  /** Linked recordings the package carries (src/refi/media-sources.ts). */
  readonly media: readonly MediaEntry[];
}

/**
 * Writes the open project as REFI-QDA Project Exchange XML (QDA-XML 1.0). Sources are text
 * files referenced by `internal://` paths; selections count Unicode code points, converted
 * here from the UTF-16 offsets the store keeps. Every element has its row's own GUID or one
 * derived from it (guid.ts exportGuids), so exporting twice, or from a copy, gives the same GUIDs. With 'crlf' line endings the text files end
 * lines with CR LF while positions still count each line break as one character, as the tools
 * that want CR LF (ATLAS.ti) count them.
 */
export function buildProjectExport(db: Db, exportingCoder: string, lineEndings: LineEndings = 'lf'): ProjectExport {
  const project = projectRow(db);
  const g = exportGuids(db, project.guid);
  const coders = db.prepare('SELECT id, name FROM coders ORDER BY id').all() as { id: number; name: string }[];
  const userGuid = new Map(coders.map((c) => [c.id, g('user', c.id)]));
  const userByName = new Map(coders.map((c) => [c.name.toLowerCase(), g('user', c.id)]));
  const codes = listCodes(db);
  const informants = listInformants(db);
  const documents = listDocuments(db);
  const memos = listMemos(db, {});
  const variables = variableSpecs(g, informants, listAttributes(db));

  const byTarget = new Map<string, Memo[]>();
  for (const memo of memos) {
    const key = memo.target.kind === 'project' ? 'project' : `${memo.target.kind}:${memo.target.id}`;
    byTarget.set(key, [...(byTarget.get(key) ?? []), memo]);
  }
  const memosOn = (kind: Memo['target']['kind'], id?: number): readonly Memo[] => byTarget.get(id === undefined ? kind : `${kind}:${id}`) ?? [];
  const noteRefs = (w: XmlWriter, list: readonly Memo[], element = 'NoteRef'): void => {
    for (const memo of list) w.leaf(element, { targetGUID: g('note', memo.id) });
  };
  // Comments on codes and codings follow their memos as notes the code or coding refers to;
  // those on themes and links go with the theme export, unplaced ones with the project.
  const comments = listComments(db);
  const threads = new Map<string, Comment[]>();
  for (const c of comments) if (c.target) threads.set(`${c.target.kind}:${c.target.id}`, [...(threads.get(`${c.target.kind}:${c.target.id}`) ?? []), c]);
  const commentsOn = (kind: 'code' | 'coding', id: number): readonly Comment[] => threads.get(`${kind}:${id}`) ?? [];
  const commentRefs = (w: XmlWriter, list: readonly Comment[]): void => {
    for (const comment of list) w.leaf('NoteRef', { targetGUID: g('comment', comment.id) });
  };

  const w = new XmlWriter();
  const exporter = userByName.get(exportingCoder.toLowerCase());
  w.open('Project', {
    xmlns: PROJECT_NS, name: project.name, origin: ORIGIN,
    creationDateTime: dateTime(project.createdAt),
    modifyingUserGUID: exporter, modifiedDateTime: new Date().toISOString(),
  });

  if (coders.length > 0) {
    w.open('Users');
    for (const coder of coders) w.leaf('User', { guid: userGuid.get(coder.id), name: coder.name });
    w.close('Users');
  }

  if (codes.length > 0) {
    const children = childrenByParent(codes);
    const writeCode = (code: Code): void => {
      const memosOnCode = memosOn('code', code.id);
      const thread = commentsOn('code', code.id);
      const kids = children.get(code.id) ?? [];
      const attrs = { guid: g('code', code.id), name: code.name, isCodable: true, color: colour(code.colour) };
      if (!code.description && memosOnCode.length === 0 && thread.length === 0 && kids.length === 0) { w.leaf('Code', attrs); return; }
      w.open('Code', attrs);
      if (code.description) w.leaf('Description', {}, code.description);
      noteRefs(w, memosOnCode);
      commentRefs(w, thread);
      kids.forEach(writeCode);
      w.close('Code');
    };
    w.open('CodeBook').open('Codes');
    (children.get(null) ?? []).forEach(writeCode);
    w.close('Codes').close('CodeBook');
  }

  if (informants.length > 0) {
    w.open('Variables');
    for (const v of variables) {
      if (v.description) w.open('Variable', { guid: v.guid, name: v.name, typeOfVariable: v.type }).leaf('Description', {}, v.description).close('Variable');
      else w.leaf('Variable', { guid: v.guid, name: v.name, typeOfVariable: v.type });
    }
    w.close('Variables');
    w.open('Cases');
    for (const informant of informants) {
      w.open('Case', { guid: g('case', informant.id), name: informant.label });
      for (const v of variables) {
        const value = v.value(informant);
        if (value === undefined) continue;
        w.open('VariableValue').leaf('VariableRef', { targetGUID: v.guid }).leaf(VALUE_ELEMENT[v.type], {}, value).close('VariableValue');
      }
      for (const documentId of informant.documentIds) w.leaf('SourceRef', { targetGUID: g('source', documentId) });
      w.close('Case');
    }
    w.close('Cases');
  }

  const sources: { entry: string; text: string }[] = [];
  const quotes = new Map<number, string>();
  let media: MediaEntry[] = [];
  if (documents.length > 0) {
    const texts = new Map<number, string>();
    w.open('Sources');
    for (const document of documents) {
      throwIfCancelled();
      const guid = g('source', document.id);
      const text = documentText(db, document.id);
      texts.set(document.id, text);
      const codings = codingsForDocument(db, document.id);
      for (const coding of codings) quotes.set(coding.id, coding.quote);
      sources.push({ entry: `sources/${guid}.txt`, text: lineEndings === 'crlf' ? text.replace(/\n/g, '\r\n') : text });
      w.open('TextSource', { guid, name: document.title, plainTextPath: `internal://${guid}.txt`, creationDateTime: dateTime(document.importedAt) });
      writeSelections(w, g, text, codings, userGuid, (codingId) => memosOn('coding', codingId), (codingId) => commentsOn('coding', codingId));
      noteRefs(w, memosOn('document', document.id));
      w.close('TextSource');
    }
    media = writeMediaSources(w, db, g, texts, dateTime);
    w.close('Sources');
  }

  const userOf = (name: string): string | undefined => userByName.get(name.toLowerCase());
  const themes = buildThemeExport(db, g, (id) => memosOn('theme', id), (id) => quotes.get(id), userOf);
  const codeName = new Map(codes.map((c) => [c.id as number, c.name]));
  const unplaced = comments.filter((c) => c.target === null);
  const commentNotes = comments.flatMap((c) => {
    const on = c.target?.kind === 'code' ? codeName.get(c.target.id)
      : c.target?.kind === 'coding' ? `"${excerpt(quotes.get(c.target.id) ?? '')}"`
      : c.target === null && c.unplaced ? `${c.unplaced.kind} "${excerpt(c.unplaced.label)}" (deleted)` : undefined;
    return on === undefined ? [] : [commentNote(c, g('comment', c.id), on, userOf)];
  });
  const notesOut = [...themes.notes, ...commentNotes];
  if (memos.length > 0 || notesOut.length > 0) {
    w.open('Notes');
    for (const memo of memos) {
      w.open('Note', {
        guid: g('note', memo.id), name: memo.title || undefined, creatingUser: userByName.get(memo.author.toLowerCase()),
        creationDateTime: dateTime(memo.createdAt), modifiedDateTime: dateTime(memo.updatedAt),
      });
      if (memo.kind === 'journal' && memo.phase !== null) w.leaf('Description', {}, `Braun & Clarke phase ${memo.phase}`);
      w.leaf('PlainTextContent', {}, memo.body);
      w.close('Note');
    }
    for (const note of notesOut) {
      w.open('Note', {
        guid: note.guid, name: note.name, creatingUser: note.creatingUser === null ? undefined : note.creatingUser ?? exporter, creationDateTime: dateTime(note.creationDateTime),
        modifyingUser: note.modifyingUser, modifiedDateTime: dateTime(note.modifiedDateTime),
      })
        .leaf('Description', {}, note.description).leaf('PlainTextContent', {}, note.body).close('Note');
    }
    w.close('Notes');
  }

  if (themes.links.length > 0) {
    w.open('Links');
    for (const link of themes.links) {
      const attrs = { guid: link.guid, name: link.name, direction: link.direction, originGUID: link.origin, targetGUID: link.target };
      if (link.noteGuids.length === 0) { w.leaf('Link', attrs); continue; }
      w.open('Link', attrs);
      for (const guid of link.noteGuids) w.leaf('NoteRef', { targetGUID: guid });
      w.close('Link');
    }
    w.close('Links');
  }

  const journal = memos.filter((m) => m.kind === 'journal');
  if (themes.sets.length > 0 || journal.length > 0) {
    w.open('Sets');
    for (const set of themes.sets) {
      w.open('Set', { guid: set.guid, name: set.name });
      if (set.description) w.leaf('Description', {}, set.description);
      for (const guid of set.codeGuids) w.leaf('MemberCode', { targetGUID: guid });
      // The schema gives sets no NoteRef; the notes a set lists are its members.
      for (const guid of set.noteGuids) w.leaf('MemberNote', { targetGUID: guid });
      w.close('Set');
    }
    if (journal.length > 0) {
      w.open('Set', { guid: g('set', 'journal'), name: JOURNAL_SET });
      w.leaf('Description', {}, JOURNAL_SET_DESCRIPTION);
      noteRefs(w, journal, 'MemberNote');
      w.close('Set');
    }
    w.close('Sets');
  }

  if (project.description) w.leaf('Description', {}, project.description);
  // Journal entries are project notes too; the journal set only says which ones they are.
  noteRefs(w, memosOn('project'));
  // A reviewer's comment on something deleted since is kept as a project note: the supervisor's words are not lost to the other tool.
  commentRefs(w, unplaced);
  w.close('Project');
  return { qde: w.toString(), sources, media };
}

function writeSelections(
  w: XmlWriter, g: (kind: 'coding' | 'code' | 'note' | 'comment', id: number, part?: string) => string, text: string,
  codings: readonly Coding[], userGuid: ReadonlyMap<number, string>, memosOnCoding: (id: number) => readonly Memo[],
  commentsOnCoding: (id: number) => readonly Comment[],
): void {
  const index = codePointIndex(text);
  for (const coding of codings) {
    const user = userGuid.get(coding.coderId);
    const at = dateTime(coding.createdAt);
    w.open('PlainTextSelection', {
      guid: g('coding', coding.id, 'selection'),
      startPosition: index.toCodePoint(coding.start as Utf16Offset), endPosition: index.toCodePoint(coding.end as Utf16Offset),
      creatingUser: user, creationDateTime: at,
    });
    w.open('Coding', { guid: g('coding', coding.id), creatingUser: user, creationDateTime: at });
    w.leaf('CodeRef', { targetGUID: g('code', coding.codeId) });
    for (const memo of memosOnCoding(coding.id)) w.leaf('NoteRef', { targetGUID: g('note', memo.id) });
    for (const comment of commentsOnCoding(coding.id)) w.leaf('NoteRef', { targetGUID: g('comment', comment.id) });
    w.close('Coding');
    w.close('PlainTextSelection');
  }
}

/** A quote or label shortened for a note's name in other tools' note lists. */
function excerpt(text: string): string {
  const words = [...text.replace(/\s+/g, ' ').trim()];
  return words.length > 60 ? `${words.slice(0, 60).join('').trimEnd()}…` : words.join('');
}

function childrenByParent(codes: readonly Code[]): Map<number | null, Code[]> {
  const children = new Map<number | null, Code[]>();
  for (const code of codes) {
    const list = children.get(code.parentId) ?? [];
    list.push(code);
    children.set(code.parentId, list);
  }
  return children;
}

/** The project as a `.qdpx` archive: `project.qde` plus one UTF-8 text file per document, and the linked recordings it can carry. */
export function exportProjectArchive(db: Db, exportingCoder: string, lineEndings: LineEndings = 'lf'): Uint8Array {
  const { qde, sources, media } = buildProjectExport(db, exportingCoder, lineEndings);
  const files: Zippable = { 'project.qde': strToU8(qde) };
  for (const source of sources) files[source.entry] = strToU8(source.text);
  // Audio and video are compressed already: stored as they are, the archive is written in a fraction of the time.
  for (const recording of media) files[recording.entry] = [recording.bytes, { level: 0 }];
  return zipSync(files, { level: 6 });
}

/** The codebook as REFI-QDA Codebook Exchange XML (`.qdc`): codes with hierarchy and colours, themes as sets. */
export function buildCodebookExport(db: Db): string {
  const project = projectRow(db);
  const codes = listCodes(db);
  if (codes.length === 0) {
    throw new TematikError('conflict', say('emptyCodebook'));
  }
  const g = exportGuids(db, project.guid);
  const children = childrenByParent(codes);
  const w = new XmlWriter();
  w.open('CodeBook', { xmlns: CODEBOOK_NS, origin: ORIGIN });
  const writeCode = (code: Code): void => {
    const kids = children.get(code.id) ?? [];
    const attrs = { guid: g('code', code.id), name: code.name, isCodable: true, color: colour(code.colour) };
    if (!code.description && kids.length === 0) { w.leaf('Code', attrs); return; }
    w.open('Code', attrs);
    if (code.description) w.leaf('Description', {}, code.description);
    kids.forEach(writeCode);
    w.close('Code');
  };
  w.open('Codes');
  (children.get(null) ?? []).forEach(writeCode);
  w.close('Codes');
  const themes = listThemes(db);
  if (themes.length > 0) {
    w.open('Sets');
    for (const theme of themes) {
      w.open('Set', { guid: g('set', theme.id), name: theme.name });
      if (theme.definition) w.leaf('Description', {}, theme.definition);
      for (const codeId of theme.codeIds) w.leaf('MemberCode', { guid: g('code', codeId) });
      w.close('Set');
    }
    w.close('Sets');
  }
  w.close('CodeBook');
  return w.toString();
}
