import { useState } from 'react';
import type { CodeId, ThemeId, ThemeLinkId } from '../../../src/domain/ids';
import { THEME_LINK_KINDS, type ThemeLink, type ThemeLinkKind, type ThemeMap } from '../../../src/domain/types';
import { useStrings } from '../../i18n/i18n';
import { useProject, useQuery } from '../../lib/state';
import { useMayChange } from '../../lib/team-context';
import { CommentThread } from '../comments/CommentThread';
import { UnplacedComments } from '../comments/UnplacedComments';
import { ACTS_ON_LINKS, LINK_STYLE, PARENT_LINK_STYLE } from '../../../src/domain/map-geometry';
import { dependentLinks, describeLink, excerpt, type Selection } from './map-model';
import { mapStrings } from './strings';

/** The right-hand panel: the selected theme, link or code, or how to work the map. */
export function MapSidePanel({ map, selection, onSelect, onDeleteLink }: {
  map: ThemeMap;
  selection: Selection | null;
  onSelect: (selection: Selection | null) => void;
  onDeleteLink: (id: number) => void;
}) {
  const link = selection?.kind === 'link' ? map.links.find((l) => l.id === selection.id) : undefined;
  const theme = selection?.kind === 'theme' ? map.themes.find((th) => th.id === selection.id) : undefined;
  const code = selection?.kind === 'code' ? map.codes.find((c) => c.id === selection.id) : undefined;
  return (
    <aside className="map-panel" data-testid="map-panel">
      {theme && <ThemePanel key={`t${theme.id}`} theme={theme} map={map} onSelect={onSelect} />}
      {link && <LinkPanel key={`l${link.id}`} link={link} map={map} onDelete={() => onDeleteLink(link.id)} />}
      {code && <CodePanel key={`c${code.id}`} code={code} map={map} onSelect={onSelect} />}
      {!theme && !link && !code && <HelpPanel map={map} />}
    </aside>
  );
}

function ThemePanel({ theme, map, onSelect }: { theme: ThemeMap['themes'][number]; map: ThemeMap; onSelect: (s: Selection) => void }) {
  const t = useStrings(mapStrings);
  const { navigate } = useProject();
  const { data: allCodes } = useQuery('codes.list', {});
  const codes = (allCodes ?? []).filter((c) => theme.codeIds.includes(c.id)).sort((a, b) => b.codingCount - a.codingCount);
  const parent = theme.parentId === null ? undefined : map.themes.find((p) => p.id === theme.parentId);
  const links = map.links.filter((l) => l.fromThemeId === theme.id || l.toThemeId === theme.id);
  return (
    <div className="map-panel-body" data-testid="map-theme-panel">
      <div className="map-panel-kicker">{t('theme')}</div>
      <h2 className="map-panel-title"><span className="swatch" style={{ background: theme.colour }} />{theme.name}</h2>
      <div className="map-panel-meta">
        <span className={`map-status ${theme.status}`}>{t(`status_${theme.status}`)}</span>
        {parent && <span className="muted">{t('subThemeOf', { name: parent.name })}</span>}
      </div>
      <button type="button" className="primary map-open-review" data-testid="map-open-review" onClick={() => navigate({ view: 'theme', themeId: theme.id as ThemeId })}>
        {t('openReview')}
      </button>
      <section>
        <h3>{t('definition')}</h3>
        {theme.definition.trim() ? <p className="map-definition">{excerpt(theme.definition)}</p> : <p className="muted map-note">{t('noDefinition')}</p>}
      </section>
      <section>
        <h3>{t('codes')}{codes.length > 0 && <span className="count"> {codes.length}</span>}</h3>
        {allCodes && codes.length === 0 && <p className="muted map-note">{t('noCodes')}</p>}
        <ul className="map-list">
          {codes.map((c) => (
            <li key={c.id}>
              <button type="button" className="map-list-item" onClick={() => navigate({ view: 'code', codeId: c.id as CodeId })} title={t('openExtracts')}>
                <span className="swatch" style={{ background: c.colour }} />
                <span className="map-list-name">{c.name}</span>
                <span className="count">{c.codingCount}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h3>{t('links')}</h3>
        {links.length === 0 && <p className="muted map-note">{t('noLinks')}</p>}
        <ul className="map-list">
          {links.map((l) => (
            <li key={l.id}>
              <button type="button" className="map-list-item" onClick={() => onSelect({ kind: 'link', id: l.id })} title={`${l.label ? `${l.label}: ` : ''}${describeLink(l, map)}`}>
                <KindSample kind={l.kind} />
                <span className="map-list-name">{l.label ? <strong>{l.label} </strong> : null}{describeLink(l, map)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <CommentThread key={`theme-${theme.id}`} target={{ kind: 'theme', id: theme.id }} testId="map-comments" />
    </div>
  );
}

function LinkPanel({ link, map, onDelete }: { link: ThemeLink; map: ThemeMap; onDelete: () => void }) {
  const t = useStrings(mapStrings);
  const { run } = useProject();
  // A reviewer reads the link's kind and label and comments on it; changing or deleting it is the coders'.
  const mayChange = useMayChange();
  const [label, setLabel] = useState(link.label);
  // The label as last saved; a re-read after an undo brings the field along.
  const [saved, setSaved] = useState(link.label);
  if (saved !== link.label) {
    setSaved(link.label);
    setLabel(link.label);
  }
  const kinds = link.toLinkId === null ? THEME_LINK_KINDS : THEME_LINK_KINDS.filter((k) => ACTS_ON_LINKS.has(k));
  const dependents = dependentLinks(map.links, link.id);
  const commitLabel = () => {
    const next = label.trim();
    if (next === link.label) return;
    void run('themeLinks.update', { id: link.id as ThemeLinkId, label: next }).catch(() => setLabel(link.label));
  };
  return (
    <div className="map-panel-body" data-testid="map-link-panel">
      <div className="map-panel-kicker">{t('link')}</div>
      <h2 className="map-panel-title map-link-title">{describeLink(link, map)}</h2>
      <label className="map-field">
        <span>{t('kind')}</span>
        <select
          value={link.kind} data-testid="map-link-kind" disabled={!mayChange}
          onChange={(e) => {
            const kind = THEME_LINK_KINDS.find((k) => k === e.target.value);
            if (kind) void run('themeLinks.update', { id: link.id as ThemeLinkId, kind }).catch(() => undefined);
          }}
        >
          {kinds.map((k) => <option key={k} value={k}>{t(`kind_${k}`)}</option>)}
        </select>
      </label>
      <label className="map-field">
        <span>{t('label')}</span>
        <input
          value={label} placeholder={t('labelPlaceholder')} maxLength={500} data-testid="map-link-label" readOnly={!mayChange}
          onChange={(e) => setLabel(e.target.value)}
          onBlur={commitLabel}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitLabel();
            else if (e.key === 'Escape') {
              e.stopPropagation();
              setLabel(link.label);
            }
          }}
        />
      </label>
      <div className="map-link-delete">
        {mayChange && <button type="button" className="danger" onClick={onDelete} title={t('deleteLinkHint')} data-testid="map-link-delete">{t('deleteLink')}</button>}
        {dependents.length > 0 && <p className="muted map-note">{t('dependents', { n: dependents.length })}</p>}
      </div>
      <CommentThread key={`link-${link.id}`} target={{ kind: 'link', id: link.id }} testId="map-comments" />
    </div>
  );
}

function CodePanel({ code, map, onSelect }: { code: ThemeMap['codes'][number]; map: ThemeMap; onSelect: (s: Selection) => void }) {
  const t = useStrings(mapStrings);
  const { navigate } = useProject();
  const themes = map.themes.filter((th) => th.codeIds.some((id) => (id as number) === (code.id as number)));
  return (
    <div className="map-panel-body" data-testid="map-code-panel">
      <div className="map-panel-kicker">{t('code')}</div>
      <h2 className="map-panel-title"><span className="swatch" style={{ background: code.colour }} />{code.name}</h2>
      <p className="muted">{t('extracts', { n: code.codingCount })}</p>
      <button type="button" className="primary map-open-review" onClick={() => navigate({ view: 'code', codeId: code.id as CodeId })}>{t('openExtracts')}</button>
      <section>
        <h3>{t('inThemes')}</h3>
        <ul className="map-list">
          {themes.map((th) => (
            <li key={th.id}>
              <button type="button" className="map-list-item" onClick={() => onSelect({ kind: 'theme', id: th.id })}>
                <span className="swatch" style={{ background: th.colour }} />
                <span className="map-list-name">{th.name}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <CommentThread key={`code-${code.id}`} target={{ kind: 'code', id: code.id }} testId="map-comments" />
    </div>
  );
}

function HelpPanel({ map }: { map: ThemeMap }) {
  const t = useStrings(mapStrings);
  return (
    <div className="map-panel-body map-help">
      <div className="map-panel-kicker">{t('title')}</div>
      <p className="map-summary">{t('summary', { themes: map.themes.length, links: map.links.length })}</p>
      <h3>{t('panelHelpTitle')}</h3>
      <p>{t('panelHelpMove')}</p>
      <p>{t('panelHelpSelect')}</p>
      <p>{t('panelHelpLink')}</p>
      <h3>{t('panelKeys')}</h3>
      <dl className="map-keys">
        <dt><span className="kbd">L</span></dt><dd>{t('keyLink')}</dd>
        <dt><span className="kbd">Esc</span></dt><dd>{t('keyEsc')}</dd>
        <dt><span className="kbd">Del</span></dt><dd>{t('keyDelete')}</dd>
        <dt><span className="kbd">F</span></dt><dd>{t('keyFit')}</dd>
        <dt><span className="kbd">+</span> <span className="kbd">−</span></dt><dd>{t('keyZoom')}</dd>
      </dl>
      <UnplacedComments />
    </div>
  );
}

/** A short stroke in a link kind's style, for lists and the legend. */
export function KindSample({ kind, width = 30 }: { kind: ThemeLinkKind; width?: number }) {
  const style = LINK_STYLE[kind];
  return (
    <svg className="map-kind-sample" width={width} height={10} viewBox={`0 0 ${width} 10`} aria-hidden="true">
      <line x1={1} y1={5} x2={style.arrow ? width - 6 : width - 1} y2={5} stroke={style.stroke} strokeWidth={2} strokeDasharray={style.dash || undefined} />
      {style.arrow && <path d={`M${width - 7},1 L${width - 1},5 L${width - 7},9 z`} fill={style.stroke} />}
    </svg>
  );
}

/** The legend's sample of the sub-theme → theme connector, drawn as on the map. */
export function ParentSample({ width = 30 }: { width?: number }) {
  return (
    <svg className="map-kind-sample" width={width} height={10} viewBox={`0 0 ${width} 10`} aria-hidden="true">
      <line x1={1} y1={5} x2={width - 6} y2={5} stroke={PARENT_LINK_STYLE.stroke} strokeWidth={PARENT_LINK_STYLE.width} strokeDasharray={PARENT_LINK_STYLE.dash} />
      <circle cx={width - 4} cy={5} r={3} fill="#ffffff" stroke={PARENT_LINK_STYLE.stroke} strokeWidth={1.5} />
    </svg>
  );
}
