import { TematikError } from '../domain/errors';
import type { Recording, RecordingStatus } from '../domain/recordings';
import { defineMessages, type LocalizedText } from '../domain/text';
import { locateRecording } from './locate';

const say = defineMessages({
  en: {
    missing: 'The recording "{file}" of "{document}" was not found. Looked in: {places}. Put the file back in one of these places (beside the project file is simplest), or link it again with "Link recording…" (tematik link-recording). The transcript itself is unaffected.',
    differs: 'The recording "{file}" of "{document}" was not found: {place} has that name but other content (a different or re-encoded file). Link the right file again with "Link recording…" (tematik link-recording). The transcript itself is unaffected.',
  },
  id: {
    missing: 'Rekaman "{file}" untuk "{document}" tidak ditemukan. Sudah dicari di: {places}. Kembalikan berkasnya ke salah satu tempat itu (paling mudah di samping berkas proyek), atau tautkan lagi dengan "Tautkan rekaman…" (tematik link-recording). Transkripnya sendiri tidak terpengaruh.',
    differs: 'Rekaman "{file}" untuk "{document}" tidak ditemukan: {place} bernama sama tetapi isinya lain (berkas berbeda atau dikonversi ulang). Tautkan lagi berkas yang benar dengan "Tautkan rekaman…" (tematik link-recording). Transkripnya sendiri tidak terpengaruh.',
  },
});

/** A linked recording with where it is now, looked for from the project file's folder. */
export function recordingStatus(recording: Recording & { readonly documentTitle: string }, projectFile: string): RecordingStatus {
  return { ...recording, ...locateRecording(recording, projectFile) };
}

/** Why a recording cannot be played, naming the file, the places looked in and how to relink. */
export function missingText(status: RecordingStatus): LocalizedText {
  return status.differs !== null
    ? say('differs', { file: status.fileName, document: status.documentTitle, place: status.differs })
    : say('missing', { file: status.fileName, document: status.documentTitle, places: status.lookedAt.join('; ') });
}

export function missingError(status: RecordingStatus): TematikError {
  return new TematikError('not_found', missingText(status));
}
