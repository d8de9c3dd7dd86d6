import * as store from '../../store/documents';
import type { HandlerGroup } from '../handler-types';

export const documentHandlers: HandlerGroup<'documents'> = {
  'documents.list': (_, ctx) => store.listDocuments(ctx.session.store.db),
  'documents.get': ({ id }, ctx) => store.getDocument(ctx.session.store.db, id),
  'documents.rename': ({ id, title }, ctx) => {
    const { db } = ctx.session.store;
    const before = store.getDocumentSummary(db, id).title;
    ctx.session.store.change({ action: 'documents.rename', summary: `Rename "${before}" to "${title}"`, args: { id, title } }, () => store.renameDocument(db, id, title));
    return store.getDocumentSummary(db, id);
  },
  'documents.assign': ({ id, informantIds }, ctx) => {
    const { db } = ctx.session.store;
    const title = store.getDocumentSummary(db, id).title;
    ctx.session.store.change({ action: 'documents.assign', summary: `Change informants of "${title}"`, args: { id, informantIds } }, () => store.assignInformants(db, id, informantIds));
    return store.getDocumentSummary(db, id);
  },
  'documents.delete': ({ id }, ctx) => {
    const { db } = ctx.session.store;
    const summary = store.getDocumentSummary(db, id);
    ctx.session.store.change({
      action: 'documents.delete', summary: `Delete document "${summary.title}" and its ${summary.codingCount} coding(s)`, args: { id },
    }, () => store.deleteDocument(db, id));
    return null;
  },
};
