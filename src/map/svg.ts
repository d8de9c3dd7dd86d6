import {
  CODE_HEIGHT, CODE_WIDTH, LINK_STYLE, THEME_HEIGHT, THEME_WIDTH, centre, edgePoint, linkGeometry, tint, wrap, type Box, type Point,
} from '../domain/map-geometry';
import type { ThemeLink, ThemeLinkKind, ThemeMap } from '../domain/types';

const FONT = "'Liberation Sans', Arial, Helvetica, sans-serif";

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The theme map as a standalone SVG (fonts Word and LibreOffice have, a legend, no
 * scripts): themes as boxes with their status, codes as pills, links as typed arrows;
 * a mediator's or moderator's arrow ends on the middle of the link it acts on.
 */
export function themeMapSvg(map: ThemeMap, title = ''): string {
  const boxes = new Map<number, Box>(map.themes.map((t) => [t.id, { x: t.x, y: t.y, w: THEME_WIDTH, h: THEME_HEIGHT }]));
  const codeBoxes = map.codes.map((c) => ({ code: c, box: { x: c.x, y: c.y, w: CODE_WIDTH, h: CODE_HEIGHT } as Box }));
  const all = [...boxes.values(), ...codeBoxes.map((c) => c.box)];
  const minX = Math.min(0, ...all.map((b) => b.x)) - 20;
  const minY = Math.min(0, ...all.map((b) => b.y)) - (title ? 50 : 20);
  const legendWidth = 40 + Object.keys(LINK_STYLE).length * 130;
  const maxX = Math.max(minX + legendWidth, ...all.map((b) => b.x + b.w)) + 20;
  const legendHeight = 40;
  const maxY = Math.max(200, ...all.map((b) => b.y + b.h)) + 20 + legendHeight;
  const width = maxX - minX;
  const height = maxY - minY;

  const geometry = linkGeometry(map.links, boxes);
  const linkPaths: string[] = [];
  const linkLabels: string[] = [];
  // Links to links last, so their arrowheads sit on top of the line they point at.
  for (const link of [...map.links].sort((a, b) => Number(a.toLinkId !== null) - Number(b.toLinkId !== null))) {
    const at = geometry.get(link.id);
    if (!at) continue;
    linkPaths.push(linkElement(link, at.start, at.end));
    const text = link.label || (link.kind === 'influences' || link.kind === 'part-of' ? '' : link.kind);
    if (text) {
      linkLabels.push(`<text x="${at.labelAt.x.toFixed(1)}" y="${(at.labelAt.y - 6).toFixed(1)}" text-anchor="middle" font-size="11" fill="${LINK_STYLE[link.kind].stroke}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escape(text)}</text>`);
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

function linkElement(link: ThemeLink, start: Point, end: Point): string {
  const style = LINK_STYLE[link.kind];
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  const arrow = style.arrow ? ` marker-end="url(#arrow-${link.kind})"` : '';
  return `<line class="link" data-id="${link.id}" data-kind="${link.kind}" x1="${start.x.toFixed(1)}" y1="${start.y.toFixed(1)}" x2="${end.x.toFixed(1)}" y2="${end.y.toFixed(1)}" stroke="${style.stroke}" stroke-width="2"${dash}${arrow}/>`;
}
