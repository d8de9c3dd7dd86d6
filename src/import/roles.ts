import type { SpeakerRole } from '../domain/types';
import { labelKey } from './speakers';
import type { ParsedTurn } from './types';

/** A speaker asks questions when at least this share of their turns holds a question mark. */
const ASKS = 0.4;
/** …and at least this many times the share of every other speaker. */
const ASKS_MORE = 2;
/** Enough turns to judge by. */
const MIN_TURNS = 2;

/** What a speaker label's turns look like: how many, how many ask, how long they are. */
export interface SpeakerProfile {
  readonly label: string;
  readonly turns: number;
  readonly questions: number;
  readonly characters: number;
}

/**
 * Each speaker's turns, questions and length, in order of first turn. `key` says which labels are one
 * speaker: case-blind while parsing, the exact label for a stored document (whose speakers are set by label).
 */
export function speakerProfiles(text: string, turns: readonly Pick<ParsedTurn, 'speaker' | 'start' | 'end'>[], key: (label: string) => string = labelKey): SpeakerProfile[] {
  const byKey = new Map<string, { label: string; turns: number; questions: number; characters: number }>();
  for (const turn of turns) {
    if (!turn.speaker) continue;
    const k = key(turn.speaker);
    const profile = byKey.get(k) ?? { label: turn.speaker, turns: 0, questions: 0, characters: 0 };
    profile.turns++;
    profile.characters += turn.end - turn.start;
    if (text.slice(turn.start, turn.end).includes('?')) profile.questions++;
    byKey.set(k, profile);
  }
  return [...byKey.values()];
}

/**
 * The speaker who asks the questions, judged from the transcript itself: most of their turns
 * hold a question mark, clearly more than anyone else's, and on average their turns are
 * shorter than the others'. Null when the transcript does not say so clearly.
 */
export function inferInterviewer(profiles: readonly SpeakerProfile[]): string | null {
  const judged = profiles.filter((p) => p.turns >= MIN_TURNS);
  if (judged.length < 2) return null;
  const share = (p: SpeakerProfile): number => p.questions / p.turns;
  const length = (p: SpeakerProfile): number => p.characters / p.turns;
  const [asker, ...others] = [...judged].sort((a, b) => share(b) - share(a));
  if (!asker || share(asker) < ASKS) return null;
  if (!others.every((o) => share(asker) >= ASKS_MORE * share(o))) return null;
  if (!others.every((o) => length(asker) < length(o))) return null;
  return asker.label;
}

/**
 * Settles speaker roles where the labels leave them open: `P:`/`I:` (whose meaning flips
 * between Indonesian and English transcripts, and between researchers), or names only.
 * When the transcript clearly shows who asks the questions, that speaker is the interviewer
 * and everyone else an informant; otherwise the roles the labels gave are kept. Role words
 * ("Pewawancara", "Informan 2") are never overridden.
 */
export function settleRoles(text: string, turns: readonly ParsedTurn[]): readonly ParsedTurn[] {
  const labelled = turns.filter((t) => t.speaker);
  if (labelled.length === 0) return turns;
  const keys = new Set(labelled.map((t) => labelKey(t.speaker)));
  const ambiguous = [...keys].every((key) => key === 'p' || key === 'i') || labelled.every((t) => t.role !== 'interviewer');
  if (!ambiguous) return turns;
  const interviewer = inferInterviewer(speakerProfiles(text, turns));
  if (interviewer === null) return soleSpeaker(turns, keys);
  const interviewerKey = labelKey(interviewer);
  return turns.map((turn): ParsedTurn => {
    if (!turn.speaker) return turn;
    const role: SpeakerRole = labelKey(turn.speaker) === interviewerKey ? 'interviewer' : 'informant';
    return role === turn.role ? turn : { ...turn, role };
  });
}

/** One speaker and nobody asking: a monologue or a written answer, which is the informant's. */
function soleSpeaker(turns: readonly ParsedTurn[], keys: ReadonlySet<string>): readonly ParsedTurn[] {
  if (keys.size !== 1) return turns;
  return turns.map((turn): ParsedTurn => (turn.speaker && turn.role === 'unknown' ? { ...turn, role: 'informant' } : turn));
}
