import { projectInfo } from '../../store/project';
import * as memos from '../../store/memos';
import type { HandlerGroup } from '../handler-types';

export const memoHandlers: HandlerGroup<'memos'> = {
  'memos.list': (filter, ctx) => memos.listMemos(ctx.session.store.db, filter),
  'memos.create': ({ kind = 'memo', title = '', body, target }, ctx) => {
    const { store } = ctx.session;
    // Journal entries remember the phase they were written in; memos need not.
    const phase = kind === 'journal' ? projectInfo(store.db, store.file).phase : null;
    const what = kind === 'journal' ? 'journal entry' : `memo on the ${target.kind}`;
    const id = store.change({ action: 'memos.create', summary: `Write ${what}`, args: { kind, title, target } },
      () => memos.createMemo(store.db, { kind, title, body, target, author: store.coderId(), phase }));
    return memos.getMemo(store.db, id);
  },
  'memos.update': ({ id, ...changes }, ctx) => {
    const { store } = ctx.session;
    store.change({ action: 'memos.update', summary: 'Edit memo', args: { id } }, () => memos.updateMemo(store.db, id, changes));
    return memos.getMemo(store.db, id);
  },
  'memos.delete': ({ id }, ctx) => {
    const { store } = ctx.session;
    store.change({ action: 'memos.delete', summary: 'Delete memo', args: { id } }, () => memos.deleteMemo(store.db, id));
    return null;
  },
};
