import type Database from 'better-sqlite3';
import { informantGroups } from '../analysis/groups';
import { supportByType, themeEvidenceCodes } from '../analysis/theme-evidence';
import type { CodeId, ThemeId } from '../domain/ids';
import type { Code, ThemeReview } from '../domain/types';
import { listCodes } from './codes';
import { extractsForCodes } from './codings';
import { listInformantTypes } from './informants';
import { getTheme, listThemes } from './themes';

type Db = Database.Database;

/** A code sits weakly in a theme with fewer extracts than this, or with extracts from one informant only. */
export const WEAK_EXTRACTS = 3;

/** Every code whose codings are a theme's evidence (see `theme-evidence.ts`). */
export function themeCodeIds(db: Db, id: ThemeId): CodeId[] {
  return themeEvidenceCodes(db, id) as CodeId[];
}

/** Phase 4 in one place: a theme's evidence grouped by informant type and informant, and its weak spots. */
export function reviewTheme(db: Db, id: ThemeId): ThemeReview {
  const theme = getTheme(db, id);
  const extracts = extractsForCodes(db, themeCodeIds(db, id));
  const types = listInformantTypes(db);
  // Not interviewed is what the triangulation table says, in its order.
  const notInterviewed = new Map(informantGroups(db).columns.map((c) => [c.label, c.notInterviewed]));
  const typeOfLabel = new Map((db.prepare('SELECT i.label, t.name FROM informants i JOIN informant_types t ON t.id = i.type_id').raw().all() as [string, string][]));
  const byType = new Map(supportByType(extracts, typeOfLabel, types.map((t) => t.name)).map((s) => [s.type, s.informants]));

  const support = types.map((t) => {
    const informants = byType.get(t.name) ?? [];
    const extractIds = new Set(informants.flatMap((i) => i.extracts.map((e) => e.id)));
    return { type: t.name, colour: t.colour, informants: informants.length, totalInformants: t.interviewedCount, extracts: extractIds.size, notInterviewed: notInterviewed.get(t.name) ?? [] };
  });
  const groups = types.filter((t) => byType.has(t.name)).map((t) => ({ type: t.name, informants: byType.get(t.name)! }));

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
