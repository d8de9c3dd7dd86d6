import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { TematikError } from '../domain/errors';
import { defineMessages, type LocalizedText } from '../domain/text';
import { byteSize } from '../domain/byte-size';

const say = defineMessages({
  en: {
    notFile: '{file} is not a file. Choose the file exported by the other program.',
    missing: '{file} does not exist. Check the path and try again.',
    denied: 'Tematik may not read {file}. Check that you may open it, then try again.',
    unreadable: '{file} could not be read ({code}). Check the path and try again.',
    notZip: '{label} is not a zip file, so it is not a REFI-QDA project (.qdpx). Choose the .qdpx file the other QDA program exported.',
    damaged: '{label} is a damaged zip file ({reason}); nothing was imported. Export it again from the program that made it.',
    crafted: '{label}: {reason}; the file is damaged or crafted, so nothing was imported. Export it again from the program that made it.',
    unsafe: '{label}: {reason}; the file is unsafe, so nothing was imported.',
    tooLarge: '{label}: {reason}; nothing was imported. Check that this is the file you meant (the texts of a project are rarely more than a few MB), or export fewer sources from the program that made it.',
    unsupported: '{label}: {reason}. Export it again without a password, or re-zip it with a standard zip tool; nothing was imported.',
    encrypted: '"{name}" is encrypted',
    method: '"{name}" is compressed with method {method}, which Tematik does not read (only stored and deflated entries)',
    entryTooLarge: '"{name}" would inflate to {size}, over the {limit} limit for one entry',
    totalTooLarge: 'its content would inflate to {size}, over the {limit} limit for one import',
    bomb: '"{name}" would inflate {ratio} times ({compressed} to {size}), which no real text does: the file looks like a zip bomb',
    bombFromNothing: '"{name}" would inflate to {size} from nothing, which no real text does: the file looks like a zip bomb',
    tooManyEntries: 'it holds {count} entries, more than the {limit} Tematik accepts in one archive',
    inflatesMore: '"{name}" inflates to more than the {size} its directory declares',
    inflatesOther: '"{name}" inflates to {actual} but its directory declares {size}',
    compressedLarger: '"{name}" is {compressed} compressed but declares only {size} of content',
    twice: 'it contains the entry "{name}" twice',
    nameEmpty: 'it contains an entry with an empty name',
    nameControl: 'it contains an entry named "{name}", which contains control characters',
    nameAbsolute: 'it contains an entry named "{name}", which is an absolute path',
    nameDrive: 'it contains an entry named "{name}", which starts with a drive letter',
    nameParent: 'it contains an entry named "{name}", which points outside the archive ("..")',
    endsEarly: 'the file ends before an entry does',
    pastEnd: 'the entry "{name}" runs past the end of the file',
    noLocalHeader: 'the entry "{name}" has no local header where the directory says',
    otherLocalName: 'the entry "{name}" is called "{local}" in its local header',
    storedSizes: 'the stored entry "{name}" has two different sizes',
    cannotInflate: 'the entry "{name}" cannot be inflated',
    checksum: 'the entry "{name}" fails its checksum',
    zip64Missing: 'its Zip64 directory is missing',
    zip64SizeMissing: 'a Zip64 size is missing',
    impossibleSize: 'a size or offset is impossibly large',
    directoryOutside: 'its directory lies outside the file',
    directoryShort: 'its directory is cut short',
  },
  id: {
    notFile: '{file} bukan berkas. Pilih berkas yang diekspor oleh program lain itu.',
    missing: '{file} tidak ada. Periksa jalurnya, lalu coba lagi.',
    denied: 'Tematik tidak diizinkan membaca {file}. Periksa apakah Anda boleh membukanya, lalu coba lagi.',
    unreadable: '{file} tidak dapat dibaca ({code}). Periksa jalurnya, lalu coba lagi.',
    notZip: '{label} bukan berkas zip, jadi bukan proyek REFI-QDA (.qdpx). Pilih berkas .qdpx yang diekspor oleh program QDA lain itu.',
    damaged: '{label} adalah berkas zip yang rusak ({reason}); tidak ada yang diimpor. Ekspor lagi dari program yang membuatnya.',
    crafted: '{label}: {reason}; berkas ini rusak atau sengaja direkayasa, jadi tidak ada yang diimpor. Ekspor lagi dari program yang membuatnya.',
    unsafe: '{label}: {reason}; berkas ini tidak aman, jadi tidak ada yang diimpor.',
    tooLarge: '{label}: {reason}; tidak ada yang diimpor. Periksa apakah ini berkas yang Anda maksud (teks sebuah proyek jarang lebih dari beberapa MB), atau ekspor lebih sedikit sumber dari program yang membuatnya.',
    unsupported: '{label}: {reason}. Ekspor lagi tanpa kata sandi, atau zip ulang dengan alat zip biasa; tidak ada yang diimpor.',
    encrypted: '"{name}" terenkripsi',
    method: '"{name}" dikompresi dengan metode {method}, yang tidak dibaca Tematik (hanya entri tersimpan dan deflate)',
    entryTooLarge: '"{name}" akan mengembang menjadi {size}, melebihi batas {limit} untuk satu entri',
    totalTooLarge: 'isinya akan mengembang menjadi {size}, melebihi batas {limit} untuk satu impor',
    bomb: '"{name}" akan mengembang {ratio} kali ({compressed} menjadi {size}), hal yang tidak terjadi pada teks sungguhan: berkas ini tampak seperti bom zip',
    bombFromNothing: '"{name}" akan mengembang menjadi {size} dari ketiadaan, hal yang tidak terjadi pada teks sungguhan: berkas ini tampak seperti bom zip',
    tooManyEntries: 'isinya {count} entri, lebih dari {limit} yang diterima Tematik dalam satu arsip',
    inflatesMore: '"{name}" mengembang melebihi {size} yang dinyatakan direktorinya',
    inflatesOther: '"{name}" mengembang menjadi {actual}, padahal direktorinya menyatakan {size}',
    compressedLarger: '"{name}" berukuran {compressed} terkompresi tetapi hanya menyatakan {size} isi',
    twice: 'berisi entri "{name}" dua kali',
    nameEmpty: 'berisi entri tanpa nama',
    nameControl: 'berisi entri bernama "{name}" yang mengandung karakter kontrol',
    nameAbsolute: 'berisi entri bernama "{name}" yang berupa jalur absolut',
    nameDrive: 'berisi entri bernama "{name}" yang diawali huruf drive',
    nameParent: 'berisi entri bernama "{name}" yang menunjuk ke luar arsip ("..")',
    endsEarly: 'berkas berakhir sebelum sebuah entri selesai',
    pastEnd: 'entri "{name}" melewati akhir berkas',
    noLocalHeader: 'entri "{name}" tidak memiliki header lokal di tempat yang disebut direktori',
    otherLocalName: 'entri "{name}" bernama "{local}" di header lokalnya',
    storedSizes: 'entri tersimpan "{name}" memiliki dua ukuran berbeda',
    cannotInflate: 'entri "{name}" tidak dapat dikembangkan',
    checksum: 'entri "{name}" gagal dalam pemeriksaan checksum',
    zip64Missing: 'direktori Zip64-nya tidak ada',
    zip64SizeMissing: 'sebuah ukuran Zip64 tidak ada',
    impossibleSize: 'sebuah ukuran atau posisi terlalu besar untuk mungkin',
    directoryOutside: 'direktorinya berada di luar berkas',
    directoryShort: 'direktorinya terpotong',
  },
});

type Reason = Exclude<Parameters<typeof say>[0], 'notFile' | 'missing' | 'denied' | 'unreadable' | 'notZip' | ZipProblem>;

/**
 * Why an archive was refused. `too_large` covers every limit on what inflating would cost
 * (declared or actual); `crafted` a directory that lies about its entries; `unsafe` names that
 * would escape a folder; `damaged` structure that does not hold together.
 */
export type ZipProblem = 'damaged' | 'crafted' | 'unsafe' | 'tooLarge' | 'unsupported';

/**
 * A refused archive. The message is worded for an exchange file (.qdpx); `problem` and
 * `reason` (the clause saying what is wrong) let a caller word it for its own kind of file,
 * as the Word importer does: a .docx is a zip too.
 */
export class ZipRefusal extends TematikError {
  constructor(readonly problem: ZipProblem | 'notZip', readonly reason: LocalizedText, message: LocalizedText) {
    super('bad_input', message);
  }
}

function refuse(problem: ZipProblem, label: string, reason: Reason, params: Parameters<typeof say>[1] = {}): ZipRefusal {
  const clause = say(reason, params);
  return new ZipRefusal(problem, clause, say(problem, { label, reason: clause }));
}

function notZip(label: string): ZipRefusal {
  const message = say('notZip', { label });
  return new ZipRefusal('notZip', message, message);
}

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
      if (!stat.isFile()) throw new TematikError('bad_input', say('notFile', { file }));
      fd = fs.openSync(file, 'r');
      const size = stat.size;
      const source: ByteSource = {
        size,
        read: (offset, length) => {
          const buffer = Buffer.alloc(length);
          const got = fs.readSync(fd, buffer, 0, length, offset);
          if (got !== length) throw refuse('damaged', label, 'endsEarly');
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
      if (code === 'ENOENT') throw new TematikError('not_found', say('missing', { file }));
      if (code === 'EACCES' || code === 'EPERM') throw new TematikError('permission', say('denied', { file }));
      if (!code) throw error;
      throw new TematikError('bad_input', say('unreadable', { file, code }));
    }
  }

  /** Opens a zip held in memory (tests, and archives already read). */
  static fromBytes(bytes: Uint8Array, label: string, limits: ZipLimits = ZIP_LIMITS): SafeZip {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const source: ByteSource = {
      size: buffer.length,
      read: (offset, length) => {
        if (offset < 0 || offset + length > buffer.length) throw refuse('damaged', label, 'endsEarly');
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
      const { name } = entry;
      if (entry.flags & 0x1) throw refuse('unsupported', this.label, 'encrypted', { name });
      if (entry.method !== 0 && entry.method !== 8) throw refuse('unsupported', this.label, 'method', { name, method: String(entry.method) });
      if (entry.size > this.limits.entryBytes) {
        throw refuse('tooLarge', this.label, 'entryTooLarge', { name, size: byteSize(entry.size), limit: byteSize(this.limits.entryBytes) });
      }
      // Deflate never grows data by more than a few bytes per 16 KB block; more would make Tematik read a huge entry for a small text.
      if (entry.compressedSize > entry.size + entry.size / 100 + 1024) {
        throw refuse('crafted', this.label, 'compressedLarger', { name, compressed: byteSize(entry.compressedSize), size: byteSize(entry.size) });
      }
      if (entry.size > this.limits.ratioFloorBytes && entry.size > entry.compressedSize * this.limits.ratio) {
        throw entry.compressedSize === 0
          ? refuse('tooLarge', this.label, 'bombFromNothing', { name, size: byteSize(entry.size) })
          : refuse('tooLarge', this.label, 'bomb', { name, ratio: Math.round(entry.size / entry.compressedSize), compressed: byteSize(entry.compressedSize), size: byteSize(entry.size) });
      }
      total += entry.size;
    }
    if (total > this.limits.totalBytes) {
      throw refuse('tooLarge', this.label, 'totalTooLarge', { size: byteSize(total), limit: byteSize(this.limits.totalBytes) });
    }
  }

  /**
   * Inflates one entry into memory, stopping as soon as it produces more than its declared
   * size, and checks the result against the declared size and CRC-32.
   */
  read(entry: ZipEntry): Buffer {
    this.assertReadable([entry]);
    const { name } = entry;
    const dataStart = localDataStart(this.source, entry, this.label);
    if (dataStart + entry.compressedSize > this.source.size) throw refuse('damaged', this.label, 'pastEnd', { name });
    const compressed = this.source.read(dataStart, entry.compressedSize);
    let data: Buffer;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw refuse('damaged', this.label, 'storedSizes', { name });
      data = compressed;
    } else {
      try {
        // zlib counts what it has produced after every 16 KB it inflates and stops past this
        // bound, so a directory that understates a size costs at most that size plus one chunk;
        // the declared size itself was checked against the limits above.
        data = zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(entry.size, 1) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          throw refuse('crafted', this.label, 'inflatesMore', { name, size: byteSize(entry.size) });
        }
        if (!(error as NodeJS.ErrnoException).code) throw error;
        throw refuse('damaged', this.label, 'cannotInflate', { name });
      }
    }
    if (data.length !== entry.size) {
      throw refuse('crafted', this.label, 'inflatesOther', { name, actual: byteSize(data.length), size: byteSize(entry.size) });
    }
    if (zlib.crc32(data) !== entry.crc) throw refuse('damaged', this.label, 'checksum', { name });
    this.inflated += data.length;
    return data;
  }
}

/**
 * Refuses a name that could leave the folder it is extracted to: parent segments, absolute
 * paths (with '/' or '\'), drive letters, and control characters. Tematik never extracts to
 * disk, but an archive carrying such a name is hostile or broken and is refused whole.
 */
export function checkEntryName(name: string, label: string): void {
  const unsafe = (why: 'nameEmpty' | 'nameControl' | 'nameAbsolute' | 'nameDrive' | 'nameParent'): never => {
    throw refuse('unsafe', label, why, { name: name.replace(/[\x00-\x1f]/g, '?') });
  };
  if (name.length === 0) unsafe('nameEmpty');
  if (/[\x00-\x1f]/.test(name)) unsafe('nameControl');
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('/')) unsafe('nameAbsolute');
  if (/^[a-zA-Z]:/.test(slashed)) unsafe('nameDrive');
  if (slashed.split('/').some((segment) => segment === '..')) unsafe('nameParent');
}

/**
 * Where an entry's data starts, after checking its local header: that header is what naive
 * unzippers use, so its name must be as safe as the directory's and the same.
 */
function localDataStart(source: ByteSource, entry: ZipEntry, label: string): number {
  const { name } = entry;
  if (entry.localOffset + 30 > source.size) throw refuse('damaged', label, 'pastEnd', { name });
  const header = source.read(entry.localOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL) throw refuse('damaged', label, 'noLocalHeader', { name });
  const nameLength = header.readUInt16LE(26);
  const extraLength = header.readUInt16LE(28);
  if (entry.localOffset + 30 + nameLength > source.size) throw refuse('damaged', label, 'pastEnd', { name });
  const bytes = source.read(entry.localOffset + 30, nameLength);
  // Traversal needs only ASCII ('.', '/', '\\', ':'), which latin1 and UTF-8 read alike; some writers flag UTF-8 in one header only.
  const localName = bytes.toString('latin1');
  checkEntryName(localName, label);
  if (localName.replace(/\\/g, '/') !== entry.name && bytes.toString('utf8').replace(/\\/g, '/') !== entry.name) {
    throw refuse('crafted', label, 'otherLocalName', { name, local: localName });
  }
  return entry.localOffset + 30 + nameLength + extraLength;
}

function decodeName(bytes: Buffer, flags: number): string {
  // Bit 11: the name is UTF-8. Without it the name is CP437; REFI-QDA names are ASCII, so latin1 is close enough to compare.
  return bytes.toString(flags & 0x800 ? 'utf8' : 'latin1');
}

function readCentralDirectory(source: ByteSource, label: string, limits: ZipLimits): ZipEntry[] {
  if (source.size < 22) throw notZip(label);
  const tailLength = Math.min(source.size, 22 + MAX_COMMENT);
  const tail = source.read(source.size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) { at = i; break; }
  }
  if (at < 0) throw notZip(label);
  const eocdOffset = source.size - tailLength + at;
  let count = tail.readUInt16LE(at + 10);
  let centralSize = tail.readUInt32LE(at + 12);
  let centralOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || centralSize === 0xffffffff || centralOffset === 0xffffffff) {
    if (eocdOffset < 20) throw refuse('damaged', label, 'zip64Missing');
    const locator = source.read(eocdOffset - 20, 20);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw refuse('damaged', label, 'zip64Missing');
    const record = source.read(safeNumber(locator.readBigUInt64LE(8), label), 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD) throw refuse('damaged', label, 'zip64Missing');
    count = safeNumber(record.readBigUInt64LE(32), label);
    centralSize = safeNumber(record.readBigUInt64LE(40), label);
    centralOffset = safeNumber(record.readBigUInt64LE(48), label);
  }
  if (count > limits.entries) {
    throw refuse('tooLarge', label, 'tooManyEntries', { count, limit: limits.entries });
  }
  if (centralSize > MAX_CENTRAL_BYTES || centralOffset + centralSize > source.size) throw refuse('damaged', label, 'directoryOutside');
  const central = source.read(centralOffset, centralSize);
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > central.length || central.readUInt32LE(p) !== CENTRAL) throw refuse('damaged', label, 'directoryShort');
    const flags = central.readUInt16LE(p + 8);
    const nameLength = central.readUInt16LE(p + 28);
    const extraLength = central.readUInt16LE(p + 30);
    const commentLength = central.readUInt16LE(p + 32);
    if (p + 46 + nameLength + extraLength + commentLength > central.length) throw refuse('damaged', label, 'directoryShort');
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
    if (seen.has(key)) throw refuse('crafted', label, 'twice', { name });
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
        if (r + 8 > q + 4 + length) throw refuse('damaged', label, 'zip64SizeMissing');
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
  throw refuse('damaged', label, 'zip64SizeMissing');
}

function safeNumber(value: bigint, label: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw refuse('damaged', label, 'impossibleSize');
  return Number(value);
}
