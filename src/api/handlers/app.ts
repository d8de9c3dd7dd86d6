import fs from 'node:fs';
import path from 'node:path';
import { TematikError } from '../../domain/errors';
import { defineMessages } from '../../domain/text';
import { PROJECT_EXTENSION } from '../../store/project-files';
import { buildSample, SAMPLE_SHEET, type SampleVariant } from '../../sample/build';
import { invoker } from '../dispatch';
import { forgetRecent, readRecent, rememberRecent } from '../recent';
import type { HandlerGroup } from '../handler-types';
import type { Context } from '../session';

const say = defineMessages({
  en: {
    noDialogs: 'This window has no file dialogs (browser mode): type the path instead.',
    sampleMissing: 'The sample study is not installed with this copy of Tematik.',
    badExtension: '{file}: a project file must end in {extension}.',
    sampleExists: '{file} already exists: choose a new file name for the sample study, or delete the old one first.',
    noDataDir: 'The sample study needs a data folder to live in, and this copy of Tematik has none.',
  },
  id: {
    noDialogs: 'Jendela ini tidak punya dialog berkas (mode peramban): ketik path-nya saja.',
    sampleMissing: 'Studi contoh tidak terpasang bersama salinan Tematik ini.',
    badExtension: '{file}: nama berkas proyek harus berakhiran {extension}.',
    sampleExists: '{file} sudah ada: pilih nama berkas baru untuk studi contoh, atau hapus berkas lama lebih dulu.',
    noDataDir: 'Studi contoh memerlukan folder data sebagai tempatnya, dan salinan Tematik ini tidak punya.',
  },
});

const SAMPLES: Readonly<Record<SampleVariant, { readonly name: string; readonly file: string }>> = {
  worked: { name: 'Contoh lengkap — Co-creation dan daya saing UMKM', file: 'Sample study — worked example (co-creation UMKM).tematik' },
  practice: { name: 'Contoh — Co-creation dan daya saing UMKM', file: 'Sample study (co-creation UMKM).tematik' },
};
const VERSION = '0.1.0';

function appInfo(ctx: Context) {
  const { host } = ctx.session;
  return {
    host: host.kind,
    dialogs: host.choosePaths !== undefined,
    sampleAvailable: host.sampleDir !== undefined && fs.existsSync(path.join(host.sampleDir, SAMPLE_SHEET)),
    recent: readRecent(host.dataDir),
    projectPath: ctx.session.isOpen ? ctx.session.data.location : null,
    version: VERSION,
  };
}

/**
 * Builds the sample under a hidden partial name and renames it into place when complete, so a
 * build that fails or is killed never leaves a half-made sample that would be opened as is.
 */
async function buildSampleAt(file: string, variant: SampleVariant, sampleDir: string, ctx: Context): Promise<void> {
  const partial = path.join(path.dirname(file), `.${path.basename(file, PROJECT_EXTENSION)}.partial${PROJECT_EXTENSION}`);
  const removePartial = (): void => {
    for (const suffix of ['', '-wal', '-shm', '.lock', '-backups']) fs.rmSync(`${partial}${suffix}`, { recursive: true, force: true });
  };
  removePartial();
  try {
    await ctx.session.open(partial, { create: true, name: SAMPLES[variant].name });
    await buildSample(invoker(ctx), sampleDir, variant, ctx.progress);
    ctx.session.close();
    fs.renameSync(partial, file);
  } finally {
    ctx.session.close();
    removePartial();
  }
}

export const appHandlers: HandlerGroup<'app'> = {
  'app.info': (_, ctx) => appInfo(ctx),
  'app.choosePaths': async ({ kind }, ctx) => {
    const choose = ctx.session.host.choosePaths;
    if (!choose) throw new TematikError('invalid_args', say('noDialogs'));
    return choose(kind);
  },
  'app.openSample': async ({ variant = 'practice', path: wanted }, ctx) => {
    const { dataDir, sampleDir } = ctx.session.host;
    if (!sampleDir || !fs.existsSync(path.join(sampleDir, SAMPLE_SHEET))) {
      throw new TematikError('not_found', say('sampleMissing'));
    }
    let file: string;
    if (wanted !== undefined) {
      file = path.resolve(wanted);
      if (path.extname(file).toLowerCase() !== PROJECT_EXTENSION) {
        throw new TematikError('invalid_args', say('badExtension', { file: wanted, extension: PROJECT_EXTENSION }));
      }
      if (fs.existsSync(file)) throw new TematikError('conflict', say('sampleExists', { file }));
    } else {
      if (!dataDir) throw new TematikError('not_found', say('noDataDir'));
      fs.mkdirSync(dataDir, { recursive: true });
      file = path.join(dataDir, SAMPLES[variant].file);
    }
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await buildSampleAt(file, variant, sampleDir, ctx);
    }
    await ctx.session.open(file);
    const info = await ctx.session.data.project.info();
    rememberRecent(dataDir, { path: file, name: info.name });
    return info;
  },
  'app.forgetRecent': ({ path: file }, ctx) => {
    forgetRecent(ctx.session.host.dataDir, file);
    return appInfo(ctx);
  },
};
