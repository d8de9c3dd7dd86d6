import type { HandlerGroup } from '../handler-types';

export const redactionHandlers: HandlerGroup<'redactions'> = {
  'redactions.list': (_, ctx) => ctx.session.data.redactions.list(),
  'redactions.add': async (args, ctx) => {
    const { data } = ctx.session;
    const id = await data.change({ action: 'redactions.add', summary: `Hide the name "${args.term.trim()}" in reports`, args }, (tx) => tx.redactions.add(args));
    return data.redactions.get(id);
  },
  'redactions.update': async ({ id, ...changes }, ctx) => {
    const { data } = ctx.session;
    const before = await data.redactions.get(id);
    await data.change({ action: 'redactions.update', summary: `Edit the name to hide "${before.term}"`, args: { id, ...changes } }, (tx) => tx.redactions.update(id, changes));
    return data.redactions.get(id);
  },
  'redactions.remove': async ({ id }, ctx) => {
    const { data } = ctx.session;
    const before = await data.redactions.get(id);
    await data.change({ action: 'redactions.remove', summary: `Stop hiding the name "${before.term}"`, args: { id } }, (tx) => tx.redactions.remove(id));
    return null;
  },
};
