import path from 'node:path';
import type { AppliedName, DeidPreview } from '../../domain/deid';
import { TematikError } from '../../domain/errors';
import type { ProjectReader } from '../../store/project-data';
import { deidSpecs } from '../../deid/names';
import { planDeid, previewDeid } from '../../deid/preview';
import { speakerRenames } from '../../deid/speakers';
import { say } from '../../deid/strings';
import type { HandlerGroup } from '../handler-types';

/** Every hit of every known name in every transcript, read from one state of the project. */
async function preview(reader: ProjectReader, placeholder: string | undefined): Promise<DeidPreview> {
  const [informants, listed, key, summaries] = await Promise.all([reader.informants.list(), reader.redactions.list(), reader.deid.key(), reader.documents.list()]);
  const transcripts = [];
  for (const summary of summaries) transcripts.push(await reader.documents.get(summary.id));
  return previewDeid(deidSpecs(informants, listed, key, placeholder), transcripts);
}

/** De-identifying transcripts (src/deid): preview, apply in one step, the key, and the de-identified copy. */
export const deidHandlers: HandlerGroup<'deid'> = {
  'deid.preview': ({ placeholder }, ctx) => ctx.session.data.read((reader) => preview(reader, placeholder)),

  'deid.apply': async (args, ctx) => {
    const { data } = ctx.session;
    return data.change({ action: 'deid.apply', summary: 'De-identify the transcripts', args }, async (tx) => {
      const found = await preview(tx, args.placeholder);
      if (found.fingerprint !== args.fingerprint) throw new TematikError('conflict', say('stale'));
      const known = new Set(found.names.map((n) => n.id));
      const unknown = (args.skipNames ?? []).find((id) => !known.has(id));
      if (unknown !== undefined) throw new TematikError('conflict', say('unknownName', { id: unknown }));
      const plan = planDeid(found, new Set(args.skipHits ?? []), new Set(args.skipNames ?? []));
      if (plan.total === 0) throw new TematikError('invalid_args', say('nothingToApply'));

      let codingsChanged = 0;
      for (const [documentId, edits] of plan.edits) {
        const before = await tx.documents.get(documentId);
        const result = await tx.documents.editText(documentId, edits, { expectedHash: before.contentHash });
        codingsChanged += result.codingsMoved;
        // A speaker label is the name as the transcript wrote it ("Pak Joko"): it is replaced as the text was.
        const renames = speakerRenames(before.turns.map((t) => t.speaker), found.names, new Set(args.skipNames ?? []));
        if (renames.length) await tx.deid.renameSpeakers(documentId, renames);
      }
      const byId = new Map(found.names.map((n) => [n.id, n]));
      const applied: AppliedName[] = [];
      for (const [nameId, per] of plan.replaced) {
        const name = byId.get(nameId)!;
        for (const [pseudonym, replaced] of per) applied.push({ name: name.name, pseudonym, kind: name.kind, informantId: name.informantId, replaced });
      }
      await tx.deid.recordKey(applied);
      return { replaced: plan.total, documents: plan.edits.size, codingsChanged };
    }, (result) => ({ summary: say('summaryApply', { count: result.replaced, documents: result.documents }).en, args }));
  },

  'deid.key': (_, ctx) => ctx.session.data.deid.key(),

  'deid.share': ({ path: out, qdpxPath, placeholder, withholdAttributes, language }, ctx) =>
    ctx.session.data.shareDeidentified({ out: path.resolve(out), qdpx: qdpxPath ? path.resolve(qdpxPath) : undefined, placeholder, withholdAttributes, language: language ?? 'en' }),
};
