import { useEffect, useId, useMemo, useRef, useState, type Dispatch, type PointerEvent as ReactPointerEvent, type SetStateAction } from 'react';
import { THEME_LINK_KINDS, type ThemeLinkKind, type ThemeMap } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import type { LinkToolState } from './link-tool';
import {
  ACTS_ON_LINKS, CODE_LINE_HEIGHT, CODE_WIDTH, LINK_STYLE, PARENT_LINK_STYLE, THEME_HEIGHT, THEME_WIDTH, centre, codeBox, codeLines, edgePoint, labelBeside, linkGeometry, themeBox, tint, wrap,
  type Box, type Point,
} from '../../../src/domain/map-geometry';
import { codeOwners, companions, subThemesOf, type Selection } from './map-model';
import { useMayChange } from '../../lib/team-context';
import { draggedTo, nodeKey, passedThreshold, type NodeRef } from './node-drag';
import { mapStrings } from './strings';
import { panBy, toWorld, wheelFactor, zoomAt, type View } from './view-transform';

/** The exported figure's fonts, so names wrap on screen as they will in print. */
export const MAP_FONT = "'Liberation Sans', Arial, Helvetica, sans-serif";
const KINDS = THEME_LINK_KINDS;

type Gesture =
  | { readonly type: 'pan'; readonly press: Point; readonly view: View; moved: boolean; readonly linkId: number | null }
  | { readonly type: 'node'; readonly node: NodeRef; readonly press: Point; readonly pressWorld: Point; readonly origin: Point; moved: boolean };

export interface MapCanvasProps {
  readonly map: ThemeMap;
  /** Positions dropped but not yet read back from the store. */
  readonly overrides: ReadonlyMap<string, Point>;
  readonly view: View;
  readonly setView: Dispatch<SetStateAction<View>>;
  readonly selection: Selection | null;
  readonly tool: LinkToolState;
  readonly toolKind: ThemeLinkKind;
  readonly openComments: { readonly themes: ReadonlyMap<number, number>; readonly links: ReadonlyMap<number, number> };
  readonly onNodeClick: (node: NodeRef) => void;
  readonly onLinkClick: (id: number) => void;
  readonly onBackgroundClick: () => void;
  /** A drag ended: the dragged node, and the nodes carried along (shown there until the map is read again). */
  readonly onDrop: (node: NodeRef & Point, carried: readonly (NodeRef & Point)[]) => void;
  readonly onOpenTheme: (id: number) => void;
}

/**
 * The map itself, in SVG drawn like the core's exported figure. One set of pointer handlers
 * on the SVG tells a click from a drag (DRAG_THRESHOLD) and a node from a link from the background.
 */
export function MapCanvas(props: MapCanvasProps) {
  const { map, overrides, view, setView, selection, tool, toolKind, openComments } = props;
  const t = useStrings(mapStrings);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const svg = useRef<SVGSVGElement>(null);
  const gesture = useRef<Gesture | null>(null);
  const mayChange = useMayChange();
  const [drag, setDrag] = useState<{ readonly node: NodeRef; readonly at: Point; readonly origin: Point } | null>(null);
  const [panning, setPanning] = useState(false);

  // React's wheel listener is passive; zooming must stop the page from scrolling.
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const anchor = { x: event.clientX - rect.left, y: event.clientY - rect.top };
      setView((v) => zoomAt(v, wheelFactor(event.deltaY, event.deltaMode), anchor));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [setView]);

  const owners = useMemo(() => codeOwners(map), [map]);
  const positions = useMemo(() => {
    const out = new Map<string, Point>();
    const delta = drag?.node.kind === 'theme' ? { x: drag.at.x - drag.origin.x, y: drag.at.y - drag.origin.y } : null;
    // A dragged theme takes its sub-themes (and the codes placed with any of them) along.
    const group = delta && drag ? new Set([drag.node.id, ...subThemesOf(map, drag.node.id)]) : new Set<number>();
    for (const theme of map.themes) {
      const key = nodeKey({ kind: 'theme', id: theme.id });
      const base = overrides.get(key) ?? theme;
      out.set(key, drag && nodeKey(drag.node) === key ? drag.at : delta && group.has(theme.id) ? { x: base.x + delta.x, y: base.y + delta.y } : base);
    }
    for (const code of map.codes) {
      const key = nodeKey({ kind: 'code', id: code.id });
      const base = overrides.get(key) ?? code;
      const owner = owners.get(code.id);
      const carried = delta && drag && owner !== undefined && group.has(owner);
      out.set(key, drag && nodeKey(drag.node) === key ? drag.at : carried ? { x: base.x + delta.x, y: base.y + delta.y } : base);
    }
    return out;
  }, [map, overrides, drag, owners]);

  const themeBoxes = useMemo(() => new Map<number, Box>(map.themes.map((th) => [th.id, themeBox(positions.get(`theme:${th.id}`)!)])), [map.themes, positions]);
  const geometry = useMemo(() => linkGeometry(map.links, themeBoxes), [map.links, themeBoxes]);
  const targeted = useMemo(() => new Set(map.links.flatMap((l) => (l.toLinkId === null ? [] : [l.toLinkId as number]))), [map.links]);

  const local = (event: { clientX: number; clientY: number }): Point => {
    const rect = svg.current!.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  const onPointerDown = (event: ReactPointerEvent<SVGSVGElement>) => {
    if (event.button !== 0 && event.button !== 1) return;
    const target = event.target as Element;
    const press = local(event);
    const nodeElement = event.button === 0 ? target.closest<SVGElement>('[data-node-kind]') : null;
    if (nodeElement) {
      const node: NodeRef = { kind: nodeElement.dataset['nodeKind'] as NodeRef['kind'], id: Number(nodeElement.dataset['nodeId']) };
      const origin = positions.get(nodeKey(node));
      if (!origin) return;
      gesture.current = { type: 'node', node, press, pressWorld: toWorld(view, press), origin, moved: false };
      return;
    }
    const linkElement = event.button === 0 ? target.closest<SVGElement>('[data-link-id]') : null;
    gesture.current = { type: 'pan', press, view, moved: false, linkId: linkElement ? Number(linkElement.dataset['linkId']) : null };
    if (event.button === 1) event.preventDefault();
  };

  const onPointerMove = (event: ReactPointerEvent<SVGSVGElement>) => {
    const g = gesture.current;
    // A reviewer's press on a node is a click: nodes stay where the coders put them.
    if (!g || (g.type === 'node' && !mayChange)) return;
    const now = local(event);
    if (!g.moved) {
      if (!passedThreshold(g.press, now)) return;
      g.moved = true;
      // Captured only once it is a drag, so a plain click (and double-click) still lands on the node.
      svg.current?.setPointerCapture(event.pointerId);
      if (g.type === 'pan') setPanning(true);
    }
    if (g.type === 'pan') setView(panBy(g.view, now.x - g.press.x, now.y - g.press.y));
    else setDrag({ node: g.node, origin: g.origin, at: draggedTo(g.origin, g.pressWorld, toWorld(view, now)) });
  };

  const onPointerUp = (event: ReactPointerEvent<SVGSVGElement>) => {
    const g = gesture.current;
    gesture.current = null;
    if (!g) return;
    if (svg.current?.hasPointerCapture(event.pointerId)) svg.current.releasePointerCapture(event.pointerId);
    setPanning(false);
    if (g.type === 'node') {
      if (!g.moved) props.onNodeClick(g.node);
      else {
        const free = draggedTo(g.origin, g.pressWorld, toWorld(view, local(event)));
        // Whole units, as the store keeps them, so nothing shifts when the map is read again.
        const at = { x: Math.round(free.x), y: Math.round(free.y) };
        const delta = { x: at.x - g.origin.x, y: at.y - g.origin.y };
        const subThemes = g.node.kind === 'theme' ? [...subThemesOf(map, g.node.id)] : [];
        const carried = g.node.kind === 'theme'
          ? [
            ...subThemes.map((id) => {
              const base = overrides.get(`theme:${id}`) ?? map.themes.find((th) => th.id === id)!;
              return { kind: 'theme' as const, id, x: Math.round(base.x + delta.x), y: Math.round(base.y + delta.y) };
            }),
            ...[g.node.id, ...subThemes].flatMap((id) => companions(map, id, delta, (c) => overrides.get(`code:${c.id}`) ?? c)),
          ]
          : [];
        props.onDrop({ ...g.node, ...at }, carried);
      }
      setDrag(null);
    } else if (!g.moved) {
      if (g.linkId !== null) props.onLinkClick(g.linkId);
      else props.onBackgroundClick();
    }
  };

  const onPointerCancel = () => {
    gesture.current = null;
    setDrag(null);
    setPanning(false);
  };

  const onDoubleClick = (event: React.MouseEvent<SVGSVGElement>) => {
    if (tool.step !== 'off') return;
    const node = (event.target as Element).closest<SVGElement>('[data-node-kind="theme"]');
    if (node) props.onOpenTheme(Number(node.dataset['nodeId']));
  };

  const isSelected = (kind: Selection['kind'], id: number) => selection?.kind === kind && selection.id === id;
  const linkTargetsAllowed = tool.step === 'target' && ACTS_ON_LINKS.has(toolKind);
  const classes = ['map-svg', panning ? 'panning' : '', drag ? 'dragging' : '', tool.step !== 'off' ? `tool-${tool.step}` : '', linkTargetsAllowed ? 'tool-links' : ''].filter(Boolean).join(' ');
  const transform = `translate(${view.x} ${view.y}) scale(${view.k})`;
  const grid = 24;

  const codeEdges = map.codes.flatMap((code) => {
    const box = codeBox(positions.get(`code:${code.id}`)!, code.name);
    return map.themes.filter((th) => th.codeIds.some((id) => (id as number) === (code.id as number))).map((th) => {
      const b = themeBoxes.get(th.id)!;
      const a = edgePoint(box, centre(b));
      const z = edgePoint(b, centre(box));
      return <line key={`${code.id}-${th.id}`} className="map-code-edge" x1={a.x} y1={a.y} x2={z.x} y2={z.y} />;
    });
  });

  // Sub-theme → theme: a thin dashed connector ending in an open circle on the theme, as in the exported figure.
  const parentEdges = map.themes.flatMap((theme) => {
    const parent = theme.parentId !== null ? themeBoxes.get(theme.parentId) : undefined;
    const child = themeBoxes.get(theme.id);
    if (!parent || !child) return [];
    const a = edgePoint(child, centre(parent));
    const z = edgePoint(parent, centre(child));
    const d = Math.hypot(z.x - a.x, z.y - a.y) || 1;
    const end = { x: z.x + (a.x - z.x) / d * 4, y: z.y + (a.y - z.y) / d * 4 };
    return [<line
      key={`parent-${theme.id}`} className="map-parent-edge" data-testid="map-parent-edge" data-theme-id={theme.id}
      x1={a.x} y1={a.y} x2={end.x} y2={end.y} stroke={PARENT_LINK_STYLE.stroke} strokeWidth={PARENT_LINK_STYLE.width}
      strokeDasharray={PARENT_LINK_STYLE.dash} markerEnd={`url(#${uid}-parent-end)`}
    />];
  });

  return (
    <svg
      ref={svg}
      className={classes}
      data-testid="theme-map"
      aria-label={t('mapLabel', { themes: map.themes.length, links: map.links.length })}
      fontFamily={MAP_FONT}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerCancel}
      onDoubleClick={onDoubleClick}
    >
      <defs>
        <pattern id={`${uid}-grid`} width={grid} height={grid} patternUnits="userSpaceOnUse" patternTransform={transform}>
          <circle cx={1} cy={1} r={1} className="map-grid-dot" />
        </pattern>
        {/* The export's 8 × stroke-width 2, fixed in user space so a hovered, thicker line keeps its arrowhead. */}
        {KINDS.filter((k) => LINK_STYLE[k].arrow).map((kind) => (
          <marker key={kind} id={`${uid}-arrow-${kind}`} viewBox="0 0 10 10" refX={9} refY={5} markerUnits="userSpaceOnUse" markerWidth={16} markerHeight={16} orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill={LINK_STYLE[kind].stroke} />
          </marker>
        ))}
        <marker id={`${uid}-parent-end`} viewBox="0 0 10 10" refX={5} refY={5} markerUnits="userSpaceOnUse" markerWidth={8} markerHeight={8}>
          <circle cx={5} cy={5} r={3.5} fill="#ffffff" stroke={PARENT_LINK_STYLE.stroke} strokeWidth={1.5} />
        </marker>
      </defs>
      <rect className="map-background" width="100%" height="100%" fill={`url(#${uid}-grid)`} />
      <g transform={transform}>
        <g className="map-code-edges">{codeEdges}</g>
        <g className="map-parent-edges">{parentEdges}</g>
        {map.links.map((link) => {
          const geo = geometry.get(link.id);
          if (!geo) return null;
          const style = LINK_STYLE[link.kind];
          const selected = isSelected('link', link.id);
          return (
            <g key={link.id} className={`map-link${selected ? ' selected' : ''}`} data-testid="map-link" data-kind={link.kind} data-link-id={link.id} data-label={link.label}>
              <line className="map-link-halo" x1={geo.start.x} y1={geo.start.y} x2={geo.end.x} y2={geo.end.y} />
              <line
                className="map-link-line" x1={geo.start.x} y1={geo.start.y} x2={geo.end.x} y2={geo.end.y}
                stroke={style.stroke} strokeWidth={2} strokeDasharray={style.dash || undefined}
                markerEnd={style.arrow ? `url(#${uid}-arrow-${link.kind})` : undefined}
              />
              <line className="map-link-hit" x1={geo.start.x} y1={geo.start.y} x2={geo.end.x} y2={geo.end.y} />
            </g>
          );
        })}
        {map.themes.map((theme) => {
          const p = positions.get(`theme:${theme.id}`)!;
          const lines = wrap(theme.name, 26, 3);
          const top = p.y + THEME_HEIGHT / 2 - (lines.length - 1) * 8 - 2;
          const selected = isSelected('theme', theme.id);
          const source = tool.step === 'target' && tool.fromThemeId === theme.id;
          const comments = openComments.themes.get(theme.id) ?? 0;
          const classNames = ['map-node', selected ? 'selected' : '', source ? 'source' : '', theme.status === 'discarded' ? 'discarded' : '',
            drag?.node.kind === 'theme' && drag.node.id === theme.id ? 'lifted' : ''].filter(Boolean).join(' ');
          return (
            <g key={theme.id} className={classNames} data-testid="map-node" data-theme-name={theme.name} data-node-kind="theme" data-node-id={theme.id} data-status={theme.status}>
              <title>{theme.name}</title>
              {(selected || source) && <rect className="map-node-ring" x={p.x - 5} y={p.y - 5} width={THEME_WIDTH + 10} height={THEME_HEIGHT + 10} rx={14} />}
              <rect
                className="map-node-box" x={p.x} y={p.y} width={THEME_WIDTH} height={THEME_HEIGHT} rx={10}
                fill={tint(theme.colour)} stroke={theme.colour} strokeWidth={2} strokeDasharray={theme.parentId !== null ? '5 3' : undefined}
              />
              {lines.map((line, i) => (
                <text key={i} x={p.x + THEME_WIDTH / 2} y={top + i * 16} textAnchor="middle" fontSize={13} fontWeight="bold" className="map-node-name">{line}</text>
              ))}
              <text x={p.x + THEME_WIDTH - 8} y={p.y + THEME_HEIGHT - 7} textAnchor="end" fontSize={9} className="map-node-status">{t(`status_${theme.status}`)}</text>
              {comments > 0 && (
                <g className="map-badge" aria-label={t('openComments', { n: comments })}>
                  <circle cx={p.x + THEME_WIDTH - 2} cy={p.y + 2} r={9} />
                  <text x={p.x + THEME_WIDTH - 2} y={p.y + 5.5} textAnchor="middle" fontSize={10}>{comments}</text>
                </g>
              )}
            </g>
          );
        })}
        {map.codes.map((code) => {
          const p = positions.get(`code:${code.id}`)!;
          const selected = isSelected('code', code.id);
          const box = codeBox(p, code.name);
          return (
            <g key={code.id} className={`map-code${selected ? ' selected' : ''}`} data-testid="map-code" data-code-name={code.name} data-node-kind="code" data-node-id={code.id}>
              <title>{code.name}</title>
              {selected && <rect className="map-node-ring" x={p.x - 4} y={p.y - 4} width={CODE_WIDTH + 8} height={box.h + 8} rx={16} />}
              <rect x={p.x} y={p.y} width={CODE_WIDTH} height={box.h} rx={13} fill="#ffffff" stroke={code.colour} strokeWidth={1.5} />
              {codeLines(code.name).map((line, i) => (
                <text key={i} x={p.x + CODE_WIDTH / 2} y={p.y + 17 + i * CODE_LINE_HEIGHT} textAnchor="middle" fontSize={11} className="map-code-name">{line}</text>
              ))}
            </g>
          );
        })}
        {map.links.map((link) => {
          const geo = geometry.get(link.id);
          const text = link.label || (link.kind === 'influences' || link.kind === 'part-of' ? '' : t(`kind_${link.kind}`));
          const comments = openComments.links.get(link.id) ?? 0;
          if (!geo || (!text && !comments)) return null;
          const at = targeted.has(link.id) ? geo.labelAt : geo.mid;
          // Beside the line, never struck through by it.
          const beside = labelBeside(geo.start, geo.end, at, text.length * 11 * 0.56 + 6, 15);
          return (
            <g key={link.id} className="map-link-label" data-link-id={link.id}>
              {text && <text x={beside.x} y={beside.y + 4} textAnchor="middle" fontSize={11} fill={LINK_STYLE[link.kind].stroke}>{text}</text>}
              {comments > 0 && (
                <g className="map-badge">
                  <circle cx={at.x} cy={at.y + 10} r={8} />
                  <text x={at.x} y={at.y + 13.5} textAnchor="middle" fontSize={9.5}>{comments}</text>
                </g>
              )}
            </g>
          );
        })}
      </g>
    </svg>
  );
}
