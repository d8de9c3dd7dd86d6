import path from 'node:path';
import { TematikError } from '../../domain/errors';
import { defineMessages, joinText, type LocalizedText } from '../../domain/text';
import type { BackupEntry } from '../../domain/types';
import { abandonRestore, completeRestore, listBackups, prepareRestore, PROJECT_EXTENSION, resolveBackup } from '../../store/project-files';
import { rememberRecent } from '../recent';
import type { HandlerGroup } from '../handler-types';
import type { Context } from '../session';

const say = defineMessages({
  en: {
    extension: '{file}: a project file ends in {extension}. Give the path of the project to restore, e.g. "{example}".',
    restoredFromBackup: 'Restored "{name}" from the backup of {when}.',
    restoredFromFile: 'Restored "{name}" from {file}.',
    kept: 'The project as it was before is kept as a backup too ({kept}): restore that one to go back.',
  },
  id: {
    extension: '{file}: berkas proyek berakhiran {extension}. Berikan path proyek yang akan dipulihkan, misalnya "{example}".',
    restoredFromBackup: '"{name}" dipulihkan dari cadangan {when}.',
    restoredFromFile: '"{name}" dipulihkan dari {file}.',
    kept: 'Proyek dalam keadaan sebelumnya juga disimpan sebagai cadangan ({kept}): pulihkan cadangan itu untuk kembali.',
  },
});

/** The project a backup action is about: the one named (a .tematik path), or the open one. */
function projectFor(file: string | undefined, ctx: Context): string {
  if (file === undefined) return ctx.session.data.location;
  const resolved = path.resolve(file);
  if (path.extname(resolved).toLowerCase() !== PROJECT_EXTENSION) {
    const example = `${path.basename(resolved, path.extname(resolved))}${PROJECT_EXTENSION}`;
    throw new TematikError('invalid_args', say('extension', { file, extension: PROJECT_EXTENSION, example }));
  }
  return resolved;
}

export const backupHandlers: HandlerGroup<'backup'> = {
  'backup.list': ({ path: file }, ctx) => listBackups(projectFor(file, ctx)),
  'backup.create': (_, ctx) => ctx.session.data.backup(),
  'backup.restore': async ({ backup, path: file }, ctx) => {
    const project = projectFor(file, ctx);
    const source = resolveBackup(project, backup);
    const entry = listBackups(project).backups.find((b) => b.path === source) ?? null;
    // The backup is copied and checked before anything is closed: a refused backup leaves the window as it was.
    const prepared = prepareRestore(project, source);
    const wasOpen = ctx.session.isOpen ? ctx.session.data.location : null;
    ctx.session.close();
    let keptAs: BackupEntry | null;
    try {
      ({ keptAs } = completeRestore(prepared));
    } catch (error) {
      abandonRestore(prepared);
      if (wasOpen) await reopen(ctx, wasOpen);
      throw error;
    }
    await ctx.session.open(project);
    const { data } = ctx.session;
    const name = (await data.project.info()).name;
    data.notify(restoredNotice(name, entry, source, keptAs));
    rememberRecent(ctx.session.host.dataDir, { path: project, name });
    return data.project.info();
  },
};

/** Puts back the project a failed restore closed; when even that fails, the restore's own error is the one to show. */
async function reopen(ctx: Context, file: string): Promise<void> {
  try {
    await ctx.session.open(file);
  } catch {
    // The window shows the start screen, and the error thrown next says what happened.
  }
}

function restoredNotice(name: string, entry: BackupEntry | null, source: string, keptAs: BackupEntry | null): LocalizedText {
  const first = entry ? say('restoredFromBackup', { name, when: localTime(entry.createdAt) }) : say('restoredFromFile', { name, file: source });
  return keptAs ? joinText([first, say('kept', { kept: keptAs.id })], ' ') : first;
}

/** `2026-12-06 21:47` in the machine's time zone: the core runs on the researcher's own computer. */
function localTime(iso: string): string {
  const date = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
