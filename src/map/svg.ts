import { LINK_STYLE, PARENT_LINK_STYLE, tint } from '../domain/map-geometry';
import { THEME_LINK_KINDS, type ThemeMap } from '../domain/types';
import { figureLayout, type FigureLayout, type FigureLine, type FigureOptions, type FigureText } from './figure-layout';

const FONT = "'Liberation Sans', Arial, Helvetica, sans-serif";
const PARENT_STYLE = PARENT_LINK_STYLE;

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number): string => (Math.round(v * 10) / 10).toString();

/**
 * The theme map as a standalone SVG (fonts Word and LibreOffice have, a legend, no scripts):
 * themes as boxes with their status, codes as pills with their whole names, sub-themes joined
 * to their theme, links as typed arrows routed around boxes with their labels beside them; a
 * mediator's or moderator's arrow ends on the middle of the link it acts on. `options` may be
 * the title alone.
 */
export function themeMapSvg(map: ThemeMap, options: FigureOptions | string = {}): string {
  return figureSvg(figureLayout(map, typeof options === 'string' ? { title: options } : options));
}

/** Writes a worked-out figure as SVG. */
export function figureSvg(layout: FigureLayout): string {
  const stroke = Math.max(1, layout.smallestFont / 11) ** 0.35;
  const text = (t: FigureText, attrs: string) => `<text x="${n(t.x)}" y="${n(t.y)}" font-size="${n(t.size)}" ${attrs}>${escape(t.text)}</text>`;
  const kinds = THEME_LINK_KINDS;
  // Arrowheads grow faster than lines, so a figure printed small still shows each one clearly.
  const head = 12 * Math.max(1, layout.smallestFont / 11) ** 0.6;
  const markers = [
    ...kinds.filter((k) => LINK_STYLE[k].arrow).map((kind) =>
      // userSpaceOnUse: the arrowhead keeps its size whatever the line's dashes, 5 × the line width long.
      `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="${n(head)}" markerHeight="${n(head)}" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${LINK_STYLE[kind].stroke}" stroke="none"/></marker>`),
    `<marker id="parent-end" viewBox="0 0 10 10" refX="5" refY="5" markerUnits="userSpaceOnUse" markerWidth="${n(8 * stroke)}" markerHeight="${n(8 * stroke)}"><circle cx="5" cy="5" r="3.5" fill="#ffffff" stroke="${PARENT_STYLE.stroke}" stroke-width="1.5"/></marker>`,
  ];
  const path = (l: Pick<FigureLine, 'start' | 'control' | 'end'>) =>
    l.control ? `M${n(l.start.x)},${n(l.start.y)} Q${n(l.control.x)},${n(l.control.y)} ${n(l.end.x)},${n(l.end.y)}` : `M${n(l.start.x)},${n(l.start.y)} L${n(l.end.x)},${n(l.end.y)}`;
  const lineElement = (l: FigureLine): string => {
    if (l.kind === 'code') return `<path d="${path(l)}" fill="none" stroke="#c3c9d3" stroke-width="${n(stroke)}"/>`;
    if (l.kind === 'parent') return `<path class="parent" data-id="${l.id}" d="${path(l)}" fill="none" stroke="${PARENT_STYLE.stroke}" stroke-width="${n(PARENT_STYLE.width * stroke)}" stroke-dasharray="${PARENT_STYLE.dash}" marker-end="url(#parent-end)"/>`;
    const style = LINK_STYLE[l.linkKind!];
    return `<path class="link" data-id="${l.id}" data-kind="${l.linkKind}" d="${path(l)}" fill="none" stroke="${style.stroke}" stroke-width="${n(2 * stroke)}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}${style.arrow ? ` marker-end="url(#arrow-${l.linkKind})"` : ''}/>`;
  };
  // Links to links drawn last, so their arrowheads sit on top of the line they point at.
  const ordered = [...layout.lines].sort((a, b) => rank(a) - rank(b));
  const nodes = layout.nodes.map((node) => {
    const b = node.box;
    if (node.kind === 'code') {
      return `<g class="code" data-id="${node.id}">
  <rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="${n(Math.min(13, b.h / 2))}" fill="#ffffff" stroke="${node.colour}" stroke-width="${n(1.5 * stroke)}"/>
  ${node.lines.map((l) => text(l, 'text-anchor="middle" fill="#1d2330"')).join('\n  ')}
</g>`;
    }
    return `<g class="theme" data-id="${node.id}"${node.faded ? ' opacity="0.6"' : ''}>
  <rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="10" fill="${tint(node.colour)}" stroke="${node.colour}" stroke-width="${n(2 * stroke)}"${node.sub ? ' stroke-dasharray="5 3"' : ''}/>
  ${node.lines.map((l) => text(l, 'text-anchor="middle" font-weight="bold" fill="#1d2330"')).join('\n  ')}
  ${node.badge ? text(node.badge, 'class="status" text-anchor="end" fill="#4a5567"') : ''}
</g>`;
  });
  const labels = layout.lines.filter((l) => l.label).map((l) => {
    const label = l.label!;
    return `<g class="link-label" data-id="${l.id}"><rect x="${n(label.box.x)}" y="${n(label.box.y)}" width="${n(label.box.w)}" height="${n(label.box.h)}" rx="3" fill="#ffffff" fill-opacity="0.9"/>${label.lines.map((line) => text(line, `text-anchor="middle" fill="${label.colour}" stroke="#ffffff" stroke-width="3" paint-order="stroke"`)).join('')}</g>`;
  });
  const sampleLength = 34 * Math.max(1, layout.smallestFont / 11) ** 0.5;
  const legend = layout.legend.map((item) => {
    const y = n(item.y);
    const line = item.kind === 'parent'
      ? `<line x1="${n(item.x)}" y1="${y}" x2="${n(item.x + sampleLength)}" y2="${y}" stroke="${PARENT_STYLE.stroke}" stroke-width="${n(PARENT_STYLE.width * stroke)}" stroke-dasharray="${PARENT_STYLE.dash}" marker-end="url(#parent-end)"/>`
      : `<line x1="${n(item.x)}" y1="${y}" x2="${n(item.x + sampleLength)}" y2="${y}" stroke="${LINK_STYLE[item.kind].stroke}" stroke-width="${n(2 * stroke)}"${LINK_STYLE[item.kind].dash ? ` stroke-dasharray="${LINK_STYLE[item.kind].dash}"` : ''}${LINK_STYLE[item.kind].arrow ? ` marker-end="url(#arrow-${item.kind})"` : ''}/>`;
    return `<g class="legend-item" data-kind="${item.kind}">${line}${text(item.text, 'fill="#1d2330"')}</g>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${n(layout.width)}" height="${n(layout.height)}" viewBox="${n(layout.x)} ${n(layout.y)} ${n(layout.width)} ${n(layout.height)}" font-family="${FONT}">
<defs>${markers.join('')}</defs>
<rect x="${n(layout.x)}" y="${n(layout.y)}" width="${n(layout.width)}" height="${n(layout.height)}" fill="#ffffff"/>
${layout.title ? text(layout.title, 'font-weight="bold" fill="#1d2330"') : ''}
${ordered.map(lineElement).join('\n')}
${nodes.join('\n')}
${labels.join('\n')}
${legend.join('\n')}
</svg>
`;
}

const rank = (l: FigureLine): number => (l.kind === 'code' ? 0 : l.kind === 'parent' ? 1 : l.toLink ? 3 : 2);
