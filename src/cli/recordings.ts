import type { LocalClient } from '../api/client';
import { byteSize } from '../domain/byte-size';
import type { DocumentId } from '../domain/ids';
import type { RecordingStatus } from '../domain/recordings';
import { defineMessages, type Language } from '../domain/text';
import { missingText } from '../media/status';
import { formatTable } from './table';

const say = defineMessages({
  en: {
    linked: 'Linked "{file}" to "{document}": {status}.',
    embedded: 'Embedded "{file}" ({size}) in the project for "{document}": the project file is that much larger, and so is every backup and coder\'s copy.',
    unlinked: 'Unlinked the recording from "{document}".',
    found: 'found', moved: 'moved and found', missing: 'missing', embeddedStatus: 'embedded',
    columns: 'Transcript|Recording|Status|Where',
    none: 'No transcript of this project has a linked recording. Link one with: tematik link-recording <project> <document> <file>',
  },
  id: {
    linked: '"{file}" ditautkan ke "{document}": {status}.',
    embedded: '"{file}" ({size}) disematkan di proyek untuk "{document}": berkas proyek bertambah sebesar itu, begitu pula setiap cadangan dan salinan pengode.',
    unlinked: 'Rekaman dilepas dari "{document}".',
    found: 'ditemukan', moved: 'dipindah dan ditemukan', missing: 'hilang', embeddedStatus: 'disematkan',
    columns: 'Transkrip|Rekaman|Status|Letak',
    none: 'Belum ada transkrip di proyek ini yang punya rekaman tertaut. Tautkan dengan: tematik link-recording <project> <document> <file>',
  },
});

const statusWord = (status: RecordingStatus, language: Language): string =>
  say(status.status === 'embedded' ? 'embeddedStatus' : status.status)[language];

/** `tematik link-recording PROJECT DOCUMENT FILE [--embed]`: one line saying what was linked and where it is. */
export async function linkRecording(client: LocalClient, documentId: DocumentId, file: string, embed: boolean, language: Language): Promise<{ value: RecordingStatus; text: string }> {
  const value = await client.invoke('recordings.link', { documentId, path: file, embed });
  const text = embed
    ? say('embedded', { file: value.fileName, size: byteSize(value.size), document: value.documentTitle })[language]
    : say('linked', { file: value.fileName, document: value.documentTitle, status: statusWord(value, language) })[language];
  return { value, text };
}

export async function unlinkRecording(client: LocalClient, documentId: DocumentId, language: Language): Promise<string> {
  const { title } = (await client.invoke('documents.list', {})).find((d) => d.id === documentId)!;
  await client.invoke('recordings.unlink', { documentId });
  return say('unlinked', { document: title })[language];
}

/** `tematik recordings PROJECT`: a table of every linked recording and where it is now, then what to do about each missing one. */
export async function listRecordings(client: LocalClient, language: Language): Promise<{ value: readonly RecordingStatus[]; text: string }> {
  const value = await client.invoke('recordings.list', {});
  if (value.length === 0) return { value, text: say('none')[language] };
  const rows = value.map((r) => [r.documentTitle, r.fileName, statusWord(r, language), r.path ?? (r.embedded ? '—' : r.lookedAt[0] ?? '')]);
  const missing = value.filter((r) => r.status === 'missing').map((r) => missingText(r)[language]);
  return { value, text: [formatTable(say('columns')[language].split('|'), rows), ...(missing.length ? ['', ...missing] : [])].join('\n') };
}
