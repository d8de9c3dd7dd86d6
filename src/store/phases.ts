import type Database from 'better-sqlite3';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import type { CoderId } from '../domain/ids';
import { PHASE_CHECKLISTS } from '../domain/phases';
import type { Phase, PhaseCheck } from '../domain/types';
import { now } from './project-store';

const say = defineMessages({
  en: { noSuchItem: 'Phase {phase} has no checklist item "{item}". Known items: {known}.' },
  id: { noSuchItem: 'Fase {phase} tidak punya butir daftar periksa "{item}". Butir yang ada: {known}.' },
});

type Db = Database.Database;

export function listChecks(db: Db): PhaseCheck[] {
  return db.prepare(`SELECT p.phase, p.item, p.done_at AS doneAt, c.name AS by FROM phase_checks p JOIN coders c ON c.id = p.coder_id ORDER BY p.phase, p.item`).all() as PhaseCheck[];
}

export function setCheck(db: Db, phase: Phase, item: string, done: boolean, coder: CoderId): void {
  if (!PHASE_CHECKLISTS[phase].some((i) => i.key === item)) {
    throw new TematikError('invalid_args', say('noSuchItem', { phase: String(phase), item, known: PHASE_CHECKLISTS[phase].map((i) => i.key).join(', ') }));
  }
  if (done) db.prepare('INSERT OR IGNORE INTO phase_checks (phase, item, done_at, coder_id) VALUES (?, ?, ?, ?)').run(phase, item, now(), coder);
  else db.prepare('DELETE FROM phase_checks WHERE phase = ? AND item = ?').run(phase, item);
}
