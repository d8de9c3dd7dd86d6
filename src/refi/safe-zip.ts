import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { TematikError } from '../domain/errors';

/** Limits on what a zip may make Tematik inflate; a real project's text is a few megabytes. */
export interface ZipLimits {
  /** Largest inflated size of one entry. */
  readonly entryBytes: number;
  /** Largest inflated size of all entries read from one archive together. */
  readonly totalBytes: number;
  /** Highest inflated-to-compressed ratio accepted for an entry larger than `ratioFloorBytes`. */
  readonly ratio: number;
  readonly ratioFloorBytes: number;
  readonly entries: number;
}

export const ZIP_LIMITS: ZipLimits = {
  entryBytes: 50 * 1024 * 1024,
  totalBytes: 200 * 1024 * 1024,
  // Plain text deflates 3–5 times, repetitive text 20 times; a bomb of zeros 1,000 times.
  ratio: 100,
  ratioFloorBytes: 1024 * 1024,
  entries: 20_000,
};

/** One file in the archive, as its central directory declares it. */
export interface ZipEntry {
  /** The name with '\' read as '/', checked to stay inside the archive. */
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc: number;
  readonly localOffset: number;
  readonly flags: number;
}

/** Random access to the archive's bytes: a file read in pieces, so media entries are never loaded. */
interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Buffer;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;
const MAX_CENTRAL_BYTES = 64 * 1024 * 1024;

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/**
 * A zip archive opened for reading without trusting it: every entry name is checked for
 * escaping the archive, declared sizes are checked against the limits before anything is
 * inflated, inflating stops at the declared size, and the CRC is verified. Nothing is ever
 * written to disk: entries are read into memory by name.
 */
export class SafeZip {
  private readonly byName: Map<string, ZipEntry>;
  private inflated = 0;
  private fd: number | null = null;

  private constructor(private readonly source: ByteSource, readonly label: string, readonly entries: readonly ZipEntry[], private readonly limits: ZipLimits) {
    this.byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  }

  /** Opens a zip file; the caller must `close()` it. */
  static openFile(file: string, limits: ZipLimits = ZIP_LIMITS): SafeZip {
    const label = path.basename(file);
    let fd: number;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) throw new TematikError('bad_input', `${file} is not a file. Choose a .qdpx file exported by a QDA program.`);
      fd = fs.openSync(file, 'r');
      const size = stat.size;
      const source: ByteSource = {
        size,
        read: (offset, length) => {
          const buffer = Buffer.alloc(length);
          const got = fs.readSync(fd, buffer, 0, length, offset);
          if (got !== length) throw damaged(label, 'the file ends before an entry does');
          return buffer;
        },
      };
      try {
        const zip = new SafeZip(source, label, readCentralDirectory(source, label, limits), limits);
        zip.fd = fd;
        return zip;
      } catch (error) {
        fs.closeSync(fd);
        throw error;
      }
    } catch (error) {
      if (error instanceof TematikError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'the file does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission was denied' : `it could not be read (${code ?? String(error)})`;
      throw new TematikError('bad_input', `${file}: ${reason}. Check the path and try again.`);
    }
  }

  /** Opens a zip held in memory (tests, and archives already read). */
  static fromBytes(bytes: Uint8Array, label: string, limits: ZipLimits = ZIP_LIMITS): SafeZip {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const source: ByteSource = {
      size: buffer.length,
      read: (offset, length) => {
        if (offset < 0 || offset + length > buffer.length) throw damaged(label, 'an entry points past the end of the file');
        return buffer.subarray(offset, offset + length);
      },
    };
    return new SafeZip(source, label, readCentralDirectory(source, label, limits), limits);
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  /** The entry of that name (compared case-insensitively, '\' read as '/'), if any. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/\\/g, '/').toLowerCase());
  }

  /**
   * Checks that `entries` may be inflated together (sizes and ratios as declared, plus what
   * this archive has already inflated) before inflating any of them.
   */
  assertReadable(entries: readonly ZipEntry[]): void {
    let total = this.inflated;
    for (const entry of entries) {
      if (entry.flags & 0x1) throw new TematikError('bad_input', `${this.label}: "${entry.name}" is encrypted. Export the project again without a password.`);
      if (entry.method !== 0 && entry.method !== 8) {
        throw new TematikError('bad_input', `${this.label}: "${entry.name}" is compressed with method ${entry.method}, which Tematik does not read (only stored and deflated entries). Export the project again, or re-zip it with a standard zip tool.`);
      }
      if (entry.size > this.limits.entryBytes) {
        throw new TematikError('bad_input', `${this.label}: "${entry.name}" would inflate to ${mb(entry.size)}, over the ${mb(this.limits.entryBytes)} limit for one entry; nothing was imported. A transcript is rarely more than 1 MB: check that this is the file you meant.`);
      }
      // Deflate never grows data by more than a few bytes per 16 KB block; more would make Tematik read a huge entry for a small text.
      if (entry.compressedSize > entry.size + entry.size / 100 + 1024) {
        throw new TematikError('bad_input', `${this.label}: "${entry.name}" is ${mb(entry.compressedSize)} compressed but declares only ${mb(entry.size)} of content; the file is damaged or crafted, so nothing was imported.`);
      }
      if (entry.size > this.limits.ratioFloorBytes && entry.size > entry.compressedSize * this.limits.ratio) {
        const ratio = entry.compressedSize === 0 ? 'infinitely' : `${Math.round(entry.size / entry.compressedSize)} times`;
        throw new TematikError('bad_input', `${this.label}: "${entry.name}" would inflate ${ratio} (${mb(entry.compressedSize)} to ${mb(entry.size)}), which no real text does: the file looks like a zip bomb, so nothing was imported.`);
      }
      total += entry.size;
    }
    if (total > this.limits.totalBytes) {
      throw new TematikError('bad_input', `${this.label}: its text would inflate to ${mb(total)}, over the ${mb(this.limits.totalBytes)} limit for one import; nothing was imported. Split the project in the program that made it, or export fewer sources.`);
    }
  }

  /**
   * Inflates one entry into memory, stopping as soon as it produces more than its declared
   * size, and checks the result against the declared size and CRC-32.
   */
  read(entry: ZipEntry): Buffer {
    this.assertReadable([entry]);
    const dataStart = localDataStart(this.source, entry, this.label);
    if (dataStart + entry.compressedSize > this.source.size) throw damaged(this.label, `the entry "${entry.name}" runs past the end of the file`);
    const compressed = this.source.read(dataStart, entry.compressedSize);
    let data: Buffer;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw damaged(this.label, `the stored entry "${entry.name}" has two different sizes`);
      data = compressed;
    } else {
      try {
        data = zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(entry.size, 1) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          throw new TematikError('bad_input', `${this.label}: "${entry.name}" inflates to more than the ${mb(entry.size)} its directory declares; the file is damaged or crafted, so nothing was imported.`);
        }
        throw damaged(this.label, `the entry "${entry.name}" cannot be inflated (${(error as Error).message})`);
      }
    }
    if (data.length !== entry.size) {
      throw new TematikError('bad_input', `${this.label}: "${entry.name}" inflates to ${data.length} bytes but its directory declares ${entry.size}; the file is damaged or crafted, so nothing was imported.`);
    }
    if (zlib.crc32(data) !== entry.crc) throw damaged(this.label, `the entry "${entry.name}" fails its checksum`);
    this.inflated += data.length;
    return data;
  }
}

function damaged(label: string, what: string): TematikError {
  return new TematikError('bad_input', `${label} is a damaged zip file (${what}); nothing was imported. Export it again from the program that made it.`);
}

/**
 * Refuses a name that could leave the folder it is extracted to: parent segments, absolute
 * paths (with '/' or '\'), drive letters, and control characters. Tematik never extracts to
 * disk, but an archive carrying such a name is hostile or broken and is refused whole.
 */
export function checkEntryName(name: string, label: string): void {
  const refuse = (why: string): never => {
    throw new TematikError('bad_input', `${label} contains an entry named "${name.replace(/[\x00-\x1f]/g, '?')}", which ${why}; the file is unsafe, so nothing was imported.`);
  };
  if (name.length === 0) refuse('is empty');
  if (/[\x00-\x1f]/.test(name)) refuse('contains control characters');
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('/')) refuse('is an absolute path');
  if (/^[a-zA-Z]:/.test(slashed)) refuse('starts with a drive letter');
  if (slashed.split('/').some((segment) => segment === '..')) refuse('points outside the archive ("..")');
}

/**
 * Where an entry's data starts, after checking its local header: that header is what naive
 * unzippers use, so its name must be as safe as the directory's and the same.
 */
function localDataStart(source: ByteSource, entry: ZipEntry, label: string): number {
  if (entry.localOffset + 30 > source.size) throw damaged(label, `the entry "${entry.name}" points past the end of the file`);
  const header = source.read(entry.localOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL) throw damaged(label, `the entry "${entry.name}" has no local header where the directory says`);
  const nameLength = header.readUInt16LE(26);
  const extraLength = header.readUInt16LE(28);
  if (entry.localOffset + 30 + nameLength > source.size) throw damaged(label, `the entry "${entry.name}" points past the end of the file`);
  const bytes = source.read(entry.localOffset + 30, nameLength);
  // Traversal needs only ASCII ('.', '/', '\\', ':'), which latin1 and UTF-8 read alike; some writers flag UTF-8 in one header only.
  const localName = bytes.toString('latin1');
  checkEntryName(localName, label);
  if (localName.replace(/\\/g, '/') !== entry.name && bytes.toString('utf8').replace(/\\/g, '/') !== entry.name) {
    throw damaged(label, `the entry "${entry.name}" is called "${localName}" in its local header`);
  }
  return entry.localOffset + 30 + nameLength + extraLength;
}

function decodeName(bytes: Buffer, flags: number): string {
  // Bit 11: the name is UTF-8. Without it the name is CP437; REFI-QDA names are ASCII, so latin1 is close enough to compare.
  return bytes.toString(flags & 0x800 ? 'utf8' : 'latin1');
}

function readCentralDirectory(source: ByteSource, label: string, limits: ZipLimits): ZipEntry[] {
  const notZip = (): TematikError => new TematikError('bad_input', `${label} is not a zip file, so it is not a REFI-QDA project (.qdpx). Choose the .qdpx file the other QDA program exported.`);
  if (source.size < 22) throw notZip();
  const tailLength = Math.min(source.size, 22 + MAX_COMMENT);
  const tail = source.read(source.size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) { at = i; break; }
  }
  if (at < 0) throw notZip();
  const eocdOffset = source.size - tailLength + at;
  let count = tail.readUInt16LE(at + 10);
  let centralSize = tail.readUInt32LE(at + 12);
  let centralOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || centralSize === 0xffffffff || centralOffset === 0xffffffff) {
    if (eocdOffset < 20) throw damaged(label, 'its Zip64 directory is missing');
    const locator = source.read(eocdOffset - 20, 20);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw damaged(label, 'its Zip64 directory is missing');
    const record = source.read(safeNumber(locator.readBigUInt64LE(8), label), 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD) throw damaged(label, 'its Zip64 directory is missing');
    count = safeNumber(record.readBigUInt64LE(32), label);
    centralSize = safeNumber(record.readBigUInt64LE(40), label);
    centralOffset = safeNumber(record.readBigUInt64LE(48), label);
  }
  if (count > limits.entries) {
    throw new TematikError('bad_input', `${label} holds ${count} entries, more than the ${limits.entries} Tematik accepts in one project; nothing was imported.`);
  }
  if (centralSize > MAX_CENTRAL_BYTES || centralOffset + centralSize > source.size) throw damaged(label, 'its directory lies outside the file');
  const central = source.read(centralOffset, centralSize);
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > central.length || central.readUInt32LE(p) !== CENTRAL) throw damaged(label, 'its directory is cut short');
    const flags = central.readUInt16LE(p + 8);
    const nameLength = central.readUInt16LE(p + 28);
    const extraLength = central.readUInt16LE(p + 30);
    const commentLength = central.readUInt16LE(p + 32);
    if (p + 46 + nameLength + extraLength + commentLength > central.length) throw damaged(label, 'its directory is cut short');
    const rawName = decodeName(central.subarray(p + 46, p + 46 + nameLength), flags);
    checkEntryName(rawName, label);
    let compressedSize = central.readUInt32LE(p + 20);
    let size = central.readUInt32LE(p + 24);
    let localOffset = central.readUInt32LE(p + 42);
    const extra = central.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      ({ size, compressedSize, localOffset } = zip64Sizes(extra, { size, compressedSize, localOffset }, label));
    }
    const name = rawName.replace(/\\/g, '/');
    const key = name.toLowerCase();
    if (seen.has(key)) throw new TematikError('bad_input', `${label} contains the entry "${name}" twice; the file is damaged or crafted, so nothing was imported.`);
    seen.add(key);
    if (!name.endsWith('/')) {
      entries.push({ name, method: central.readUInt16LE(p + 10), compressedSize, size, crc: central.readUInt32LE(p + 16), localOffset, flags });
    }
    p += 46 + nameLength + extraLength + commentLength;
  }
  for (const entry of entries) localDataStart(source, entry, label);
  return entries;
}

function zip64Sizes(extra: Buffer, sizes: { size: number; compressedSize: number; localOffset: number }, label: string): { size: number; compressedSize: number; localOffset: number } {
  let q = 0;
  while (q + 4 <= extra.length) {
    const id = extra.readUInt16LE(q);
    const length = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const next = (): number => {
        if (r + 8 > q + 4 + length) throw damaged(label, 'a Zip64 size is missing');
        const value = safeNumber(extra.readBigUInt64LE(r), label);
        r += 8;
        return value;
      };
      const size = sizes.size === 0xffffffff ? next() : sizes.size;
      const compressedSize = sizes.compressedSize === 0xffffffff ? next() : sizes.compressedSize;
      const localOffset = sizes.localOffset === 0xffffffff ? next() : sizes.localOffset;
      return { size, compressedSize, localOffset };
    }
    q += 4 + length;
  }
  throw damaged(label, 'a Zip64 size is missing');
}

function safeNumber(value: bigint, label: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged(label, 'a size or offset is impossibly large');
  return Number(value);
}
