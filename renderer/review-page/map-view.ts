import type { ReviewMap, ReviewMapText } from '../../src/domain/review-package';
import type { ReviewPageStrings } from '../../src/domain/review-page-strings';
import { h, s } from './dom';

export interface MapSelection {
  readonly kind: 'theme' | 'link';
  readonly id: number;
}

interface ViewBox { x: number; y: number; w: number; h: number }

const ZOOM_STEP = 1.25;
const MIN_SCALE = 0.1;
const MAX_SCALE = 8;

/**
 * The theme map as SVG, drawn from the package's layout: zoom with the wheel or the buttons,
 * pan by dragging or with the arrow keys, + and − on the keyboard; each theme and link is a
 * button (Tab reaches it, Enter opens it). The drawing is the exported figure's, so it matches
 * the Word report's model.
 */
export function mapView(map: ReviewMap, strings: ReviewPageStrings, onSelect: (selection: MapSelection) => void): { element: HTMLElement; select: (selection: MapSelection | null) => void } {
  const full: ViewBox = { x: map.x, y: map.y, w: map.width, h: map.height };
  let view: ViewBox = { ...full };
  const svg = s('svg', { class: 'map-svg', attrs: { role: 'group', 'aria-label': strings.mapLabel, tabindex: 0, 'data-testid': 'map-svg' } });
  const apply = () => svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
  apply();

  const defs = s('defs');
  const markers = new Map<string, string>();
  const marker = (stroke: string): string => {
    const known = markers.get(stroke);
    if (known) return known;
    const id = `arrow-${markers.size}`;
    markers.set(stroke, id);
    defs.appendChild(s('marker', { attrs: { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerUnits: 'userSpaceOnUse', markerWidth: 12, markerHeight: 12, orient: 'auto-start-reverse' } },
      s('path', { attrs: { d: 'M0,0 L10,5 L0,10 z', fill: stroke } })));
    return id;
  };
  svg.appendChild(defs);
  const text = (t: ReviewMapText, attrs: Record<string, string | number>) => s('text', { attrs: { x: t.x, y: t.y, 'font-size': t.size, ...attrs } }, t.text);

  const items = new Map<string, SVGGElement>();
  const activate = (element: SVGGElement, selection: MapSelection) => {
    element.addEventListener('click', (event) => {
      if (dragged) return;
      event.stopPropagation();
      onSelect(selection);
    });
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onSelect(selection);
      }
    });
    items.set(`${selection.kind}:${selection.id}`, element);
  };

  for (const line of map.lines) {
    const attrs = { d: line.path, fill: 'none', stroke: line.stroke, 'stroke-width': line.width, ...(line.dash ? { 'stroke-dasharray': line.dash } : {}), ...(line.arrow ? { 'marker-end': `url(#${marker(line.stroke)})` } : {}) };
    if (line.kind === 'parent') {
      svg.appendChild(s('path', { class: 'parent-line', attrs }));
      continue;
    }
    // A wide, invisible stroke under the line: a 2 px line is hard to click.
    const group = s('g', { class: 'map-link', attrs: { role: 'button', tabindex: 0, 'data-link-id': line.id, 'data-testid': 'map-link' } },
      s('path', { class: 'hit', attrs: { d: line.path, fill: 'none', stroke: 'transparent', 'stroke-width': 14 } }),
      s('path', { class: 'line', attrs }));
    activate(group, { kind: 'link', id: line.id });
    svg.appendChild(group);
  }
  for (const node of map.nodes) {
    const name = node.lines.map((l) => l.text).join(' ');
    const group = s('g', { class: `map-theme${node.faded ? ' faded' : ''}`, attrs: { role: 'button', tabindex: 0, 'aria-label': name, 'data-theme-id': node.themeId, 'data-testid': 'map-theme' } },
      s('rect', { attrs: { x: node.x, y: node.y, width: node.w, height: node.h, rx: 10, fill: node.fill, stroke: node.colour, 'stroke-width': 2, ...(node.sub ? { 'stroke-dasharray': '5 3' } : {}) } }),
      ...node.lines.map((l) => text(l, { 'text-anchor': 'middle', 'font-weight': 'bold', class: 'theme-name' })),
      node.badge ? text(node.badge, { 'text-anchor': 'end', class: 'badge' }) : null);
    activate(group, { kind: 'theme', id: node.themeId });
    svg.appendChild(group);
  }
  for (const line of map.lines) {
    if (!line.label) continue;
    const label = line.label;
    const group = s('g', { class: 'map-link-label', attrs: { 'data-link-id': line.id } },
      s('rect', { attrs: { x: label.x, y: label.y, width: label.w, height: label.h, rx: 3, fill: '#ffffff', 'fill-opacity': 0.9 } }),
      ...label.lines.map((l) => text(l, { 'text-anchor': 'middle', fill: label.colour })));
    group.addEventListener('click', (event) => {
      if (dragged) return;
      event.stopPropagation();
      onSelect({ kind: 'link', id: line.id });
    });
    svg.appendChild(group);
  }

  // Zoom about a point of the drawing (the pointer, or the middle for the buttons and keys).
  const scale = () => full.w / view.w;
  const zoom = (factor: number, cx = view.x + view.w / 2, cy = view.y + view.h / 2) => {
    const next = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale() * factor));
    const w = full.w / next;
    const hgt = full.h / next;
    view = { x: cx - ((cx - view.x) / view.w) * w, y: cy - ((cy - view.y) / view.h) * hgt, w, h: hgt };
    apply();
  };
  const pan = (dx: number, dy: number) => {
    view = { ...view, x: view.x + dx, y: view.y + dy };
    apply();
  };
  const toDrawing = (clientX: number, clientY: number) => {
    const box = svg.getBoundingClientRect();
    // preserveAspectRatio (xMidYMid meet): the drawing is scaled by the smaller ratio and centred.
    const k = Math.min(box.width / view.w, box.height / view.h);
    return { x: view.x + (clientX - box.left - (box.width - view.w * k) / 2) / k, y: view.y + (clientY - box.top - (box.height - view.h * k) / 2) / k, k };
  };
  svg.addEventListener('wheel', (event) => {
    event.preventDefault();
    const at = toDrawing(event.clientX, event.clientY);
    zoom(event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, at.x, at.y);
  }, { passive: false });

  let drag: { x: number; y: number; k: number } | null = null;
  let dragged = false;
  svg.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, k: toDrawing(event.clientX, event.clientY).k };
    dragged = false;
  });
  svg.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!dragged && Math.hypot(dx, dy) < 4) return;
    if (!dragged) svg.setPointerCapture(event.pointerId);
    dragged = true;
    svg.classList.add('dragging');
    pan(-dx / drag.k, -dy / drag.k);
    drag = { ...drag, x: event.clientX, y: event.clientY };
  });
  const endDrag = () => {
    drag = null;
    svg.classList.remove('dragging');
    // The click that ends a drag is not a click on what is under the pointer.
    setTimeout(() => { dragged = false; }, 0);
  };
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);
  svg.addEventListener('keydown', (event) => {
    if (event.target !== svg) return;
    const step = view.w / 10;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => pan(-step, 0), ArrowRight: () => pan(step, 0), ArrowUp: () => pan(0, -step), ArrowDown: () => pan(0, step),
      '+': () => zoom(ZOOM_STEP), '=': () => zoom(ZOOM_STEP), '-': () => zoom(1 / ZOOM_STEP), '0': () => fit(),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
  const fit = () => {
    view = { ...full };
    apply();
  };

  const button = (label: string, title: string, testId: string, run: () => void) => h('button', { class: 'tool', attrs: { type: 'button', title, 'aria-label': title, 'data-testid': testId }, on: { click: run } }, label);
  const toolbar = h('div', { class: 'map-tools', attrs: { role: 'toolbar', 'aria-label': strings.mapTools } },
    button('+', strings.zoomIn, 'zoom-in', () => zoom(ZOOM_STEP)),
    button('−', strings.zoomOut, 'zoom-out', () => zoom(1 / ZOOM_STEP)),
    button(strings.fit, strings.fitTitle, 'zoom-fit', fit),
    h('span', { class: 'hint' }, strings.mapHint));
  const legend = h('ul', { class: 'map-legend', attrs: { 'aria-label': strings.legend } },
    ...map.legend.map((item) => h('li', null,
      (() => {
        const sample = s('svg', { attrs: { width: 36, height: 10, 'aria-hidden': 'true' } },
          s('line', { attrs: { x1: 1, y1: 5, x2: 34, y2: 5, stroke: item.stroke, 'stroke-width': 2, ...(item.dash ? { 'stroke-dasharray': item.dash } : {}) } }));
        return sample;
      })(),
      item.text.text)));

  const select = (selection: MapSelection | null) => {
    for (const [key, element] of items) element.classList.toggle('selected', selection !== null && key === `${selection.kind}:${selection.id}`);
  };
  const element = h('div', { class: 'map-view' }, toolbar, h('div', { class: 'map-frame' }, svg), legend);
  return { element, select };
}
