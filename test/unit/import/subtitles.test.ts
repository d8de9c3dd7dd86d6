import { describe, expect, it } from 'vitest';
import { TematikError } from '../../../src/domain/errors';
import { parseSrt, parseVtt, type SubtitleDocument } from '../../../src/import/subtitles';

function read(doc: SubtitleDocument): [string, string, number | null, number | null, string][] {
  return doc.turns.map((t) => [t.speaker, t.role, t.startMs, t.endMs, doc.text.slice(t.start, t.end)]);
}

function badInput(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TematikError);
    expect((error as TematikError).kind).toBe('bad_input');
    return (error as TematikError).message;
  }
  throw new Error('expected a bad_input error');
}

describe('parseVtt', () => {
  it('reads voice tags, merges a speaker\'s cues and skips NOTE, STYLE and REGION blocks', () => {
    const vtt = [
      'WEBVTT - wawancara UMKM',
      'Kind: captions',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'REGION',
      'id:bawah width:40%',
      '',
      'NOTE direkam lewat Zoom',
      'dua baris',
      '',
      'intro',
      '00:00:01.000 --> 00:00:04.000 align:start position:10%',
      '<v Peneliti>Selamat pagi, <b>Bu</b>.</v>',
      '',
      '00:00:04.500 --> 00:00:06.000',
      '<v.loud Bu Rina>Pagi &amp; salam &lt;3</v>',
      '',
      '00:06.000 --> 00:09.250',
      '<v Bu Rina><i>Kami</i> mulai <c.highlight>2019</c>,',
      'lewat <00:00:07.000>Instagram&nbsp;😀.</v>',
      '',
      '01:00:00.000 --> 01:00:02.000',
      'tanpa label, tetap Bu Rina.',
      '',
      '01:00:03.000 --> 01:00:05.000',
      '<v Peneliti>Terima kasih.',
      '',
    ].join('\n');
    const doc = parseVtt(vtt, 'zoom.vtt');
    expect(read(doc)).toEqual([
      ['Peneliti', 'interviewer', 1000, 4000, 'Selamat pagi, Bu.'],
      ['Bu Rina', 'informant', 4500, 3_602_000, 'Pagi & salam <3 Kami mulai 2019, lewat Instagram 😀. tanpa label, tetap Bu Rina.'],
      ['Peneliti', 'interviewer', 3_603_000, 3_605_000, 'Terima kasih.'],
    ]);
    expect(doc.text).toBe(
      'Peneliti: Selamat pagi, Bu.\nBu Rina: Pagi & salam <3 Kami mulai 2019, lewat Instagram 😀. tanpa label, tetap Bu Rina.\nPeneliti: Terima kasih.\n',
    );
  });

  it('reads Name: prefixes when there are no voice tags', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nInterviewer: How did you start?\n\n00:00:02.000 --> 00:00:03.000\nSari: With a small shop.\n\n00:00:03.000 --> 00:00:04.000\nSari: In Samarinda.\n';
    expect(read(parseVtt(vtt, 'a.vtt'))).toEqual([
      ['Interviewer', 'interviewer', 1000, 2000, 'How did you start?'],
      ['Sari', 'informant', 2000, 4000, 'With a small shop. In Samarinda.'],
    ]);
  });

  it('keeps one turn per cue when nobody is named, so timings survive', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nsatu\n\n00:00:02.000 --> 00:00:03.000\ndua\n';
    const doc = parseVtt(vtt, 'auto.vtt');
    expect(doc.text).toBe('satu\ndua\n');
    expect(read(doc)).toEqual([['', 'unknown', 1000, 2000, 'satu'], ['', 'unknown', 2000, 3000, 'dua']]);
  });

  it('refuses a file without cues, naming it', () => {
    expect(badInput(() => parseVtt('WEBVTT\n\nNOTE nothing here\n', 'kosong.vtt'))).toMatch(/^kosong\.vtt: no subtitle cues found/);
  });

  it('refuses a malformed timing line with its line number', () => {
    expect(badInput(() => parseVtt('WEBVTT\n\n00:00:01.000 --> later\nHalo\n', 'rusak.vtt'))).toMatch(/^rusak\.vtt, line 3: cannot read the cue timing/);
  });
});

describe('parseSrt', () => {
  it('reads label prefixes, continuation cues and text after a blank line in a cue', () => {
    const srt = [
      '1',
      '00:00:01,000 --> 00:00:03,500',
      'P: Sejak kapan Bapak',
      'menjual kerajinan rotan?',
      '',
      '2',
      '00:00:04,000 --> 00:00:06,000',
      'I: Sejak <i>tahun</i> 2015.',
      '',
      '3',
      '00:00:06,000 --> 00:00:08,000',
      'Awalnya dari pameran.',
      '',
      'Lalu online.',
      '',
      '4',
      '00:01:00,000 --> 00:01:02,000',
      '{\\an8}P: Baik, terima kasih.',
      '',
    ].join('\r\n');
    const doc = parseSrt(srt, 'rekaman.srt');
    expect(read(doc)).toEqual([
      ['P', 'interviewer', 1000, 3500, 'Sejak kapan Bapak menjual kerajinan rotan?'],
      ['I', 'informant', 4000, 8000, 'Sejak tahun 2015. Awalnya dari pameran. Lalu online.'],
      ['P', 'interviewer', 60_000, 62_000, 'Baik, terima kasih.'],
    ]);
    expect(doc.text.split('\n')[1]).toBe('I: Sejak tahun 2015. Awalnya dari pameran. Lalu online.');
  });

  it('leaves a one-off "Note:" in the text', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nModerator: Welcome.\n\n2\n00:00:02,000 --> 00:00:03,000\nNote: this is recorded.\n';
    expect(read(parseSrt(srt, 'a.srt'))).toEqual([['Moderator', 'interviewer', 1000, 3000, 'Welcome. Note: this is recorded.']]);
  });

  it('refuses a file without cues, naming it', () => {
    expect(badInput(() => parseSrt('just some text\nwithout timings\n', 'notes.srt'))).toMatch(/^notes\.srt: no subtitle cues found/);
  });
});
