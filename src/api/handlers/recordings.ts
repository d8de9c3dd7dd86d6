import { TematikError } from '../../domain/errors';
import { formatClock } from '../../domain/recordings';
import { defineMessages } from '../../domain/text';
import { readLinkTarget } from '../../media/link-file';
import { missingError, recordingStatus } from '../../media/status';
import type { HandlerGroup } from '../handler-types';

const say = defineMessages({
  en: { noRecording: '"{document}" has no linked recording to unlink.' },
  id: { noRecording: '"{document}" tidak punya rekaman tertaut untuk dilepas.' },
});

export const recordingHandlers: HandlerGroup<'recordings'> = {
  'recordings.list': async (_, ctx) => {
    const { data } = ctx.session;
    return (await data.recordings.list()).map((r) => recordingStatus(r, data.location));
  },
  'recordings.forDocument': async ({ documentId }, ctx) => {
    const { data } = ctx.session;
    await data.documents.summary(documentId);
    const recording = await data.recordings.ofDocument(documentId);
    return recording && recordingStatus(recording, data.location);
  },
  'recordings.link': async ({ documentId, path, embed }, ctx) => {
    const { data } = ctx.session;
    const title = (await data.documents.summary(documentId)).title;
    // Read before the change: the file is checked (and, to embed, read) without holding the project's transaction.
    const input = readLinkTarget(path, data.location, embed ?? false);
    await data.change({
      action: 'recordings.link', summary: `Link recording "${input.fileName}" to "${title}"${embed ? ' (embedded)' : ''}`, args: { documentId, path, embed: embed ?? false },
    }, (tx) => tx.recordings.link(documentId, input));
    const linked = await data.recordings.ofDocument(documentId);
    return recordingStatus(linked!, data.location);
  },
  'recordings.unlink': async ({ documentId }, ctx) => {
    const { data } = ctx.session;
    const title = (await data.documents.summary(documentId)).title;
    const recording = await data.recordings.ofDocument(documentId);
    if (!recording) throw new TematikError('not_found', say('noRecording', { document: title }));
    await data.change({ action: 'recordings.unlink', summary: `Unlink recording "${recording.fileName}" from "${title}"`, args: { documentId } },
      (tx) => tx.recordings.unlink(documentId));
    return null;
  },
  'recordings.source': async ({ id }, ctx) => {
    const { data } = ctx.session;
    const status = recordingStatus(await data.recordings.get(id), data.location);
    if (status.embedded) return { kind: 'embedded', size: status.size, mediaType: status.mediaType };
    if (status.path === null) throw missingError(status);
    return { kind: 'file', path: status.path, size: status.size, fingerprint: status.fingerprint, mediaType: status.mediaType };
  },
  'recordings.bytes': async ({ id, start, length }, ctx) => {
    const bytes = await ctx.session.data.recordings.embeddedBytes(id, start, length);
    return { base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
  },
};

export const turnHandlers: HandlerGroup<'turns'> = {
  'turns.setTime': async ({ documentId, turnId, startMs, endMs }, ctx) => {
    const { data } = ctx.session;
    const title = (await data.documents.summary(documentId)).title;
    const what = startMs === null ? `Clear the time of a turn in "${title}"` : `Set a turn of "${title}" to start at ${formatClock(startMs)}`;
    await data.change({ action: 'turns.setTime', summary: what, args: { documentId, turnId, startMs, endMs } },
      (tx) => tx.recordings.setTurnTime(documentId, turnId, startMs, endMs));
    return null;
  },
};
