import path from 'node:path';
import { TematikError } from '../../domain/errors';
import { defineMessages } from '../../domain/text';
import { planFolder, planFolderFiles, runImport } from '../../import/batch';
import type { HandlerGroup } from '../handler-types';

const say = defineMessages({
  en: {
    emptyFolder: '{folder} holds no transcripts (.txt, .md, .docx, .vtt, .srt); nothing was imported.',
    noTranscripts: 'The folder chosen holds no transcripts (.txt, .md, .docx, .vtt, .srt) directly in it; nothing was imported. Choose the folder the transcripts are in.',
  },
  id: {
    emptyFolder: '{folder} tidak berisi transkrip (.txt, .md, .docx, .vtt, .srt); tidak ada yang diimpor.',
    noTranscripts: 'Folder yang dipilih tidak berisi transkrip (.txt, .md, .docx, .vtt, .srt) langsung di dalamnya; tidak ada yang diimpor. Pilih folder tempat transkrip berada.',
  },
});

export const importHandlers: HandlerGroup<'import'> = {
  'import.files': async ({ paths, informantId, skipBad, swapRoles }, ctx) => {
    const { data } = ctx.session;
    if (informantId !== undefined) await data.informants.get(informantId);
    const unique = [...new Set(paths.map((p) => path.resolve(p)))];
    const plan = { items: unique.map((file) => ({ file, informantLabels: [] })), sheetRows: [], skipped: [] };
    return runImport(data, plan, { progress: ctx.progress, swapRoles: swapRoles ?? false, ...(skipBad !== undefined ? { skipBad } : {}), ...(informantId !== undefined ? { informantId } : {}) });
  },
  'import.folder': async ({ folder, files, sheet, skipBad, swapRoles }, ctx) => {
    const sheetPath = sheet ? path.resolve(sheet) : undefined;
    const plan = folder !== undefined ? planFolder(path.resolve(folder), sheetPath) : planFolderFiles((files ?? []).map((f) => path.resolve(f)), sheetPath);
    if (plan.items.length === 0) {
      throw new TematikError('bad_input', folder !== undefined ? say('emptyFolder', { folder }) : say('noTranscripts'));
    }
    return runImport(ctx.session.data, plan, { progress: ctx.progress, swapRoles: swapRoles ?? false, ...(skipBad !== undefined ? { skipBad } : {}) });
  },
};
