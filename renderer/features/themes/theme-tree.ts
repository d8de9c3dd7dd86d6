import type { CodeId, ThemeId } from '../../../src/domain/ids';
import type { Theme } from '../../../src/domain/types';

export interface ThemeNode {
  readonly theme: Theme;
  readonly children: readonly ThemeNode[];
}

/**
 * Themes as a forest in list order. A theme whose parent is missing (or that sits in a
 * parent loop the store should never allow) becomes a root rather than vanishing.
 */
export function buildThemeTree(themes: readonly Theme[]): ThemeNode[] {
  const ids = new Set(themes.map((t) => t.id));
  const childrenOf = new Map<ThemeId | null, Theme[]>();
  for (const theme of themes) {
    const parent = theme.parentId !== null && ids.has(theme.parentId) && theme.parentId !== theme.id ? theme.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), theme]);
  }
  const placed = new Set<ThemeId>();
  const build = (theme: Theme): ThemeNode => {
    placed.add(theme.id);
    const children = (childrenOf.get(theme.id) ?? []).filter((c) => !placed.has(c.id)).map(build);
    return { theme, children };
  };
  const roots = (childrenOf.get(null) ?? []).map(build);
  // Themes caught in a loop were never reached from a root: show them at the top level.
  for (const theme of themes) if (!placed.has(theme.id)) roots.push(build(theme));
  return roots;
}

/**
 * The board's two areas: themes in play, and the discarded ones set aside. A discarded
 * theme takes its sub-themes with it (the analysis ignores them too), but a discarded
 * sub-theme of a theme in play is shown in the discarded area on its own.
 */
export function partitionThemes(themes: readonly Theme[]): { active: ThemeNode[]; discarded: ThemeNode[] } {
  const discarded: ThemeNode[] = [];
  const prune = (node: ThemeNode): ThemeNode | null => {
    if (node.theme.status === 'discarded') {
      discarded.push(node);
      return null;
    }
    return { theme: node.theme, children: node.children.map(prune).filter((n): n is ThemeNode => n !== null) };
  };
  const active = buildThemeTree(themes).map(prune).filter((n): n is ThemeNode => n !== null);
  return { active, discarded };
}

/** Every theme in reading order (depth first), for previous/next navigation. */
export function flattenTree(nodes: readonly ThemeNode[]): Theme[] {
  return nodes.flatMap((n) => [n.theme, ...flattenTree(n.children)]);
}

/** The theme and everything under it. */
export function subtreeIds(themes: readonly Theme[], id: ThemeId): Set<ThemeId> {
  const result = new Set<ThemeId>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of themes) {
      if (t.parentId !== null && result.has(t.parentId) && !result.has(t.id)) {
        result.add(t.id);
        grew = true;
      }
    }
  }
  return result;
}

/** Whether `dragged` may become a sub-theme of `target`: not of itself, its own sub-theme, or its current parent. */
export function canNest(themes: readonly Theme[], dragged: ThemeId, target: ThemeId): boolean {
  const theme = themes.find((t) => t.id === dragged);
  if (!theme || theme.parentId === target) return false;
  return !subtreeIds(themes, dragged).has(target);
}

/** The path from the top level down to the theme's parent (for a breadcrumb). */
export function ancestorsOf(themes: readonly Theme[], id: ThemeId): Theme[] {
  const byId = new Map(themes.map((t) => [t.id, t]));
  const path: Theme[] = [];
  const seen = new Set<ThemeId>([id]);
  let parent = byId.get(id)?.parentId ?? null;
  while (parent !== null && !seen.has(parent)) {
    const theme = byId.get(parent);
    if (!theme) break;
    path.unshift(theme);
    seen.add(parent);
    parent = theme.parentId;
  }
  return path;
}

/** How many themes in play each code serves: a code may serve several. */
export function themeUse(themes: readonly Theme[]): Map<CodeId, number> {
  const use = new Map<CodeId, number>();
  for (const theme of themes) {
    if (theme.status === 'discarded') continue;
    for (const codeId of theme.codeIds) use.set(codeId, (use.get(codeId) ?? 0) + 1);
  }
  return use;
}
