import type { AgreementTakesPart, AgreementUnit } from '../../domain/agreement';
import { TematikError } from '../../domain/errors';
import type { CodeId, CoderId, DocumentId } from '../../domain/ids';
import { defineMessages } from '../../domain/text';
import type { ProjectReader } from '../../store/project-data';
import type { AgreementInput, AgreementVariable } from './agreement';

const say = defineMessages({
  en: {
    fewerThanTwo: 'Choose at least two coders to compare; {count} chosen. The project\'s coders: {coders}.',
    sameCoderTwice: 'Coder "{coder}" is chosen twice; choose different coders.',
    unknownCoder: 'There is no coder "{coder}" in this project. Its coders: {coders}.',
    noCodings: 'Coder "{coder}" has made no codings in the documents compared, so there is nothing of theirs to compare. Choose coders who have coded these documents.',
    unknownCode: 'Code {id} does not exist (it may have been deleted or merged). Refresh the codebook and choose again.',
    unknownDocument: 'Document {id} does not exist (it may have been deleted). Refresh the document list and choose again.',
    codesAndGroup: 'Compare either codes or one code group, not both.',
    assignedAndAll: 'Give either the documents assigned to each coder or "every coder read every document", not both.',
    assignedNotCompared: 'Documents are assigned to "{coder}", who is not among the coders compared; add the coder or remove the assignment.',
    groupTooSmall: 'The group "{name}" has {count} sub-code(s); a group is compared as one choice among its sub-codes, so it needs at least two.',
    noSharedDocument: 'No document was coded by at least two of the chosen coders, so there is nothing to compare. A coder counts in a document where they made at least one coding; choose "every coder read every document" if that is how the work was shared.',
  },
  id: {
    fewerThanTwo: 'Pilih sedikitnya dua pengode untuk dibandingkan; baru {count} yang dipilih. Pengode proyek ini: {coders}.',
    sameCoderTwice: 'Pengode "{coder}" dipilih dua kali; pilih pengode yang berbeda.',
    unknownCoder: 'Tidak ada pengode "{coder}" di proyek ini. Pengodenya: {coders}.',
    noCodings: 'Pengode "{coder}" belum membuat pengodean apa pun di transkrip yang dibandingkan, jadi tidak ada yang bisa dibandingkan darinya. Pilih pengode yang sudah mengode transkrip ini.',
    unknownCode: 'Kode {id} tidak ada (mungkin sudah dihapus atau digabungkan). Muat ulang buku kode lalu pilih lagi.',
    unknownDocument: 'Transkrip {id} tidak ada (mungkin sudah dihapus). Muat ulang daftar transkrip lalu pilih lagi.',
    codesAndGroup: 'Bandingkan kode-kode atau satu kelompok kode, jangan keduanya.',
    assignedAndAll: 'Berikan transkrip yang ditugaskan kepada tiap pengode atau "setiap pengode membaca setiap transkrip", jangan keduanya.',
    assignedNotCompared: 'Ada transkrip yang ditugaskan kepada "{coder}", padahal ia tidak termasuk pengode yang dibandingkan; tambahkan pengode itu atau hapus penugasannya.',
    groupTooSmall: 'Kelompok "{name}" punya {count} subkode; kelompok dibandingkan sebagai satu pilihan di antara subkodenya, jadi perlu sedikitnya dua.',
    noSharedDocument: 'Tidak ada transkrip yang dikode oleh sedikitnya dua pengode yang dipilih, jadi tidak ada yang bisa dibandingkan. Seorang pengode dihitung di transkrip tempat ia membuat sedikitnya satu pengodean; pilih "setiap pengode membaca setiap transkrip" bila pembagian kerjanya memang begitu.',
  },
});

/** What the user asks to compare, as the contract's `analysis.agreement` takes it. */
export interface AgreementOptions {
  /** Coder ids or names (case ignored). */
  readonly coders: readonly (number | string)[];
  readonly documentIds?: readonly DocumentId[] | undefined;
  readonly codeIds?: readonly CodeId[] | undefined;
  readonly groupId?: CodeId | undefined;
  readonly unit?: AgreementUnit | undefined;
  readonly includeUncoded?: boolean | undefined;
  readonly takesPart?: Exclude<AgreementTakesPart, 'assigned'> | undefined;
  /** The documents each compared coder was given; a coder left out counts where they coded. */
  readonly assignments?: readonly { readonly coder: number | string; readonly documentIds: readonly DocumentId[] }[] | undefined;
}

/**
 * Reads what the comparison needs (one state of the project: call inside `data.read`) and
 * checks it, refusing in the user's language what cannot be compared. `withText`: the
 * drill-down shows the units' text, so it reads the texts whatever the unit.
 */
export async function agreementInput(reader: ProjectReader, options: AgreementOptions, withText = false): Promise<AgreementInput> {
  const projectCoders = await reader.agreement.coders();
  const roster = projectCoders.map((c) => c.name).join(', ') || '–';
  const coderFor = (wanted: number | string) => {
    const found = typeof wanted === 'number'
      ? projectCoders.find((c) => c.id === wanted)
      : projectCoders.find((c) => c.name.toLowerCase() === wanted.trim().toLowerCase());
    if (!found) throw new TematikError('not_found', say('unknownCoder', { coder: String(wanted), coders: roster }));
    return found;
  };
  const coders = options.coders.map(coderFor);
  if (coders.length < 2) throw new TematikError('invalid_args', say('fewerThanTwo', { count: coders.length, coders: roster }));
  const seen = new Set<number>();
  for (const coder of coders) {
    if (seen.has(coder.id)) throw new TematikError('invalid_args', say('sameCoderTwice', { coder: coder.name }));
    seen.add(coder.id);
  }
  if (options.codeIds !== undefined && options.groupId !== undefined) throw new TematikError('invalid_args', say('codesAndGroup'));
  if (options.assignments !== undefined && options.takesPart === 'all') throw new TematikError('invalid_args', say('assignedAndAll'));
  let assigned: Set<number>[] | null = null;
  if (options.assignments !== undefined) {
    assigned = coders.map(() => new Set<number>());
    for (const assignment of options.assignments) {
      const coder = coderFor(assignment.coder);
      const place = coders.findIndex((c) => c.id === coder.id);
      if (place < 0) throw new TematikError('invalid_args', say('assignedNotCompared', { coder: coder.name }));
      for (const id of assignment.documentIds) assigned[place]!.add(id);
    }
  }

  const unit = options.unit ?? 'turn';
  const needsText = withText || unit === 'sentence' || unit === 'character';
  const documentIds = options.documentIds ? [...new Set(options.documentIds)] : null;
  const source = await reader.agreement.source(coders.map((c) => c.id as CoderId), documentIds, needsText);
  const present = new Set(source.documents.map((d) => d.id as number));
  const missing = documentIds?.find((id) => !present.has(id));
  if (missing !== undefined) throw new TematikError('not_found', say('unknownDocument', { id: String(missing) }));
  if (assigned) {
    // An assignment outside the compared documents is left aside; a document that does not exist at all is refused.
    const unknown = documentIds === null ? assigned.flatMap((set) => [...set]).find((id) => !present.has(id)) : undefined;
    if (unknown !== undefined) throw new TematikError('not_found', say('unknownDocument', { id: String(unknown) }));
  }
  const codedBy = new Set(source.codings.coder);
  // A coder given documents who found nothing to code in them is data; one with neither codings nor documents is not.
  const silent = coders.find((c, place) => !codedBy.has(c.id) && !(assigned && assigned[place]!.size > 0));
  if (silent) throw new TematikError('invalid_args', say('noCodings', { coder: silent.name }));

  const codes = new Map(source.codes.map((c) => [c.id as number, c]));
  let variables: AgreementVariable[];
  let group: AgreementInput['group'] = null;
  if (options.groupId !== undefined) {
    const parent = codes.get(options.groupId);
    if (!parent) throw new TematikError('not_found', say('unknownCode', { id: String(options.groupId) }));
    const children = source.codes.filter((c) => c.parentId === parent.id);
    if (children.length < 2) throw new TematikError('invalid_args', say('groupTooSmall', { name: parent.name, count: children.length }));
    // A sub-code's own sub-codes give its value: coding "Trust / doubt / mild" is coding "doubt".
    const valueOf = new Map<number, number>();
    const valueFor = (id: number): number | undefined => {
      for (let code = codes.get(id); code; code = code.parentId === null ? undefined : codes.get(code.parentId)) {
        const index = children.findIndex((child) => child.id === code!.id);
        if (index >= 0) return index + 1;
      }
      return undefined;
    };
    for (const code of source.codes) {
      const value = valueFor(code.id);
      if (value !== undefined) valueOf.set(code.id, value);
    }
    variables = [{ id: parent.id, name: parent.name, valueOf, values: children.map((c) => c.name) }];
    group = { id: parent.id, name: parent.name };
  } else {
    const chosen = options.codeIds ? [...new Set(options.codeIds)] : source.codes.map((c) => c.id);
    variables = chosen.map((id) => {
      const code = codes.get(id);
      if (!code) throw new TematikError('not_found', say('unknownCode', { id: String(id) }));
      return { id: code.id, name: code.name, valueOf: new Map([[code.id as number, 1]]), values: [code.name] };
    });
  }

  const takesPart: AgreementTakesPart = assigned ? 'assigned' : options.takesPart ?? 'coded';
  if (takesPart !== 'all') {
    const together = new Map<number, Set<number>>();
    const counted = (document: number, coder: number) => {
      let set = together.get(document);
      if (!set) together.set(document, (set = new Set()));
      set.add(coder);
    };
    for (let i = 0; i < source.codings.document.length; i++) counted(source.codings.document[i]!, source.codings.coder[i]!);
    assigned?.forEach((documents, c) => { for (const document of documents) if (present.has(document)) counted(document, coders[c]!.id); });
    if (![...together.values()].some((set) => set.size >= 2)) throw new TematikError('invalid_args', say('noSharedDocument'));
  }
  return {
    unit, includeUncoded: options.includeUncoded ?? true, takesPart, assigned,
    coders: coders.map((c) => ({ id: c.id, name: c.name })),
    documents: source.documents, codings: source.codings, variables, group,
  };
}
