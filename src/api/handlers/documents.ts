import type { TextEditResult } from '../../domain/text-edits';
import { readTranscript } from '../../import/transcript';
import type { HandlerGroup } from '../handler-types';

/** The undo step's and audit row's summary: what the edit did to the codings, which the user would want to find again. */
function editSummary(title: string, result: TextEditResult): string {
  const removed = result.codingsRemoved.length;
  return removed === 0 ? `Edit the text of "${title}"` : `Edit the text of "${title}" (${removed} coding(s) removed)`;
}

export const documentHandlers: HandlerGroup<'documents'> = {
  'documents.list': (_, ctx) => ctx.session.data.documents.list(),
  'documents.get': ({ id }, ctx) => ctx.session.data.documents.get(id),
  'documents.text': async ({ id }, ctx) => {
    const { text, turns, contentHash } = await ctx.session.data.documents.get(id);
    return { id, text, turns, contentHash };
  },
  'documents.rename': async ({ id, title }, ctx) => {
    const { data } = ctx.session;
    const before = (await data.documents.summary(id)).title;
    await data.change({ action: 'documents.rename', summary: `Rename "${before}" to "${title}"`, args: { id, title } }, (tx) => tx.documents.rename(id, title));
    return data.documents.summary(id);
  },
  'documents.assign': async ({ id, informantIds }, ctx) => {
    const { data } = ctx.session;
    const title = (await data.documents.summary(id)).title;
    await data.change({ action: 'documents.assign', summary: `Change informants of "${title}"`, args: { id, informantIds } }, (tx) => tx.documents.assign(id, informantIds));
    return data.documents.summary(id);
  },
  'documents.delete': async ({ id }, ctx) => {
    const { data } = ctx.session;
    const summary = await data.documents.summary(id);
    await data.change({
      action: 'documents.delete', summary: `Delete document "${summary.title}" and its ${summary.codingCount} coding(s)`, args: { id },
    }, (tx) => tx.documents.delete(id));
    return null;
  },
  'documents.speakers': async ({ id }, ctx) => {
    const { data } = ctx.session;
    await data.documents.summary(id);
    return data.documents.speakers(id);
  },
  'documents.setSpeaker': async ({ id, speaker, role, informantId }, ctx) => {
    const { data } = ctx.session;
    const title = (await data.documents.summary(id)).title;
    const who = informantId !== null ? (await data.informants.get(informantId)).label : role;
    await data.change({ action: 'documents.setSpeaker', summary: `Set speaker "${speaker}" of "${title}" to ${who}`, args: { id, speaker, role, informantId } },
      (tx) => tx.documents.setSpeaker(id, speaker, { role, informantId }));
    return data.documents.speakers(id);
  },
  'documents.editText': async ({ id, edits, expectedHash }, ctx) => {
    const { data } = ctx.session;
    const title = (await data.documents.summary(id)).title;
    return data.change({ action: 'documents.editText', summary: `Edit the text of "${title}"`, args: { id, edits, expectedHash } },
      (tx) => tx.documents.editText(id, edits, { expectedHash }),
      (result) => ({ summary: editSummary(title, result), args: { id, edits, expectedHash } }));
  },
  'documents.replacePlan': async ({ id, file }, ctx) => {
    const corrected = await readTranscript(file);
    return ctx.session.data.documents.replacePlan(id, corrected);
  },
  'documents.replaceText': async ({ id, file, expectedHash }, ctx) => {
    const { data } = ctx.session;
    const corrected = await readTranscript(file);
    const summary = await data.documents.summary(id);
    const record = { action: 'documents.replaceText', summary: `Replace "${summary.title}" with the corrected "${corrected.sourceName}"`, args: { id, file } } as const;
    return data.change(record, (tx) => tx.documents.replaceText(id, corrected, { expectedHash: expectedHash ?? summary.contentHash }),
      (result) => ({ summary: `${record.summary}${result.codingsRemoved.length > 0 ? ` (${result.codingsRemoved.length} coding(s) could not be placed)` : ''}`, args: record.args }));
  },
  'documents.splitTurn': async ({ id, turnId, at, expectedHash }, ctx) => {
    const { data } = ctx.session;
    const title = (await data.documents.summary(id)).title;
    return data.change({ action: 'documents.splitTurn', summary: `Split a speaker turn of "${title}"`, args: { id, turnId, at, expectedHash } },
      (tx) => tx.documents.splitTurn(id, turnId, at, { expectedHash }));
  },
  'documents.joinTurns': async ({ id, turnId, expectedHash }, ctx) => {
    const { data } = ctx.session;
    const title = (await data.documents.summary(id)).title;
    return data.change({ action: 'documents.joinTurns', summary: `Join two speaker turns of "${title}"`, args: { id, turnId, expectedHash } },
      (tx) => tx.documents.joinTurns(id, turnId, { expectedHash }));
  },
  'documents.setTurnSpeaker': async ({ id, turnId, speaker, expectedHash }, ctx) => {
    const { data } = ctx.session;
    const title = (await data.documents.summary(id)).title;
    return data.change({ action: 'documents.setTurnSpeaker', summary: `Make "${speaker}" the speaker of a turn of "${title}"`, args: { id, turnId, speaker, expectedHash } },
      (tx) => tx.documents.setTurnSpeaker(id, turnId, speaker, { expectedHash }));
  },
  'documents.swapRoles': async ({ ids }, ctx) => {
    const { data } = ctx.session;
    const titles: string[] = [];
    for (const id of ids) titles.push((await data.documents.summary(id)).title);
    const summary = titles.length === 1 ? `Swap interviewer and informant in "${titles[0]}"` : `Swap interviewer and informant in ${titles.length} documents`;
    await data.change({ action: 'documents.swapRoles', summary, args: { ids } }, (tx) => tx.documents.swapRoles(ids));
    return null;
  },
};
