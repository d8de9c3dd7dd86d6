import path from 'node:path';
import { TematikError } from '../../domain/errors';
import { defineMessages } from '../../domain/text';
import { planFolder, runImport } from '../../import/batch';
import type { HandlerGroup } from '../handler-types';

const say = defineMessages({
  en: { emptyFolder: '{folder} holds no transcripts (.txt, .md, .docx, .vtt, .srt); nothing was imported.' },
  id: { emptyFolder: '{folder} tidak berisi transkrip (.txt, .md, .docx, .vtt, .srt); tidak ada yang diimpor.' },
});

export const importHandlers: HandlerGroup<'import'> = {
  'import.files': async ({ paths, informantId, skipBad, swapRoles }, ctx) => {
    const { data } = ctx.session;
    if (informantId !== undefined) await data.informants.get(informantId);
    const unique = [...new Set(paths.map((p) => path.resolve(p)))];
    const plan = { items: unique.map((file) => ({ file, informantLabels: [] })), sheetRows: [], skipped: [] };
    return runImport(data, plan, { progress: ctx.progress, swapRoles: swapRoles ?? false, ...(skipBad !== undefined ? { skipBad } : {}), ...(informantId !== undefined ? { informantId } : {}) });
  },
  'import.folder': async ({ folder, sheet, skipBad, swapRoles }, ctx) => {
    const plan = planFolder(path.resolve(folder), sheet ? path.resolve(sheet) : undefined);
    if (plan.items.length === 0) {
      throw new TematikError('bad_input', say('emptyFolder', { folder }));
    }
    return runImport(ctx.session.data, plan, { progress: ctx.progress, swapRoles: swapRoles ?? false, ...(skipBad !== undefined ? { skipBad } : {}) });
  },
};
