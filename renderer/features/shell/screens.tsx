import { Component, lazy, useEffect, useState, type ReactNode } from 'react';
import { useStrings } from '../../i18n/i18n';
import { shellStrings } from './strings';

/**
 * The screens and dialogs a project does not open on, each in its own chunk: the page then parses
 * and runs only the home's code before drawing it (the whole renderer in one bundle cost the first
 * screen 180–290 ms). `preloadScreens` fetches them all once the home is drawn, so opening one later
 * rarely waits for its chunk.
 */
const chunks = {
  transcript: () => import('../transcript/TranscriptView'),
  codeExtracts: () => import('../codebook/CodeExtractsView'),
  codebook: () => import('../codebook/CodebookPanel'),
  journal: () => import('../memos/JournalView'),
  phases: () => import('../phases/PhasesView'),
  themes: () => import('../themes/ThemesBoard'),
  themeReview: () => import('../themes/ThemeReviewView'),
  map: () => import('../map/ThemeMapView'),
  triangulation: () => import('../triangulation/TriangulationView'),
  agreement: () => import('../agreement/AgreementView'),
  compare: () => import('../compare/CompareView'),
  search: () => import('../search/SearchView'),
  importDialog: () => import('../home/ImportDialog'),
  exportDialog: () => import('../export/ExportDialog'),
} as const;

export const TranscriptView = lazy(() => chunks.transcript().then((m) => ({ default: m.TranscriptView })));
export const CodeExtractsView = lazy(() => chunks.codeExtracts().then((m) => ({ default: m.CodeExtractsView })));
export const CodebookPanel = lazy(() => chunks.codebook().then((m) => ({ default: m.CodebookPanel })));
export const JournalView = lazy(() => chunks.journal().then((m) => ({ default: m.JournalView })));
export const PhasesView = lazy(() => chunks.phases().then((m) => ({ default: m.PhasesView })));
export const ThemesBoard = lazy(() => chunks.themes().then((m) => ({ default: m.ThemesBoard })));
export const ThemeReviewView = lazy(() => chunks.themeReview().then((m) => ({ default: m.ThemeReviewView })));
export const ThemeMapView = lazy(() => chunks.map().then((m) => ({ default: m.ThemeMapView })));
export const TriangulationView = lazy(() => chunks.triangulation().then((m) => ({ default: m.TriangulationView })));
export const AgreementView = lazy(() => chunks.agreement().then((m) => ({ default: m.AgreementView })));
export const CompareView = lazy(() => chunks.compare().then((m) => ({ default: m.CompareView })));
export const SearchView = lazy(() => chunks.search().then((m) => ({ default: m.SearchView })));
export const ImportDialog = lazy(() => chunks.importDialog().then((m) => ({ default: m.ImportDialog })));
export const ExportDialog = lazy(() => chunks.exportDialog().then((m) => ({ default: m.ExportDialog })));

let preloaded = false;

/**
 * Fetches every screen's chunk when the page is idle, one after another so that no long task
 * runs them all at once. A chunk that fails to load (the app was updated underneath) is left to
 * the screen that needs it, whose own import then fails inside its ScreenFailed boundary.
 */
export function preloadScreens(): void {
  if (preloaded) return;
  preloaded = true;
  const queue = Object.values(chunks);
  const idle = (next: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(next, { timeout: 2000 }) : setTimeout(next, 50));
  const step = () => {
    const chunk = queue.shift();
    if (!chunk) return;
    void chunk().catch(() => undefined).finally(() => idle(step));
  };
  idle(step);
}

/**
 * What the main area shows while a screen's chunk loads: nothing for the first moment (a chunk
 * already fetched comes within a frame or two, and a flash of "Loading…" would only blink), then
 * a quiet line saying the screen is on its way.
 */
export function ScreenLoading() {
  const t = useStrings(shellStrings);
  const [late, setLate] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLate(true), 200);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="screen-loading" role="status" aria-busy="true" data-testid="screen-loading">
      {late && <span className="muted">{t('loadingScreen')}</span>}
    </div>
  );
}

/**
 * Around a lazy screen or dialog: a chunk that cannot be loaded (the app's files were replaced by an
 * update while the window was open, or the browser-mode server was restarted on another build)
 * says so where the screen would be, instead of the error taking the whole window down. A new
 * `resetKey` (another screen) tries again; the boundary stays mounted, so the Suspense inside it
 * keeps the current screen on screen while the next one's chunk loads.
 */
export class ScreenFailed extends Component<{ resetKey: string; children: ReactNode }, { error: Error | null; resetKey: string }> {
  override state: { error: Error | null; resetKey: string } = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { resetKey: string }): { error: null; resetKey: string } | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override render(): ReactNode {
    return this.state.error ? <ScreenFailedNotice message={this.state.error.message} /> : this.props.children;
  }
}

function ScreenFailedNotice({ message }: { message: string }) {
  const t = useStrings(shellStrings);
  return (
    <div className="screen-loading" role="alert" data-testid="screen-failed">
      <p>{t('screenFailed', { message })}</p>
      <button onClick={() => location.reload()}>{t('reloadWindow')}</button>
    </div>
  );
}
