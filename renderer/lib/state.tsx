import { createContext, startTransition, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { ActionName, Args, Result } from '../../src/api/contract';
import { stales } from '../../src/api/touches';
import type { CodeId, CoderId, DocumentId, ThemeId, Utf16Offset } from '../../src/domain/ids';
import type { AppInfo, HistoryState, ProjectInfo, Progress } from '../../src/domain/types';
import { activeLanguage } from '../i18n/i18n';
import { ApiError, invoke, onChanged, onCrash, onNotice, onProgress } from './api';
import { LOADING, QueryCache, type QueryState } from './query-cache';

/** Where the main area is. */
export type Route =
  | { readonly view: 'home' }
  | { readonly view: 'document'; readonly documentId: DocumentId; readonly focus?: { readonly start: Utf16Offset; readonly end: Utf16Offset } }
  | { readonly view: 'code'; readonly codeId: CodeId }
  | { readonly view: 'journal' }
  | { readonly view: 'settings' }
  /** The current phase with its checklist. */
  | { readonly view: 'phases' }
  /** Phase 3: gathering codes into candidate themes. */
  | { readonly view: 'themes' }
  /** Phases 4–5: one theme under review, defined and named. */
  | { readonly view: 'theme'; readonly themeId: ThemeId }
  | { readonly view: 'map' }
  | { readonly view: 'triangulation' }
  /** Inter-coder agreement (optional): table, drill-down to disagreements. */
  | { readonly view: 'agreement' }
  /**
   * Two coders' codings of one transcript compared, disagreements settled there. `coderIds` and
   * `codeId` are optional: without them the first two people who code, and every code.
   */
  | { readonly view: 'compare'; readonly documentId: DocumentId; readonly coderIds?: readonly [CoderId, CoderId]; readonly codeId?: CodeId }
  /** Full-text search; `query` pre-fills it (from Find, or a link). */
  | { readonly view: 'search'; readonly query?: string };

export interface Notice {
  readonly id: number;
  readonly tone: 'error' | 'info';
  readonly message: string;
  readonly details?: readonly string[];
}

/** A project another Tematik has open for writing: the window offers to open it read-only. */
export interface ReadOnlyOffer {
  readonly path: string;
  /** Where it is open, since when, by whom (the core's message, in the window's language). */
  readonly message: string;
}

export interface RunOptions {
  /** The caller shows the error in place (an inline message, a dialog): no notice. */
  readonly quiet?: boolean;
}

interface ProjectContext {
  readonly app: AppInfo | null;
  readonly project: ProjectInfo | null;
  readonly history: HistoryState;
  /** The open project's query answers: a change re-reads what it made stale (src/api/touches.ts). */
  readonly cache: QueryCache;
  readonly route: Route;
  readonly navigate: (route: Route) => void;
  /** The long action in flight, with the job id that cancels it. */
  readonly progress: (Progress & { readonly job: string }) | null;
  readonly notices: readonly Notice[];
  readonly notify: (notice: Omit<Notice, 'id'>) => void;
  readonly dismiss: (id: number) => void;
  /**
   * Runs a change through the contract, then re-reads the queries it made stale. Errors are rethrown (so a
   * dialog can stay open) and shown as a notice, unless `quiet` says the caller shows them itself.
   */
  readonly run: <N extends ActionName>(name: N, args: Args<N>, options?: RunOptions) => Promise<Result<N>>;
  /** Re-reads app and project state, e.g. after a project was opened. */
  readonly reload: () => Promise<void>;
  /** Set when opening a project was refused because another Tematik writes it; the shell asks whether to open it read-only. */
  readonly offer: ReadOnlyOffer | null;
  readonly dismissOffer: () => void;
}

const Context = createContext<ProjectContext | null>(null);

const NO_HISTORY: HistoryState = { undo: null, redo: null, undoAction: null, redoAction: null };

/** A query asked before any view shows it: see ProjectProvider's `firstReads`. */
export type FirstRead = { readonly [N in ActionName]: readonly [N, Args<N>] }[ActionName];

const NO_READS: readonly FirstRead[] = [];

/** App and project state as asked in one go, with a new cache holding the first screen's queries. */
export interface Opening {
  readonly cache: QueryCache;
  readonly state: Promise<{ readonly info: AppInfo; readonly project: ProjectInfo | null; readonly history: HistoryState }>;
}

/**
 * Asks app and project state and `firstReads` (into a new cache) all at once, so the first screen
 * waits for one round trip, not three. main.tsx calls it before React's first render.
 */
export function openingReads(firstReads: readonly FirstRead[]): Opening {
  const cache = new QueryCache();
  const asked = [invoke('app.info', {}), invoke('project.info', {}), invoke('history.state', {})] as const;
  // With no project open the project's reads fail: that answer is app.info's to give.
  for (const read of asked) read.catch(() => undefined);
  for (const [name, args] of firstReads) cache.prefetch(name, args as never);
  const state = asked[0].then(async (info) => {
    const [project, history] = info.projectPath ? await Promise.all([asked[1], asked[2]]) : [null, NO_HISTORY];
    return { info, project, history };
  });
  return { cache, state };
}

/**
 * `firstReads` are the queries of the screen a project opens on (the home), asked with the project's
 * state; `opening`, those reads already started for the page's first screen.
 */
export function ProjectProvider({ children, firstReads = NO_READS, opening }: { children: ReactNode; firstReads?: readonly FirstRead[]; opening?: Opening }) {
  const [app, setApp] = useState<AppInfo | null>(null);
  const [project, setProject] = useState<ProjectInfo | null>(null);
  const [history, setHistory] = useState<HistoryState>(NO_HISTORY);
  const [cache, setCache] = useState(() => new QueryCache());
  const [route, setRoute] = useState<Route>({ view: 'home' });
  const [progress, setProgress] = useState<(Progress & { readonly job: string }) | null>(null);
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const [offer, setOffer] = useState<ReadOnlyOffer | null>(null);
  const dismissOffer = useCallback(() => setOffer(null), []);
  const nextNotice = useRef(1);

  const notify = useCallback((notice: Omit<Notice, 'id'>) => {
    const id = nextNotice.current++;
    setNotices((list) => [...list.slice(-3), { ...notice, id }]);
    if (notice.tone === 'info') setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), 4000);
  }, []);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);

  const apply = useCallback(async ({ cache: next, state }: Opening) => {
    const { info, project: opened, history: openedHistory } = await state;
    // Set together, so views of the project meet its new cache on their first render and read each query once.
    // A transition: the first screen, drawn with its lists already here, is drawn in slices that leave the page responsive.
    startTransition(() => {
      setCache(next);
      setApp(info);
      setProject(opened);
      setHistory(openedHistory);
    });
  }, []);
  /** With `opened`, a project has just opened: its first screen's queries are asked too. */
  const load = useCallback((opened: boolean) => apply(openingReads(opened ? firstReads : NO_READS)), [apply, firstReads]);
  const reload = useCallback(() => load(false), [load]);
  const started = useRef(opening);

  /** Re-reads what `name` made stale, after this window ran it or (on a team server) someone else did; null: anything may have changed. */
  const refresh = useCallback((name: ActionName | null) => {
    if (name === null) cache.changedAll();
    else cache.changed(name);
    // Project and history live in this context rather than the cache: read them beside the views' queries, not before them.
    if (name === null || stales(name, 'project.info')) void invoke('project.info', {}).then(setProject, () => undefined);
    if (name === null || stales(name, 'history.state')) void invoke('history.state', {}).then(setHistory, () => undefined);
  }, [cache]);

  const run = useCallback(async <N extends ActionName>(name: N, args: Args<N>, options?: RunOptions): Promise<Result<N>> => {
    try {
      const result = await invoke(name, args);
      const opensProject = name === 'project.open' || name === 'project.create' || name === 'app.openSample' || name === 'project.close';
      if (opensProject) {
        setRoute({ view: 'home' });
        await load(true);
      } else refresh(name);
      return result;
    } catch (error) {
      const info = ApiError.from(error);
      if (name === 'project.open' && info.kind === 'locked') {
        // Every way of opening a project (start screen, menu, recent list, the OS) comes here: one question, asked by the shell.
        setOffer({ path: (args as Args<'project.open'>).path, message: info.message });
        throw error;
      }
      if (!options?.quiet) notify({ tone: 'error', message: info.message, ...(info.details ? { details: info.details } : {}) });
      throw error;
    } finally {
      setProgress(null);
    }
  }, [notify, load, refresh]);

  // Another coder's change on a team server: the same re-reads as after this window's own (the stream's events
  // for this window's own changes come too and re-read once more, which costs a read and keeps two tabs of one login in step).
  useEffect(() => onChanged(({ action }) => refresh(action)), [refresh]);

  useEffect(() => {
    const first = started.current ?? openingReads(firstReads);
    started.current = undefined;
    void apply(first).catch((error: unknown) => notify({ tone: 'error', message: error instanceof Error ? error.message : String(error) }));
    const offProgress = onProgress((p, job) => setProgress(p.done >= p.total ? null : { ...p, job }));
    // The core restarted on the same project: say so, and show what the project holds now.
    const offCrash = onCrash((error) => {
      notify({ tone: 'error', message: new ApiError(error).message });
      void reload().catch(() => undefined);
    });
    // Told outside any answer (the day's backup could not be made): kept until dismissed, as the user must act on it.
    const offNotice = onNotice((notice) => notify({ tone: 'error', message: notice[activeLanguage()] }));
    return () => {
      offProgress();
      offCrash();
      offNotice();
    };
  }, [apply, firstReads, reload, notify]);

  // A transition: a screen whose code is still loading leaves the current one on screen until it can be drawn, instead of a blank area.
  const navigate = useCallback((next: Route) => startTransition(() => setRoute(next)), []);

  const value = useMemo<ProjectContext>(() => ({
    app, project, history, cache, route, navigate, progress, notices, notify, dismiss, run, reload, offer, dismissOffer,
  }), [app, project, history, cache, route, navigate, progress, notices, notify, dismiss, run, reload, offer, dismissOffer]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useProject(): ProjectContext {
  const context = useContext(Context);
  if (!context) throw new Error('useProject outside ProjectProvider');
  return context;
}

const unsubscribed = () => () => undefined;

/**
 * Reads a query action, shared with every view that reads the same, and re-reads it after a
 * change that makes it stale; the last answer stays shown meanwhile.
 * `args` of null skips the call (nothing selected yet).
 */
export function useQuery<N extends ActionName>(name: N, args: Args<N> | null): QueryState<N> {
  const { cache, project } = useProject();
  const open = project !== null;
  const key = args === null ? null : JSON.stringify(args);
  const parsed = useMemo(() => (key === null ? null : JSON.parse(key) as Args<N>), [key]);
  const subscribe = useCallback(
    (listener: () => void) => (parsed === null || !open ? unsubscribed() : cache.subscribe(name, parsed, listener)),
    [cache, name, parsed, open],
  );
  const snapshot = useCallback(() => (parsed === null || !open ? LOADING : cache.state(name, parsed)), [cache, name, parsed, open]);
  return useSyncExternalStore(subscribe, snapshot);
}
