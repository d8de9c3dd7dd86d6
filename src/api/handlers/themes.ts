import path from 'node:path';
import { assertReviewFileSize, parseReviewComments, readReviewCommentsFile } from '../../review/comments-file';
import { importReviewComments } from '../../review/import-comments';
import type { HandlerGroup } from '../handler-types';

export const themeHandlers: HandlerGroup<'themes'> = {
  'themes.list': (_, ctx) => ctx.session.data.themes.list(),
  'themes.create': async (args, ctx) => {
    const { data } = ctx.session;
    const id = await data.change({ action: 'themes.create', summary: `Create theme "${args.name}"`, args }, (tx) => tx.themes.create(args));
    return data.themes.get(id);
  },
  'themes.update': async ({ id, ...changes }, ctx) => {
    const { data } = ctx.session;
    const before = await data.themes.get(id);
    const summary = changes.status && changes.status !== before.status
      ? `Mark theme "${before.name}" ${changes.status}` : `Edit theme "${before.name}"`;
    await data.change({ action: 'themes.update', summary, args: { id, ...changes } }, (tx) => tx.themes.update(id, changes));
    return data.themes.get(id);
  },
  'themes.addCodes': async ({ id, codeIds }, ctx) => {
    const { data } = ctx.session;
    const name = (await data.themes.get(id)).name;
    await data.change({ action: 'themes.addCodes', summary: `Add ${codeIds.length} code(s) to theme "${name}"`, args: { id, codeIds } }, (tx) => tx.themes.addCodes(id, codeIds));
    return data.themes.get(id);
  },
  'themes.removeCodes': async ({ id, codeIds }, ctx) => {
    const { data } = ctx.session;
    const name = (await data.themes.get(id)).name;
    await data.change({ action: 'themes.removeCodes', summary: `Remove ${codeIds.length} code(s) from theme "${name}"`, args: { id, codeIds } }, (tx) => tx.themes.removeCodes(id, codeIds));
    return data.themes.get(id);
  },
  'themes.delete': async ({ id }, ctx) => {
    const { data } = ctx.session;
    const name = (await data.themes.get(id)).name;
    await data.change({ action: 'themes.delete', summary: `Delete theme "${name}"`, args: { id } }, (tx) => tx.themes.delete(id));
    return null;
  },
  'themes.split': async ({ id, name, codeIds }, ctx) => {
    const { data } = ctx.session;
    const from = (await data.themes.get(id)).name;
    const created = await data.change({ action: 'themes.split', summary: `Split "${name}" off theme "${from}"`, args: { id, name, codeIds } }, (tx) => tx.themes.split(id, name, codeIds));
    return data.themes.get(created);
  },
  'themes.merge': async ({ sourceId, targetId }, ctx) => {
    const { data } = ctx.session;
    const source = (await data.themes.get(sourceId)).name;
    const target = (await data.themes.get(targetId)).name;
    await data.change({ action: 'themes.merge', summary: `Merge theme "${source}" into "${target}"`, args: { sourceId, targetId } }, (tx) => tx.themes.merge(sourceId, targetId));
    return data.themes.get(targetId);
  },
  'themes.setConvergence': async ({ id, convergence, reason }, ctx) => {
    const { data } = ctx.session;
    const name = (await data.themes.get(id)).name;
    const summary = convergence ? `Judge theme "${name}": ${convergence}` : `Clear the convergence judgement of "${name}"`;
    await data.change({ action: 'themes.setConvergence', summary, args: { id, convergence, reason } }, (tx) => tx.themes.setConvergence(id, convergence, reason));
    return data.themes.get(id);
  },
  'themes.review': ({ id }, ctx) => ctx.session.data.themes.review(id),
};

export const themeLinkHandlers: HandlerGroup<'themeLinks'> = {
  'themeLinks.list': (_, ctx) => ctx.session.data.themeLinks.list(),
  'themeLinks.create': async (args, ctx) => {
    const { data } = ctx.session;
    const describe = await data.themeLinks.describe({ fromThemeId: args.fromThemeId, toThemeId: args.toThemeId ?? null, toLinkId: args.toLinkId ?? null, kind: args.kind });
    const id = await data.change({ action: 'themeLinks.create', summary: `Link ${describe}`, args }, (tx) => tx.themeLinks.create(args));
    return data.themeLinks.get(id);
  },
  'themeLinks.update': async ({ id, ...changes }, ctx) => {
    const { data } = ctx.session;
    const describe = await data.themeLinks.describe(await data.themeLinks.get(id));
    await data.change({ action: 'themeLinks.update', summary: `Edit link ${describe}`, args: { id, ...changes } }, (tx) => tx.themeLinks.update(id, changes));
    return data.themeLinks.get(id);
  },
  'themeLinks.delete': async ({ id }, ctx) => {
    const { data } = ctx.session;
    const describe = await data.themeLinks.describe(await data.themeLinks.get(id));
    await data.change({ action: 'themeLinks.delete', summary: `Remove link ${describe}`, args: { id } }, (tx) => tx.themeLinks.delete(id));
    return null;
  },
};

export const mapHandlers: HandlerGroup<'map'> = {
  'map.get': (options, ctx) => ctx.session.data.map.get(options),
  'map.move': async (moves, ctx) => {
    const count = (moves.themes?.length ?? 0) + (moves.codes?.length ?? 0);
    await ctx.session.data.change({ action: 'map.move', summary: `Move ${count} node(s) on the theme map`, args: moves }, (tx) => tx.map.move(moves));
    return null;
  },
  'map.resetLayout': async (_, ctx) => {
    await ctx.session.data.change({ action: 'map.resetLayout', summary: 'Reset the theme map layout', args: {} }, (tx) => tx.map.resetLayout());
    return null;
  },
};

export const commentHandlers: HandlerGroup<'comments'> = {
  'comments.list': ({ target, unplaced }, ctx) => ctx.session.data.comments.list(target ? { target } : unplaced ? { unplaced } : undefined),
  'comments.add': async ({ target, body }, ctx) => {
    const { data } = ctx.session;
    const id = await data.change({ action: 'comments.add', summary: `Comment on ${target.kind} ${target.id}`, args: { target, body } }, (tx) => tx.comments.add(target, body));
    return data.comments.get(id);
  },
  'comments.resolve': async ({ id, resolved }, ctx) => {
    const { data } = ctx.session;
    await data.change({ action: 'comments.resolve', summary: `${resolved ? 'Resolve' : 'Reopen'} a comment`, args: { id, resolved } }, (tx) => tx.comments.resolve(id, resolved));
    return data.comments.get(id);
  },
  'comments.importReview': async ({ path: file, file: dropped, language }, ctx) => {
    const { data } = ctx.session;
    // Read and checked whole before the change: a refused file writes nothing.
    const name = path.basename(file ?? dropped!.name);
    let review;
    if (file !== undefined) review = readReviewCommentsFile(path.resolve(file));
    else {
      assertReviewFileSize(dropped!.bytes, name);
      review = parseReviewComments(dropped!.text, name);
    }
    const into = { projectGuid: ctx.session.project.projectGuid(), projectName: (await data.project.info()).name };
    return importReviewComments(data, into, review, name, language);
  },
};
