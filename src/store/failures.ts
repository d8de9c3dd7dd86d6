import path from 'node:path';
import Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';

/**
 * Failures of the disk and of SQLite that are not bugs, each with its own message: "unexpected
 * error … please report this" is left for real bugs. Used at the one place every action passes
 * (dispatch), so no action has to remember them.
 */

const say = defineMessages({
  en: {
    busy: 'The project is busy: another Tematik window or the command line is writing to it. Try again in a moment.',
    full: 'The disk holding {name} is full: this change was not saved, and nothing saved before it was lost. Free some space on that disk and try again, or export the project to another disk.',
    fullFile: 'The disk is full: {file} could not be written. Free some space on that disk, or choose another one.',
    readOnly: '{name} cannot be written at the moment ({detail}): this change was not saved. If its folder or disk has become read-only, copy the project to a folder of your own and open the copy.',
    damaged: '{name} is damaged ({detail}): this action was not carried out, and the project is now open read-only so that nothing more is lost. Export what can still be read (Export…), or restore the last backup (Project › Restore from backup).',
    permission: 'Tematik may not use {file} (permission denied). Choose a file or folder of your own, or ask its owner for access.',
    readOnlyDisk: '{file} is on a disk that cannot be written (read-only). Choose a folder on another disk.',
    io: 'Reading or writing {file} failed ({detail}): the disk, USB stick or network folder may have been disconnected or may be failing. Reconnect it and try again; if it keeps failing, copy the project to another disk.',
  },
  id: {
    busy: 'Proyek sedang sibuk: jendela Tematik lain atau baris perintah sedang menulis ke proyek ini. Coba lagi sebentar lagi.',
    full: 'Disk tempat {name} berada sudah penuh: perubahan ini tidak tersimpan, dan tidak ada yang hilang dari yang sudah tersimpan sebelumnya. Kosongkan sebagian ruang di disk itu lalu coba lagi, atau ekspor proyek ke disk lain.',
    fullFile: 'Disk sudah penuh: {file} tidak dapat ditulis. Kosongkan sebagian ruang di disk itu, atau pilih disk lain.',
    readOnly: '{name} tidak dapat ditulisi saat ini ({detail}): perubahan ini tidak tersimpan. Jika folder atau disknya menjadi hanya-baca, salin proyek ke folder Anda sendiri lalu buka salinannya.',
    damaged: '{name} rusak ({detail}): tindakan ini tidak dilakukan, dan proyek kini dibuka dalam mode hanya-baca agar tidak ada lagi yang hilang. Ekspor apa yang masih dapat dibaca (Ekspor…), atau pulihkan cadangan terakhir (Proyek › Pulihkan dari cadangan).',
    permission: 'Tematik tidak diizinkan memakai {file} (izin ditolak). Pilih berkas atau folder milik Anda sendiri, atau minta akses kepada pemiliknya.',
    readOnlyDisk: '{file} berada di disk yang tidak dapat ditulisi (hanya-baca). Pilih folder di disk lain.',
    io: 'Gagal membaca atau menulis {file} ({detail}): disk, flashdisk atau folder jaringannya mungkin terputus atau bermasalah. Sambungkan lagi lalu coba lagi; jika terus gagal, salin proyek ke disk lain.',
  },
});

/** SQLite's extended code, e.g. SQLITE_BUSY_SNAPSHOT; null for anything SQLite did not throw. */
function sqliteCode(error: unknown): string | null {
  return error instanceof Database.SqliteError ? error.code : null;
}

/** Another connection holds the lock SQLite needed: worth trying again in a moment. */
export function isBusy(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== null && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** SQLite found the file damaged. */
export function isCorrupt(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== null && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

export const busyError = (): TematikError => new TematikError('busy', say('busy'));

/**
 * The message for a failure that is not a bug, or null for one that is. `project` is the open
 * project's file, named in SQLite's failures (SQLite itself never says which file).
 */
export function failureOf(error: unknown, project: string | null): TematikError | null {
  const code = sqliteCode(error);
  if (code !== null) {
    // SQLite's failures come from the open project (open.ts names the file it is opening itself).
    const file = project ?? '';
    const name = path.basename(file);
    const detail = (error as Error).message;
    if (isBusy(error)) return busyError();
    if (code === 'SQLITE_FULL') return new TematikError('disk_full', say('full', { name }));
    if (code.startsWith('SQLITE_READONLY')) return new TematikError('read_only', say('readOnly', { name, detail }));
    if (isCorrupt(error)) return new TematikError('damaged', say('damaged', { name, detail }));
    if (code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') return new TematikError('permission', say('permission', { file }));
    if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return new TematikError('io', say('io', { file, detail }));
    return null;
  }
  const errno = error instanceof Error ? (error as NodeJS.ErrnoException) : null;
  if (!errno?.code || !errno.syscall) return null;
  const file = errno.path ?? project ?? '';
  switch (errno.code) {
    case 'ENOSPC':
    case 'EDQUOT': return new TematikError('disk_full', say('fullFile', { file }));
    case 'EACCES':
    case 'EPERM': return new TematikError('permission', say('permission', { file }));
    case 'EROFS': return new TematikError('permission', say('readOnlyDisk', { file }));
    case 'EIO':
    case 'ENXIO':
    case 'ETIMEDOUT':
    case 'EHOSTDOWN':
    case 'ESTALE': return new TematikError('io', say('io', { file, detail: errno.message }));
    default: return null;
  }
}
