import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useStrings } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { copyUrl, createProject, listProjects, publishProject, type TeamProject, type TeamUser } from '../../lib/team-server';
import { LanguageToggle } from './LanguageToggle';
import { teamServerStrings } from './strings';

/** A file name a project is downloaded under: its name, without characters file systems refuse. */
export const copyFileName = (name: string): string => `${name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim() || 'project'}.tematik`;

/**
 * The projects of the team server the user is a member of, with their role in each: open one,
 * take a copy, start a new one, or publish a project file from this computer.
 */
export function ProjectList({ user, onOpen, onLogOut }: { user: TeamUser; onOpen: (project: TeamProject) => void; onLogOut: () => void }) {
  const t = useStrings(teamServerStrings);
  const [projects, setProjects] = useState<readonly TeamProject[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);

  const load = useCallback(async () => {
    const answer = await listProjects();
    if (answer.ok) {
      setProjects(answer.value);
      setError(null);
    } else setError(new ApiError(answer.error).message);
  }, []);
  useEffect(() => { void load(); }, [load]);

  return (
    <div className="ts-page">
      <div className="ts-card ts-projects" data-testid="team-projects">
        <div className="ts-card-head">
          <h1 className="ts-title">{t('projects')}</h1>
          <LanguageToggle />
        </div>
        <div className="ts-user">
          <span data-testid="team-user">{t('loggedInAs', { name: user.name, login: user.login })}</span>
          <button type="button" className="link" onClick={onLogOut} data-testid="team-logout">{t('logOut')}</button>
        </div>
        {error && <p className="ts-error" role="alert">{error}</p>}
        {info && <p className="ts-info" role="status" data-testid="team-info">{info}</p>}
        {projects === null && !error && <p className="muted">{t('loading')}</p>}
        {projects?.length === 0 && <p className="muted" data-testid="team-no-projects">{t('noProjects')}</p>}
        {projects && projects.length > 0 && (
          <table className="ts-table">
            <thead>
              <tr><th>{t('name')}</th><th>{t('role')}</th><th /></tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id} data-testid="team-project" data-project-name={p.name}>
                  <td><button type="button" className="link ts-project-name" onClick={() => onOpen(p)}>{p.name}</button></td>
                  <td title={t(`roleHint_${p.role}`)} data-testid="team-project-role">{t(`role_${p.role}`)}</td>
                  <td className="ts-row-actions">
                    <button type="button" className="primary" onClick={() => onOpen(p)} data-testid="team-project-open">{t('open')}</button>
                    <a className="button" href={copyUrl(p.id)} download={copyFileName(p.name)} title={t('takeCopyHint')} data-testid="team-project-copy">{t('takeCopy')}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="ts-forms">
          <NewProjectForm onCreated={(name) => { setInfo(t('created', { name })); void load(); }} />
          <PublishForm onPublished={(name) => { setInfo(t('published', { name })); void load(); }} />
        </div>
      </div>
    </div>
  );
}

function NewProjectForm({ onCreated }: { onCreated: (name: string) => void }) {
  const t = useStrings(teamServerStrings);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('nameMissing'));
      return;
    }
    setBusy(true);
    const answer = await createProject(name.trim());
    setBusy(false);
    if (!answer.ok) {
      setError(new ApiError(answer.error).message);
      return;
    }
    setError(null);
    setName('');
    onCreated(answer.value.name);
  };
  return (
    <form className="ts-form" onSubmit={(e) => void submit(e)} data-testid="team-new-project">
      <h2>{t('newProject')}</h2>
      <label className="field">
        <span>{t('newProjectName')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} disabled={busy} data-testid="team-new-project-name" />
      </label>
      {error && <p className="ts-error" role="alert">{error}</p>}
      <button type="submit" disabled={busy} data-testid="team-new-project-create">{t('create')}</button>
    </form>
  );
}

function PublishForm({ onPublished }: { onPublished: (name: string) => void }) {
  const t = useStrings(teamServerStrings);
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setError(null);
    if (chosen && !name.trim()) setName(chosen.name.replace(/\.tematik$/i, ''));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setError(t('fileMissing'));
      return;
    }
    setBusy(true);
    const answer = await publishProject(file, name.trim() || file.name.replace(/\.tematik$/i, ''));
    setBusy(false);
    if (!answer.ok) {
      setError(new ApiError(answer.error).message);
      return;
    }
    setError(null);
    setFile(null);
    setName('');
    setInputKey((k) => k + 1);
    onPublished(answer.value.name);
  };
  return (
    <form className="ts-form" onSubmit={(e) => void submit(e)} data-testid="team-publish">
      <h2>{t('publish')}</h2>
      <p className="muted">{t('publishHint')}</p>
      <label className="field">
        <span>{t('publishFile')}</span>
        <input key={inputKey} type="file" accept=".tematik" onChange={(e) => choose(e.target.files?.[0] ?? null)} disabled={busy} data-testid="team-publish-file" />
      </label>
      <label className="field">
        <span>{t('publishName')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} disabled={busy} data-testid="team-publish-name" />
      </label>
      {error && <p className="ts-error" role="alert" data-testid="team-publish-error">{error}</p>}
      <button type="submit" disabled={busy} data-testid="team-publish-submit">{busy ? t('publishing') : t('publishButton')}</button>
    </form>
  );
}
