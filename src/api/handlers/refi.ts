import path from 'node:path';
import { deliver } from '../../export/deliver';
import { exportFileName } from '../../export/file-name';
import { readCodebookFile, writeCodebookPlan } from '../../refi/codebook';
import { buildCodebookExport, exportProjectArchive } from '../../refi/export';
import { inspectProjectFile } from '../../refi/inspect-project';
import { readProjectFile } from '../../refi/read-project';
import { writeProjectPlan } from '../../refi/write-project';
import { projectInfo } from '../../store/project';
import type { HandlerGroup } from '../handler-types';
import type { Context } from '../session';

/** The project's name as a file name that every system accepts. */
function fileNameFor(ctx: Context, extension: string): string {
  const { store } = ctx.session;
  return exportFileName(projectInfo(store.db, store.file).name, '', extension);
}

export const refiHandlers: HandlerGroup<'refi'> = {
  'refi.exportProject': ({ path: file, lineEndings }, ctx) => {
    const { store } = ctx.session;
    ctx.progress({ done: 0, total: 1, label: 'Writing the REFI-QDA project' });
    const bytes = exportProjectArchive(store.db, store.coder, lineEndings);
    ctx.progress({ done: 1, total: 1, label: 'Done' });
    return deliver(bytes, file, fileNameFor(ctx, '.qdpx'), ['.qdpx']);
  },
  'refi.exportCodebook': ({ path: file }, ctx) => {
    const bytes = Buffer.from(buildCodebookExport(ctx.session.store.db), 'utf8');
    return deliver(bytes, file, fileNameFor(ctx, '.qdc'), ['.qdc']);
  },
  'refi.inspectProject': ({ path: file }) => inspectProjectFile(path.resolve(file)),
  'refi.importProject': async ({ path: file, typeVariable, language }, ctx) => {
    const { store } = ctx.session;
    const resolved = path.resolve(file);
    // Read and check the whole file (again, after an inspection) before the transaction: a refused file or choice writes nothing.
    const plan = await readProjectFile(resolved, (done, total, label) => ctx.progress({ done, total: total + 1, label }), { ...(typeVariable === undefined ? {} : { typeVariable }), ...(language ? { language } : {}) });
    ctx.progress({ done: 3, total: 4, label: 'Saving' });
    const report = writeProjectPlan(store, plan, path.basename(resolved), language);
    ctx.progress({ done: 4, total: 4, label: 'Done' });
    return report;
  },
  'refi.importCodebook': ({ path: file, language }, ctx) => {
    const resolved = path.resolve(file);
    return writeCodebookPlan(ctx.session.store, readCodebookFile(resolved), path.basename(resolved), { language });
  },
};
