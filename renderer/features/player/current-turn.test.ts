import { describe, expect, it } from 'vitest';
import type { TurnId, Utf16Offset } from '../../../src/domain/ids';
import { turnAt } from './current-turn';

const turn = (id: number, startMs: number | null, endMs: number | null, start: number) => ({ id: id as TurnId, startMs, endMs, start: start as Utf16Offset, end: (start + 10) as Utf16Offset });

describe('the turn being heard', () => {
  const turns = [turn(1, 0, 2000, 0), turn(2, 2000, 4000, 10), turn(3, null, null, 20), turn(4, 6000, null, 30)];

  it('is the last turn started by then, until its end', () => {
    expect(turnAt(turns, 0)).toEqual({ turnId: 1, start: 0, end: 10 });
    expect(turnAt(turns, 1999)).toMatchObject({ turnId: 1 });
    expect(turnAt(turns, 2000)).toMatchObject({ turnId: 2 });
    // After turn 2 ends and before turn 4 starts nobody speaks; the untimed turn 3 is never heard.
    expect(turnAt(turns, 5000)).toBeNull();
    expect(turnAt(turns, 60_000)).toMatchObject({ turnId: 4 });
  });

  it('goes by time, not by order in the text, and is none before the first turn', () => {
    expect(turnAt([turn(1, 5000, null, 0), turn(2, 1000, null, 10)], 3000)).toMatchObject({ turnId: 2 });
    expect(turnAt([turn(1, 5000, null, 0)], 3000)).toBeNull();
    expect(turnAt([], 3000)).toBeNull();
  });
});
