import { cooccurrenceMatrix, cooccurrencePairs } from '../../analysis/cooccurrence';
import { cellExtracts, triangulationMatrix } from '../../analysis/triangulation';
import type { HandlerGroup } from '../handler-types';

/** Queries only: triangulation and co-occurrence never change the project. */
export const analysisHandlers: HandlerGroup<'analysis'> = {
  'analysis.triangulation': (args, ctx) => triangulationMatrix(ctx.session.store.db, args),
  'analysis.cellExtracts': (args, ctx) => cellExtracts(ctx.session.store.db, args),
  'analysis.cooccurrence': ({ scope }, ctx) => cooccurrenceMatrix(ctx.session.store.db, scope),
  'analysis.cooccurrenceExtracts': ({ a, b, scope }, ctx) => cooccurrencePairs(ctx.session.store.db, a, b, scope),
};
