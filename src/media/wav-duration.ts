/**
 * The length of a RIFF/WAVE recording in milliseconds, read from its header: the `fmt ` chunk's
 * byte rate and the `data` chunk's size. Null when the bytes are not a WAV header Tematik can
 * read (other formats need a demuxer; their length is then unknown until the player loads them).
 */
export function wavDurationMs(header: Uint8Array): number | null {
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const tag = (at: number) => String.fromCharCode(...header.subarray(at, at + 4));
  if (header.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return null;
  let byteRate: number | null = null;
  for (let at = 12; at + 8 <= header.length;) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 20 <= header.length) byteRate = view.getUint32(at + 16, true);
    if (id === 'data') return byteRate ? Math.round((size / byteRate) * 1000) : null;
    at += 8 + size + (size % 2);
  }
  return null;
}
