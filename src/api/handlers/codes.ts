import * as codes from '../../store/codes';
import * as codings from '../../store/codings';
import { unthemedCodes } from '../../store/theme-review';
import type { HandlerGroup } from '../handler-types';

export const codeHandlers: HandlerGroup<'codes'> = {
  'codes.list': (_, ctx) => codes.listCodes(ctx.session.store.db),
  'codes.unthemed': (_, ctx) => unthemedCodes(ctx.session.store.db),
  'codes.create': (args, ctx) => {
    const { db } = ctx.session.store;
    const id = ctx.session.store.change({ action: 'codes.create', summary: `Create code "${args.name}"`, args }, () => codes.createCode(db, args));
    return codes.getCode(db, id);
  },
  'codes.update': ({ id, ...changes }, ctx) => {
    const { db } = ctx.session.store;
    const before = codes.codeName(db, id);
    const summary = changes.name && changes.name !== before ? `Rename code "${before}" to "${changes.name}"` : `Edit code "${before}"`;
    ctx.session.store.change({ action: 'codes.update', summary, args: { id, ...changes } }, () => codes.updateCode(db, id, changes));
    return codes.getCode(db, id);
  },
  'codes.move': ({ id, parentId }, ctx) => {
    const { db } = ctx.session.store;
    const name = codes.codeName(db, id);
    const under = parentId === null ? 'the top level' : `"${codes.codeName(db, parentId)}"`;
    ctx.session.store.change({ action: 'codes.move', summary: `Move code "${name}" under ${under}`, args: { id, parentId } }, () => codes.moveCode(db, id, parentId));
    return codes.getCode(db, id);
  },
  'codes.merge': ({ sourceId, targetId }, ctx) => {
    const { db } = ctx.session.store;
    const source = codes.codeName(db, sourceId);
    const target = codes.codeName(db, targetId);
    ctx.session.store.change({ action: 'codes.merge', summary: `Merge code "${source}" into "${target}"`, args: { sourceId, targetId } }, () => codes.mergeCodes(db, sourceId, targetId));
    return codes.getCode(db, targetId);
  },
  'codes.delete': ({ id }, ctx) => {
    const { db } = ctx.session.store;
    const code = codes.getCode(db, id);
    ctx.session.store.change({ action: 'codes.delete', summary: `Delete code "${code.name}" and its ${code.codingCount} coding(s)`, args: { id } }, () => codes.deleteCode(db, id));
    return null;
  },
};

export const codingHandlers: HandlerGroup<'codings'> = {
  'codings.apply': ({ documentId, start, end, codeId, codeName, inVivo }, ctx) => {
    const { store } = ctx.session;
    const writer = writerFor(store.db);
    const label = codeId !== undefined ? codes.codeName(store.db, codeId) : codeName!;
    const id = store.change({ action: 'codings.apply', summary: `Apply code "${label}"`, args: { documentId, start, end, codeId, codeName } }, () => {
      const code = codeId ?? codes.resolveCodeName(store.db, codeName!, inVivo ?? false);
      return writer(documentId, code, store.coderId(), start, end);
    });
    return codings.getCoding(store.db, id);
  },
  'codings.remove': ({ id }, ctx) => {
    const { store } = ctx.session;
    const coding = codings.getCoding(store.db, id);
    const name = codes.codeName(store.db, coding.codeId);
    store.change({ action: 'codings.remove', summary: `Remove code "${name}" from a passage`, args: { id } }, () => codings.removeCoding(store.db, id));
    return null;
  },
  'codings.recode': ({ id, codeId, codeName, inVivo }, ctx) => {
    const { store } = ctx.session;
    codings.getCoding(store.db, id);
    const name = codeId !== undefined ? codes.codeName(store.db, codeId) : codeName!;
    store.change({ action: 'codings.recode', summary: `Re-code a passage as "${name}"`, args: { id, codeId, codeName } }, () => {
      const target = codeId ?? codes.resolveCodeName(store.db, codeName!, inVivo ?? false);
      codings.recode(store.db, id, target);
    });
    return codings.getCoding(store.db, id);
  },
  'codings.forDocument': ({ documentId }, ctx) => codings.codingsForDocument(ctx.session.store.db, documentId),
  'codings.forCode': ({ codeId, includeChildren }, ctx) => {
    codes.codeName(ctx.session.store.db, codeId);
    return codings.extractsForCode(ctx.session.store.db, codeId, includeChildren ?? false);
  },
};

/** One prepared writer per open database, so applying a code prepares no statements. */
const writers = new WeakMap<object, ReturnType<typeof codings.codingWriter>>();
function writerFor(db: Parameters<typeof codings.codingWriter>[0]): ReturnType<typeof codings.codingWriter> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = codings.codingWriter(db)));
  return writer;
}
