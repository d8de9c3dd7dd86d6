import type { HandlerGroup } from '../handler-types';

export const codeHandlers: HandlerGroup<'codes'> = {
  'codes.list': ({ coders }, ctx) => ctx.session.data.codes.list(coders),
  'codes.unthemed': (_, ctx) => ctx.session.data.codes.unthemed(),
  'codes.create': async (args, ctx) => {
    const { data } = ctx.session;
    const id = await data.change({ action: 'codes.create', summary: `Create code "${args.name}"`, args }, (tx) => tx.codes.create(args));
    return data.codes.get(id);
  },
  'codes.update': async ({ id, ...changes }, ctx) => {
    const { data } = ctx.session;
    const before = await data.codes.name(id);
    const summary = changes.name && changes.name !== before ? `Rename code "${before}" to "${changes.name}"` : `Edit code "${before}"`;
    await data.change({ action: 'codes.update', summary, args: { id, ...changes } }, (tx) => tx.codes.update(id, changes));
    return data.codes.get(id);
  },
  'codes.move': async ({ id, parentId }, ctx) => {
    const { data } = ctx.session;
    const name = await data.codes.name(id);
    const under = parentId === null ? 'the top level' : `"${await data.codes.name(parentId)}"`;
    await data.change({ action: 'codes.move', summary: `Move code "${name}" under ${under}`, args: { id, parentId } }, (tx) => tx.codes.move(id, parentId));
    return data.codes.get(id);
  },
  'codes.merge': async ({ sourceId, targetId }, ctx) => {
    const { data } = ctx.session;
    const source = await data.codes.name(sourceId);
    const target = await data.codes.name(targetId);
    await data.change({ action: 'codes.merge', summary: `Merge code "${source}" into "${target}"`, args: { sourceId, targetId } }, (tx) => tx.codes.merge(sourceId, targetId));
    return data.codes.get(targetId);
  },
  'codes.delete': async ({ id }, ctx) => {
    const { data } = ctx.session;
    const code = await data.codes.get(id);
    await data.change({ action: 'codes.delete', summary: `Delete code "${code.name}" and its ${code.codingCount} coding(s)`, args: { id } }, (tx) => tx.codes.delete(id));
    return null;
  },
};

export const codingHandlers: HandlerGroup<'codings'> = {
  'codings.apply': async ({ documentId, start, end, codeId, codeName, inVivo }, ctx) => {
    const { data } = ctx.session;
    const label = codeId !== undefined ? await data.codes.name(codeId) : codeName!;
    const id = await data.change({ action: 'codings.apply', summary: `Apply code "${label}"`, args: { documentId, start, end, codeId, codeName } }, async (tx) => {
      const code = codeId ?? await tx.codes.resolveName(codeName!, inVivo ?? false);
      return tx.codings.apply(documentId, code, start, end);
    });
    return data.codings.get(id);
  },
  'codings.remove': async ({ id }, ctx) => {
    const { data } = ctx.session;
    const coding = await data.codings.get(id);
    const name = await data.codes.name(coding.codeId);
    await data.change({ action: 'codings.remove', summary: `Remove code "${name}" from a passage`, args: { id } }, (tx) => tx.codings.remove(id));
    return null;
  },
  'codings.recode': async ({ id, codeId, codeName, inVivo }, ctx) => {
    const { data } = ctx.session;
    await data.codings.get(id);
    const name = codeId !== undefined ? await data.codes.name(codeId) : codeName!;
    await data.change({ action: 'codings.recode', summary: `Re-code a passage as "${name}"`, args: { id, codeId, codeName } }, async (tx) => {
      const target = codeId ?? await tx.codes.resolveName(codeName!, inVivo ?? false);
      await tx.codings.recode(id, target);
    });
    return data.codings.get(id);
  },
  'codings.forDocument': ({ documentId }, ctx) => ctx.session.data.codings.forDocument(documentId),
  'codings.forCode': async ({ codeId, includeChildren, limit, coders }, ctx) => {
    const { data } = ctx.session;
    await data.codes.name(codeId);
    return data.codings.extractsForCode(codeId, includeChildren ?? false, limit, coders);
  },
  'codings.resolve': async ({ codingIds, keep }, ctx) => {
    const { data } = ctx.session;
    const first = await data.codings.get(codingIds[0]!);
    const code = await data.codes.name(first.codeId);
    const title = (await data.documents.summary(first.documentId)).title;
    const how = keep.kind === 'coder' ? `keep ${(await data.coders.get(keep.coderId)).name}'s coding` : keep.kind === 'both' ? 'keep both codings' : 'record a consensus coding';
    const { removed, recorded } = await data.change({ action: 'codings.resolve', summary: `Settle a disagreement on "${code}" in "${title}": ${how}`, args: { codingIds, keep } },
      (tx) => tx.codings.resolve(codingIds, keep));
    return { removed, recorded: await Promise.all(recorded.map((id) => data.codings.get(id))) };
  },
};
