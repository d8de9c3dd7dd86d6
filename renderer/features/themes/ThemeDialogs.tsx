import { useState } from 'react';
import type { Code, Theme } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { ConfirmDialog } from '../../lib/ConfirmDialog';
import { Modal } from '../../lib/Modal';
import { plural, themesStrings } from './strings';

/** Asks for a theme's name; Enter creates it. The codes it will hold are listed so the name can fit them. */
export function NameDialog({ title, codes, onCancel, onCreate }: {
  title: string;
  codes: readonly Code[];
  onCancel: () => void;
  /** Rejects when the store refuses (the notice says why): the dialog stays open. */
  onCreate: (name: string) => Promise<void>;
}) {
  const t = useStrings(themesStrings);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = () => {
    if (!name.trim() || busy) return;
    setBusy(true);
    onCreate(name.trim()).catch(() => setBusy(false));
  };
  return (
    <Modal
      title={title}
      onClose={onCancel}
      testId="theme-name-dialog"
      footer={(
        <>
          <button onClick={onCancel}>{t('cancel')}</button>
          <button className="primary" onClick={submit} disabled={!name.trim() || busy} data-testid="theme-name-create">{t('create')}</button>
        </>
      )}
    >
      {codes.length > 0 && (
        <div className="th-dialog-codes">
          {codes.map((c) => <span key={c.id} className="th-chip static" style={{ '--chip': c.colour } as React.CSSProperties}><span className="th-chip-dot" />{c.name}</span>)}
        </div>
      )}
      <input
        className="th-dialog-input"
        autoFocus
        value={name}
        maxLength={200}
        placeholder={t('themeNamePlaceholder')}
        aria-label={t('themeNamePlaceholder')}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); submit(); } }}
        data-testid="theme-name-input"
      />
      <p className="th-dialog-hint muted">{t('nameHint')}</p>
    </Modal>
  );
}

/** Deleting is final (undo aside): the dialog names what goes with the theme and offers discarding instead. */
export function DeleteThemeDialog({ theme, subThemes, onCancel, onConfirm }: {
  theme: Theme;
  /** Sub-themes at any depth: they are deleted with it. */
  subThemes: number;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const t = useStrings(themesStrings);
  return (
    <ConfirmDialog
      title={t('deleteTitle', { name: theme.name })}
      message={(
        <>
          <p>{t('deleteExplain')}</p>
          {subThemes > 0 && <p className="th-warning">{plural(t, subThemes, 'deleteSubOne', 'deleteSubMany')}</p>}
          {theme.status !== 'discarded' && <p className="muted">{t('deleteInstead')}</p>}
        </>
      )}
      confirmLabel={t('deleteConfirm')}
      cancelLabel={t('cancel')}
      onConfirm={onConfirm}
      onCancel={onCancel}
      focus="cancel"
      testIds={{ dialog: 'theme-delete-dialog', confirm: 'theme-delete-confirm' }}
    />
  );
}
