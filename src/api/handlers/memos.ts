import type { HandlerGroup } from '../handler-types';

export const memoHandlers: HandlerGroup<'memos'> = {
  'memos.list': (filter, ctx) => ctx.session.data.memos.list(filter),
  'memos.create': async ({ kind = 'memo', title = '', body, target }, ctx) => {
    const { data } = ctx.session;
    // Journal entries remember the phase they were written in; memos need not.
    const phase = kind === 'journal' ? (await data.project.info()).phase : null;
    const what = kind === 'journal' ? 'journal entry' : `memo on the ${target.kind}`;
    const id = await data.change({ action: 'memos.create', summary: `Write ${what}`, args: { kind, title, target } },
      (tx) => tx.memos.create({ kind, title, body, target, phase }));
    return data.memos.get(id);
  },
  'memos.update': async ({ id, ...changes }, ctx) => {
    const { data } = ctx.session;
    await data.change({ action: 'memos.update', summary: 'Edit memo', args: { id } }, (tx) => tx.memos.update(id, changes));
    return data.memos.get(id);
  },
  'memos.delete': async ({ id }, ctx) => {
    await ctx.session.data.change({ action: 'memos.delete', summary: 'Delete memo', args: { id } }, (tx) => tx.memos.delete(id));
    return null;
  },
};
