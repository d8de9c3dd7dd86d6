import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ThemeId, ThemeLinkId } from '../../../src/domain/ids';
import type { ThemeLinkKind, ThemeMap } from '../../../src/domain/types';
import { THEME_LINK_KINDS } from '../../../src/domain/types';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { invoke } from '../../lib/api';
import { ConfirmDialog } from '../../lib/ConfirmDialog';
import { inEditable } from '../../lib/keys';
import { useProject, useQuery } from '../../lib/state';
import { useMayChange } from '../../lib/team-context';
import { LINK_TOOL_OFF, linkToolStep, type LinkToolEvent, type LinkToolHint, type LinkToolState } from './link-tool';
import { MapCanvas } from './MapCanvas';
import { downloadBlob } from '../../lib/download';
import { exportFileName, svgToPng } from './map-export';
import { boundsOf, codeBox, themeBox, type Point } from '../../../src/domain/map-geometry';
import { liveSelection, openCommentCounts, type Selection } from './map-model';
import { KindSample, MapSidePanel, ParentSample } from './MapSidePanel';
import { moveRequest, nodeKey, type NodeRef } from './node-drag';
import { mapStrings } from './strings';
import { IDENTITY, ZOOM_STEP, fitViewInto, uncoveredArea, zoomAt, type View } from './view-transform';
import './map.css';

const NO_OVERRIDES: ReadonlyMap<string, Point> = new Map();

/**
 * The theme model: themes, sub-themes and optionally their codes, laid out by the core
 * where the researcher has not placed them, with typed and labelled links between them.
 */
export function ThemeMapView() {
  const t = useStrings(mapStrings);
  const { language } = useLanguage();
  const { run, navigate, notify, project } = useProject();
  // A reviewer of a team project looks at the map: no links drawn, nodes moved or layout reset.
  const mayChange = useMayChange();
  const [showCodes, setShowCodes] = useState(false);
  const [showDiscarded, setShowDiscarded] = useState(false);
  const query = useQuery('map.get', { includeCodes: showCodes, includeDiscarded: showDiscarded });
  // Keep drawing the last map while a toggle re-reads it, instead of flashing empty.
  const [kept, setKept] = useState<ThemeMap | undefined>(undefined);
  if (query.data && query.data !== kept) setKept(query.data);
  const map = query.data ?? kept;
  const { data: comments } = useQuery('comments.list', {});
  const openComments = useMemo(() => openCommentCounts(comments ?? []), [comments]);

  const [view, setView] = useState<View>(IDENTITY);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [tool, setTool] = useState<LinkToolState>(LINK_TOOL_OFF);
  const [kind, setKind] = useState<ThemeLinkKind>('influences');
  const [label, setLabel] = useState('');
  const [hint, setHint] = useState<LinkToolHint | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [exporting, setExporting] = useState<'svg' | 'png' | null>(null);
  // Dropped positions, shown until the store's answer (a new map object) replaces them.
  const [pending, setPending] = useState<{ readonly on: ThemeMap; readonly at: ReadonlyMap<string, Point> } | null>(null);
  const overrides = pending && pending.on === map ? pending.at : NO_OVERRIDES;
  // Fit once on the first map, and again on the first new map after a layout reset.
  const [fitAfter, setFitAfter] = useState<ThemeMap | null | 'first'>('first');

  const stageElement = useRef<HTMLDivElement | null>(null);
  // A callback ref: the stage appears only once a map with themes is there.
  const stage = useCallback((element: HTMLDivElement | null) => {
    stageElement.current = element;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ w: entry.contentRect.width, h: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const fit = useCallback(() => {
    const element = stageElement.current;
    if (!map || !size || !element) return;
    // Whatever lies over the drawing (the side panel, the legend, the zoom buttons) is not view.
    const covers = [...(element.parentElement?.querySelectorAll('.map-panel, .map-legend, .map-zoom') ?? [])].map((c) => c.getBoundingClientRect());
    const area = uncoveredArea(element.getBoundingClientRect(), covers);
    setView(fitViewInto(boundsOf([...map.themes.map((th) => themeBox(th)), ...map.codes.map((c) => codeBox(c, c.name))]), area, 32));
  }, [map, size]);

  useEffect(() => {
    if (!map || !size || fitAfter === null || fitAfter === map) return;
    setFitAfter(null);
    fit();
  }, [map, size, fitAfter, fit]);

  const live = map ? liveSelection(selection, map) : null;

  const toolEvent = useCallback((event: LinkToolEvent) => {
    const step = linkToolStep(tool, event, kind, label);
    setTool(step.state);
    setHint(step.hint ?? null);
    if (step.request) {
      run('themeLinks.create', step.request).then((link) => {
        setSelection({ kind: 'link', id: link.id });
        setLabel('');
      }, () => undefined);
    }
  }, [tool, kind, label, run]);

  const deleteLink = useCallback((id: number) => {
    if (selection?.kind === 'link' && selection.id === id) setSelection(null);
    run('themeLinks.delete', { id: id as ThemeLinkId }).then(() => notify({ tone: 'info', message: t('linkRemoved') }), () => undefined);
  }, [run, notify, selection, t]);

  const zoomBy = useCallback((factor: number) => {
    if (size) setView((v) => zoomAt(v, factor, { x: size.w / 2, y: size.h / 2 }));
  }, [size]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (confirmReset || event.ctrlKey || event.metaKey || event.altKey || inEditable(event.target)) return;
      const key = event.key;
      if (key === 'Escape') {
        if (tool.step !== 'off') toolEvent({ type: 'cancel' });
        else setSelection(null);
      } else if ((key === 'Delete' || key === 'Backspace') && live?.kind === 'link' && mayChange) {
        deleteLink(live.id);
      } else if ((key === 'l' || key === 'L') && mayChange) toolEvent({ type: 'toggle' });
      else if (key === 'f' || key === 'F') fit();
      else if (key === '+' || key === '=') zoomBy(ZOOM_STEP);
      else if (key === '-' || key === '_') zoomBy(1 / ZOOM_STEP);
      else if (key === '0' && size) setView((v) => zoomAt(v, 1 / v.k, { x: size.w / 2, y: size.h / 2 }));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [confirmReset, tool, toolEvent, live, deleteLink, fit, zoomBy, size, mayChange]);

  const onNodeClick = (node: NodeRef) => {
    if (tool.step !== 'off') {
      if (node.kind === 'theme') toolEvent({ type: 'theme', id: node.id });
      return;
    }
    setSelection({ kind: node.kind, id: node.id });
  };

  const onLinkClick = (id: number) => {
    const link = map?.links.find((l) => l.id === id);
    if (tool.step !== 'off') {
      if (link) toolEvent({ type: 'link', link });
      return;
    }
    setSelection({ kind: 'link', id });
  };

  const onBackgroundClick = () => {
    if (tool.step !== 'off') toolEvent({ type: 'background' });
    else setSelection(null);
  };

  const onDrop = (node: NodeRef & Point, carried: readonly (NodeRef & Point)[]) => {
    if (!map) return;
    const at = new Map(overrides);
    for (const n of [node, ...carried]) at.set(nodeKey(n), { x: n.x, y: n.y });
    setPending({ on: map, at });
    // The dragged node and the sub-themes it carried are placed; carried codes stay with the layout.
    run('map.move', moveRequest([node, ...carried.filter((n) => n.kind === 'theme')])).catch(() => setPending(null));
  };

  const exportMap = async (format: 'svg' | 'png') => {
    setExporting(format);
    try {
      // The figure's legend and badges in the language the researcher is working in.
      const { svg } = await invoke('export.themeMap', { includeCodes: showCodes, language });
      const name = exportFileName(project?.name ?? '', format);
      if (format === 'svg') downloadBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), name);
      else {
        try {
          downloadBlob(await svgToPng(svg), name);
        } catch {
          notify({ tone: 'error', message: t('pngFailed') });
        }
      }
    } catch (error) {
      notify({ tone: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setExporting(null);
    }
  };

  const resetLayout = () => {
    setConfirmReset(false);
    setFitAfter(map ?? null);
    run('map.resetLayout', {}).catch(() => setFitAfter(null));
  };

  const sourceName = tool.step === 'target' ? map?.themes.find((th) => th.id === tool.fromThemeId)?.name ?? '' : '';
  const stepText = tool.step === 'source' ? t('stepSource')
    : tool.step === 'target' ? (kind === 'mediates' ? t('stepTargetMediates', { name: sourceName }) : kind === 'moderates' ? t('stepTargetModerates', { name: sourceName }) : t('stepTarget', { name: sourceName }))
      : '';

  return (
    <div className="map-view">
      <div className="map-toolbar" role="toolbar" aria-label={t('title')}>
        <h1 className="map-title">{t('title')}</h1>
        {mayChange && <div className={`map-tool-group${tool.step !== 'off' ? ' active' : ''}`}>
          <button
            type="button" className={`map-tool${tool.step !== 'off' ? ' on' : ''}`} aria-pressed={tool.step !== 'off'} title={t('linkToolHint')}
            data-testid="link-tool" onClick={() => toolEvent({ type: 'toggle' })}
          >
            <KindSample kind={kind} width={22} /> {t('linkTool')}
          </button>
          <select
            aria-label={t('linkKind')} title={t('linkKind')} value={kind} data-testid="link-kind-select" onChange={(e) => setKind(THEME_LINK_KINDS.find((k) => k === e.target.value) ?? kind)}
            onKeyDown={(e) => { if (e.key === 'Escape') { e.currentTarget.blur(); toolEvent({ type: 'cancel' }); } }}
          >
            {THEME_LINK_KINDS.map((k) => <option key={k} value={k}>{t(`kind_${k}`)}</option>)}
          </select>
          <input
            className="map-label-input" aria-label={t('linkLabel')} placeholder={t('linkLabelPlaceholder')} value={label} maxLength={500}
            data-testid="link-label-input" onChange={(e) => setLabel(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Escape') { e.currentTarget.blur(); toolEvent({ type: 'cancel' }); } }}
          />
        </div>}
        {mayChange && <span className="map-sep" />}
        <label className="map-check">
          <input type="checkbox" checked={showCodes} onChange={(e) => setShowCodes(e.target.checked)} data-testid="map-show-codes" /> {t('showCodes')}
        </label>
        <label className="map-check">
          <input type="checkbox" checked={showDiscarded} onChange={(e) => setShowDiscarded(e.target.checked)} data-testid="map-show-discarded" /> {t('showDiscarded')}
        </label>
        <span className="map-spacer" />
        {mayChange && <button type="button" onClick={() => setConfirmReset(true)} title={t('resetLayoutHint')} data-testid="map-reset" disabled={!map?.themes.length}>{t('resetLayout')}</button>}
        <span className="map-export">
          <span className="muted">{t('exportLabel')}</span>
          <button type="button" onClick={() => void exportMap('svg')} title={t('exportSvgHint')} disabled={exporting !== null || !map?.themes.length} data-testid="map-export-svg">SVG</button>
          <button type="button" onClick={() => void exportMap('png')} title={t('exportPngHint')} disabled={exporting !== null || !map?.themes.length} data-testid="map-export-png">PNG</button>
        </span>
      </div>
      {!map && <p className="map-loading muted">{query.error ? query.error.message : t('loading')}</p>}
      {map && map.themes.length === 0 && (
        <div className="map-empty">
          <h2>{t('emptyTitle')}</h2>
          <p className="muted">{t('emptyBody')}</p>
          <button type="button" className="primary" onClick={() => navigate({ view: 'themes' })}>{t('openThemes')}</button>
        </div>
      )}
      {map && map.themes.length > 0 && (
        <div className="map-body">
          <div className="map-stage" ref={stage}>
            <MapCanvas
              map={map} overrides={overrides} view={view} setView={setView} selection={live} tool={tool} toolKind={kind}
              openComments={openComments}
              onNodeClick={onNodeClick} onLinkClick={onLinkClick} onBackgroundClick={onBackgroundClick} onDrop={onDrop}
              onOpenTheme={(id) => navigate({ view: 'theme', themeId: id as ThemeId })}
            />
            {tool.step !== 'off' && (
              <div className="map-tool-hint" role="status" data-testid="link-tool-hint">
                <span>{hint ? t(`hint_${hint}`) : stepText}</span>
                <span className="kbd">Esc</span>
              </div>
            )}
            <div className="map-legend" aria-label={t('legend')}>
              {THEME_LINK_KINDS.map((k) => (
                <span key={k} className="map-legend-item"><KindSample kind={k} /> {t(`kind_${k}`)}</span>
              ))}
              <span className="map-legend-item" data-testid="map-legend-parent"><ParentSample /> {t('legendSubTheme')}</span>
            </div>
            <div className="map-zoom">
              <button type="button" onClick={() => zoomBy(1 / ZOOM_STEP)} title={t('zoomOut')} aria-label={t('zoomOut')}>−</button>
              <button type="button" className="map-zoom-level" onClick={() => size && setView((v) => zoomAt(v, 1 / v.k, { x: size.w / 2, y: size.h / 2 }))} title={t('zoomReset')}>
                {Math.round(view.k * 100)}%
              </button>
              <button type="button" onClick={() => zoomBy(ZOOM_STEP)} title={t('zoomIn')} aria-label={t('zoomIn')}>+</button>
              <button type="button" onClick={fit} title={t('fitHint')} data-testid="map-fit">{t('fit')}</button>
            </div>
          </div>
          <MapSidePanel map={map} selection={live} onSelect={setSelection} onDeleteLink={deleteLink} />
        </div>
      )}
      {confirmReset && (
        <ConfirmDialog
          title={t('resetTitle')} message={<p>{t('resetBody')}</p>} confirmLabel={t('resetConfirm')} cancelLabel={t('cancel')}
          onConfirm={resetLayout} onCancel={() => setConfirmReset(false)} danger={false} testIds={{ dialog: 'map-confirm', confirm: 'map-confirm-ok' }}
        />
      )}
    </div>
  );
}
