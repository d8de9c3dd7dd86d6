import zlib from 'node:zlib';

/** One entry of a hand-written zip: its compressed bytes and what its headers declare. */
export interface CraftedEntry {
  readonly name: string;
  /** The entry's data as stored in the archive (deflated unless `method` is 0). */
  readonly data: Uint8Array;
  /** 8 (deflate, the default) or 0 (stored). */
  readonly method?: number;
  /** The uncompressed size both headers declare: the truth or a lie. */
  readonly declaredSize: number;
  readonly crc: number;
}

/**
 * Writes a zip byte by byte (local headers, data, central directory, end record), so a test
 * can make the directory say anything, such as an entry of 4 KB that inflates to 1 GB.
 */
export function craftZip(entries: readonly CraftedEntry[]): Buffer {
  const pieces: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(entry.method ?? 8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    pieces.push(local, name, Buffer.from(entry.data));
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x800, 8);
    record.writeUInt16LE(entry.method ?? 8, 10);
    record.writeUInt32LE(entry.crc >>> 0, 16);
    record.writeUInt32LE(entry.data.length, 20);
    record.writeUInt32LE(entry.declaredSize, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...pieces, directory, end]);
}

/** An honest entry: `text` deflated, with its real size and CRC. */
export function deflatedEntry(name: string, text: string | Uint8Array): CraftedEntry {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return { name, data: zlib.deflateRawSync(bytes), declaredSize: bytes.length, crc: zlib.crc32(bytes) };
}

/**
 * Deflates `head`, `count` repetitions of `chunk` and `tail` as a stream, never holding the
 * inflated whole, and returns the compressed bytes with the real size and CRC (for honest
 * headers; a test may then lie).
 */
export async function deflateRepeated(head: string, chunk: string, count: number, tail: string): Promise<{ data: Buffer; size: number; crc: number }> {
  const deflate = zlib.createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on('data', (piece: Buffer) => out.push(piece));
  const finished = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  const write = async (piece: Buffer) => {
    crc = zlib.crc32(piece, crc);
    size += piece.length;
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(Buffer.from(head, 'utf8'));
  const repeated = Buffer.from(chunk, 'utf8');
  for (let i = 0; i < count; i++) await write(repeated);
  await write(Buffer.from(tail, 'utf8'));
  deflate.end();
  await finished;
  return { data: Buffer.concat(out), size, crc };
}

/**
 * A deflate stream that inflates to `zeros` zero bytes and then turns invalid (a block of the
 * reserved type). A reader that stops at its bound refuses it for its size; one that inflates
 * everything first trips over the invalid block instead, so the test tells the two apart
 * without a clock. Fixed-Huffman codes: literal 0, then runs of length 258 at distance 1.
 */
export function zerosThenInvalid(zeros: number): Uint8Array {
  const runs = Math.ceil((zeros - 1) / 258);
  const out = new Uint8Array(Math.ceil((3 + 8 + runs * 13 + 7 + 3) / 8) + 1);
  let bit = 0;
  const put = (value: number, length: number) => {
    for (let i = 0; i < length; i++, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  // Huffman codes go most significant bit first, so they are written reversed.
  const code = (value: number, length: number) => {
    let reversed = 0;
    for (let i = 0; i < length; i++) reversed |= ((value >> i) & 1) << (length - 1 - i);
    put(reversed, length);
  };
  put(0, 1);
  put(1, 2);
  code(0x30, 8);
  for (let i = 0; i < runs; i++) {
    code(0xc5, 8);
    code(0, 5);
  }
  code(0, 7);
  put(1, 1);
  put(3, 2);
  return out;
}
