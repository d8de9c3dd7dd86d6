import path from 'node:path';
import { TematikError } from '../../domain/errors';
import { defineMessages } from '../../domain/text';
import { integrityCheck } from '../../store/integrity';
import { damagedNotice, PROJECT_EXTENSION } from '../../store/open';
import { auditLog, projectInfo, projectStats, updateProject } from '../../store/project';
import { createMemo } from '../../store/memos';
import { listChecks, setCheck } from '../../store/phases';
import { rememberRecent } from '../recent';
import type { HandlerGroup } from '../handler-types';
import type { Context } from '../session';

const say = defineMessages({
  en: { extension: '{file}: a project file must end in {extension}, e.g. "{example}".' },
  id: { extension: '{file}: berkas proyek harus berakhiran {extension}, misalnya "{example}".' },
});

const info = (ctx: Context) => ctx.session.store.info();

/** Opening or creating a project puts it at the top of the recent list. */
function opened(ctx: Context) {
  const current = info(ctx);
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
  'project.create': ({ path: file, name }, ctx) => {
    ctx.session.open(projectPath(file), { create: true, ...(name ? { name } : {}) });
    return opened(ctx);
  },
  'project.open': ({ path: file, readOnly }, ctx) => {
    ctx.session.open(path.resolve(file), { readOnly: readOnly ?? false });
    return opened(ctx);
  },
  'project.close': (_, ctx) => {
    ctx.session.close();
    return null;
  },
  'project.info': (_, ctx) => info(ctx),
  'project.update': (args, ctx) => {
    const { store } = ctx.session;
    store.change({ action: 'project.update', summary: 'Edit project details', args }, () => updateProject(store.db, args));
    return info(ctx);
  },
  'project.setPhase': ({ phase, note }, ctx) => {
    const { store } = ctx.session;
    const from = projectInfo(store.db, store.file).phase;
    store.change({ action: 'project.setPhase', summary: `Move from phase ${from} to phase ${phase}`, args: { phase, note } }, () => {
      updateProject(store.db, { phase });
      // The journal records every move, so the report can show when each phase was completed.
      createMemo(store.db, {
        kind: 'journal', title: `Phase ${from} → ${phase}`, body: note ?? '', target: { kind: 'project' }, author: store.coderId(), phase,
      });
    });
    return info(ctx);
  },
  'project.stats': (_, ctx) => projectStats(ctx.session.store.db),
  'project.check': (_, ctx) => {
    const { store } = ctx.session;
    const report = integrityCheck(store.db);
    if (!report.ok) store.markDamaged(damagedNotice(store.file, report));
    return report;
  },
};

export const historyHandlers: HandlerGroup<'history'> = {
  'history.state': (_, ctx) => ctx.session.store.history(),
  'history.undo': (_, ctx) => {
    ctx.session.store.undo();
    return ctx.session.store.history();
  },
  'history.redo': (_, ctx) => {
    ctx.session.store.redo();
    return ctx.session.store.history();
  },
};

export const auditHandlers: HandlerGroup<'audit'> = {
  'audit.list': ({ limit }, ctx) => auditLog(ctx.session.store.db, limit ?? 500),
};

export const phaseHandlers: HandlerGroup<'phases'> = {
  'phases.checks': (_, ctx) => listChecks(ctx.session.store.db),
  'phases.check': ({ phase, item, done }, ctx) => {
    const { store } = ctx.session;
    store.change({ action: 'phases.check', summary: `${done ? 'Tick' : 'Untick'} "${item}" in phase ${phase}`, args: { phase, item, done } },
      () => setCheck(store.db, phase, item, done, store.coderId()));
    return listChecks(store.db);
  },
};
