import { Suspense, useCallback, useEffect, useState } from 'react';
import { LANGUAGES, useLanguage, useStrings } from '../../i18n/i18n';
import { onMenu, type MenuCommand } from '../../lib/api';
import { inEditable } from '../../lib/keys';
import { useProject } from '../../lib/state';
import { useMayChange, useTeam } from '../../lib/team-context';
import { ReviewerBanner } from '../team-server/ReviewerBanner';
import { TeamOpening } from '../team-server/TeamOpening';
import { HomeView } from '../home/HomeView';
import { StartScreen } from '../start/StartScreen';
import { AccessBanner } from './AccessBanner';
import { CoderPicker } from '../coders/CoderPicker';
import { ReviewImportDialog } from '../comments/ReviewImportDialog';
import { commentStrings } from '../comments/strings';
import { useReviewDrop } from '../comments/use-review-drop';
import { Notices } from './Notices';
import { OpenTeamDialog } from '../team-window/OpenTeamDialog';
import { ReadOnlyOfferDialog } from './ReadOnlyOffer';
import {
  AgreementView, CodebookPanel, CodeExtractsView, CompareView, ExportDialog, ImportDialog, JournalView, PhasesView, preloadScreens, ScreenFailed, ScreenLoading, SearchView,
  ThemeMapView, ThemeReviewView, ThemesBoard, TranscriptView, TriangulationView,
} from './screens';
import { Sidebar } from './Sidebar';
import { shellStrings } from './strings';
import { TopBar } from './TopBar';
import { useUndoRedo } from './use-undo-redo';
import './shell.css';

export function App() {
  const { project, route, run, navigate, notify } = useProject();
  const { step } = useUndoRedo();
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  // A supervisor's comments file to import: chosen in the dialog, or dropped on the window.
  const [review, setReview] = useState<{ readonly dropped?: File } | null>(null);
  // File › Open Team Project… (desktop): the server's address, asked here; main opens its window.
  const [openingTeam, setOpeningTeam] = useState(false);
  const tc = useStrings(commentStrings);
  const onDroppedFile = useCallback((file: File) => {
    if (/\.json$/i.test(file.name)) setReview({ dropped: file });
    else notify({ tone: 'info', message: tc('dropWrong', { file: file.name }) });
  }, [notify, tc]);
  // A reviewer of a team project imports nothing.
  const team = useTeam();
  const mayChange = useMayChange();
  const mayImport = project !== null && !project.readOnly && mayChange;
  const drop = useReviewDrop(mayImport, onDroppedFile);

  const command = useCallback((cmd: MenuCommand, path?: string) => {
    if (cmd === 'open-path' && path) void run('project.open', { path }).catch(() => undefined);
    else if (cmd === 'undo' || cmd === 'redo') {
      if (inEditable(document.activeElement)) document.execCommand(cmd);
      else if (project && mayChange) void step(cmd).catch(() => undefined);
    } else if (cmd === 'import' && mayImport) setImporting(true);
    else if (cmd === 'export' && project) setExporting(true);
    else if (cmd === 'import-review' && mayImport) setReview({});
    else if (cmd === 'close-project' && team) team.leave();
    else if (cmd === 'close-project' && project) void run('project.close', {}).catch(() => undefined);
    else if (cmd === 'open-sample' && !team) void run('app.openSample', {}).catch(() => undefined);
    else if (cmd === 'open-team' && !team) setOpeningTeam(true);
    else if (cmd === 'find' && project) navigate({ view: 'search' });
  }, [project, step, run, navigate, team, mayImport, mayChange]);

  useEffect(() => onMenu((...args) => command(args[0], args[1])), [command]);

  // Browser mode has no native menu: the same shortcuts, handled here. In Electron the menu owns them.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const cmd: MenuCommand | null = key === 'z' ? (event.shiftKey ? 'redo' : 'undo') : key === 'y' ? 'redo' : key === 'i' ? 'import'
        : key === 'e' ? 'export' : key === 'f' ? 'find' : null;
      if (!cmd || (inEditable(event.target) && (cmd === 'undo' || cmd === 'redo'))) return;
      event.preventDefault();
      command(cmd);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [command]);

  if (!project) {
    return (
      <div className="app">
        {/* A team project is being opened on the server (or could not be): no local files to offer. */}
        {team ? <TeamOpening /> : <StartScreen />}
        <ReadOnlyOfferDialog />
        {openingTeam && <OpenTeamDialog onClose={() => setOpeningTeam(false)} />}
        <Notices />
      </div>
    );
  }
  const withCodebook = route.view === 'document' || route.view === 'code';
  return (
    <div className="app">
      <TopBar onImport={() => setImporting(true)} onExport={() => setExporting(true)} />
      <AccessBanner onExport={() => setExporting(true)} />
      <ReviewerBanner />
      <div className={`workspace${withCodebook ? ' with-codebook' : ''}`}>
        <Sidebar />
        <main className="main" aria-live="polite">
          {route.view === 'home' && <HomeView onImport={mayImport ? () => setImporting(true) : undefined} onShown={preloadScreens} />}
          <ScreenFailed resetKey={route.view}>
            <Suspense fallback={<ScreenLoading />}>
              {route.view === 'document' && <TranscriptView key={route.documentId} documentId={route.documentId} focus={route.focus} />}
              {route.view === 'code' && <CodeExtractsView codeId={route.codeId} />}
              {route.view === 'journal' && <JournalView />}
              {route.view === 'settings' && <SettingsView />}
              {route.view === 'phases' && <PhasesView />}
              {route.view === 'themes' && <ThemesBoard />}
              {route.view === 'theme' && <ThemeReviewView key={route.themeId} themeId={route.themeId} />}
              {route.view === 'map' && <ThemeMapView />}
              {route.view === 'triangulation' && <TriangulationView />}
              {route.view === 'agreement' && <AgreementView />}
              {route.view === 'compare' && <CompareView key={`${route.documentId}:${route.coderIds?.join(',') ?? ''}:${route.codeId ?? ''}`} documentId={route.documentId} coderIds={route.coderIds} codeId={route.codeId} />}
              {route.view === 'search' && <SearchView initialQuery={route.query ?? ''} />}
            </Suspense>
          </ScreenFailed>
        </main>
        {withCodebook && (
          // Its empty frame while the chunk loads, so the transcript beside it does not jump sideways when it comes.
          <ScreenFailed resetKey="codebook">
            <Suspense fallback={<aside className="codebook-panel" aria-busy="true" />}>
              <CodebookPanel />
            </Suspense>
          </ScreenFailed>
        )}
      </div>
      {/* A dialog waits for its chunk where it is asked for: nothing on screen is replaced meanwhile. */}
      <ScreenFailed resetKey={`${importing}:${exporting}`}>
        <Suspense fallback={null}>
          {importing && <ImportDialog onClose={() => setImporting(false)} />}
          {exporting && <ExportDialog onClose={() => setExporting(false)} />}
        </Suspense>
      </ScreenFailed>
      {review && <ReviewImportDialog dropped={review.dropped} onClose={() => setReview(null)} />}
      {openingTeam && <OpenTeamDialog onClose={() => setOpeningTeam(false)} />}
      {drop.over && <div className="cm-drop-veil" data-testid="review-drop-veil"><span>{tc('dropTitle')}</span></div>}
      <ReadOnlyOfferDialog />
      {/* On a team server who codes is who logged in. */}
      {!team && <CoderPicker />}
      <Notices />
    </div>
  );
}

function SettingsView() {
  const t = useStrings(shellStrings);
  const { language, setLanguage } = useLanguage();
  return (
    <section className="settings">
      <h1>{t('settingsTitle')}</h1>
      <label className="field">
        <span>{t('language')}</span>
        <select value={language} onChange={(e) => setLanguage(e.target.value as typeof language)} data-testid="language-select">
          {LANGUAGES.map((l) => <option key={l.code} value={l.code}>{l.name}</option>)}
        </select>
      </label>
      <p className="muted">{t('languageHint')}</p>
    </section>
  );
}
