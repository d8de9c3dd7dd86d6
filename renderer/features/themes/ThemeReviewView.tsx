import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { CodingId, ThemeId } from '../../../src/domain/ids';
import type { Theme, ThemeStatus } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { downloadBlob } from '../../lib/download';
import { inEditable } from '../../lib/keys';
import { useProject, useQuery } from '../../lib/state';
import { useTableExport } from '../export/table-export';
import { CommentsThread } from './CommentsThread';
import { DefinePanel } from './DefinePanel';
import { ConvergencePanel, SupportPanel } from './EvidencePanels';
import { InlineName } from './InlineName';
import { ReviewExtracts } from './ReviewExtracts';
import { MergeDialog, SplitDialog } from './ReviewDialogs';
import { DeleteThemeDialog } from './ThemeDialogs';
import { ThemeCodesPanel } from './ThemeCodesPanel';
import { neighbours, suggestionFor, uniqueExtracts } from './review-model';
import { themesStrings } from './strings';
import { missingFor, statusSteps, type StatusStep } from '../../../src/domain/theme-status';
import { ancestorsOf, flattenTree, partitionThemes, subtreeIds } from './theme-tree';
import './themes.css';
import './review.css';
import { useMayChange } from '../../lib/team-context';

const STEP_TESTID: Readonly<Record<StatusStep['kind'], string>> = {
  forward: 'theme-status-next', back: 'theme-status-back', discard: 'theme-status-discard', restore: 'theme-status-restore',
};

/**
 * Phases 4 and 5 for one theme: is it supported across the data set (extracts by type
 * and informant, weak codes, convergence), and what exactly is it (definition, scope,
 * exemplar)? The researcher moves it along candidate → reviewed → defined from here.
 */
export function ThemeReviewView({ themeId }: { themeId: ThemeId }) {
  const t = useStrings(themesStrings);
  const { run, navigate, notify } = useProject();
  const { tableFile } = useTableExport();
  const reviewQuery = useQuery('themes.review', { id: themeId });
  const themes = useQuery('themes.list', {}).data;
  const matrix = useQuery('analysis.triangulation', { rows: 'themes', includeDiscarded: true }).data;
  const [dialog, setDialog] = useState<'split' | 'merge' | 'delete' | null>(null);
  const [renaming, setRenaming] = useState(false);
  // A reviewer of a team project reads the review and comments on it: no status steps, split, merge, delete or rename.
  const mayChange = useMayChange();

  const order = useMemo(() => {
    const { active, discarded } = partitionThemes(themes ?? []);
    return [...flattenTree(active), ...flattenTree(discarded)];
  }, [themes]);
  const { previous, next } = neighbours(order, themeId);

  // Alt+←/→ pages through the themes, as a reviewer reads them one after another.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || inEditable(event.target)) return;
      const target = event.key === 'ArrowLeft' ? previous : event.key === 'ArrowRight' ? next : undefined;
      if (!target) return;
      event.preventDefault();
      navigate({ view: 'theme', themeId: target.id });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [previous, next, navigate]);

  const review = reviewQuery.data;
  if (reviewQuery.error) {
    return (
      <div className="tr-view" data-testid="theme-review">
        <p className="tr-missing" data-testid="theme-missing">{reviewQuery.error.kind === 'not_found' ? t('missing') : reviewQuery.error.message}</p>
        <button onClick={() => navigate({ view: 'themes' })}>{t('backToBoard')}</button>
      </div>
    );
  }
  if (!review) return <div className="tr-view" data-testid="theme-review"><p className="muted">{t('loading')}</p></div>;

  const { theme } = review;
  const row = matrix?.rows.find((r) => r.id === theme.id);
  const extractCount = row?.extracts ?? uniqueExtracts(review.groups).length;
  const setStatus = (status: ThemeStatus) => void run('themes.update', { id: theme.id, status }).catch(() => undefined);
  const forward = statusSteps(theme.status).find((s) => s.kind === 'forward');
  const missing = forward ? missingFor(theme, forward.to, extractCount) : [];
  const ancestors = ancestorsOf(themes ?? [], theme.id);
  const updateExemplar = (exemplarCodingId: CodingId | null) => void run('themes.update', { id: theme.id, exemplarCodingId }).catch(() => undefined);

  return (
    <div className="tr-view" data-testid="theme-review" data-theme-id={theme.id} style={{ '--theme': theme.colour } as CSSProperties}>
      <nav className="tr-crumbs" aria-label={t('breadcrumb')}>
        <button className="link" onClick={() => navigate({ view: 'themes' })} data-testid="theme-crumb-board">{t('boardTitle')}</button>
        {ancestors.map((a) => (
          <span key={a.id}> › <button className="link" onClick={() => navigate({ view: 'theme', themeId: a.id })}>{a.name}</button></span>
        ))}
        <span> › {theme.name}</span>
        <span className="tr-pager">
          <button onClick={() => previous && navigate({ view: 'theme', themeId: previous.id })} disabled={!previous} title={previous ? `${t('previous')}: ${previous.name} (Alt+←)` : t('previous')} data-testid="theme-prev">← {t('previousShort')}</button>
          <span className="count">{order.findIndex((th) => th.id === theme.id) + 1} / {order.length}</span>
          <button onClick={() => next && navigate({ view: 'theme', themeId: next.id })} disabled={!next} title={next ? `${t('next')}: ${next.name} (Alt+→)` : t('next')} data-testid="theme-next">{t('nextShort')} →</button>
        </span>
      </nav>

      <header className="tr-head">
        <span className="tr-colour" aria-hidden="true" />
        {renaming
          ? (
            <InlineName
              className="tr-name-input"
              value={theme.name}
              label={t('rename')}
              onSave={(name) => { setRenaming(false); void run('themes.update', { id: theme.id, name }).catch(() => undefined); }}
              onCancel={() => setRenaming(false)}
              testId="theme-name-edit"
            />
          )
          : <h1 className="tr-name" onClick={() => { if (mayChange) setRenaming(true); }} title={mayChange ? t('renameHint') : undefined} data-testid="theme-title">{theme.name}</h1>}
        <span className={`th-status ${theme.status}`} data-testid="theme-status">{t(`status_${theme.status}`)}</span>
      </header>
      <p className="tr-phase-line">
        {theme.status === 'candidate' || theme.status === 'discarded' ? t('phase4Line') : t('phase5Line')}
        {forward && missing.length > 0 && (
          <span className="tr-needs" data-testid="theme-needs">
            {' '}{t('needs', { status: t(`status_${forward.to}`).toLowerCase(), items: missing.map((m) => t(`missing_${m}`)).join(t('and')) })}
          </span>
        )}
      </p>
      <div className="tr-toolbar">
        {mayChange && <div className="tr-steps" role="group" aria-label={t('statusSteps')}>
          {statusSteps(theme.status).map((step) => (
            <button
              key={step.to}
              className={step.kind === 'forward' || step.kind === 'restore' ? 'primary' : step.kind === 'discard' ? 'tr-step-discard' : undefined}
              onClick={() => setStatus(step.to)}
              data-testid={STEP_TESTID[step.kind]}
              data-to={step.to}
            >
              {t(`step_${step.kind}_${step.to}` as Parameters<typeof t>[0])}
            </button>
          ))}
        </div>}
        <span className="tr-head-spacer" />
        <div className="tr-actions">
          {mayChange && <>
          <button onClick={() => setDialog('split')} disabled={review.codes.length < 2} title={review.codes.length < 2 ? t('splitNeedsTwo') : t('splitHint')} data-testid="theme-split">{t('split')}</button>
          <button onClick={() => setDialog('merge')} disabled={order.length < 2} title={t('mergeHint')} data-testid="theme-merge">{t('merge')}</button>
          </>}
          <button
            onClick={() => void tableFile({ table: 'extracts', themeId }, 'csv').then(({ blob, fileName }) => downloadBlob(blob, fileName), (e: unknown) => notify({ tone: 'error', message: String((e as Error).message) }))}
            title={t('extractsCsvHint')} data-testid="theme-extracts-csv"
          >{t('extractsCsv')}</button>
          <button
            onClick={() => void tableFile({ table: 'extracts', themeId }, 'xlsx').then(({ blob, fileName }) => downloadBlob(blob, fileName), (e: unknown) => notify({ tone: 'error', message: String((e as Error).message) }))}
            title={t('extractsXlsxHint')} data-testid="theme-extracts-xlsx"
          >{t('extractsXlsx')}</button>
          {mayChange && <button className="danger" onClick={() => setDialog('delete')} data-testid="theme-delete">{t('delete')}</button>}
        </div>
      </div>

      <div className="tr-layout">
        <div className="tr-main">
          <DefinePanel
            theme={theme}
            groups={review.groups}
            onSave={(changes) => run('themes.update', { id: theme.id, ...changes }).then(() => undefined)}
            onClearExemplar={() => updateExemplar(null)}
            onOpenExtract={(e) => navigate({ view: 'document', documentId: e.documentId, focus: { start: e.start, end: e.end } })}
          />
          <ReviewExtracts
            review={review}
            onUseExemplar={(id) => updateExemplar(id)}
            onOpen={(e) => navigate({ view: 'document', documentId: e.documentId, focus: { start: e.start, end: e.end } })}
          />
        </div>
        <aside className="tr-side">
          <SupportPanel support={review.support} />
          <ConvergencePanel
            theme={theme}
            suggestion={suggestionFor(matrix, theme.id)}
            onSave={(convergence, reason) => run('themes.setConvergence', { id: theme.id, convergence, reason }).then(() => undefined)}
          />
          <ThemeCodesPanel
            review={review}
            onOpenCode={(codeId) => navigate({ view: 'code', codeId })}
            onOpenTheme={(id) => navigate({ view: 'theme', themeId: id })}
            onRemove={(codeId) => void run('themes.removeCodes', { id: theme.id, codeIds: [codeId] }).catch(() => undefined)}
            onAdd={(codeId) => void run('themes.addCodes', { id: theme.id, codeIds: [codeId] }).catch(() => undefined)}
          />
          <CommentsThread themeId={theme.id} />
        </aside>
      </div>

      {dialog === 'split' && (
        <SplitDialog
          review={review}
          onCancel={() => setDialog(null)}
          onSplit={async (name, codeIds) => {
            const created = await run('themes.split', { id: theme.id, name, codeIds });
            setDialog(null);
            notify({ tone: 'info', message: t('splitDone', { name: created.name }) });
          }}
        />
      )}
      {dialog === 'merge' && (
        <MergeDialog
          theme={theme}
          candidates={mergeTargets(order, themes ?? [], theme)}
          onCancel={() => setDialog(null)}
          onMerge={async (targetId) => {
            const target = await run('themes.merge', { sourceId: theme.id, targetId });
            setDialog(null);
            notify({ tone: 'info', message: t('merged', { name: target.name }) });
            navigate({ view: 'theme', themeId: target.id });
          }}
        />
      )}
      {dialog === 'delete' && (
        <DeleteThemeDialog
          theme={theme}
          subThemes={subtreeIds(themes ?? [], theme.id).size - 1}
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            void run('themes.delete', { id: theme.id }).then(() => navigate({ view: 'themes' }), () => undefined);
          }}
        />
      )}
    </div>
  );
}

/** Any theme but this one and its own sub-themes (the store refuses merging into a sub-theme). */
function mergeTargets(order: readonly Theme[], themes: readonly Theme[], theme: Theme): Theme[] {
  const own = subtreeIds(themes, theme.id);
  return order.filter((th) => !own.has(th.id));
}

