import path from 'node:path';
import { deliver } from '../../export/deliver';
import { exportFileName } from '../../export/file-name';
import { writeCodebookPlan } from '../../refi/codebook';
import { readTaguetteCodebookFile, taguetteCodebookCsv } from '../../refi/taguette';
import type { HandlerGroup } from '../handler-types';

export const taguetteHandlers: HandlerGroup<'taguette'> = {
  'taguette.exportCodebook': async ({ path: file }, ctx) => {
    const { data } = ctx.session;
    const bytes = Buffer.from(taguetteCodebookCsv(await data.codes.list()), 'utf8');
    return deliver(bytes, file, exportFileName((await data.project.info()).name, 'codebook for Taguette', '.csv'), ['.csv']);
  },
  'taguette.importCodebook': ({ path: file, language }, ctx) => {
    const resolved = path.resolve(file);
    return writeCodebookPlan(ctx.session.data, readTaguetteCodebookFile(resolved), path.basename(resolved), { language, action: 'taguette.importCodebook' });
  },
};
