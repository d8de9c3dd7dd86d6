import type { ReviewCode, ReviewExtract, ReviewLink, ReviewPackageData, ReviewTheme } from '../../src/domain/review-package';
import { CommentStore, type Target } from './comments';
import { append, fill, h, replace } from './dom';
import { mapView, type MapSelection } from './map-view';
import './styles.css';

/**
 * The review package's page: the theme map, a theme's or link's evidence beside it, the
 * triangulation matrix with its extracts, the codebook, the phases and the journal, and the
 * reviewer's comments on themes, links, codes and quotes, saved as a file for the researcher.
 * Everything comes from the JSON block the package carries; nothing is loaded from anywhere.
 */
const data = JSON.parse(document.getElementById('review-data')!.textContent ?? '{}') as ReviewPackageData;
const t = data.strings;
const comments = new CommentStore(data);
const themes = new Map(data.themes.map((x) => [x.id, x]));
const links = new Map(data.links.map((x) => [x.id, x]));
const codes = new Map(data.codes.map((x) => [x.id, x]));
const extracts = new Map(data.extracts.map((x) => [x.id, x]));
const locale = data.language === 'id' ? 'id-ID' : 'en-GB';
const date = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
const plural = (n: number, one: string, many: string) => fill(n === 1 ? one : many, { n: n.toLocaleString(locale) });
const snippet = (text: string) => (text.length > 80 ? `${text.slice(0, 80).trimEnd()}…` : text);
/** As long as a comment written in the app may be: the import takes no longer one. */
const MAX_BODY = 20_000;

const themeTarget = (theme: ReviewTheme): Target => ({ kind: 'theme', guid: theme.guid, label: theme.name });
const linkTarget = (link: ReviewLink): Target => ({ kind: 'link', guid: link.guid, label: link.text });
const codeTarget = (code: ReviewCode): Target => ({ kind: 'code', guid: code.guid, label: code.name });
const quoteTarget = (extract: ReviewExtract): Target => ({ kind: 'coding', guid: extract.guid, label: snippet(extract.text) });

/** Redraws of comment threads when comments change (each thread registers its own). */
const threads = new Set<() => void>();
comments.on(() => {
  for (const redraw of threads) redraw();
  updateSaveButton();
});

/** Comments on one target: the project's (read-only, with resolutions) and the reviewer's, and a box to write one. */
function thread(target: Target, compact = false): HTMLElement {
  const box = h('div', { class: `thread${compact ? ' compact' : ''}`, attrs: { 'data-testid': 'thread', 'data-kind': target.kind, 'data-guid': target.guid } });
  let writing = false;
  const existing = data.comments.filter((c) => c.kind === target.kind && c.targetGuid === target.guid);
  const draw = () => {
    if (!box.isConnected && threads.has(draw) && box.dataset.drawn) {
      threads.delete(draw);
      return;
    }
    box.dataset.drawn = '1';
    const mine = comments.of(target);
    const items = [
      ...existing.map((c) => h('li', { class: `comment project${c.resolvedAt ? ' resolved' : ''}`, attrs: { 'data-testid': 'project-comment' } },
        h('div', { class: 'comment-head' }, h('strong', null, c.author), ' · ', date(c.createdAt),
          c.resolvedAt ? h('span', { class: 'resolved-mark' }, ` · ${fill(t.resolvedBy, { who: c.resolvedBy ?? '', when: date(c.resolvedAt) })}`) : null),
        h('p', { class: 'comment-body' }, c.body))),
      ...mine.map((c, i) => h('li', { class: 'comment mine', attrs: { 'data-testid': 'my-comment' } },
        h('div', { class: 'comment-head' }, h('strong', null, comments.reviewer || t.you), ' · ', date(c.createdAt), ' ',
          h('span', { class: 'new-mark' }, t.newComment),
          comments.all.indexOf(c) >= comments.all.length - comments.unsaved
            ? h('button', { class: 'link-button', attrs: { type: 'button', 'data-testid': 'remove-comment', 'aria-label': `${t.remove} ${i + 1}` }, on: { click: () => comments.remove(c.guid) } }, t.remove)
            : null),
        h('p', { class: 'comment-body' }, c.body))),
    ];
    const list = items.length ? h('ul', { class: 'comments' }, ...items) : null;
    if (!writing) {
      replace(box, list, h('button', { class: 'comment-button', attrs: { type: 'button', 'data-testid': 'add-comment' }, on: { click: () => { writing = true; draw(); box.querySelector('textarea')?.focus(); } } },
        items.length ? t.addComment : t.comment));
      return;
    }
    const input = h('textarea', { attrs: { rows: 3, maxlength: MAX_BODY, 'aria-label': fill(t.commentOn, { target: target.label }), 'data-testid': 'comment-text' } });
    const save = () => {
      const body = input.value.trim();
      if (!body) {
        input.focus();
        return;
      }
      askReviewer(() => {
        writing = false;
        comments.add(target, body);
      });
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save();
      if (event.key === 'Escape') { writing = false; draw(); }
    });
    replace(box, list, h('div', { class: 'comment-form' }, input,
      h('div', { class: 'comment-actions' },
        h('button', { class: 'primary', attrs: { type: 'button', 'data-testid': 'comment-save' }, on: { click: save } }, t.addComment),
        h('button', { attrs: { type: 'button' }, on: { click: () => { writing = false; draw(); } } }, t.cancel))));
  };
  threads.add(draw);
  draw();
  return box;
}

/** The reviewer's name, asked once (kept in the browser where it allows), before the first comment. */
function askReviewer(then: () => void): void {
  if (comments.reviewer) {
    then();
    return;
  }
  const input = h('input', { attrs: { type: 'text', autocomplete: 'name', maxlength: 100, 'data-testid': 'reviewer-name', 'aria-label': t.yourName } });
  const error = h('p', { class: 'error', attrs: { role: 'alert' } });
  const dialog = h('dialog', { class: 'reviewer-dialog', attrs: { 'aria-labelledby': 'reviewer-title', 'data-testid': 'reviewer-dialog' } });
  const ok = () => {
    if (!input.value.trim()) {
      error.textContent = t.nameNeeded;
      input.focus();
      return;
    }
    comments.setReviewer(input.value);
    dialog.close();
    dialog.remove();
    then();
  };
  input.addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); ok(); } });
  append(dialog, [
    h('h2', { attrs: { id: 'reviewer-title' } }, t.yourName),
    h('p', null, comments.persistent ? t.nameWhy : t.nameWhySession),
    input, error,
    h('div', { class: 'comment-actions' },
      h('button', { class: 'primary', attrs: { type: 'button', 'data-testid': 'reviewer-ok' }, on: { click: ok } }, t.ok),
      h('button', { attrs: { type: 'button' }, on: { click: () => { dialog.close(); dialog.remove(); } } }, t.cancel)),
  ]);
  document.body.appendChild(dialog);
  dialog.showModal();
  input.focus();
}

/** A quote with who said it, and its comments. */
function quote(extract: ReviewExtract, withCode = false): HTMLElement {
  const code = codes.get(extract.codeId);
  return h('li', { class: 'quote', attrs: { 'data-testid': 'quote', 'data-coding-guid': extract.guid } },
    h('blockquote', null, extract.text),
    h('div', { class: 'quote-source' }, extract.who, extract.types.length ? ` (${extract.types.join(', ')})` : '', ' · ', extract.document,
      withCode && code ? h('span', { class: 'code-chip' }, code.name) : null),
    thread(quoteTarget(extract), true));
}

function definitionList(rows: readonly (readonly [string, Node | string | null])[]): HTMLElement {
  return h('dl', { class: 'facts' }, ...rows.filter(([, value]) => value !== null && value !== '').flatMap(([term, value]) => [h('dt', null, term), h('dd', null, value)]));
}

function statusLabel(theme: ReviewTheme): string {
  return t[`status_${theme.status}`] ?? theme.status;
}

/** The side panel's view of one theme: what it is, what it rests on, who supports it, and its comments. */
function themePanel(theme: ReviewTheme): HTMLElement {
  const sub = theme.subThemeIds.map((id) => themes.get(id)).filter((x): x is ReviewTheme => !!x);
  const parent = theme.parentId !== null ? themes.get(theme.parentId) : undefined;
  const themeLinks = data.links.filter((l) => l.fromThemeId === theme.id || l.toThemeId === theme.id);
  return h('article', { class: 'panel-body', attrs: { 'data-testid': 'theme-panel', 'data-theme-id': theme.id } },
    h('p', { class: 'kicker' }, t.theme, ' · ', statusLabel(theme)),
    h('h2', { attrs: { tabindex: -1 } }, h('span', { class: 'swatch', style: { background: safeColour(theme.colour) } }), theme.name),
    definitionList([
      [t.definition, theme.definition || h('em', { class: 'muted' }, t.none)],
      [t.scope, theme.scope || null],
      [t.finding, theme.finding || null],
      [t.parent, parent ? themeButton(parent) : null],
      [t.subThemes, sub.length ? h('ul', { class: 'plain' }, ...sub.map((x) => h('li', null, themeButton(x)))) : null],
      [t.links, themeLinks.length ? h('ul', { class: 'plain' }, ...themeLinks.map((l) => h('li', null, linkButton(l)))) : null],
      [t.codes, theme.codeIds.length ? h('ul', { class: 'chips' }, ...theme.codeIds.map((id) => codes.get(id)).filter((c): c is ReviewCode => !!c).map((c) => h('li', { class: 'code-chip' }, c.name))) : null],
    ]),
    h('h3', null, t.support),
    supportTable(theme),
    h('h3', null, t.quotes),
    theme.quoteIds.length ? h('ul', { class: 'quotes' }, ...theme.quoteIds.map((id) => extracts.get(id)).filter((e): e is ReviewExtract => !!e).map((e) => quote(e, true)))
      : h('p', { class: 'muted' }, t.noQuotes),
    h('h3', null, t.comments),
    thread(themeTarget(theme)));
}

function supportTable(theme: ReviewTheme): HTMLElement {
  return h('table', { class: 'support' },
    h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, t.informantType), h('th', { attrs: { scope: 'col' } }, t.informants), h('th', { attrs: { scope: 'col' } }, t.extracts))),
    h('tbody', null, ...data.columns.map((column, i) => {
      const cell = theme.cells[i]!;
      return h('tr', { class: cellState(cell.extracts, column.informants) },
        h('th', { attrs: { scope: 'row' } }, column.label),
        h('td', null, `${cell.informants}/${column.informants}`, cell.supporters.length ? h('small', { class: 'muted' }, ` ${cell.supporters.join(', ')}`) : null),
        h('td', null, cell.extracts === 0 && column.informants > 0 ? t.silent : String(cell.extracts)));
    })));
}

function linkPanel(link: ReviewLink): HTMLElement {
  const from = themes.get(link.fromThemeId);
  const to = link.toThemeId !== null ? themes.get(link.toThemeId) : undefined;
  const onLink = link.toLinkId !== null ? links.get(link.toLinkId) : undefined;
  return h('article', { class: 'panel-body', attrs: { 'data-testid': 'link-panel', 'data-link-id': link.id } },
    h('p', { class: 'kicker' }, t.link, ' · ', t[`kind_${link.kind}`] ?? link.kind),
    h('h2', { attrs: { tabindex: -1 } }, link.text),
    definitionList([
      [t.label, link.label || null],
      [t.from, from ? themeButton(from) : null],
      [t.to, to ? themeButton(to) : onLink ? linkButton(onLink) : null],
    ]),
    h('h3', null, t.comments),
    thread(linkTarget(link)));
}

function themeButton(theme: ReviewTheme): HTMLElement {
  return h('button', { class: 'link-button', attrs: { type: 'button' }, on: { click: () => showSelection({ kind: 'theme', id: theme.id }) } }, theme.name);
}

function linkButton(link: ReviewLink): HTMLElement {
  return h('button', { class: 'link-button', attrs: { type: 'button' }, on: { click: () => showSelection({ kind: 'link', id: link.id }) } }, link.text);
}

/** A colour from the project as CSS: only #rrggbb passes (anything else could carry CSS of its own). */
function safeColour(colour: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(colour) ? colour : '#8a94a6';
}

function cellState(extractCount: number, groupSize: number): string {
  return groupSize === 0 ? 'empty' : extractCount === 0 ? 'silent' : 'support';
}

// The page: header, tabs, sections.
const panel = h('aside', { class: 'panel', attrs: { 'aria-live': 'polite', 'data-testid': 'side-panel' } }, h('p', { class: 'muted panel-empty' }, t.panelEmpty));
let mapSelect: ((selection: MapSelection | null) => void) | null = null;

function showSelection(selection: MapSelection): void {
  const content = selection.kind === 'theme' ? themes.get(selection.id) && themePanel(themes.get(selection.id)!) : links.get(selection.id) && linkPanel(links.get(selection.id)!);
  if (!content) return;
  showTab('map');
  replace(panel, h('button', { class: 'panel-close', attrs: { type: 'button', 'aria-label': t.close }, on: { click: () => { replace(panel, h('p', { class: 'muted panel-empty' }, t.panelEmpty)); mapSelect?.(null); } } }, '×'), content);
  mapSelect?.(selection);
  (panel.querySelector('h2') as HTMLElement | null)?.focus({ preventScroll: true });
  panel.scrollTop = 0;
}

const saveButton = h('button', { class: 'primary', attrs: { type: 'button', 'data-testid': 'save-comments' }, on: { click: saveComments } });
const reviewerLine = h('span', { class: 'reviewer', attrs: { 'data-testid': 'reviewer' } });
function updateSaveButton(): void {
  saveButton.textContent = comments.unsaved > 0 ? fill(t.saveCommentsN, { n: comments.unsaved }) : t.saveComments;
  saveButton.disabled = comments.all.length === 0;
  reviewerLine.textContent = comments.reviewer ? fill(t.reviewingAs, { name: comments.reviewer }) : '';
}

/** Downloads the comments file: a Blob behind a link with `download` (no network, allowed by the page's CSP). */
function saveComments(): void {
  if (comments.all.length === 0) return;
  askReviewer(() => {
    const file = comments.file();
    const url = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
    const a = h('a', { attrs: { href: url, download: file.name } });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    comments.markSaved();
    status.textContent = fill(t.saved, { file: file.name });
  });
}
const status = h('p', { class: 'save-status', attrs: { role: 'status', 'data-testid': 'save-status' } });

window.addEventListener('beforeunload', (event) => {
  if (comments.unsaved > 0) {
    event.preventDefault();
    // Browsers show their own words; some ask only when returnValue is a non-empty string.
    event.returnValue = t.unsaved;
  }
});

const TABS = ['map', 'triangulation', 'codebook', 'phases'] as const;
type Tab = (typeof TABS)[number];
const sections = new Map<Tab, HTMLElement>();
const tabButtons = new Map<Tab, HTMLButtonElement>();
function showTab(tab: Tab): void {
  for (const [name, section] of sections) section.hidden = name !== tab;
  for (const [name, button] of tabButtons) button.setAttribute('aria-selected', String(name === tab));
}

const header = h('header', { class: 'top' },
  h('div', { class: 'title' },
    h('p', { class: 'kicker' }, t.packageTitle),
    h('h1', null, data.projectName),
    h('p', { class: 'muted meta' }, fill(t.madeOn, { date: date(data.packageCreatedAt) }), ' · ', data.pseudonymised ? t.pseudonymised : t.realNames)),
  h('div', { class: 'actions' }, reviewerLine, saveButton, status));
const nav = h('nav', { class: 'tabs', attrs: { role: 'tablist', 'aria-label': t.sections } },
  ...TABS.map((tab) => {
    const button = h('button', { attrs: { type: 'button', role: 'tab', 'aria-controls': `section-${tab}`, 'data-testid': `tab-${tab}` }, on: { click: () => showTab(tab) } }, t[`tab_${tab}`] ?? tab);
    tabButtons.set(tab, button);
    return button;
  }));

const mapSection = h('section', { class: 'section map-section', attrs: { id: 'section-map', role: 'tabpanel', 'aria-label': t.tab_map } });
if (data.map) {
  const view = mapView(data.map, t, showSelection);
  mapSelect = view.select;
  append(mapSection, [h('div', { class: 'map-layout' }, view.element, panel)]);
} else {
  append(mapSection, [h('p', { class: 'muted' }, t.noThemes)]);
}
sections.set('map', mapSection);

const main = h('main', null, mapSection);
document.body.append(header, nav, main);
showTab('map');
updateSaveButton();

// The rest after the map's first paint: a package of 2,000 quotes builds them in a moment, but the map comes first.
requestAnimationFrame(() => setTimeout(() => {
  const tri = triangulationSection();
  const book = codebookSection();
  const phases = phasesSection();
  sections.set('triangulation', tri);
  sections.set('codebook', book);
  sections.set('phases', phases);
  main.append(tri, book, phases);
  showTab([...tabButtons].find(([, b]) => b.getAttribute('aria-selected') === 'true')?.[0] ?? 'map');
  document.body.dataset.ready = 'true';
}, 0));

// Print everything: every section, whatever tab is open.
window.addEventListener('beforeprint', () => { for (const section of sections.values()) section.hidden = false; });
window.addEventListener('afterprint', () => showTab([...tabButtons].find(([, b]) => b.getAttribute('aria-selected') === 'true')?.[0] ?? 'map'));

function triangulationSection(): HTMLElement {
  const drill = h('div', { class: 'drill', attrs: { 'data-testid': 'cell-extracts', 'aria-live': 'polite' } });
  let selected: HTMLButtonElement | null = null;
  const open = (theme: ReviewTheme, i: number, button: HTMLButtonElement) => {
    selected?.setAttribute('aria-pressed', 'false');
    selected = button;
    button.setAttribute('aria-pressed', 'true');
    const cell = theme.cells[i]!;
    const column = data.columns[i]!;
    replace(drill,
      h('h3', null, fill(t.cellTitle, { theme: theme.name, type: column.label })),
      h('p', { class: 'muted' }, fill(t.cellLine, { informants: cell.informants, total: column.informants, extracts: plural(cell.extracts, t.extractOne, t.extractMany) }),
        cell.supporters.length ? ` — ${cell.supporters.join(', ')}` : ''),
      cell.extractIds.length ? h('ul', { class: 'quotes' }, ...cell.extractIds.map((id) => extracts.get(id)).filter((e): e is ReviewExtract => !!e).map((e) => quote(e, true)))
        : h('p', { class: 'muted' }, t.silentCell));
    drill.scrollIntoView({ block: 'nearest' });
  };
  const depthOf = (theme: ReviewTheme): number => {
    let depth = 0;
    for (let p = theme.parentId; p !== null && depth < 10; p = themes.get(p)?.parentId ?? null) depth++;
    return depth;
  };
  const notInterviewed = data.columns.filter((c) => c.notInterviewed.length);
  return h('section', { class: 'section', attrs: { id: 'section-triangulation', role: 'tabpanel', 'aria-label': t.tab_triangulation } },
    h('h2', null, t.tab_triangulation),
    h('p', { class: 'muted' }, t.triangulationLine),
    h('div', { class: 'table-wrap' }, h('table', { class: 'matrix', attrs: { 'data-testid': 'matrix' } },
      h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, t.theme),
        ...data.columns.map((c) => h('th', { attrs: { scope: 'col' } }, c.label, h('small', { class: 'muted' }, ` (${c.informants})`))),
        h('th', { attrs: { scope: 'col' } }, t.convergence))),
      h('tbody', null, ...data.themes.map((theme) => h('tr', { attrs: { 'data-theme-id': theme.id } },
        h('th', { attrs: { scope: 'row' }, class: 'row-head' }, h('span', { style: { 'padding-left': `${depthOf(theme) * 14}px` } }), themeButton(theme)),
        ...data.columns.map((column, i) => {
          const cell = theme.cells[i]!;
          const state = cellState(cell.extracts, column.informants);
          const share = column.informants ? cell.informants / column.informants : 0;
          const label = state === 'empty' ? '–' : `${cell.informants}/${column.informants} · ${state === 'silent' ? t.silent : plural(cell.extracts, t.extractOne, t.extractMany)}`;
          const button = h('button', { class: `cell ${state}${share >= 0.6 ? ' dark' : ''}`, attrs: {
            type: 'button', 'aria-pressed': 'false', 'data-testid': 'matrix-cell', 'data-state': state, 'data-column': i,
            disabled: state === 'empty',
            'aria-label': `${label}: ${fill(t.cellTitle, { theme: theme.name, type: column.label })}`,
          }, style: state === 'support' ? { '--share': `${Math.round(share * 100)}%` } : {} }, label);
          button.addEventListener('click', () => open(theme, i, button));
          return h('td', null, button);
        }),
        h('td', { class: 'convergence' }, theme.convergence ? t[`convergence_${theme.convergence}`] ?? '' : h('span', { class: 'muted' }, fill(t.suggested, { judgement: t[`convergence_${theme.suggestion}`] ?? '' })),
          theme.convergenceReason ? h('small', { class: 'reason' }, theme.convergenceReason) : null)))))),
    notInterviewed.length ? h('p', { class: 'muted note' }, t.notInterviewed, ' ', notInterviewed.map((c) => `${c.label}: ${c.notInterviewed.join(', ')}`).join('; ')) : null,
    drill);
}

function codebookSection(): HTMLElement {
  return h('section', { class: 'section', attrs: { id: 'section-codebook', role: 'tabpanel', 'aria-label': t.tab_codebook } },
    h('h2', null, t.tab_codebook),
    h('ul', { class: 'codebook', attrs: { 'data-testid': 'codebook' } }, ...data.codes.map((code) => {
      const details = h('details', { attrs: { 'data-testid': 'code', 'data-code-guid': code.guid } },
        h('summary', null, h('span', { class: 'swatch', style: { background: safeColour(code.colour) } }), h('strong', null, code.name),
          h('span', { class: 'muted' }, ` · ${plural(code.extractIds.length, t.extractOne, t.extractMany)} · ${plural(code.informants, t.informantOne, t.informantMany)}`)));
      // The extracts are built when the code is opened: a codebook of 2,000 quotes opens at once.
      let built = false;
      details.addEventListener('toggle', () => {
        if (built || !details.open) return;
        built = true;
        append(details, [
          code.extractIds.length ? h('ul', { class: 'quotes' }, ...code.extractIds.map((id) => extracts.get(id)).filter((e): e is ReviewExtract => !!e).map((e) => quote(e))) : h('p', { class: 'muted' }, t.noExtracts),
        ]);
      });
      return h('li', { style: { 'margin-left': `${code.depth * 18}px` } }, details,
        code.description ? h('p', { class: 'description' }, code.description) : null,
        thread(codeTarget(code), true));
    })));
}

function phasesSection(): HTMLElement {
  return h('section', { class: 'section', attrs: { id: 'section-phases', role: 'tabpanel', 'aria-label': t.tab_phases } },
    h('h2', null, t.phasesTitle),
    h('ol', { class: 'phases' }, ...data.phases.map((p) => h('li', { class: p.status },
      h('strong', null, p.name), ' — ', t[`phase_${p.status}`] ?? p.status, p.at ? ` (${date(p.at)})` : ''))),
    h('h2', null, t.journalTitle),
    data.journal.length ? h('ol', { class: 'journal' }, ...data.journal.map((entry) => h('li', { attrs: { 'data-testid': 'journal-entry' } },
      h('h3', null, entry.title || t.untitled),
      h('p', { class: 'muted' }, entry.author, ' · ', date(entry.at), entry.phase ? ` · ${fill(t.inPhase, { n: entry.phase })}` : ''),
      h('p', { class: 'journal-body' }, entry.body))))
      : h('p', { class: 'muted' }, t.noJournal));
}
