/**
 * A real WAV file of tones, written sample by sample (16-bit mono PCM): a recording for tests
 * without any audio tool. Each second has its own pitch, so a seek lands somewhere audibly different.
 */
export function toneWav(seconds: number, sampleRate = 8000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const pitch = 220 * (1 + Math.floor(i / sampleRate) % 4);
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * pitch * i) / sampleRate) * 8000), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** A WebVTT transcript of four cues, 2 s apart, two speakers. */
export const FOUR_CUES_VTT = `WEBVTT

00:00:00.000 --> 00:00:02.000
<v Pewawancara>Bagaimana awal usaha Ibu?

00:00:02.000 --> 00:00:04.000
<v Bu Sari>Awalnya saya jualan lewat Instagram saja.

00:00:04.000 --> 00:00:06.000
<v Pewawancara>Lalu pelanggan ikut memberi ide?

00:00:06.000 --> 00:00:08.000
<v Bu Sari>Iya, lewat polling di Instagram Story kami tanya warna baru.
`;
