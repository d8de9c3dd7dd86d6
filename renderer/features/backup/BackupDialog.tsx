import { useCallback, useEffect, useState } from 'react';
import type { BackupEntry, BackupKind, BackupList } from '../../../src/domain/types';
import { BACKUP_LIMITS } from '../../../src/domain/types';
import { inLanguage } from '../../../src/domain/text';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { ApiError, invoke } from '../../lib/api';
import { ConfirmDialog } from '../../lib/ConfirmDialog';
import { Modal } from '../../lib/Modal';
import { useProject } from '../../lib/state';
import { formatSize, formatWhen } from './format';
import { backupStrings } from './strings';
import './backup.css';

const KIND_LABELS: Readonly<Record<BackupKind, keyof (typeof backupStrings)['en']>> = {
  daily: 'kindDaily', manual: 'kindManual', migration: 'kindMigration', 'before-restore': 'kindBeforeRestore', 'before-merge': 'kindBeforeMerge',
};

/**
 * "Restore from backup…": the backups of the project at `projectPath` (the open one, or from the
 * start screen one that fails to open), newest first, each restorable after a confirmation that
 * says what happens to the file as it is now.
 */
export function BackupDialog({ projectPath, onClose }: { projectPath: string; onClose: () => void }) {
  const t = useStrings(backupStrings);
  const { language } = useLanguage();
  const { project, run, reload, navigate } = useProject();
  const [list, setList] = useState<BackupList | null>(null);
  const [chosen, setChosen] = useState<BackupEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isOpenProject = project?.path === projectPath;

  const load = useCallback(() => {
    invoke('backup.list', { path: projectPath }).then(setList, (e: unknown) => setError(messageOf(e)));
  }, [projectPath]);
  useEffect(load, [load]);

  const backUpNow = async () => {
    setBusy(true);
    setError(null);
    try {
      await run('backup.create', {}, { quiet: true });
      load();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const restore = async (entry: BackupEntry) => {
    setBusy(true);
    setError(null);
    try {
      // What was restored, and where the file as it was went, comes back in the project's notices.
      await run('backup.restore', { backup: entry.id, path: projectPath }, { quiet: true });
      navigate({ view: 'home' });
      await reload();
      onClose();
    } catch (e) {
      setError(messageOf(e));
      setChosen(null);
      load();
    } finally {
      setBusy(false);
    }
  };

  const when = (entry: BackupEntry) => formatWhen(entry.createdAt, language);
  const count = (n: number | null) => (n === null ? t('unknown') : n);

  if (chosen) {
    return (
      <ConfirmDialog
        key="confirm"
        title={t('confirmTitle', { when: when(chosen) })}
        message={(
          <>
            <p>{t('confirmReplace', { when: when(chosen), documents: count(chosen.documents), codings: count(chosen.codings) })}</p>
            <p>{t('confirmKept')}</p>
            {error && <p className="backup-error" role="alert">{error}</p>}
          </>
        )}
        confirmLabel={busy ? t('restoring') : t('confirmRestore')}
        cancelLabel={t('back')}
        onConfirm={() => void restore(chosen)}
        onCancel={() => setChosen(null)}
        busy={busy}
        danger={false}
        testIds={{ dialog: 'restore-confirm', confirm: 'restore-confirm-button' }}
      />
    );
  }

  return (
    <Modal
      key="list"
      title={t('title')}
      onClose={onClose}
      testId="backup-dialog"
      size="large"
      footer={(
        <>
          {isOpenProject && <button onClick={() => void backUpNow()} disabled={busy} data-testid="backup-now">{t('backUpNow')}</button>}
          <button onClick={onClose}>{t('close')}</button>
        </>
      )}
    >
      {list && <p className="muted backup-folder">{t('keptIn', { file: fileName(projectPath), folder: list.folder })}</p>}
      {error && <p className="backup-error" role="alert">{error}</p>}
      {!list && !error && <p className="muted">{t('loading')}</p>}
      {list && list.backups.length === 0 && <p data-testid="backup-none">{t('none')}</p>}
      {list && list.backups.length > 0 && (
        <table className="backup-table" data-testid="backup-table">
          <thead>
            <tr>
              <th>{t('when')}</th><th>{t('kind')}</th>
              <th className="num">{t('documents')}</th><th className="num">{t('codings')}</th><th className="num">{t('size')}</th><th aria-label={t('restore')} />
            </tr>
          </thead>
          <tbody>
            {list.backups.map((entry) => (
              <tr key={entry.id} data-testid="backup-row" data-kind={entry.kind} title={entry.path}>
                <td>{when(entry)}</td>
                <td>
                  {t(KIND_LABELS[entry.kind])}
                  {entry.problem && <div className="backup-problem">{inLanguage(entry.problem, language)}</div>}
                </td>
                <td className="num">{count(entry.documents)}</td>
                <td className="num">{count(entry.codings)}</td>
                <td className="num">{formatSize(entry.bytes, language)}</td>
                <td>
                  <button
                    onClick={() => { setError(null); setChosen(entry); }}
                    disabled={busy || entry.problem !== null}
                    aria-label={t('restoreThis', { when: when(entry) })}
                    data-testid="backup-restore"
                  >{t('restore')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list && <p className="muted backup-limits">{t('limits', { daily: BACKUP_LIMITS.daily, manual: BACKUP_LIMITS.manual, other: BACKUP_LIMITS.migration })}</p>}
    </Modal>
  );
}

function messageOf(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}

function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
