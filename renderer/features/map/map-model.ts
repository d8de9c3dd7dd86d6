import type { Comment, ThemeLink, ThemeMap } from '../../../src/domain/types';
import type { Point } from '../../../src/domain/map-geometry';

/**
 * The theme whose fan an automatically placed code sits in: the first shown theme holding
 * it, as the core's layout decides. Dragging that theme carries the code along, as the
 * layout will place it there again once the theme's new position is saved.
 */
export function codeOwners(map: Pick<ThemeMap, 'themes' | 'codes'>): Map<number, number> {
  const owners = new Map<number, number>();
  for (const code of map.codes) {
    if (code.pinned) continue;
    const owner = map.themes.find((t) => t.codeIds.some((id) => (id as number) === (code.id as number)));
    if (owner) owners.set(code.id, owner.id);
  }
  return owners;
}

/** Nodes moving with a dragged theme: its automatically placed codes, shifted by the same amount. */
export function companions(
  map: Pick<ThemeMap, 'themes' | 'codes'>, themeId: number, delta: Point,
  from: (code: ThemeMap['codes'][number]) => Point = (code) => code,
): { kind: 'code'; id: number; x: number; y: number }[] {
  const owners = codeOwners(map);
  return map.codes.filter((c) => owners.get(c.id) === themeId).map((c) => {
    const p = from(c);
    return { kind: 'code' as const, id: c.id, x: p.x + delta.x, y: p.y + delta.y };
  });
}

/** A theme's sub-themes, their sub-themes, and so on: they move with it when it is dragged. */
export function subThemesOf(map: Pick<ThemeMap, 'themes'>, themeId: number): Set<number> {
  const out = new Set<number>();
  const queue = [themeId];
  while (queue.length) {
    const id = queue.shift()!;
    for (const t of map.themes) {
      if (t.parentId !== null && (t.parentId as number) === id && t.id !== themeId && !out.has(t.id)) {
        out.add(t.id);
        queue.push(t.id);
      }
    }
  }
  return out;
}

/** "A → B", or "M → (X → Y)" for a mediator or moderator, in the names the map shows. */
export function describeLink(link: Pick<ThemeLink, 'fromThemeId' | 'toThemeId' | 'toLinkId'>, map: Pick<ThemeMap, 'themes' | 'links'>, seen = new Set<number>()): string {
  const name = (id: number) => map.themes.find((t) => t.id === id)?.name ?? '?';
  if (link.toThemeId !== null) return `${name(link.fromThemeId)} → ${name(link.toThemeId)}`;
  const target = map.links.find((l) => l.id === link.toLinkId);
  if (!target || seen.has(target.id)) return `${name(link.fromThemeId)} → (?)`;
  seen.add(target.id);
  return `${name(link.fromThemeId)} → (${describeLink(target, map, seen)})`;
}

/** Links that end on `linkId`, directly or through another: deleting it deletes them too (the store cascades). */
export function dependentLinks(links: readonly ThemeLink[], linkId: number): ThemeLink[] {
  const out: ThemeLink[] = [];
  const queue = [linkId];
  while (queue.length) {
    const id = queue.shift()!;
    for (const l of links) {
      if (l.toLinkId === id && !out.includes(l)) {
        out.push(l);
        queue.push(l.id);
      }
    }
  }
  return out;
}

/** Open (unresolved) comments per theme and per link, for the badges on the map. */
export function openCommentCounts(comments: readonly Comment[]): { themes: Map<number, number>; links: Map<number, number> } {
  const themes = new Map<number, number>();
  const links = new Map<number, number>();
  for (const c of comments) {
    // Comments on codes, on quotes and unplaced ones have no badge on the map.
    if (c.resolvedAt !== null || (c.target?.kind !== 'theme' && c.target?.kind !== 'link')) continue;
    const into = c.target.kind === 'theme' ? themes : links;
    into.set(c.target.id, (into.get(c.target.id) ?? 0) + 1);
  }
  return { themes, links };
}

/** The first `max` characters of a definition, cut at a word, for the side panel. */
export function excerpt(text: string, max = 280): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/** What the side panel shows. */
export type Selection =
  | { readonly kind: 'theme'; readonly id: number }
  | { readonly kind: 'link'; readonly id: number }
  | { readonly kind: 'code'; readonly id: number };

/** The selection if its item is still on the map (an undo or a filter may have taken it away), else null. */
export function liveSelection(selection: Selection | null, map: Pick<ThemeMap, 'themes' | 'codes' | 'links'>): Selection | null {
  if (!selection) return null;
  const list: readonly { readonly id: number }[] = selection.kind === 'theme' ? map.themes : selection.kind === 'link' ? map.links : map.codes;
  return list.some((item) => item.id === selection.id) ? selection : null;
}
