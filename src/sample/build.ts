import path from 'node:path';
import type { Invoke } from '../api/contract';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { CodeId, CodingId, DocumentId, ThemeId, ThemeLinkId } from '../domain/ids';
import type { DocumentContent, Phase, Progress } from '../domain/types';
import { SAMPLE_CODES, SAMPLE_DESCRIPTION, SAMPLE_CODINGS, SAMPLE_JOURNAL, SAMPLE_LINKS, SAMPLE_THEMES } from './worked-example';

const say = defineMessages({
  en: {
    undefinedCode: 'The worked example codes with "{name}", which its codebook does not define.',
    missingTranscript: 'The worked example needs transcript {document}, which the sample folder did not provide.',
    undefinedTheme: 'The worked example links theme "{key}", which it does not define.',
    linkOrder: 'The worked example\'s link "{key}" acts on a link defined after it.',
    phraseMissing: 'The worked example quotes "{phrase}", which does not occur in {title}.',
    phraseRepeated: 'The worked example quotes "{phrase}", which occurs more than once in {title}: quote a longer passage.',
    phraseOutsideTurn: 'The worked example quotes "{phrase}" in {title}, but it is not inside one informant\'s turn.',
    wrongSpeaker: 'The worked example expects "{phrase}" in {title} to be said by {speaker}, not {actual}.',
  },
  id: {
    undefinedCode: 'Contoh lengkap memakai kode "{name}", yang tidak ada di buku kodenya.',
    missingTranscript: 'Contoh lengkap memerlukan transkrip {document}, yang tidak ada di folder studi contoh.',
    undefinedTheme: 'Contoh lengkap menghubungkan tema "{key}", yang tidak didefinisikannya.',
    linkOrder: 'Hubungan "{key}" dalam contoh lengkap merujuk hubungan yang baru didefinisikan sesudahnya.',
    phraseMissing: 'Contoh lengkap mengutip "{phrase}", yang tidak ada di {title}.',
    phraseRepeated: 'Contoh lengkap mengutip "{phrase}", yang muncul lebih dari sekali di {title}: kutip bagian yang lebih panjang.',
    phraseOutsideTurn: 'Contoh lengkap mengutip "{phrase}" di {title}, tetapi kutipan itu tidak berada di dalam satu giliran bicara informan.',
    wrongSpeaker: 'Contoh lengkap mengharapkan "{phrase}" di {title} diucapkan oleh {speaker}, bukan {actual}.',
  },
});

/** Which sample: the fully analysed study, or the bare transcripts and sheet to practise on. */
export type SampleVariant = 'worked' | 'practice';

export const SAMPLE_SHEET = 'informants.csv';

/**
 * Fills the open (new, empty) project with the sample study, through the contract only:
 * the same actions a researcher's clicks dispatch, so the sample stays valid whatever the
 * schema becomes. The practice copy stops after the import.
 */
export async function buildSample(invoke: Invoke, sampleDir: string, variant: SampleVariant, progress: (p: Progress) => void = () => undefined): Promise<void> {
  await invoke('import.folder', { folder: sampleDir, sheet: path.join(sampleDir, SAMPLE_SHEET) });
  if (variant === 'practice') return;

  await invoke('project.update', { description: SAMPLE_DESCRIPTION });
  const total = SAMPLE_CODINGS.length + SAMPLE_THEMES.length + 1;
  let done = 0;
  const step = (label: string) => progress({ done: ++done, total, label });

  const documents = new Map<string, DocumentContent>();
  for (const summary of await invoke('documents.list', {})) {
    const key = /^[A-Z]+-\d+/.exec(summary.title)?.[0] ?? /^[A-Z]+-\d+/.exec(summary.sourceName)?.[0];
    if (key) documents.set(key, await invoke('documents.get', { id: summary.id }));
  }

  const codeIds = new Map<string, CodeId>();
  for (const code of SAMPLE_CODES) {
    const parentId = code.parent === undefined ? null : codeIds.get(code.parent) ?? null;
    const created = await invoke('codes.create', { name: code.name, parentId, description: code.description });
    codeIds.set(code.name, created.id);
  }
  const codeId = (name: string): CodeId => {
    const found = codeIds.get(name);
    if (found === undefined) throw new TematikError('internal', say('undefinedCode', { name }));
    return found;
  };

  // The journal runs across the phases: each entry is written while the project is in its phase.
  const journal = async (phase: Exclude<Phase, 6>) => {
    for (const entry of SAMPLE_JOURNAL.filter((e) => e.phase === phase)) {
      if (phase > 1) await invoke('project.setPhase', { phase, ...(entry.moveNote ? { note: entry.moveNote } : {}) });
      await invoke('memos.create', { kind: 'journal', title: entry.title, body: entry.body, target: { kind: 'project' } });
    }
  };
  await journal(1);
  await journal(2);

  const exemplars = new Map<string, CodingId>();
  for (const coding of SAMPLE_CODINGS) {
    const document = documents.get(coding.document);
    if (!document) throw new TematikError('not_found', say('missingTranscript', { document: coding.document }));
    const { start, end } = informantPassage(document, coding.phrase, coding.speaker);
    for (const name of coding.codes) {
      const applied = await invoke('codings.apply', { documentId: document.id as DocumentId, start, end, codeId: codeId(name) });
      if (coding.exemplarOf && !exemplars.has(coding.exemplarOf)) exemplars.set(coding.exemplarOf, applied.id);
    }
    step(document.title);
  }

  await journal(3);
  const themeIds = new Map<string, ThemeId>();
  for (const theme of SAMPLE_THEMES) {
    // The aspect (parent code) belongs to the theme its sub-codes build, so no code is left outside a theme.
    const parents = [...new Set(theme.codes.map((name) => SAMPLE_CODES.find((c) => c.name === name)?.parent).filter((p): p is string => p !== undefined))];
    const created = await invoke('themes.create', { name: theme.name, codeIds: [...parents, ...theme.codes].map(codeId) });
    themeIds.set(theme.key, created.id);
  }
  const themeId = (key: string): ThemeId => {
    const found = themeIds.get(key);
    if (found === undefined) throw new TematikError('internal', say('undefinedTheme', { key }));
    return found;
  };

  await journal(4);
  await invoke('map.move', { themes: SAMPLE_THEMES.map((theme) => ({ id: themeId(theme.key), ...theme.at })) });
  for (const theme of SAMPLE_THEMES) await invoke('themes.update', { id: themeId(theme.key), status: 'reviewed' });
  const linkIds = new Map<string, ThemeLinkId>();
  for (const link of SAMPLE_LINKS) {
    const target = link.to.startsWith('link:') ? { toLinkId: linkIds.get(link.to.slice(5)) } : { toThemeId: themeId(link.to) };
    if (Object.values(target)[0] === undefined) throw new TematikError('internal', say('linkOrder', { key: link.key }));
    const created = await invoke('themeLinks.create', { fromThemeId: themeId(link.from), kind: link.kind, label: link.label, ...target });
    linkIds.set(link.key, created.id);
  }
  step('Theme model');

  await journal(5);
  for (const theme of SAMPLE_THEMES) {
    const id = themeId(theme.key);
    await invoke('themes.update', { id, definition: theme.definition, scope: theme.scope, exemplarCodingId: exemplars.get(theme.key) ?? null });
    await invoke('themes.update', { id, status: 'defined' });
    await invoke('themes.setConvergence', { id, convergence: theme.convergence, reason: theme.reason });
    step(theme.name);
  }
}

/**
 * Where an informant said `phrase`: it must occur exactly once, inside one informant turn
 * (never the interviewer's question), spoken by `speaker` when one is named.
 */
export function informantPassage(document: Pick<DocumentContent, 'title' | 'text' | 'turns'>, phrase: string, speaker?: string): { start: number; end: number } {
  const start = document.text.indexOf(phrase);
  if (start < 0) throw new TematikError('not_found', say('phraseMissing', { phrase, title: document.title }));
  if (document.text.indexOf(phrase, start + 1) >= 0) throw new TematikError('conflict', say('phraseRepeated', { phrase, title: document.title }));
  const end = start + phrase.length;
  const turn = document.turns.find((t) => t.start <= start && end <= t.end);
  if (!turn || turn.role !== 'informant') {
    throw new TematikError('conflict', say('phraseOutsideTurn', { phrase, title: document.title }));
  }
  if (speaker !== undefined && !turn.speaker.includes(speaker)) {
    throw new TematikError('conflict', say('wrongSpeaker', { phrase, title: document.title, speaker, actual: turn.speaker }));
  }
  return { start, end };
}
