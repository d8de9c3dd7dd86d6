/**
 * What a media request asks for, from its Range header (RFC 9110 §14): the whole file, one byte
 * range (inclusive ends, as the header counts), or a range the file cannot satisfy (416). A header
 * Tematik does not read (another unit, several ranges, a malformed one) is ignored, as the RFC
 * allows, and the whole file sent: a media element asks for one range at a time.
 */
export type RangeAnswer =
  | { readonly kind: 'whole' }
  | { readonly kind: 'part'; readonly start: number; readonly end: number }
  | { readonly kind: 'unsatisfiable' };

export function parseRange(header: string | undefined | null, size: number): RangeAnswer {
  if (!header) return { kind: 'whole' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'whole' };
  const [, first, last] = match as unknown as [string, string, string];
  if (first === '') {
    // "bytes=-500": the last 500 bytes.
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || (last !== '' && Number(last) < start)) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end };
}

/** The status and headers of an answer to `range` for a file of `size` bytes and `mediaType`. */
export function rangeHeaders(range: RangeAnswer, size: number, mediaType: string): { status: number; headers: Record<string, string>; start: number; end: number } {
  const common = { 'accept-ranges': 'bytes', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (range.kind === 'unsatisfiable') {
    return { status: 416, headers: { ...common, 'content-range': `bytes */${size}`, 'content-type': 'text/plain; charset=utf-8' }, start: 0, end: -1 };
  }
  const start = range.kind === 'part' ? range.start : 0;
  const end = range.kind === 'part' ? range.end : size - 1;
  const headers: Record<string, string> = { ...common, 'content-type': mediaType, 'content-length': String(end - start + 1) };
  if (range.kind === 'part') headers['content-range'] = `bytes ${start}-${end}/${size}`;
  return { status: range.kind === 'part' ? 206 : 200, headers, start, end };
}
