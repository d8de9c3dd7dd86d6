import type { LocalClient } from '../../../src/api/client';
import type { CodeId, DocumentId, Utf16Offset } from '../../../src/domain/ids';
import type { Coding, Turn } from '../../../src/domain/types';
import { newProject, SAMPLE_SHEET, SAMPLE_STUDY } from '../../helpers/temp-project';

/** The sample study imported with its informant sheet, and helpers to code its transcripts by label ("P-01", "KP-01"). */
export interface SampleStudy {
  readonly client: LocalClient;
  /** A transcript by the informant label its file name starts with. */
  readonly doc: (label: string) => DocumentId;
  readonly text: (label: string) => string;
  readonly code: (name: string) => Promise<CodeId>;
  /** Where the `nth` (0-based) occurrence of `needle` is among what the informants said in a transcript (interviewer turns skipped). */
  readonly spokenAt: (label: string, needle: string, nth?: number) => number;
  /** Codes that occurrence, as a researcher codes what an informant said. */
  readonly codeWord: (codeId: CodeId, label: string, needle: string, nth?: number) => Promise<Coding>;
  /** Codes [start, end) of a transcript. */
  readonly codeRange: (codeId: CodeId, label: string, start: number, end: number) => Promise<Coding>;
}

export async function sampleStudy(): Promise<SampleStudy> {
  const client = await newProject();
  await client.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
  const docs = new Map<string, { id: DocumentId; text: string; turns: readonly Turn[] }>();
  for (const summary of await client.invoke('documents.list', {})) {
    const { text, turns } = await client.invoke('documents.get', { id: summary.id });
    docs.set(summary.title.split('_')[0]!, { id: summary.id, text, turns });
  }
  const get = (label: string): { id: DocumentId; text: string; turns: readonly Turn[] } => {
    const found = docs.get(label);
    if (!found) throw new Error(`no sample transcript for ${label}`);
    return found;
  };
  const spokenAt = (label: string, needle: string, nth = 0): number => {
    const { text, turns } = get(label);
    const spoken = (at: number): boolean => turns.some((t) => t.role === 'informant' && t.start <= at && at + needle.length <= t.end);
    let at = -1;
    for (let i = 0; i <= nth; i++) {
      do at = text.indexOf(needle, at + 1); while (at >= 0 && !spoken(at));
      if (at < 0) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times in what the informants of ${label} said`);
    }
    return at;
  };
  const codeRange = (codeId: CodeId, label: string, start: number, end: number): Promise<Coding> =>
    client.invoke('codings.apply', { documentId: get(label).id, codeId, start: start as Utf16Offset, end: end as Utf16Offset });
  return {
    client,
    doc: (label) => get(label).id,
    text: (label) => get(label).text,
    code: async (name) => (await client.invoke('codes.create', { name })).id,
    codeRange,
    spokenAt,
    codeWord: (codeId, label, needle, nth = 0) => {
      const at = spokenAt(label, needle, nth);
      return codeRange(codeId, label, at, at + needle.length);
    },
  };
}
