import type Database from 'better-sqlite3';
import { INTERVIEWED_SQL } from '../analysis/attribution';
import type { CodeId, ThemeId } from '../domain/ids';
import type { Code, Extract, ThemeReview } from '../domain/types';
import { listCodes } from './codes';
import { extractsForCodes } from './codings';
import { listInformantTypes } from './informants';
import { getTheme, listThemes } from './themes';

type Db = Database.Database;

/** A code sits weakly in a theme with fewer extracts than this, or with extracts from one informant only. */
export const WEAK_EXTRACTS = 3;

/** Every code of a theme and of its sub-themes at any depth; discarded sub-themes (and what is under them) add nothing, as in triangulation. */
export function themeCodeIds(db: Db, id: ThemeId): CodeId[] {
  return db.prepare(`
    WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT t.id FROM themes t JOIN sub ON t.parent_id = sub.id WHERE t.status <> 'discarded')
    SELECT DISTINCT tc.code_id FROM theme_codes tc JOIN sub ON sub.id = tc.theme_id`).pluck().all(id) as CodeId[];
}

/** Phase 4 in one place: a theme's evidence grouped by informant type and informant, and its weak spots. */
export function reviewTheme(db: Db, id: ThemeId): ThemeReview {
  const theme = getTheme(db, id);
  const extracts = extractsForCodes(db, themeCodeIds(db, id));
  const types = listInformantTypes(db);
  const informantsOf = db.prepare(`
    SELECT i.label, t.name AS type, ${INTERVIEWED_SQL} AS interviewed FROM informants i JOIN informant_types t ON t.id = i.type_id ORDER BY i.label`).all() as { label: string; type: string; interviewed: 0 | 1 }[];
  const typeOfLabel = new Map(informantsOf.map((i) => [i.label, i.type]));

  const byType = new Map<string, Map<string, Extract[]>>();
  for (const extract of extracts) {
    for (const label of extract.informantLabels) {
      const type = typeOfLabel.get(label) ?? '';
      const informants = byType.get(type) ?? new Map<string, Extract[]>();
      informants.set(label, [...(informants.get(label) ?? []), extract]);
      byType.set(type, informants);
    }
  }
  const support = types.map((t) => {
    const informants = byType.get(t.name) ?? new Map<string, Extract[]>();
    const extractIds = new Set([...informants.values()].flat().map((e) => e.id));
    const notInterviewed = informantsOf.filter((i) => i.type === t.name && !i.interviewed).map((i) => i.label);
    return { type: t.name, colour: t.colour, informants: informants.size, totalInformants: t.interviewedCount, extracts: extractIds.size, notInterviewed };
  });
  const groups = types.filter((t) => byType.has(t.name)).map((t) => ({
    type: t.name,
    informants: [...byType.get(t.name)!].sort(([a], [b]) => a.localeCompare(b)).map(([label, list]) => ({ label, extracts: list })),
  }));

  const codes = listCodes(db).filter((c) => theme.codeIds.includes(c.id));
  const weakCodes = codes.flatMap((code): { code: Code; reason: 'few-extracts' | 'one-informant' }[] => {
    if (code.codingCount < WEAK_EXTRACTS) return [{ code, reason: 'few-extracts' }];
    if (code.informantCount <= 1) return [{ code, reason: 'one-informant' }];
    return [];
  });
  return { theme, codes, support, groups, weakCodes, subThemes: listThemes(db).filter((t) => t.parentId === id) };
}

/** Codes in no theme that is still in play (discarded themes do not count as a home). */
export function unthemedCodes(db: Db): Code[] {
  const themed = new Set(db.prepare(`SELECT DISTINCT tc.code_id FROM theme_codes tc JOIN themes t ON t.id = tc.theme_id WHERE t.status <> 'discarded'`).pluck().all() as number[]);
  return listCodes(db).filter((c) => !themed.has(c.id));
}
