import { describe, expect, it } from 'vitest';
import { contract, type ActionName } from '../../../src/api/contract';
import { AREAS, effects, stales } from '../../../src/api/touches';

const names = Object.keys(contract) as ActionName[];

describe('what each action touches', () => {
  it('classifies every action of the contract and nothing else', () => {
    expect(Object.keys(effects).sort()).toEqual([...names].sort());
  });

  it('names only known areas', () => {
    for (const effect of Object.values(effects)) {
      if (effect === 'none') continue;
      const areas = 'reads' in effect ? effect.reads : effect.changes === 'everything' ? [] : effect.changes;
      for (const area of areas) expect(AREAS).toContain(area);
    }
  });

  it('coding a passage re-reads the codings and the codebook counts, never the transcript text', () => {
    expect(stales('codings.apply', 'codings.forDocument')).toBe(true);
    expect(stales('codings.apply', 'codes.list')).toBe(true);
    expect(stales('codings.apply', 'documents.list')).toBe(true);
    expect(stales('codings.apply', 'history.state')).toBe(true);
    expect(stales('codings.apply', 'documents.text')).toBe(false);
    expect(stales('codings.apply', 'documents.get')).toBe(true);
    expect(stales('codings.apply', 'informants.list')).toBe(false);
    expect(stales('codings.apply', 'themes.list')).toBe(false);
  });

  it('a memo re-reads memos and history only', () => {
    const stale = names.filter((query) => stales('memos.create', query));
    expect(stale.sort()).toEqual(['audit.list', 'history.state', 'memos.list', 'project.stats', 'search.query', 'search.similar']);
  });

  it('opening, restoring and undoing re-read every query; exports and queries re-read none', () => {
    for (const action of ['project.open', 'backup.restore', 'history.undo'] as const) expect(stales(action, 'documents.text')).toBe(true);
    for (const action of ['export.table', 'report.word', 'codes.list'] as const) {
      expect(names.filter((query) => stales(action, query))).toEqual([]);
    }
  });

  it('every change re-reads the history, except those kept out of it', () => {
    const unrecorded = names.filter((action) => {
      const effect = effects[action];
      return effect !== 'none' && 'changes' in effect && !stales(action, 'history.state');
    });
    expect(unrecorded.sort()).toEqual(['app.forgetRecent', 'backup.create', 'project.check']);
  });
});
