import * as store from '../../store/informants';
import type { HandlerGroup } from '../handler-types';

export const informantTypeHandlers: HandlerGroup<'informantTypes'> = {
  'informantTypes.list': (_, ctx) => store.listInformantTypes(ctx.session.store.db),
  'informantTypes.create': (args, ctx) => {
    const { db } = ctx.session.store;
    const id = ctx.session.store.change({ action: 'informantTypes.create', summary: `Add informant type "${args.name}"`, args }, () => store.createInformantType(db, args));
    return store.getInformantType(db, id);
  },
  'informantTypes.update': ({ id, ...changes }, ctx) => {
    const { db } = ctx.session.store;
    const before = store.getInformantType(db, id);
    ctx.session.store.change({ action: 'informantTypes.update', summary: `Edit informant type "${before.name}"`, args: { id, ...changes } }, () => store.updateInformantType(db, id, changes));
    return store.getInformantType(db, id);
  },
  'informantTypes.delete': ({ id }, ctx) => {
    const { db } = ctx.session.store;
    const name = store.getInformantType(db, id).name;
    ctx.session.store.change({ action: 'informantTypes.delete', summary: `Delete informant type "${name}"`, args: { id } }, () => store.deleteInformantType(db, id));
    return null;
  },
};

export const attributeHandlers: HandlerGroup<'attributes'> = {
  'attributes.list': (_, ctx) => store.listAttributes(ctx.session.store.db),
};

export const informantHandlers: HandlerGroup<'informants'> = {
  'informants.list': ({ typeId }, ctx) => store.listInformants(ctx.session.store.db, typeId),
  'informants.create': (args, ctx) => {
    const { db } = ctx.session.store;
    const id = ctx.session.store.change({ action: 'informants.create', summary: `Add informant ${args.label}`, args }, () => store.createInformant(db, args));
    return store.getInformant(db, id);
  },
  'informants.update': ({ id, ...changes }, ctx) => {
    const { db } = ctx.session.store;
    const before = store.getInformant(db, id);
    ctx.session.store.change({ action: 'informants.update', summary: `Edit informant ${before.label}`, args: { id, ...changes } }, () => store.updateInformant(db, id, changes));
    return store.getInformant(db, id);
  },
  'informants.delete': ({ id }, ctx) => {
    const { db } = ctx.session.store;
    const label = store.getInformant(db, id).label;
    ctx.session.store.change({ action: 'informants.delete', summary: `Delete informant ${label}`, args: { id } }, () => store.deleteInformant(db, id));
    return null;
  },
};
