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
  'team.merge': async ({ path: file, resolutions, language }, ctx) => {
    const { session } = ctx;
    const settled = new Map(Object.entries(resolutions ?? {}) as [string, MergeChoice][]);
    const report = await session.data.mergeCopy(readCopy(file, session.data.location), path.basename(file), settled, language ?? 'en');
    // Whoever merges a coder's copy in is the one coding this project here: the window need not ask "who is coding?" now that others have coded it.
    if (!report.unchanged && !session.coderChosen) session.setCoder(session.data.coder);
    return report;
  },
};
