import { agreement, disagreements } from '../../analysis/agreement/agreement';
import { agreementInput } from '../../analysis/agreement/input';
import type { HandlerGroup } from '../handler-types';

/** Queries only: triangulation, co-occurrence and agreement never change the project. */
export const analysisHandlers: HandlerGroup<'analysis'> = {
  'analysis.triangulation': (args, ctx) => ctx.session.data.analysis.triangulation(args),
  'analysis.cellExtracts': (args, ctx) => ctx.session.data.analysis.cellExtracts(args),
  'analysis.cooccurrence': ({ scope }, ctx) => ctx.session.data.analysis.cooccurrence(scope),
  'analysis.cooccurrenceExtracts': ({ a, b, scope }, ctx) => ctx.session.data.analysis.cooccurrenceExtracts(a, b, scope),
  // One state of the project for all the reads, so codings and documents cannot change in between.
  'analysis.agreement': (args, ctx) => ctx.session.data.read(async (reader) => agreement(await agreementInput(reader, args))),
  'analysis.agreementDisagreements': ({ codeId, documentId, ...options }, ctx) => ctx.session.data.read(async (reader) =>
    disagreements(await agreementInput(reader, options, true), { ...(codeId !== undefined ? { codeId } : {}), ...(documentId !== undefined ? { documentId } : {}) })),
};
