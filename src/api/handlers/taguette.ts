import path from 'node:path';
import { deliver } from '../../export/deliver';
import { exportFileName } from '../../export/file-name';
import { writeCodebookPlan } from '../../refi/codebook';
import { readTaguetteCodebookFile, taguetteCodebookCsv } from '../../refi/taguette';
import { listCodes } from '../../store/codes';
import { projectInfo } from '../../store/project';
import type { HandlerGroup } from '../handler-types';

export const taguetteHandlers: HandlerGroup<'taguette'> = {
  'taguette.exportCodebook': ({ path: file }, ctx) => {
    const { store } = ctx.session;
    const bytes = Buffer.from(taguetteCodebookCsv(listCodes(store.db)), 'utf8');
    return deliver(bytes, file, exportFileName(projectInfo(store.db, store.file).name, 'codebook for Taguette', '.csv'), ['.csv']);
  },
  'taguette.importCodebook': ({ path: file, language }, ctx) => {
    const resolved = path.resolve(file);
    return writeCodebookPlan(ctx.session.store, readTaguetteCodebookFile(resolved), path.basename(resolved), { language, action: 'taguette.importCodebook' });
  },
};
