import { defineMessages, type Language } from '../domain/text';
import { CONVERGENCES, isOneOf, THEME_LINK_KINDS, THEME_STATUSES, type Convergence, type ThemeLinkKind, type ThemeStatus } from '../domain/types';
import type { RawLink } from './annotations';
import { isCommentNote, readCommentNote, type PlannedComment } from './comment-notes';
import { DETAIL, SUB_THEME_SEPARATOR, THEME_NOTE } from './export-themes';
import { guidAttribute, normaliseGuid } from './guid';
import type { ImportNotes } from './notes';
import type { PlannedCase, PlannedCoding } from './read-project';
import { colourOf, PROJECT_NS, type XmlElement } from './xml';

const say = defineMessages({
  en: {
    setNoGuid: 'Skipped a set without a GUID or name: nothing could refer to it.',
    setEmpty: 'Skipped the set "{name}": it holds no codes or documents of this file.',
    setTheme: 'Tematik\'s theme sets came back as themes, with their sub-themes, definitions, status and judgements.',
    setCandidate: 'Sets of codes became candidate themes (Braun & Clarke phase 3): review, rename or discard them on the themes board.',
    setGroup: 'Sets of documents became informant groups: each is an informant attribute named after the set, "{yes}" for the informants of its documents and "{no}" for the file\'s other informants; triangulate by that attribute to compare them.',
    setGroupRenamed: 'The set "{name}" shares its name with a variable, so its informant attribute is called "{attribute}".',
    setUnknownMember: 'Skipped set members that are not codes or documents of this file (for example documents that were not imported).',
    setNoCase: 'Documents of the set "{name}" that belong to no case could not join its informant group: Tematik records groups on informants.',
    setNotes: 'Notes in another program\'s sets stay memos; the set itself does not hold them in Tematik.',
    linkOther: 'Skipped links between items other than themes (codes, documents, selections or notes): Tematik\'s theme model links themes only.',
    linkKind: 'Links whose name is not one of Tematik\'s kinds (influences, mediates, moderates, contradicts, part-of, associated-with) became "associated-with" links labelled with that name.',
    linkNoEnds: 'Skipped links without a GUID, an origin or a target.',
    detailsParent: 'The parent of a sub-theme is not in the file, so "{name}" became a top-level theme.',
    exemplarMissing: 'The exemplar quote of "{name}" is not among the file\'s codings, so the theme has none.',
  },
  id: {
    setNoGuid: 'Sebuah set tanpa GUID atau nama dilewati: tidak ada yang dapat merujuknya.',
    setEmpty: 'Set "{name}" dilewati: set itu tidak berisi kode atau dokumen dari berkas ini.',
    setTheme: 'Set tema Tematik kembali menjadi tema, beserta subtema, definisi, status, dan penilaian konvergensinya.',
    setCandidate: 'Set kode menjadi tema kandidat (fase 3 Braun & Clarke): tinjau, ganti nama, atau sisihkan di papan tema.',
    setGroup: 'Set dokumen menjadi kelompok informan: masing-masing menjadi atribut informan bernama seperti set itu, "{yes}" bagi informan dokumennya dan "{no}" bagi informan lain dalam berkas; lakukan triangulasi menurut atribut itu untuk membandingkannya.',
    setGroupRenamed: 'Set "{name}" bernama sama dengan sebuah variabel, jadi atribut informannya dinamai "{attribute}".',
    setUnknownMember: 'Anggota set yang bukan kode atau dokumen berkas ini dilewati (misalnya dokumen yang tidak diimpor).',
    setNoCase: 'Dokumen dalam set "{name}" yang tidak termasuk kasus mana pun tidak dapat masuk kelompok informannya: Tematik mencatat kelompok pada informan.',
    setNotes: 'Catatan dalam set aplikasi lain tetap menjadi memo; di Tematik set itu sendiri tidak menyimpannya.',
    linkOther: 'Tautan antara butir selain tema (kode, dokumen, bagian teks, atau catatan) dilewati: model tema Tematik hanya menghubungkan tema.',
    linkKind: 'Tautan yang namanya bukan salah satu jenis Tematik (influences, mediates, moderates, contradicts, part-of, associated-with) menjadi tautan "associated-with" berlabel nama itu.',
    linkNoEnds: 'Tautan tanpa GUID, asal, atau tujuan dilewati.',
    detailsParent: 'Induk sebuah subtema tidak ada dalam berkas, jadi "{name}" menjadi tema tingkat atas.',
    exemplarMissing: 'Kutipan contoh untuk "{name}" tidak ada di antara pengodean berkas, jadi tema itu tidak punya kutipan contoh.',
  },
});

/** A theme to create (or find) in the project, from one of Tematik's theme sets or another program's set of codes. */
export interface PlannedTheme {
  readonly guid: string;
  readonly name: string;
  readonly parentGuid: string | undefined;
  readonly definition: string;
  readonly scope: string;
  readonly finding: string;
  readonly status: ThemeStatus;
  readonly colour: string | undefined;
  readonly codeGuids: readonly string[];
  readonly exemplar: PlannedCoding | undefined;
  readonly convergence: Convergence | null;
  readonly convergenceReason: string;
  readonly comments: readonly PlannedComment[];
}

/** A link of the theme model: from a theme set to a theme set, or onto another planned link. */
export interface PlannedLink {
  readonly guid: string;
  readonly fromGuid: string;
  readonly to: { readonly kind: 'theme' | 'link'; readonly guid: string };
  readonly kind: ThemeLinkKind;
  readonly label: string;
  readonly comments: readonly PlannedComment[];
}

export interface ThemePlan {
  /** Parents before their sub-themes. */
  readonly themes: readonly PlannedTheme[];
  /** Links onto links after the links they point at. */
  readonly links: readonly PlannedLink[];
}

/** A note of the file as the theme reader needs it. */
export interface PlannedNoteText {
  readonly description: string;
  readonly text: string;
  readonly userGuid: string | undefined;
  readonly createdAt: string | undefined;
  readonly updatedAt: string | undefined;
}

/** What the rest of the file says, which the sets and links refer to. */
export interface ThemeContext {
  readonly note: (guid: string) => PlannedNoteText | undefined;
  readonly codeGuids: ReadonlySet<string>;
  /** Sources that were imported (their text was readable). */
  readonly sourceGuids: ReadonlySet<string>;
  readonly cases: readonly PlannedCase[];
  readonly variableNames: ReadonlySet<string>;
  readonly codingOfSelection: ReadonlyMap<string, PlannedCoding>;
  /** The file's links, but for NVivo's annotations (which become memos). */
  readonly links: readonly RawLink[];
}

interface RawSet { readonly guid: string; readonly name: string; readonly description: string; readonly codes: readonly string[]; readonly sources: readonly string[]; readonly notes: readonly string[] }
/** A link with both ends and a GUID, as theme links need. */
interface ThemeLinkRef { readonly guid: string; readonly name: string; readonly origin: string; readonly target: string; readonly notes: readonly string[] }

const refs = (el: XmlElement, name: string): string[] => el.children
  .filter((c) => c.ns === PROJECT_NS && c.name === name)
  .map((c) => guidAttribute(c, 'targetGUID')).filter((g): g is string => g !== undefined);
const isThemeNote = (description: string): boolean => isCommentNote(description) || Object.values(THEME_NOTE).some((marker) => description.startsWith(marker));
const GUID_AT_END = /\{([^{}]+)\}\s*$/;
const JUDGEMENT = new RegExp(`^${THEME_NOTE.judgement.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\((\\w+)\\)$`);
const LINK_NAME = /^([a-z-]+)(?::\s?([\s\S]*))?$/;

/**
 * Reads `<Sets>` (all but Tematik's journal set) and `<Links>`. From a file Tematik wrote, theme
 * sets become themes again with everything their notes carry; from other programs, sets of codes
 * become candidate themes and sets of documents informant groups. Links between theme sets
 * become theme links; every other link is reported, not imported.
 */
export class ThemeReader {
  private readonly sets: RawSet[] = [];
  /** Notes that are parts of themes or links (details, scope, judgement …), not memos. */
  readonly claimedNotes = new Set<string>();
  /** Memos on a theme: note GUID → theme set GUID. */
  readonly noteThemes = new Map<string, string>();

  /** The values a group attribute takes, in the language the user imports in: they are shown and triangulated by. */
  private readonly member: { readonly yes: string; readonly no: string };

  constructor(private readonly messages: ImportNotes, private readonly fromTematik: boolean, language: Language = 'en') {
    this.member = language === 'id' ? { yes: 'ya', no: 'tidak' } : { yes: 'yes', no: 'no' };
  }

  readSet(el: XmlElement): void {
    this.messages.found('sets');
    const guid = guidAttribute(el);
    const name = el.attrs.get('name')?.trim();
    if (!guid || !name) { this.messages.skip('sets', say('setNoGuid')); return; }
    const description = el.children.find((c) => c.ns === PROJECT_NS && c.name === 'Description')?.text ?? '';
    this.sets.push({ guid, name, description, codes: refs(el, 'MemberCode'), sources: refs(el, 'MemberSource'), notes: refs(el, 'MemberNote') });
  }

  /**
   * Decides what each set and link becomes. Must run before the notes are planned: it claims the
   * notes that are parts of themes, and returns the cases with their group attributes added.
   */
  plan(context: ThemeContext): ThemePlan & { readonly cases: readonly PlannedCase[] } {
    const themes: PlannedTheme[] = [];
    let cases = context.cases;
    for (const set of this.sets) {
      const codes = set.codes.filter((g) => context.codeGuids.has(g));
      const sources = set.sources.filter((g) => context.sourceGuids.has(g));
      const strays = set.codes.length - codes.length + set.sources.length - sources.length;
      if (strays > 0) this.messages.skip('sets', say('setUnknownMember'), strays);
      const themeNotes = this.fromTematik ? set.notes.filter((g) => isThemeNote(context.note(g)?.description ?? '')) : [];
      if (this.fromTematik && (themeNotes.length > 0 || codes.length > 0)) {
        themes.push(this.tematikTheme(set, codes, themeNotes, context));
        this.messages.imported('sets');
        this.messages.note('sets', say('setTheme'));
        continue;
      }
      if (codes.length === 0 && sources.length === 0) { this.messages.skip('sets', say('setEmpty', { name: set.name })); continue; }
      this.messages.imported('sets');
      if (set.notes.length > 0) this.messages.note('sets', say('setNotes'));
      if (codes.length > 0) {
        themes.push({
          guid: set.guid, name: set.name, parentGuid: undefined, definition: set.description, scope: '', finding: '', status: 'candidate',
          colour: undefined, codeGuids: codes, exemplar: undefined, convergence: null, convergenceReason: '', comments: [],
        });
        this.messages.note('sets', say('setCandidate'));
      }
      if (sources.length > 0) cases = this.group(set, sources, cases, context.variableNames);
    }
    return { themes: parentsFirst(themes), links: this.planLinks(new Set(themes.map((t) => t.guid)), context), cases };
  }

  private tematikTheme(set: RawSet, codeGuids: readonly string[], themeNotes: readonly string[], context: ThemeContext): PlannedTheme {
    let status: ThemeStatus = 'candidate';
    let colour: string | undefined;
    let parentGuid: string | undefined;
    let exemplarGuid: string | undefined;
    let scope = '';
    let finding = '';
    let convergence: Convergence | null = null;
    let convergenceReason = '';
    const comments: PlannedComment[] = [];
    for (const guid of themeNotes) {
      const note = context.note(guid)!;
      this.claimedNotes.add(guid);
      const comment = readCommentNote(guid, note);
      if (comment) comments.push(comment);
      else if (note.description === THEME_NOTE.scope) scope = note.text;
      else if (note.description === THEME_NOTE.finding) finding = note.text;
      else if (note.description === THEME_NOTE.details) {
        for (const line of note.text.split(/\r?\n/)) {
          const [key, ...rest] = line.split(': ');
          const value = rest.join(': ').trim();
          const guidInLine = GUID_AT_END.exec(value)?.[1];
          if (key === DETAIL.status && isOneOf(THEME_STATUSES, value)) status = value;
          else if (key === DETAIL.colour) colour = colourOf(value);
          else if (key === DETAIL.parent && guidInLine) parentGuid = normaliseGuid(guidInLine);
          else if (key === DETAIL.exemplar && guidInLine) exemplarGuid = normaliseGuid(guidInLine);
        }
      } else {
        const judgement = JUDGEMENT.exec(note.description)?.[1];
        if (judgement !== undefined) {
          convergence = isOneOf(CONVERGENCES, judgement) ? judgement : null;
          convergenceReason = note.text;
        }
      }
    }
    for (const guid of set.notes) if (!this.claimedNotes.has(guid)) this.noteThemes.set(guid, set.guid);
    const parent = parentGuid === undefined ? undefined : this.sets.find((s) => s.guid === parentGuid);
    if (parentGuid !== undefined && !parent) this.messages.note('themes', say('detailsParent', { name: set.name }));
    // The set name spells the path ("Parent › Sub-theme") for flat lists in other tools; the theme keeps its own name.
    const prefix = parent ? `${parent.name}${SUB_THEME_SEPARATOR}` : '';
    const name = prefix && set.name.startsWith(prefix) && set.name.length > prefix.length ? set.name.slice(prefix.length) : set.name;
    const exemplar = exemplarGuid === undefined ? undefined : context.codingOfSelection.get(exemplarGuid);
    if (exemplarGuid !== undefined && !exemplar) this.messages.note('themes', say('exemplarMissing', { name }));
    return {
      guid: set.guid, name, parentGuid: parent ? parent.guid : undefined, definition: set.description, scope, finding, status, colour,
      codeGuids, exemplar, convergence, convergenceReason, comments,
    };
  }

  /** A set of documents as an informant attribute: "yes" ("ya") for the informants of its documents, "no" ("tidak") for the file's others. */
  private group(set: RawSet, sources: readonly string[], cases: readonly PlannedCase[], variableNames: ReadonlySet<string>): readonly PlannedCase[] {
    const orphans = sources.filter((g) => !cases.some((c) => c.sourceGuids.includes(g))).length;
    if (orphans > 0) this.messages.skip('sets', say('setNoCase', { name: set.name }), orphans);
    if (orphans === sources.length) return cases;
    const taken = [...variableNames].some((v) => v.toLowerCase() === set.name.toLowerCase());
    const attribute = taken ? `${set.name} (set)` : set.name;
    if (taken) this.messages.note('sets', say('setGroupRenamed', { name: set.name, attribute }));
    this.messages.note('sets', say('setGroup', this.member));
    return cases.map((c) => ({ ...c, attributes: { ...c.attributes, [attribute]: c.sourceGuids.some((g) => sources.includes(g)) ? this.member.yes : this.member.no } }));
  }

  /** Links whose ends are theme sets (or planned links), onto-link links after their targets; the rest are reported. */
  private planLinks(themeGuids: ReadonlySet<string>, context: ThemeContext): PlannedLink[] {
    const planned: PlannedLink[] = [];
    const placed = new Set<string>();
    const links: ThemeLinkRef[] = [];
    for (const link of context.links) {
      if (!link.guid || !link.originGuid || !link.targetGuid) { this.messages.skip('links', say('linkNoEnds')); continue; }
      links.push({ guid: link.guid, name: link.name, origin: link.originGuid, target: link.targetGuid, notes: link.noteGuids });
    }
    let pending = links.filter((l) => themeGuids.has(l.origin));
    const others = links.length - pending.length;
    if (others > 0) this.messages.skip('links', say('linkOther'), others);
    for (let progress = true; progress && pending.length > 0;) {
      progress = false;
      const next: ThemeLinkRef[] = [];
      for (const link of pending) {
        const to = themeGuids.has(link.target) ? { kind: 'theme' as const, guid: link.target } : placed.has(link.target) ? { kind: 'link' as const, guid: link.target } : undefined;
        if (!to) { next.push(link); continue; }
        const notes = this.fromTematik ? link.notes.filter((g) => isThemeNote(context.note(g)?.description ?? '')) : [];
        for (const note of notes) this.claimedNotes.add(note);
        const comments = notes.map((g) => readCommentNote(g, context.note(g)!)).filter((c): c is PlannedComment => c !== undefined);
        planned.push({ guid: link.guid, fromGuid: link.origin, to, ...kindOf(link.name, this.messages), comments });
        placed.add(link.guid);
        progress = true;
      }
      pending = next;
    }
    if (pending.length > 0) this.messages.skip('links', say('linkOther'), pending.length);
    return planned;
  }
}

function kindOf(name: string, messages: ImportNotes): { kind: ThemeLinkKind; label: string } {
  const match = LINK_NAME.exec(name);
  const kind = THEME_LINK_KINDS.find((k) => k === match?.[1]);
  if (kind) return { kind, label: match?.[2]?.trim() ?? '' };
  messages.note('links', say('linkKind'));
  return { kind: 'associated-with', label: name };
}

/** Sub-themes after their parents; a parent cycle (a hand-edited file) leaves the rest at the top level. */
function parentsFirst(themes: readonly PlannedTheme[]): PlannedTheme[] {
  const ordered: PlannedTheme[] = [];
  const done = new Set<string>();
  let rest = [...themes];
  while (rest.length > 0) {
    const ready = rest.filter((t) => t.parentGuid === undefined || done.has(t.parentGuid) || !themes.some((p) => p.guid === t.parentGuid));
    const batch = ready.length > 0 ? ready : rest.map((t) => ({ ...t, parentGuid: undefined }));
    for (const t of batch) { ordered.push(t); done.add(t.guid); }
    rest = rest.filter((t) => !done.has(t.guid));
  }
  return ordered;
}
