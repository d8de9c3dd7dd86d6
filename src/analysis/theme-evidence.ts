import type Database from 'better-sqlite3';
import type { Extract, ThemeStatus } from '../domain/types';
import { compareText } from './groups';

type Db = Database.Database;

/** What a theme's evidence depends on: where it sits, whether it is still in play, its own codes. */
export interface ThemeShape {
  readonly id: number;
  readonly parentId: number | null;
  readonly status: ThemeStatus;
  readonly codeIds: readonly number[];
}

/**
 * Which codes are a theme's evidence, for any theme of `themes`: its own codes, then those of
 * its sub-themes at any depth in list order, except sub-themes that are discarded (and whatever
 * is under them). Each code once, so a coding reached twice (directly and through a sub-theme)
 * counts once. The theme itself counts whatever its status. A parent cycle (which the store
 * refuses, but a file is input) ends where it closes.
 *
 * This is the one rule triangulation, the Word report, the theme review, the extracts export
 * and the "reviewed" check follow; who spoke each coding is `attribution.ts`'s rule.
 */
export function evidenceCodes(themes: readonly ThemeShape[]): (themeId: number) => number[] {
  const byId = new Map(themes.map((theme) => [theme.id, theme]));
  const children = new Map<number, ThemeShape[]>();
  for (const theme of themes) {
    if (theme.parentId === null) continue;
    const list = children.get(theme.parentId);
    if (list) list.push(theme); else children.set(theme.parentId, [theme]);
  }
  return (themeId) => {
    const root = byId.get(themeId);
    if (!root) return [];
    const codes = new Set<number>();
    const visited = new Set<number>();
    const visit = (theme: ThemeShape): void => {
      if (visited.has(theme.id)) return;
      visited.add(theme.id);
      for (const code of theme.codeIds) codes.add(code);
      for (const child of children.get(theme.id) ?? []) if (child.status !== 'discarded') visit(child);
    };
    visit(root);
    return [...codes];
  };
}

/** Every theme's shape in list order (sort order, name), read in two queries. */
export function readThemeShapes(db: Db): ThemeShape[] {
  const themes = (db.prepare('SELECT id, parent_id AS parentId, status FROM themes ORDER BY sort_order, name COLLATE NOCASE').all() as Omit<ThemeShape, 'codeIds'>[])
    .map((theme) => ({ ...theme, codeIds: [] as number[] }));
  const byId = new Map(themes.map((theme) => [theme.id, theme]));
  for (const [themeId, codeId] of db.prepare('SELECT theme_id, code_id FROM theme_codes ORDER BY theme_id, code_id').raw().all() as [number, number][]) {
    byId.get(themeId)?.codeIds.push(codeId);
  }
  return themes;
}

/** One theme's evidence codes (see `evidenceCodes`); empty for a theme that does not exist. */
export function themeEvidenceCodes(db: Db, themeId: number): number[] {
  return evidenceCodes(readThemeShapes(db))(themeId);
}

/** The informants of one type who support a theme, each with the extracts they spoke. */
export interface TypeSupport<E extends Spoken = Extract> {
  readonly type: string;
  /** In natural label order ("P-2" before "P-10"), as the triangulation table lists people. */
  readonly informants: readonly { readonly label: string; readonly extracts: readonly E[] }[];
}

/** What `supportByType` needs of an extract: who spoke it. */
export type Spoken = Pick<Extract, 'informantLabels'>;

/**
 * Who supports a theme, from its extracts: by informant type (in `typeOrder`, then any other by
 * name), then by informant. An extract supports each informant who spoke it (a passage spanning
 * two speakers supports both) and lists once under each; the interviewer's words support no one.
 * The theme review's and the report's supporters; triangulation counts the same in columns.
 */
export function supportByType<E extends Spoken>(extracts: readonly E[], typeOfLabel: ReadonlyMap<string, string>, typeOrder: readonly string[]): TypeSupport<E>[] {
  const byType = new Map<string, Map<string, E[]>>();
  for (const extract of extracts) {
    for (const label of extract.informantLabels) {
      const type = typeOfLabel.get(label) ?? '';
      let informants = byType.get(type);
      if (!informants) byType.set(type, (informants = new Map()));
      const list = informants.get(label);
      if (list) list.push(extract); else informants.set(label, [extract]);
    }
  }
  const rank = (type: string): number => {
    const i = typeOrder.indexOf(type);
    return i < 0 ? typeOrder.length : i;
  };
  return [...byType]
    .sort(([a], [b]) => rank(a) - rank(b) || compareText(a, b))
    .map(([type, informants]) => ({
      type,
      informants: [...informants].sort(([a], [b]) => compareText(a, b)).map(([label, list]) => ({ label, extracts: list })),
    }));
}
