import type { HandlerGroup } from '../handler-types';

/** Queries only: triangulation and co-occurrence never change the project. */
export const analysisHandlers: HandlerGroup<'analysis'> = {
  'analysis.triangulation': (args, ctx) => ctx.session.data.analysis.triangulation(args),
  'analysis.cellExtracts': (args, ctx) => ctx.session.data.analysis.cellExtracts(args),
  'analysis.cooccurrence': ({ scope }, ctx) => ctx.session.data.analysis.cooccurrence(scope),
  'analysis.cooccurrenceExtracts': ({ a, b, scope }, ctx) => ctx.session.data.analysis.cooccurrenceExtracts(a, b, scope),
};
