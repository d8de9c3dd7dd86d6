import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { Outcome } from '../api/contract';
import type { RecordingSource } from '../domain/recordings';
import { fingerprintOf } from './fingerprint';
import { parseRange, rangeHeaders } from './range';

/** How much of an embedded recording one call to the core reads. */
const EMBEDDED_CHUNK = 1024 * 1024;

/** The core's answers a media answer needs; the browser-mode server and Electron's protocol both pass their own. */
export interface MediaCore {
  source(id: number): Promise<Outcome<'recordings.source'>>;
  bytes(id: number, start: number, length: number): Promise<Outcome<'recordings.bytes'>>;
}

/** A media answer, ready for Node's http or a fetch Response. */
export interface MediaAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Null for a refusal's text body or HEAD. */
  readonly body: Readable | AsyncIterable<Uint8Array> | string | null;
}

const refusal = (status: number, text: string): MediaAnswer => ({
  status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }, body: text,
});

/**
 * The bytes of a linked recording, named by its id in the open project, never by a path: the
 * core says where it is (and refuses an id no transcript has), and the file is opened here and
 * checked against the linked file's size and fingerprint through the same descriptor it is then
 * read from, so a path replaced since (by another file, or by a symbolic link to one) is refused.
 */
export async function answerMedia(core: MediaCore, rawId: string, rangeHeader: string | undefined | null, head: boolean): Promise<MediaAnswer> {
  if (!/^[1-9]\d{0,14}$/.test(rawId)) return refusal(404, 'No such recording.');
  const id = Number(rawId);
  const outcome = await core.source(id);
  if (!outcome.ok) return refusal(404, outcome.error.text?.en ?? outcome.error.message);
  const source: RecordingSource = outcome.value;
  const range = parseRange(rangeHeader, source.size);
  const { status, headers, start, end } = rangeHeaders(range, source.size, source.mediaType);
  if (status === 416) return { status, headers, body: head ? null : 'Range not satisfiable.' };
  if (source.kind === 'embedded') {
    return { status, headers, body: head ? null : embeddedStream(core, id, start, end) };
  }
  let fd: number;
  try {
    fd = fs.openSync(source.path, 'r');
  } catch {
    return refusal(404, 'The recording file cannot be opened any more.');
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size !== source.size || fingerprintOf(fd, source.size) !== source.fingerprint) {
      fs.closeSync(fd);
      return refusal(409, 'The file at the recording\'s place is not the linked recording any more: link it again.');
    }
  } catch {
    fs.closeSync(fd);
    return refusal(404, 'The recording file cannot be read.');
  }
  if (head) {
    fs.closeSync(fd);
    return { status, headers, body: null };
  }
  return { status, headers, body: fs.createReadStream('', { fd, start, end, autoClose: true }) };
}

async function* embeddedStream(core: MediaCore, id: number, start: number, end: number): AsyncIterable<Uint8Array> {
  for (let at = start; at <= end; at += EMBEDDED_CHUNK) {
    const part = await core.bytes(id, at, Math.min(EMBEDDED_CHUNK, end - at + 1));
    if (!part.ok) throw new Error(part.error.message);
    yield Buffer.from(part.value.base64, 'base64');
  }
}
