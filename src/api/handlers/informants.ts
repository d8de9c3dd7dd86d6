import type { HandlerGroup } from '../handler-types';

export const informantTypeHandlers: HandlerGroup<'informantTypes'> = {
  'informantTypes.list': (_, ctx) => ctx.session.data.informants.types(),
  'informantTypes.create': async (args, ctx) => {
    const { data } = ctx.session;
    const id = await data.change({ action: 'informantTypes.create', summary: `Add informant type "${args.name}"`, args }, (tx) => tx.informants.createType(args));
    return data.informants.type(id);
  },
  'informantTypes.update': async ({ id, ...changes }, ctx) => {
    const { data } = ctx.session;
    const before = await data.informants.type(id);
    await data.change({ action: 'informantTypes.update', summary: `Edit informant type "${before.name}"`, args: { id, ...changes } }, (tx) => tx.informants.updateType(id, changes));
    return data.informants.type(id);
  },
  'informantTypes.delete': async ({ id }, ctx) => {
    const { data } = ctx.session;
    const name = (await data.informants.type(id)).name;
    await data.change({ action: 'informantTypes.delete', summary: `Delete informant type "${name}"`, args: { id } }, (tx) => tx.informants.deleteType(id));
    return null;
  },
};

export const attributeHandlers: HandlerGroup<'attributes'> = {
  'attributes.list': (_, ctx) => ctx.session.data.informants.attributes(),
};

export const informantHandlers: HandlerGroup<'informants'> = {
  'informants.list': ({ typeId }, ctx) => ctx.session.data.informants.list(typeId),
  'informants.create': async (args, ctx) => {
    const { data } = ctx.session;
    const id = await data.change({ action: 'informants.create', summary: `Add informant ${args.label}`, args }, (tx) => tx.informants.create(args));
    return data.informants.get(id);
  },
  'informants.update': async ({ id, ...changes }, ctx) => {
    const { data } = ctx.session;
    const before = await data.informants.get(id);
    await data.change({ action: 'informants.update', summary: `Edit informant ${before.label}`, args: { id, ...changes } }, (tx) => tx.informants.update(id, changes));
    return data.informants.get(id);
  },
  'informants.delete': async ({ id }, ctx) => {
    const { data } = ctx.session;
    const label = (await data.informants.get(id)).label;
    await data.change({ action: 'informants.delete', summary: `Delete informant ${label}`, args: { id } }, (tx) => tx.informants.delete(id));
    return null;
  },
};
