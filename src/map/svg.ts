import type { ThemeLink, ThemeLinkKind, ThemeMap } from '../domain/types';
import { CODE_HEIGHT, CODE_WIDTH, THEME_HEIGHT, THEME_WIDTH } from './layout';

const FONT = "'Liberation Sans', Arial, Helvetica, sans-serif";

/** How each link kind is drawn; the legend repeats it so a printed map reads on its own. */
const LINK_STYLE: Readonly<Record<ThemeLinkKind, { readonly stroke: string; readonly dash: string; readonly arrow: boolean }>> = {
  influences: { stroke: '#2f3b52', dash: '', arrow: true },
  mediates: { stroke: '#2f5d9e', dash: '8 5', arrow: true },
  moderates: { stroke: '#7b4fa0', dash: '2 4', arrow: true },
  contradicts: { stroke: '#b3261e', dash: '', arrow: false },
  'part-of': { stroke: '#8a94a6', dash: '', arrow: false },
  'associated-with': { stroke: '#6b7686', dash: '4 4', arrow: false },
};

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Breaks a name into at most `lines` lines of about `width` characters, with an ellipsis when cut. */
export function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length > lines) {
    const kept = out.slice(0, lines);
    kept[lines - 1] = `${kept[lines - 1]!.slice(0, width - 1)}…`;
    return kept;
  }
  return out;
}

interface Box { x: number; y: number; w: number; h: number }

const centre = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/** Where the segment from the box's centre toward `to` leaves the box. */
function edgePoint(box: Box, to: { x: number; y: number }): { x: number; y: number } {
  const c = centre(box);
  const dx = to.x - c.x;
  const dy = to.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const scale = Math.min(Math.abs((box.w / 2) / (dx || 1e-9)), Math.abs((box.h / 2) / (dy || 1e-9)));
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}

/**
 * The theme map as a standalone SVG (fonts Word and LibreOffice have, a legend, no
 * scripts): themes as boxes with their status, codes as pills, links as typed arrows;
 * a mediator's or moderator's arrow ends on the middle of the link it acts on.
 */
export function themeMapSvg(map: ThemeMap, title = ''): string {
  const boxes = new Map<number, Box>(map.themes.map((t) => [t.id, { x: t.x, y: t.y, w: THEME_WIDTH, h: THEME_HEIGHT }]));
  const codeBoxes = map.codes.map((c) => ({ code: c, box: { x: c.x, y: c.y, w: CODE_WIDTH, h: CODE_HEIGHT } }));
  const all = [...boxes.values(), ...codeBoxes.map((c) => c.box)];
  const minX = Math.min(0, ...all.map((b) => b.x)) - 20;
  const minY = Math.min(0, ...all.map((b) => b.y)) - (title ? 50 : 20);
  const maxX = Math.max(400, ...all.map((b) => b.x + b.w)) + 20;
  const legendHeight = 40;
  const maxY = Math.max(200, ...all.map((b) => b.y + b.h)) + 20 + legendHeight;
  const width = maxX - minX;
  const height = maxY - minY;

  const midpoints = new Map<number, { x: number; y: number }>();
  const linkPaths: string[] = [];
  const linkLabels: string[] = [];
  const ordered = [...map.links].sort((a, b) => Number(a.toLinkId !== null) - Number(b.toLinkId !== null));
  for (const link of ordered) {
    const from = boxes.get(link.fromThemeId);
    if (!from) continue;
    let start: { x: number; y: number };
    let end: { x: number; y: number };
    if (link.toThemeId !== null) {
      const to = boxes.get(link.toThemeId);
      if (!to) continue;
      start = edgePoint(from, centre(to));
      end = edgePoint(to, centre(from));
    } else {
      const target = midpoints.get(link.toLinkId!);
      if (!target) continue;
      start = edgePoint(from, target);
      end = target;
    }
    midpoints.set(link.id, { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 });
    linkPaths.push(linkElement(link, start, end));
    const text = link.label || (link.kind === 'influences' || link.kind === 'part-of' ? '' : link.kind);
    if (text) {
      // A link that a mediator or moderator points at keeps its middle free for their arrowheads.
      const at = map.links.some((l) => l.toLinkId === link.id) ? 0.3 : 0.5;
      const mid = { x: start.x + (end.x - start.x) * at, y: start.y + (end.y - start.y) * at };
      linkLabels.push(`<text x="${mid.x.toFixed(1)}" y="${(mid.y - 6).toFixed(1)}" text-anchor="middle" font-size="11" fill="${LINK_STYLE[link.kind].stroke}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escape(text)}</text>`);
    }
  }

  const themeNodes = map.themes.map((theme) => {
    const lines = wrap(theme.name, 26, 3);
    const top = theme.y + THEME_HEIGHT / 2 - (lines.length - 1) * 8 - 2;
    const sub = theme.parentId !== null ? ' stroke-dasharray="5 3"' : '';
    return `<g class="theme" data-id="${theme.id}">
  <rect x="${theme.x}" y="${theme.y}" width="${THEME_WIDTH}" height="${THEME_HEIGHT}" rx="10" fill="${tint(theme.colour)}" stroke="${theme.colour}" stroke-width="2"${sub}/>
  ${lines.map((l, i) => `<text x="${theme.x + THEME_WIDTH / 2}" y="${(top + i * 16).toFixed(1)}" text-anchor="middle" font-size="13" font-weight="bold" fill="#1d2330">${escape(l)}</text>`).join('\n  ')}
  <text x="${theme.x + THEME_WIDTH - 8}" y="${theme.y + THEME_HEIGHT - 7}" text-anchor="end" font-size="9" fill="#5e6878">${escape(theme.status)}</text>
</g>`;
  });
  const codeNodes = codeBoxes.map(({ code, box }) => `<g class="code" data-id="${code.id}">
  <rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" rx="13" fill="#ffffff" stroke="${code.colour}" stroke-width="1.5"/>
  <text x="${box.x + box.w / 2}" y="${box.y + 17}" text-anchor="middle" font-size="11" fill="#1d2330">${escape(wrap(code.name, 22, 1)[0] ?? '')}</text>
</g>`);
  const codeEdges = codeBoxes.flatMap(({ code, box }) => map.themes.filter((t) => t.codeIds.includes(code.id as never)).map((t) => {
    const b = boxes.get(t.id)!;
    const a = edgePoint(box, centre(b));
    const z = edgePoint(b, centre(box));
    return `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${z.x.toFixed(1)}" y2="${z.y.toFixed(1)}" stroke="#c3c9d3" stroke-width="1"/>`;
  }));

  const legendY = maxY - legendHeight + 14;
  const legend = (Object.keys(LINK_STYLE) as ThemeLinkKind[]).map((kind, i) => {
    const x = minX + 20 + i * 130;
    const style = LINK_STYLE[kind];
    return `<line x1="${x}" y1="${legendY}" x2="${x + 34}" y2="${legendY}" stroke="${style.stroke}" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}${style.arrow ? ` marker-end="url(#arrow-${kind})"` : ''}/>
<text x="${x + 42}" y="${legendY + 4}" font-size="11" fill="#1d2330">${kind}</text>`;
  });

  const markers = (Object.keys(LINK_STYLE) as ThemeLinkKind[]).filter((k) => LINK_STYLE[k].arrow).map((kind) =>
    `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${LINK_STYLE[kind].stroke}"/></marker>`);

  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${minX} ${minY} ${width} ${height}" font-family="${FONT}">
<defs>${markers.join('')}</defs>
<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#ffffff"/>
${title ? `<text x="${minX + 20}" y="${minY + 30}" font-size="16" font-weight="bold" fill="#1d2330">${escape(title)}</text>` : ''}
${codeEdges.join('\n')}
${linkPaths.join('\n')}
${themeNodes.join('\n')}
${codeNodes.join('\n')}
${linkLabels.join('\n')}
${legend.join('\n')}
</svg>
`;
}

function linkElement(link: ThemeLink, start: { x: number; y: number }, end: { x: number; y: number }): string {
  const style = LINK_STYLE[link.kind];
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  const arrow = style.arrow ? ` marker-end="url(#arrow-${link.kind})"` : '';
  return `<line class="link" data-id="${link.id}" data-kind="${link.kind}" x1="${start.x.toFixed(1)}" y1="${start.y.toFixed(1)}" x2="${end.x.toFixed(1)}" y2="${end.y.toFixed(1)}" stroke="${style.stroke}" stroke-width="2"${dash}${arrow}/>`;
}

/** The theme colour mixed 85 % with white: a fill that keeps black text readable in print. */
function tint(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * 0.85).toString(16).padStart(2, '0');
  return `#${mix((n >> 16) & 255)}${mix((n >> 8) & 255)}${mix(n & 255)}`;
}
