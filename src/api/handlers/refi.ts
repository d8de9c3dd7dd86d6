import path from 'node:path';
import { deliver } from '../../export/deliver';
import { exportFileName } from '../../export/file-name';
import { readCodebookFile, writeCodebookPlan } from '../../refi/codebook';
import { inspectProjectFile } from '../../refi/inspect-project';
import { readProjectFile } from '../../refi/read-project';
import { writeProjectPlan } from '../../refi/write-project';
import type { HandlerGroup } from '../handler-types';
import type { Context } from '../session';

/** The project's name as a file name that every system accepts. */
async function fileNameFor(ctx: Context, extension: string): Promise<string> {
  return exportFileName((await ctx.session.data.project.info()).name, '', extension);
}

export const refiHandlers: HandlerGroup<'refi'> = {
  'refi.exportProject': async ({ path: file, lineEndings }, ctx) => {
    ctx.progress({ done: 0, total: 1, label: 'Writing the REFI-QDA project' });
    const bytes = await ctx.session.data.exchange.projectArchive(lineEndings);
    ctx.progress({ done: 1, total: 1, label: 'Done' });
    return deliver(bytes, file, await fileNameFor(ctx, '.qdpx'), ['.qdpx']);
  },
  'refi.exportCodebook': async ({ path: file }, ctx) => {
    const bytes = Buffer.from(await ctx.session.data.exchange.codebookXml(), 'utf8');
    return deliver(bytes, file, await fileNameFor(ctx, '.qdc'), ['.qdc']);
  },
  'refi.inspectProject': ({ path: file }) => inspectProjectFile(path.resolve(file)),
  'refi.importProject': async ({ path: file, typeVariable, language }, ctx) => {
    const resolved = path.resolve(file);
    // Read and check the whole file (again, after an inspection) before the transaction: a refused file or choice writes nothing.
    const plan = await readProjectFile(resolved, (done, total, label) => ctx.progress({ done, total: total + 1, label }), { ...(typeVariable === undefined ? {} : { typeVariable }), ...(language ? { language } : {}) });
    ctx.progress({ done: 3, total: 4, label: 'Saving' });
    const report = await writeProjectPlan(ctx.session.data, plan, path.basename(resolved), language);
    ctx.progress({ done: 4, total: 4, label: 'Done' });
    return report;
  },
  'refi.importCodebook': ({ path: file, language }, ctx) => {
    const resolved = path.resolve(file);
    return writeCodebookPlan(ctx.session.data, readCodebookFile(resolved), path.basename(resolved), { language, action: 'refi.importCodebook' });
  },
};
