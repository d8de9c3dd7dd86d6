import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { syncFolder } from '../fs/durable';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';

const say = defineMessages({
  en: {
    otherKind: '{file} already exists and is not a {expected} file, so Tematik did not overwrite it with the export. Choose a name ending in {expected}.',
    folderInTheWay: '{file} is a folder, so the export cannot be written there. Choose a file name ending in {expected}.',
    noFolder: 'The folder {folder} does not exist, so {name} was not written. Choose an existing folder, or create it first.',
    diskFull: 'The disk holding {folder} is full, so {name} was not written; {previous} Free some space, or choose another disk, and export again.',
    permission: 'Tematik may not write {name} in {folder}; {previous} Choose a folder you can write to, or check that the file is not marked read-only.',
    busy: '{file} is open in another program, so it was not replaced. Close it there (e.g. in Word) and export again.',
    nameTooLong: '{file}: the name or path is too long for this system. Choose a shorter file name or folder.',
    other: '{name} could not be written in {folder} ({code}); {previous} Try again, or choose another folder.',
    previousKept: 'the file that was there is unchanged.',
    nothingThere: 'nothing was written there.',
  },
  id: {
    otherKind: '{file} sudah ada dan bukan berkas {expected}, jadi Tematik tidak menimpanya dengan hasil ekspor. Pilih nama yang berakhiran {expected}.',
    folderInTheWay: '{file} adalah folder, jadi hasil ekspor tidak dapat ditulis di sana. Pilih nama berkas yang berakhiran {expected}.',
    noFolder: 'Folder {folder} tidak ada, jadi {name} tidak ditulis. Pilih folder yang sudah ada, atau buat dulu foldernya.',
    diskFull: 'Disk tempat {folder} penuh, jadi {name} tidak ditulis; {previous} Kosongkan sebagian ruang, atau pilih disk lain, lalu ekspor lagi.',
    permission: 'Tematik tidak diizinkan menulis {name} di {folder}; {previous} Pilih folder yang dapat Anda tulisi, atau periksa apakah berkas itu ditandai hanya-baca.',
    busy: '{file} sedang dibuka di program lain, jadi tidak diganti. Tutup berkas itu di sana (mis. di Word), lalu ekspor lagi.',
    nameTooLong: '{file}: nama atau jalurnya terlalu panjang untuk sistem ini. Pilih nama berkas atau folder yang lebih pendek.',
    other: '{name} tidak dapat ditulis di {folder} ({code}); {previous} Coba lagi, atau pilih folder lain.',
    previousKept: 'berkas yang sudah ada di sana tidak berubah.',
    nothingThere: 'tidak ada yang ditulis di sana.',
  },
});

/**
 * Writes an export so that it never destroys what was there: the bytes go to a hidden
 * temporary file in the target's own folder (so the final rename stays on one disk and is
 * atomic), are flushed to disk, and only then replace the target. If anything fails, the
 * temporary file is removed and the previous file is untouched; no 0-byte or half-written
 * export is ever left under the target's name.
 *
 * An existing file is replaced only when it is of the export's own kind: a report written
 * over `study.tematik` or `notes.txt` by a slip in the file dialog is refused.
 * @param extensions the export's own extensions, lower case with the dot (".docx"); the first names it in messages
 * @throws TematikError `conflict` (another kind of file or a folder is in the way), `disk_full`,
 *   `permission`, `busy` (open in another program), `not_found` (no such folder), `bad_input` (name too long, other I/O errors)
 */
export function writeExport(file: string, content: string | Uint8Array, extensions: readonly string[]): void {
  const requested = path.resolve(file);
  const expected = extensions[0] ?? path.extname(requested);
  const target = existingTarget(requested, file, extensions, expected);
  const folder = path.dirname(target);
  const name = path.basename(target);
  const existed = target !== requested || fs.existsSync(target);
  // Dot-prefixed so file browsers hide it and a leftover (after a power cut) is not mistaken for the export.
  const temporary = path.join(folder, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temporary, 'wx', existingMode(target) ?? 0o666);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let written = 0;
    while (written < bytes.byteLength) written += fs.writeSync(fd, bytes, written, bytes.byteLength - written);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    fs.rmSync(temporary, { force: true });
    throw writeError(error, { file, folder, name, expected, existed });
  }
  syncFolder(folder);
}

/**
 * The file to replace: `requested`, or the file a symbolic link there points to (so the link
 * stays a link). Refuses a folder, and an existing file of another kind than the export.
 */
function existingTarget(requested: string, given: string, extensions: readonly string[], expected: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(requested);
  } catch {
    return requested;
  }
  if (stat.isDirectory()) throw new TematikError('conflict', say('folderInTheWay', { file: given, expected }));
  const real = fs.realpathSync(requested);
  const own = (candidate: string) => extensions.includes(path.extname(candidate).toLowerCase());
  if (!own(requested) || !own(real)) throw new TematikError('conflict', say('otherKind', { file: given, expected }));
  return real;
}

/** The permission bits of the file being replaced, so an export does not widen or narrow who may read it. */
function existingMode(target: string): number | undefined {
  try {
    return fs.statSync(target).mode & 0o777;
  } catch {
    return undefined;
  }
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // The descriptor is being abandoned after a failed write; the original error is the one to report.
  }
}

function writeError(error: unknown, where: { file: string; folder: string; name: string; expected: string; existed: boolean }): TematikError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const { file, folder, name, expected } = where;
  const previous = say(where.existed ? 'previousKept' : 'nothingThere');
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new TematikError('disk_full', say('diskFull', { folder, name, previous }));
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new TematikError('permission', say('permission', { folder, name, previous }));
    case 'EBUSY':
    case 'ETXTBSY':
      return new TematikError('busy', say('busy', { file }));
    case 'ENOENT':
    case 'ENOTDIR':
      return new TematikError('not_found', say('noFolder', { folder, name }));
    case 'EISDIR':
      return new TematikError('conflict', say('folderInTheWay', { file, expected }));
    case 'ENAMETOOLONG':
      return new TematikError('bad_input', say('nameTooLong', { file }));
    default:
      // Without an error code this is not the file system refusing but a bug: let it be reported as one.
      if (!code) throw error;
      return new TematikError('bad_input', say('other', { folder, name, code, previous }));
  }
}
