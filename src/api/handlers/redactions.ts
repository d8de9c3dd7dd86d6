import * as redactions from '../../store/redactions';
import type { HandlerGroup } from '../handler-types';

export const redactionHandlers: HandlerGroup<'redactions'> = {
  'redactions.list': (_, ctx) => redactions.listRedactions(ctx.session.store.db),
  'redactions.add': (args, ctx) => {
    const { store } = ctx.session;
    const id = store.change({ action: 'redactions.add', summary: `Hide the name "${args.term.trim()}" in reports`, args }, () => redactions.addRedaction(store.db, args));
    return redactions.getRedaction(store.db, id);
  },
  'redactions.update': ({ id, ...changes }, ctx) => {
    const { store } = ctx.session;
    const before = redactions.getRedaction(store.db, id);
    store.change({ action: 'redactions.update', summary: `Edit the name to hide "${before.term}"`, args: { id, ...changes } }, () => redactions.updateRedaction(store.db, id, changes));
    return redactions.getRedaction(store.db, id);
  },
  'redactions.remove': ({ id }, ctx) => {
    const { store } = ctx.session;
    const before = redactions.getRedaction(store.db, id);
    store.change({ action: 'redactions.remove', summary: `Stop hiding the name "${before.term}"`, args: { id } }, () => redactions.removeRedaction(store.db, id));
    return null;
  },
};
