import path from 'node:path';
import type { MergeChoice } from '../../domain/team';
import { readCopy } from '../../team/read-copy';
import type { HandlerGroup } from '../handler-types';

/** Team coding with copies (src/team): a copy for another coder, and merging it back. */
export const teamHandlers: HandlerGroup<'team'> = {
  'team.copyForCoder': ({ path: out, coder, keepOwn }, ctx) => ctx.session.data.copyForCoder(path.resolve(out), coder, keepOwn ?? false),
  'team.mergePlan': ({ path: file }, ctx) => {
    const { data } = ctx.session;
    // Read and checked whole before the project is looked at: a damaged or foreign file is refused here.
    return data.mergePlan(readCopy(file, data.location), path.basename(file));
  },
  'team.merge': ({ path: file, resolutions, language }, ctx) => {
    const { data } = ctx.session;
    const settled = new Map(Object.entries(resolutions ?? {}) as [string, MergeChoice][]);
    return data.mergeCopy(readCopy(file, data.location), path.basename(file), settled, language ?? 'en');
  },
};
