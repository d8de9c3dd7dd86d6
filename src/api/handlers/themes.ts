import * as comments from '../../store/comments';
import { keepLayout, moveNodes, resetLayout, themeMap } from '../../store/theme-map';
import * as links from '../../store/theme-links';
import { reviewTheme } from '../../store/theme-review';
import * as themes from '../../store/themes';
import type { HandlerGroup } from '../handler-types';

export const themeHandlers: HandlerGroup<'themes'> = {
  'themes.list': (_, ctx) => themes.listThemes(ctx.session.store.db),
  'themes.create': (args, ctx) => {
    const { store } = ctx.session;
    const id = store.change({ action: 'themes.create', summary: `Create theme "${args.name}"`, args }, () => { keepLayout(store.db); return themes.createTheme(store.db, args); });
    return themes.getTheme(store.db, id);
  },
  'themes.update': ({ id, ...changes }, ctx) => {
    const { store } = ctx.session;
    const before = themes.getTheme(store.db, id);
    const summary = changes.status && changes.status !== before.status
      ? `Mark theme "${before.name}" ${changes.status}` : `Edit theme "${before.name}"`;
    store.change({ action: 'themes.update', summary, args: { id, ...changes } }, () => { keepLayout(store.db); themes.updateTheme(store.db, id, changes); });
    return themes.getTheme(store.db, id);
  },
  'themes.addCodes': ({ id, codeIds }, ctx) => {
    const { store } = ctx.session;
    const name = themes.getTheme(store.db, id).name;
    store.change({ action: 'themes.addCodes', summary: `Add ${codeIds.length} code(s) to theme "${name}"`, args: { id, codeIds } }, () => themes.addCodes(store.db, id, codeIds));
    return themes.getTheme(store.db, id);
  },
  'themes.removeCodes': ({ id, codeIds }, ctx) => {
    const { store } = ctx.session;
    const name = themes.getTheme(store.db, id).name;
    store.change({ action: 'themes.removeCodes', summary: `Remove ${codeIds.length} code(s) from theme "${name}"`, args: { id, codeIds } }, () => themes.removeCodes(store.db, id, codeIds));
    return themes.getTheme(store.db, id);
  },
  'themes.delete': ({ id }, ctx) => {
    const { store } = ctx.session;
    const name = themes.getTheme(store.db, id).name;
    store.change({ action: 'themes.delete', summary: `Delete theme "${name}"`, args: { id } }, () => { keepLayout(store.db); themes.deleteTheme(store.db, id); });
    return null;
  },
  'themes.split': ({ id, name, codeIds }, ctx) => {
    const { store } = ctx.session;
    const from = themes.getTheme(store.db, id).name;
    const created = store.change({ action: 'themes.split', summary: `Split "${name}" off theme "${from}"`, args: { id, name, codeIds } }, () => { keepLayout(store.db); return themes.splitTheme(store.db, id, name, codeIds); });
    return themes.getTheme(store.db, created);
  },
  'themes.merge': ({ sourceId, targetId }, ctx) => {
    const { store } = ctx.session;
    const source = themes.getTheme(store.db, sourceId).name;
    const target = themes.getTheme(store.db, targetId).name;
    store.change({ action: 'themes.merge', summary: `Merge theme "${source}" into "${target}"`, args: { sourceId, targetId } }, () => { keepLayout(store.db); themes.mergeThemes(store.db, sourceId, targetId); });
    return themes.getTheme(store.db, targetId);
  },
  'themes.setConvergence': ({ id, convergence, reason }, ctx) => {
    const { store } = ctx.session;
    const name = themes.getTheme(store.db, id).name;
    const summary = convergence ? `Judge theme "${name}": ${convergence}` : `Clear the convergence judgement of "${name}"`;
    store.change({ action: 'themes.setConvergence', summary, args: { id, convergence, reason } }, () => themes.setConvergence(store.db, id, convergence, reason));
    return themes.getTheme(store.db, id);
  },
  'themes.review': ({ id }, ctx) => reviewTheme(ctx.session.store.db, id),
};

export const themeLinkHandlers: HandlerGroup<'themeLinks'> = {
  'themeLinks.list': (_, ctx) => links.listLinks(ctx.session.store.db),
  'themeLinks.create': (args, ctx) => {
    const { store } = ctx.session;
    const describe = links.describeLink(store.db, { fromThemeId: args.fromThemeId, toThemeId: args.toThemeId ?? null, toLinkId: args.toLinkId ?? null, kind: args.kind });
    const id = store.change({ action: 'themeLinks.create', summary: `Link ${describe}`, args }, () => { keepLayout(store.db); return links.createLink(store.db, args); });
    return links.getLink(store.db, id);
  },
  'themeLinks.update': ({ id, ...changes }, ctx) => {
    const { store } = ctx.session;
    const describe = links.describeLink(store.db, links.getLink(store.db, id));
    store.change({ action: 'themeLinks.update', summary: `Edit link ${describe}`, args: { id, ...changes } }, () => { keepLayout(store.db); links.updateLink(store.db, id, changes); });
    return links.getLink(store.db, id);
  },
  'themeLinks.delete': ({ id }, ctx) => {
    const { store } = ctx.session;
    const describe = links.describeLink(store.db, links.getLink(store.db, id));
    store.change({ action: 'themeLinks.delete', summary: `Remove link ${describe}`, args: { id } }, () => { keepLayout(store.db); links.deleteLink(store.db, id); });
    return null;
  },
};

export const mapHandlers: HandlerGroup<'map'> = {
  'map.get': (options, ctx) => themeMap(ctx.session.store.db, options),
  'map.move': (moves, ctx) => {
    const { store } = ctx.session;
    const count = (moves.themes?.length ?? 0) + (moves.codes?.length ?? 0);
    store.change({ action: 'map.move', summary: `Move ${count} node(s) on the theme map`, args: moves }, () => { keepLayout(store.db); moveNodes(store.db, moves); });
    return null;
  },
  'map.resetLayout': (_, ctx) => {
    const { store } = ctx.session;
    store.change({ action: 'map.resetLayout', summary: 'Reset the theme map layout', args: {} }, () => resetLayout(store.db));
    return null;
  },
};

export const commentHandlers: HandlerGroup<'comments'> = {
  'comments.list': ({ target }, ctx) => comments.listComments(ctx.session.store.db, target),
  'comments.add': ({ target, body }, ctx) => {
    const { store } = ctx.session;
    const id = store.change({ action: 'comments.add', summary: `Comment on ${target.kind} ${target.id}`, args: { target, body } }, () => comments.addComment(store.db, target, body, store.coderId()));
    return comments.getComment(store.db, id);
  },
  'comments.resolve': ({ id, resolved }, ctx) => {
    const { store } = ctx.session;
    store.change({ action: 'comments.resolve', summary: `${resolved ? 'Resolve' : 'Reopen'} a comment`, args: { id, resolved } }, () => comments.resolveComment(store.db, id, resolved, store.coderId()));
    return comments.getComment(store.db, id);
  },
};
