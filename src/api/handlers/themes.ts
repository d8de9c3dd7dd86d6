import * as themes from '../../store/themes';
import type { HandlerGroup } from '../handler-types';

export const themeHandlers: HandlerGroup<'themes'> = {
  'themes.list': (_, ctx) => themes.listThemes(ctx.session.store.db),
  'themes.create': (args, ctx) => {
    const { store } = ctx.session;
    const id = store.change({ action: 'themes.create', summary: `Create theme "${args.name}"`, args }, () => themes.createTheme(store.db, args));
    return themes.getTheme(store.db, id);
  },
  'themes.update': ({ id, ...changes }, ctx) => {
    const { store } = ctx.session;
    const before = themes.getTheme(store.db, id);
    const summary = changes.status && changes.status !== before.status
      ? `Mark theme "${before.name}" ${changes.status}` : `Edit theme "${before.name}"`;
    store.change({ action: 'themes.update', summary, args: { id, ...changes } }, () => themes.updateTheme(store.db, id, changes));
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
    store.change({ action: 'themes.delete', summary: `Delete theme "${name}"`, args: { id } }, () => themes.deleteTheme(store.db, id));
    return null;
  },
};
