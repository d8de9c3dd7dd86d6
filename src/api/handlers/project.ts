import path from 'node:path';
import { TematikError } from '../../domain/errors';
import { defineMessages } from '../../domain/text';
import { PROJECT_EXTENSION } from '../../store/project-files';
import { rememberRecent } from '../recent';
import type { HandlerGroup } from '../handler-types';
import type { Context } from '../session';

const say = defineMessages({
  en: { extension: '{file}: a project file must end in {extension}, e.g. "{example}".' },
  id: { extension: '{file}: berkas proyek harus berakhiran {extension}, misalnya "{example}".' },
});

const info = (ctx: Context) => ctx.session.data.project.info();

/** Opening or creating a project puts it at the top of the recent list. */
async function opened(ctx: Context) {
  const current = await info(ctx);
  rememberRecent(ctx.session.host.dataDir, current);
  return current;
}

/** Project files always carry the .tematik extension so the OS and the open dialog know them. */
function projectPath(file: string): string {
  const resolved = path.resolve(file);
  if (path.extname(resolved).toLowerCase() !== PROJECT_EXTENSION) {
    throw new TematikError('invalid_args', say('extension', { file, extension: PROJECT_EXTENSION, example: `${path.basename(resolved, path.extname(resolved))}${PROJECT_EXTENSION}` }));
  }
  return resolved;
}

export const projectHandlers: HandlerGroup<'project'> = {
  'project.create': async ({ path: file, name }, ctx) => {
    await ctx.session.open(projectPath(file), { create: true, ...(name ? { name } : {}) });
    return opened(ctx);
  },
  'project.open': async ({ path: file, readOnly }, ctx) => {
    await ctx.session.open(path.resolve(file), { readOnly: readOnly ?? false });
    return opened(ctx);
  },
  'project.close': (_, ctx) => {
    ctx.session.close();
    return null;
  },
  'project.info': (_, ctx) => info(ctx),
  'project.update': async (args, ctx) => {
    await ctx.session.data.change({ action: 'project.update', summary: 'Edit project details', args }, (tx) => tx.project.update(args));
    return info(ctx);
  },
  'project.setPhase': async ({ phase, note }, ctx) => {
    const { data } = ctx.session;
    const from = (await data.project.info()).phase;
    await data.change({ action: 'project.setPhase', summary: `Move from phase ${from} to phase ${phase}`, args: { phase, note } }, async (tx) => {
      await tx.project.update({ phase });
      // The journal records every move, so the report can show when each phase was completed.
      await tx.memos.create({ kind: 'journal', title: `Phase ${from} → ${phase}`, body: note ?? '', target: { kind: 'project' }, phase });
    });
    return info(ctx);
  },
  'project.stats': (_, ctx) => ctx.session.data.project.stats(),
  'project.check': (_, ctx) => ctx.session.data.check(),
};

export const historyHandlers: HandlerGroup<'history'> = {
  'history.state': (_, ctx) => ctx.session.data.history(),
  'history.undo': async (_, ctx) => {
    await ctx.session.data.undo();
    return ctx.session.data.history();
  },
  'history.redo': async (_, ctx) => {
    await ctx.session.data.redo();
    return ctx.session.data.history();
  },
};

export const auditHandlers: HandlerGroup<'audit'> = {
  'audit.list': ({ limit }, ctx) => ctx.session.data.project.audit(limit ?? 500),
};

export const phaseHandlers: HandlerGroup<'phases'> = {
  'phases.checks': (_, ctx) => ctx.session.data.phases.checks(),
  'phases.check': async ({ phase, item, done }, ctx) => {
    const { data } = ctx.session;
    await data.change({ action: 'phases.check', summary: `${done ? 'Tick' : 'Untick'} "${item}" in phase ${phase}`, args: { phase, item, done } },
      (tx) => tx.phases.check(phase, item, done));
    return data.phases.checks();
  },
};
