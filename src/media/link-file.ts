import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TematikError } from '../domain/errors';
import { EMBED_LIMIT_BYTES, MEDIA_EXTENSIONS, MEDIA_TYPES, mediaExtension, type RecordingInput } from '../domain/recordings';
import { defineMessages } from '../domain/text';
import { byteSize } from '../domain/byte-size';
import { fingerprintOf } from './fingerprint';
import { wavDurationMs } from './wav-duration';

const say = defineMessages({
  en: {
    notMedia: '"{file}" is not a recording Tematik can play. Link an audio or video file: {kinds}.',
    absent: 'There is no file "{file}". Check the path (it is read on the computer running Tematik) and try again.',
    notFile: '"{file}" is a folder or a device, not a recording. Choose the audio or video file itself.',
    empty: '"{file}" is empty (0 bytes). Copy the recording again from the recorder or the meeting tool, then link it.',
    unreadable: 'Cannot read "{file}" ({reason}). Check that the file is not open in another program and that you may read it.',
    tooLarge: '"{file}" is {size}: too large to embed in the project (the limit is {limit}, and every backup and coder\'s copy would carry it). Link it without embedding: the project then keeps only where it is.',
  },
  id: {
    notMedia: '"{file}" bukan rekaman yang bisa diputar Tematik. Tautkan berkas audio atau video: {kinds}.',
    absent: 'Berkas "{file}" tidak ada. Periksa jalurnya (dibaca di komputer yang menjalankan Tematik) lalu coba lagi.',
    notFile: '"{file}" adalah folder atau perangkat, bukan rekaman. Pilih berkas audio atau videonya sendiri.',
    empty: '"{file}" kosong (0 bita). Salin lagi rekamannya dari perekam atau aplikasi rapat, lalu tautkan.',
    unreadable: 'Tidak dapat membaca "{file}" ({reason}). Pastikan berkas tidak sedang dibuka program lain dan Anda boleh membacanya.',
    tooLarge: '"{file}" berukuran {size}: terlalu besar untuk disematkan di proyek (batasnya {limit}, dan setiap cadangan serta salinan pengode ikut membawanya). Tautkan tanpa menyematkan: proyek hanya menyimpan letaknya.',
  },
});

/**
 * Reads a file the user links to a transcript: checks it is a recording, takes its size,
 * fingerprint and (for WAV) length, and its path relative to the project's folder so the link
 * survives moving the folder with the project. Embedding reads all of it (up to the limit).
 */
export function readLinkTarget(file: string, projectFile: string, embed: boolean): RecordingInput {
  const absolute = path.resolve(file);
  const fileName = path.basename(absolute);
  const ext = mediaExtension(fileName);
  if (ext === null) throw new TematikError('bad_input', say('notMedia', { file: fileName, kinds: MEDIA_EXTENSIONS.map((e) => `.${e}`).join(', ') }));
  let fd: number;
  try {
    fd = fs.openSync(absolute, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new TematikError('not_found', say('absent', { file: absolute }));
    throw new TematikError('io', say('unreadable', { file: absolute, reason: code ?? String(error) }));
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new TematikError('bad_input', say('notFile', { file: absolute }));
    if (stat.size === 0) throw new TematikError('bad_input', say('empty', { file: absolute }));
    if (embed && stat.size > EMBED_LIMIT_BYTES) {
      throw new TematikError('bad_input', say('tooLarge', { file: fileName, size: byteSize(stat.size), limit: byteSize(EMBED_LIMIT_BYTES) }));
    }
    const head = Buffer.alloc(Math.min(stat.size, 4096));
    fs.readSync(fd, head, 0, head.length, 0);
    let embedded: RecordingInput['embedded'] = null;
    if (embed) {
      const bytes = Buffer.alloc(stat.size);
      for (let at = 0; at < stat.size;) at += fs.readSync(fd, bytes, at, stat.size - at, at);
      embedded = { sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
    }
    const relative = path.relative(path.dirname(path.resolve(projectFile)), absolute);
    return {
      fileName,
      // Another drive (Windows) has no relative path.
      relativePath: path.isAbsolute(relative) ? null : relative.split(path.sep).join('/'),
      absolutePath: absolute,
      size: stat.size,
      fingerprint: fingerprintOf(fd, stat.size),
      mediaType: MEDIA_TYPES[ext],
      durationMs: ext === 'wav' ? wavDurationMs(head) : null,
      embedded,
    };
  } finally {
    fs.closeSync(fd);
  }
}
