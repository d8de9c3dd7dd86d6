import * as store from '../../store/documents';
import { getInformant } from '../../store/informants';
import * as speakers from '../../store/speakers';
import type { HandlerGroup } from '../handler-types';

export const documentHandlers: HandlerGroup<'documents'> = {
  'documents.list': (_, ctx) => store.listDocuments(ctx.session.store.db),
  'documents.get': ({ id }, ctx) => store.getDocument(ctx.session.store.db, id),
  'documents.text': ({ id }, ctx) => {
    const { text, turns } = store.getDocument(ctx.session.store.db, id);
    return { id, text, turns };
  },
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
  'documents.speakers': ({ id }, ctx) => {
    const { db } = ctx.session.store;
    store.getDocumentSummary(db, id);
    return speakers.documentSpeakers(db, id);
  },
  'documents.setSpeaker': ({ id, speaker, role, informantId }, ctx) => {
    const { db } = ctx.session.store;
    const title = store.getDocumentSummary(db, id).title;
    const who = informantId !== null ? getInformant(db, informantId).label : role;
    ctx.session.store.change({ action: 'documents.setSpeaker', summary: `Set speaker "${speaker}" of "${title}" to ${who}`, args: { id, speaker, role, informantId } },
      () => speakers.setSpeaker(db, id, speaker, { role, informantId }));
    return speakers.documentSpeakers(db, id);
  },
  'documents.swapRoles': ({ ids }, ctx) => {
    const { db } = ctx.session.store;
    const titles = ids.map((id) => store.getDocumentSummary(db, id).title);
    const summary = titles.length === 1 ? `Swap interviewer and informant in "${titles[0]}"` : `Swap interviewer and informant in ${titles.length} documents`;
    ctx.session.store.change({ action: 'documents.swapRoles', summary, args: { ids } }, () => { for (const id of ids) speakers.swapRoles(db, id); });
    return null;
  },
};
