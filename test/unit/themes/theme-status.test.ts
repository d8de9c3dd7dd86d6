import { describe, expect, it } from 'vitest';
import { missingFor, statusSteps } from '../../../src/domain/theme-status';

describe('statusSteps', () => {
  it('offers the step forward first, then back, then discard', () => {
    expect(statusSteps('candidate')).toEqual([{ to: 'reviewed', kind: 'forward' }, { to: 'discarded', kind: 'discard' }]);
    expect(statusSteps('reviewed').map((s) => s.to)).toEqual(['defined', 'candidate', 'discarded']);
    expect(statusSteps('defined').map((s) => s.kind)).toEqual(['back', 'discard']);
  });

  it('only restores a discarded theme, as a candidate', () => {
    expect(statusSteps('discarded')).toEqual([{ to: 'candidate', kind: 'restore' }]);
  });
});

describe('missingFor', () => {
  const blank = { definition: '', scope: '  ' };
  it('asks for extracts before a theme can be reviewed', () => {
    expect(missingFor(blank, 'reviewed', 0)).toEqual(['extracts']);
    expect(missingFor(blank, 'reviewed', 3)).toEqual([]);
  });

  it('asks for a definition and a scope (blank text does not count) before defined', () => {
    expect(missingFor(blank, 'defined', 5)).toEqual(['definition', 'scope']);
    expect(missingFor({ definition: 'About X', scope: '' }, 'defined', 5)).toEqual(['scope']);
    expect(missingFor({ definition: 'About X', scope: 'Not Y' }, 'defined', 5)).toEqual([]);
  });

  it('never blocks a step back or a discard', () => {
    expect(missingFor(blank, 'candidate', 0)).toEqual([]);
    expect(missingFor(blank, 'discarded', 0)).toEqual([]);
  });
});
