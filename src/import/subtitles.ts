import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import { cleanLabel, guessLanguage, isNeverSpeaker, isRoleLabel, LABEL_SOURCE, labelKey, roleAssigner } from './speakers';
import { parseClock } from './turns';
import type { ParsedTurn } from './types';

const say = defineMessages({
  en: {
    badTiming: '{file}, line {line}: cannot read the cue timing "{timing}". Correct it to the form "{example}", or export the subtitles again.',
    noCuesVtt: '{file}: no subtitle cues found. A .vtt file lists each cue as "00:00:01.000 --> 00:00:04.000" followed by its text; export the subtitles again, or import the transcript as .txt.',
    noCuesSrt: '{file}: no subtitle cues found. A .srt file lists each cue as "1", then "00:00:01,000 --> 00:00:04,000" followed by its text; export the subtitles again, or import the transcript as .txt.',
    emptyCues: '{file}: the subtitle cues contain no text. Export the subtitles again with their text, or import the transcript as .txt.',
  },
  id: {
    badTiming: '{file}, baris {line}: waktu cue "{timing}" tidak terbaca. Perbaiki menjadi bentuk "{example}", atau ekspor ulang subtitlenya.',
    noCuesVtt: '{file}: tidak ada cue subtitle. Berkas .vtt mencantumkan setiap cue sebagai "00:00:01.000 --> 00:00:04.000" diikuti teksnya; ekspor ulang subtitlenya, atau impor transkrip sebagai .txt.',
    noCuesSrt: '{file}: tidak ada cue subtitle. Berkas .srt mencantumkan setiap cue sebagai "1", lalu "00:00:01,000 --> 00:00:04,000" diikuti teksnya; ekspor ulang subtitlenya, atau impor transkrip sebagai .txt.',
    emptyCues: '{file}: cue subtitle tidak berisi teks. Ekspor ulang subtitle beserta teksnya, atau impor transkrip sebagai .txt.',
  },
});

/** A subtitle file turned into document text, one line per speaker turn. */
export interface SubtitleDocument {
  readonly text: string;
  readonly turns: ParsedTurn[];
}

type SubtitleFormat = 'vtt' | 'srt';

interface Cue {
  readonly startMs: number;
  endMs: number;
  /** From `<v Name>` or a `Name:` prefix; null when the cue names nobody. */
  readonly speaker: string | null;
  text: string;
}

interface Block {
  /** 1-based line number of the block's first line, for messages. */
  readonly line: number;
  readonly lines: string[];
}

// Both formats accept '.' or ',' before the milliseconds: tools mix them up.
const CLOCK_SOURCE = String.raw`(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;
const TIMING_RE = new RegExp(String.raw`^\s*(${CLOCK_SOURCE})\s*-->\s*(${CLOCK_SOURCE})(?:\s.*)?$`, 'u');
const VOICE_RE = /<v(?:\.[^\s>]*)*[ \t]+([^>]*)>/u;
/** Markup tags (`<b>`, `</i>`, `<c.yellow>`, `<font color="…">`), inline timestamps and SRT's `{\an8}`; a bare "<50" is left alone. */
const TAG_RE = /<\/?[a-z][^<>]*>|<\d[\d:.]*>|\{\\[^}]*\}/giu;
const ENTITY_RE = /&(?:(amp|lt|gt|nbsp|quot|apos|lrm|rlm)|#(\d{1,7})|#x([0-9a-f]{1,6}));/giu;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', nbsp: ' ', quot: '"', apos: "'", lrm: '', rlm: '' };
const PREFIX_RE = new RegExp(String.raw`^(${LABEL_SOURCE})[ \t]*:(?:\s+|$)`, 'u');

/**
 * Parses a WebVTT file: cues with `hh:mm:ss.mmm` or `mm:ss.mmm` timings, speakers from
 * `<v Name>` or a `Name:` prefix; NOTE, STYLE and REGION blocks and cue settings are
 * skipped. Consecutive cues of one speaker merge into one turn.
 * @throws TematikError `bad_input` when the file has no cues or a malformed timing line.
 */
export function parseVtt(text: string, fileName: string): SubtitleDocument {
  const cues: Cue[] = [];
  for (const block of splitBlocks(text)) {
    const head = block.lines[0] ?? '';
    if (/^(?:WEBVTT|NOTE|STYLE|REGION)(?:\s|$)/u.test(head)) continue;
    const timing = timingIndex(block);
    if (timing === -1) continue; // the WebVTT rules say to drop a block without a timing line
    cues.push(readCue(block, timing, fileName, 'vtt'));
  }
  return buildDocument(cues, fileName, 'vtt');
}

/**
 * Parses a SubRip file: numbered cues with `hh:mm:ss,mmm` timings, speakers from a
 * leading `Name:`. Text after a blank line inside a cue stays with that cue.
 * Consecutive cues of one speaker merge into one turn.
 * @throws TematikError `bad_input` when the file has no cues or a malformed timing line.
 */
export function parseSrt(text: string, fileName: string): SubtitleDocument {
  const cues: Cue[] = [];
  for (const block of splitBlocks(text)) {
    const timing = timingIndex(block);
    const previous = cues[cues.length - 1];
    if (timing === -1) {
      if (previous) previous.text = joinText(previous.text, cleanCueText(block.lines.join(' ')).text);
      continue;
    }
    cues.push(readCue(block, timing, fileName, 'srt'));
  }
  return buildDocument(cues, fileName, 'srt');
}

function splitBlocks(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n?|\n/u);
  const blocks: Block[] = [];
  let current: Block | null = null;
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      current = null;
    } else if (current) {
      current.lines.push(line);
    } else {
      current = { line: i + 1, lines: [line] };
      blocks.push(current);
    }
  });
  return blocks;
}

/** The timing line is the first line, or the second after a cue id / SRT number. */
function timingIndex(block: Block): number {
  if (block.lines[0]?.includes('-->')) return 0;
  if (block.lines[1]?.includes('-->')) return 1;
  return -1;
}

function readCue(block: Block, timing: number, fileName: string, format: SubtitleFormat): Cue {
  const line = block.lines[timing] ?? '';
  const match = TIMING_RE.exec(line);
  if (!match) {
    const example = format === 'vtt' ? '00:01:02.500 --> 00:01:05.000' : '00:01:02,500 --> 00:01:05,000';
    throw new TematikError('bad_input', say('badTiming', { file: fileName, line: String(block.line + timing), timing: line.trim(), example }));
  }
  const { speaker, text } = cleanCueText(block.lines.slice(timing + 1).join('\n'));
  return { startMs: parseClock(match[1] ?? ''), endMs: parseClock(match[2] ?? ''), speaker, text };
}

/** Reads the voice, strips markup, decodes entities and joins the cue's lines into one. */
function cleanCueText(payload: string): { speaker: string | null; text: string } {
  const voice = VOICE_RE.exec(payload)?.[1]?.trim().replace(/\s+/gu, ' ') || null;
  const text = payload
    .replace(TAG_RE, '')
    .replace(ENTITY_RE, (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
      if (name) return ENTITIES[name.toLowerCase()] ?? whole;
      const code = dec ? Number(dec) : Number.parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/\s+/gu, ' ')
    .trim();
  return { speaker: voice, text };
}

function joinText(a: string, b: string): string {
  return a && b ? `${a} ${b}` : a || b;
}

interface PendingTurn {
  readonly speaker: string;
  readonly startMs: number;
  endMs: number;
  text: string;
}

function buildDocument(rawCues: readonly Cue[], fileName: string, format: SubtitleFormat): SubtitleDocument {
  if (rawCues.length === 0) {
    throw new TematikError('bad_input', say(format === 'vtt' ? 'noCuesVtt' : 'noCuesSrt', { file: fileName }));
  }
  const cues = withPrefixSpeakers(rawCues).filter((cue) => cue.text !== '');
  if (cues.length === 0) {
    throw new TematikError('bad_input', say('emptyCues', { file: fileName }));
  }

  // Without any speaker, merging would glue the whole recording into one line and lose its timings.
  const anySpeaker = cues.some((cue) => cue.speaker !== null);
  const pending: PendingTurn[] = [];
  for (const cue of cues) {
    const current = pending[pending.length - 1];
    const continues = anySpeaker && current && (cue.speaker === null || labelKey(cue.speaker) === labelKey(current.speaker));
    if (continues) {
      current.text = joinText(current.text, cue.text);
      current.endMs = cue.endMs;
    } else {
      pending.push({ speaker: cue.speaker ?? '', startMs: cue.startMs, endMs: cue.endMs, text: cue.text });
    }
  }

  const speakers = pending.filter((turn) => turn.speaker !== '').map((turn) => turn.speaker);
  const roleOf = roleAssigner(speakers, guessLanguage(cues.map((cue) => cue.text).join('\n')));
  let text = '';
  const turns: ParsedTurn[] = [];
  for (const turn of pending) {
    const prefix = turn.speaker ? `${turn.speaker}: ` : '';
    const start = text.length + prefix.length;
    text += `${prefix}${turn.text}\n`;
    turns.push({
      speaker: turn.speaker,
      role: turn.speaker ? roleOf(turn.speaker) : 'unknown',
      startMs: turn.startMs,
      endMs: turn.endMs,
      start,
      end: start + turn.text.length,
    });
  }
  return { text, turns };
}

/**
 * Moves a leading `Name:` out of the text into the speaker, under the rule plain
 * transcripts use: a role label, or a label that begins at least two cues.
 */
function withPrefixSpeakers(cues: readonly Cue[]): Cue[] {
  const prefixes = cues.map((cue) => {
    if (cue.speaker !== null) return null;
    const match = PREFIX_RE.exec(cue.text);
    const label = match ? cleanLabel(match[1] ?? '') : null;
    return match && label ? { label, length: match[0].length } : null;
  });
  const counts = new Map<string, number>();
  for (const prefix of prefixes) if (prefix) counts.set(labelKey(prefix.label), (counts.get(labelKey(prefix.label)) ?? 0) + 1);
  return cues.map((cue, i) => {
    const prefix = prefixes[i];
    const isSpeaker = prefix && !isNeverSpeaker(prefix.label) &&
      (isRoleLabel(prefix.label) || (counts.get(labelKey(prefix.label)) ?? 0) >= 2);
    return isSpeaker ? { ...cue, speaker: prefix.label, text: cue.text.slice(prefix.length) } : { ...cue };
  });
}
