import { describe, expect, it } from 'vitest';
import type { CodeId, ThemeId } from '../../../src/domain/ids';
import type { Theme, ThemeStatus } from '../../../src/domain/types';
import { selectThemes } from '../../../src/report/model';

const theme = (id: number, status: ThemeStatus, parentId: number | null = null): Theme => ({
  id: id as ThemeId, parentId: parentId as ThemeId | null, name: `T${id}`, definition: '', scope: '', status, colour: '#336699',
  exemplarCodingId: null, codeIds: [] as CodeId[], convergence: null, convergenceReason: '', finding: '',
});
const ids = (selected: ReturnType<typeof selectThemes>) => selected.map((s) => [s.theme.id, s.depth]);

describe('which themes the report has sections for', () => {
  const themes = [theme(1, 'defined'), theme(2, 'reviewed', 1), theme(3, 'discarded', 1), theme(4, 'candidate'), theme(5, 'defined'), theme(6, 'candidate', 2)];

  it('defaults to the defined themes with their sub-themes still in play, in board order', () => {
    expect(ids(selectThemes(themes))).toEqual([[1, 0], [2, 1], [6, 2], [5, 0]]);
  });

  it('defaults to every theme still in play when none is defined', () => {
    const early = themes.map((t) => (t.status === 'defined' ? { ...t, status: 'candidate' as const } : t));
    expect(ids(selectThemes(early))).toEqual([[1, 0], [2, 1], [6, 2], [4, 0], [5, 0]]);
  });

  it('takes exactly the chosen themes; a sub-theme without its parent gets its own section naming the parent', () => {
    const selected = selectThemes(themes, [6, 5, 3]);
    expect(ids(selected)).toEqual([[6, 0], [3, 0], [5, 0]]);
    expect(selected.find((s) => s.theme.id === 6)?.parent?.name).toBe('T2');
  });

  it('refuses a theme that does not exist', () => {
    expect(() => selectThemes(themes, [1, 99])).toThrow(/Theme 99 does not exist/);
  });

  it('still reports themes caught in a parent cycle', () => {
    const cycle = [theme(1, 'defined', 2), theme(2, 'defined', 1)];
    expect(ids(selectThemes(cycle)).map(([id]) => id).sort()).toEqual([1, 2]);
  });
});
