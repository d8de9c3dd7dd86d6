import fs from 'node:fs';
import path from 'node:path';
import { TematikError } from '../../domain/errors';
import { planFolder, runImport } from '../../import/batch';
import { projectInfo } from '../../store/project';
import { forgetRecent, readRecent, rememberRecent } from '../recent';
import type { HandlerGroup } from '../handler-types';
import type { Context } from '../session';

const SAMPLE_NAME = 'Contoh — Co-creation dan daya saing UMKM';
const SAMPLE_FILE = 'Sample study (co-creation UMKM).tematik';
const SHEET = 'informants.csv';
const VERSION = '0.1.0';

function appInfo(ctx: Context) {
  const { host } = ctx.session;
  return {
    host: host.kind,
    dialogs: host.choosePaths !== undefined,
    sampleAvailable: host.sampleDir !== undefined && fs.existsSync(path.join(host.sampleDir, SHEET)),
    recent: readRecent(host.dataDir),
    projectPath: ctx.session.isOpen ? ctx.session.store.file : null,
    version: VERSION,
  };
}

export const appHandlers: HandlerGroup<'app'> = {
  'app.info': (_, ctx) => appInfo(ctx),
  'app.choosePaths': async ({ kind }, ctx) => {
    const choose = ctx.session.host.choosePaths;
    if (!choose) throw new TematikError('invalid_args', 'This window has no file dialogs (browser mode): type the path instead.');
    return choose(kind);
  },
  'app.openSample': async (_, ctx) => {
    const { dataDir, sampleDir } = ctx.session.host;
    if (!dataDir || !sampleDir || !fs.existsSync(path.join(sampleDir, SHEET))) {
      throw new TematikError('not_found', 'The sample study is not installed with this copy of Tematik.');
    }
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, SAMPLE_FILE);
    if (fs.existsSync(file)) {
      ctx.session.open(file);
    } else {
      const store = ctx.session.open(file, true, SAMPLE_NAME);
      try {
        await runImport(store, planFolder(sampleDir, path.join(sampleDir, SHEET)), { progress: ctx.progress });
      } catch (error) {
        // A half-made sample would be opened as is next time: remove it so the next try starts clean.
        ctx.session.close();
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
        throw error;
      }
    }
    const info = projectInfo(ctx.session.store.db, file);
    rememberRecent(dataDir, { path: file, name: info.name });
    return info;
  },
  'app.forgetRecent': ({ path: file }, ctx) => {
    forgetRecent(ctx.session.host.dataDir, file);
    return appInfo(ctx);
  },
};
