import type { DocumentSummary } from '../../../src/domain/types';
import { useFormatNumber, useStrings } from '../../i18n/i18n';
import { useProject, useQuery } from '../../lib/state';
import { useCoderView } from '../coders/use-coder-view';
import { rowBudget, useGrowingLimit } from '../../lib/use-growing-limit';
import { shellStrings } from './strings';

/** Navigation, and the transcripts grouped by informant type (the unit of triangulation). */
export function Sidebar() {
  const t = useStrings(shellStrings);
  const formatNumber = useFormatNumber();
  const { route, navigate } = useProject();
  const documents = useQuery('documents.list', {}).data ?? [];
  // A transcript's count is everyone's codings: coding blind it would tell how much the others coded there, and
  // beside a coder filter it would count coders the views leave out; it is left off then.
  const whose = useCoderView();
  const everyone = whose.known && whose.coderIds === null;
  const informants = useQuery('informants.list', {}).data ?? [];
  const types = useQuery('informantTypes.list', {}).data ?? [];

  const typeOf = new Map(informants.map((i) => [i.id as number, i.typeId as number]));
  const labelOf = new Map(informants.map((i) => [i.id as number, i.label]));
  const groups = [...types.map((type) => ({ key: String(type.id), name: type.name, colour: type.colour, docs: documents.filter((d) => d.informantIds.some((i) => typeOf.get(i) === type.id)) })),
    { key: 'none', name: t('unassigned'), colour: '#bbbbbb', docs: documents.filter((d) => d.informantIds.length === 0) }].filter((g) => g.docs.length > 0);

  const { limit, sentinel } = useGrowingLimit(documents.length);
  const take = rowBudget(limit);
  const current = route.view === 'document' ? route.documentId : null;
  const link = (view: 'home' | 'journal' | 'settings' | 'phases' | 'themes' | 'map' | 'triangulation' | 'agreement' | 'search', label: string) => (
    <button className={`nav-link${route.view === view ? ' active' : ''}`} onClick={() => navigate({ view })}>{label}</button>
  );
  return (
    <nav className="sidebar">
      {link('home', t('home'))}
      {link('search', t('search'))}
      {link('phases', t('phases'))}
      {link('themes', t('themes'))}
      {link('map', t('map'))}
      {link('triangulation', t('triangulation'))}
      {link('agreement', t('agreement'))}
      {link('journal', t('journal'))}
      {link('settings', t('settings'))}
      <h3 className="sidebar-heading">{t('documents')}</h3>
      {documents.length === 0 && <p className="muted sidebar-empty">{t('noDocuments')}</p>}
      {groups.map((group) => ({ group, shown: take(group.docs) })).filter(({ shown }) => shown.length > 0).map(({ group, shown }) => (
        <div key={group.key} className="doc-group">
          <div className="doc-group-name"><span className="swatch" style={{ background: group.colour }} />{group.name} <span className="count">{group.docs.length}</span></div>
          {shown.map((doc: DocumentSummary) => (
            <button
              key={doc.id}
              className={`doc-link${current === doc.id ? ' active' : ''}`}
              onClick={() => navigate({ view: 'document', documentId: doc.id })}
              title={`${doc.sourceName} · ${t('words', { n: doc.wordCount })}`}
            >
              <span className="doc-title">{doc.title}</span>
              <span className="count">{doc.informantIds.map((i) => labelOf.get(i)).join(', ')}{everyone && doc.codingCount > 0 ? ` · ${formatNumber(doc.codingCount)}` : ''}</span>
            </button>
          ))}
        </div>
      ))}
      {sentinel}
    </nav>
  );
}
