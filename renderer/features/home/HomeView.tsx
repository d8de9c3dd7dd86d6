import { useEffect, useState, type FormEvent } from 'react';
import type { ProjectInfo, ProjectStats } from '../../../src/domain/types';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { useProject, useQuery } from '../../lib/state';
import { useMayChange } from '../../lib/team-context';
import { DocumentsSection } from './DocumentsSection';
import { formatDate, formatNumber } from './format';
import { InformantsTable } from './InformantsTable';
import { InformantTypesPanel } from './InformantTypesPanel';
import { homeStrings } from './strings';
import './home.css';
import { usePhaseName } from '../../i18n/phase-names';

/**
 * The project home: what the study is, what it holds, and the sources behind it.
 * `onShown` is called once its lists are drawn (the shell then fetches the other screens' code).
 * Without `onImport` (a team project: no imports there yet) no import button shows.
 */
export function HomeView({ onImport, onShown }: { onImport?: (() => void) | undefined; onShown?: () => void }) {
  const { project } = useProject();
  const documents = useQuery('documents.list', {}).data;
  const informants = useQuery('informants.list', {}).data;
  const types = useQuery('informantTypes.list', {}).data;
  const attributes = useQuery('attributes.list', {}).data;
  // Asked last: the core answers in turn, and the tables need not wait for the counts.
  const stats = useQuery('project.stats', {}).data;
  const lists = documents && informants && types && attributes;
  const drawn = !!lists;
  useEffect(() => {
    if (drawn) onShown?.();
  }, [drawn, onShown]);
  if (!project) return null;
  const empty = lists && documents.length === 0;

  // Each part shows when what it needs is there.
  return (
    <div className="hm-home" data-testid="home">
      <ProjectHeader project={project} />
      {empty && <EmptyState onImport={onImport} />}
      {stats && lists && !empty && <StatTiles stats={stats} />}
      {stats && types && <InformantTypesPanel types={types} stats={stats} />}
      {lists && !empty && <DocumentsSection documents={documents} informants={informants} types={types} onImport={onImport} />}
      {lists && <InformantsTable informants={informants} types={types} attributes={attributes} documents={documents} />}
    </div>
  );
}

function ProjectHeader({ project }: { project: ProjectInfo }) {
  const t = useStrings(homeStrings);
  const phaseName = usePhaseName();
  const { language } = useLanguage();
  const { run, navigate } = useProject();
  const [editing, setEditing] = useState(false);
  // A reviewer of a team project reads the project's name and description; changing them is the coders'.
  const mayChange = useMayChange();
  const [name, setName] = useState(project.name);
  const [description, setDescription] = useState(project.description);

  const startEditing = () => {
    setName(project.name);
    setDescription(project.description);
    setEditing(true);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    const changes = {
      ...(name.trim() !== project.name ? { name: name.trim() } : {}),
      ...(description !== project.description ? { description } : {}),
    };
    if (Object.keys(changes).length === 0) {
      setEditing(false);
      return;
    }
    void run('project.update', changes).then(() => setEditing(false), () => undefined);
  };

  if (editing) {
    return (
      <form className="hm-home-header editing" onSubmit={save} onKeyDown={(e) => { if (e.key === 'Escape') setEditing(false); }}>
        <label className="field">
          <span>{t('projectName')}</span>
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} maxLength={200} data-testid="project-name-input" />
        </label>
        <label className="field">
          <span>{t('description')}</span>
          <textarea
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            rows={4}
            placeholder={t('descriptionPlaceholder')}
            data-testid="project-description-input"
            onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save(e); }}
          />
        </label>
        <div className="hm-actions">
          <button type="submit" className="primary" disabled={!name.trim()} data-testid="project-save">{t('save')}</button>
          <button type="button" onClick={() => setEditing(false)}>{t('cancel')}</button>
        </div>
      </form>
    );
  }
  return (
    <header className="hm-home-header">
      <div className="hm-home-title">
        <div className="hm-home-title-row">
          <h1 data-testid="project-name">{project.name}</h1>
          {mayChange && <button className="link subtle" onClick={startEditing} data-testid="project-edit">{t('editDetails')}</button>}
        </div>
        {project.description
          ? <p className="hm-home-description" data-testid="project-description">{project.description}</p>
          : mayChange && <button className="link hm-home-add-description" onClick={startEditing}>{t('addDescription')}</button>}
        <div className="hm-home-meta">
          <button className="hm-phase-pill" onClick={() => navigate({ view: 'phases' })} title={t('phasesLink')}>
            {t('phaseLine', { n: project.phase, phase: phaseName(project.phase) })}
          </button>
          <span>{t('created', { date: formatDate(project.createdAt, language) })}</span>
          <span className="hm-home-path" title={project.path}>{project.path}</span>
        </div>
      </div>
    </header>
  );
}

function StatTiles({ stats }: { stats: ProjectStats }) {
  const t = useStrings(homeStrings);
  const { language } = useLanguage();
  const tiles = [
    ['documents', t('statDocuments'), stats.documents],
    ['words', t('statWords'), stats.words],
    ['informants', t('statInformants'), stats.informants],
    ['codes', t('statCodes'), stats.codes],
    ['codings', t('statCodings'), stats.codings],
    ['themes', t('statThemes'), stats.themes],
    ['memos', t('statMemos'), stats.memos],
  ] as const;
  return (
    <section className="hm-stat-tiles" aria-label={t('overview')} data-testid="project-stats">
      {tiles.map(([key, label, value]) => (
        <div key={key} className="hm-stat-tile" data-testid={`stat-${key}`}>
          <span className="hm-stat-value">{formatNumber(value, language)}</span>
          <span className="hm-stat-label">{label}</span>
        </div>
      ))}
    </section>
  );
}

function EmptyState({ onImport }: { onImport?: (() => void) | undefined }) {
  const t = useStrings(homeStrings);
  const steps = [[t('step1Title'), t('step1')], [t('step2Title'), t('step2')], [t('step3Title'), t('step3')]] as const;
  return (
    <section className="hm-home-empty hm-panel" data-testid="home-empty">
      <h2>{t('emptyTitle')}</h2>
      <p className="muted">{t('emptyIntro')}</p>
      <ol className="hm-steps">
        {steps.map(([title, body], index) => (
          <li key={title}>
            <span className="hm-step-number">{index + 1}</span>
            <div><strong>{title}</strong><p>{body}</p></div>
          </li>
        ))}
      </ol>
      {onImport && <button className="primary" onClick={onImport} data-testid="empty-import">{t('importTranscripts')}</button>}
    </section>
  );
}
