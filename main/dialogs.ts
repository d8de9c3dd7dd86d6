import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { DialogKind } from '../src/api/session';
import { MEDIA_EXTENSIONS } from '../src/domain/recordings';
import { PROJECT_EXTENSION } from '../src/store/open';

const PROJECT_FILTER = { name: 'Tematik project', extensions: [PROJECT_EXTENSION.slice(1)] };

/** Which native dialog a DialogKind opens, with what options. */
export type DialogRequest =
  | { readonly type: 'open'; readonly options: OpenDialogOptions }
  | { readonly type: 'save'; readonly options: SaveDialogOptions };

/**
 * The native dialog for each file choice the contract can ask for (`app.choosePaths`).
 * Pure, so the filters are tested; main.ts shows it.
 */
export function dialogRequest(kind: DialogKind, defaultDir: string): DialogRequest {
  switch (kind) {
    case 'openProject':
      return { type: 'open', options: { title: 'Open Project', defaultPath: defaultDir, properties: ['openFile'], filters: [PROJECT_FILTER] } };
    case 'newProject':
      return {
        type: 'save',
        options: {
          title: 'New Project', buttonLabel: 'Create', defaultPath: path.join(defaultDir, `Untitled${PROJECT_EXTENSION}`),
          filters: [PROJECT_FILTER], properties: ['createDirectory', 'showOverwriteConfirmation'],
        },
      };
    case 'importFiles':
      return {
        type: 'open',
        options: {
          title: 'Import Transcripts', defaultPath: defaultDir, properties: ['openFile', 'multiSelections'],
          filters: [{ name: 'Transcripts (.txt, .md, .docx, .vtt, .srt)', extensions: ['txt', 'md', 'docx', 'vtt', 'srt'] }],
        },
      };
    case 'importFolder':
      return { type: 'open', options: { title: 'Import a Folder of Transcripts', defaultPath: defaultDir, properties: ['openDirectory'] } };
    case 'saveCopy':
      return {
        type: 'save',
        options: {
          // No overwrite question: a copy is only ever written to a new file (an existing one is refused).
          title: 'Save the Copy for Another Coder', buttonLabel: 'Save Copy', defaultPath: path.join(defaultDir, `Copy${PROJECT_EXTENSION}`),
          filters: [PROJECT_FILTER], properties: ['createDirectory'],
        },
      };
    case 'mergeCopy':
      return { type: 'open', options: { title: 'Merge a Coder\'s Copy', defaultPath: defaultDir, properties: ['openFile'], filters: [PROJECT_FILTER] } };
    case 'informantSheet':
      return {
        type: 'open',
        options: { title: 'Choose the Informant Sheet', defaultPath: defaultDir, properties: ['openFile'], filters: [{ name: 'CSV sheet', extensions: ['csv'] }] },
      };
    case 'recording':
      return {
        type: 'open',
        options: {
          title: 'Link a Recording', defaultPath: defaultDir, properties: ['openFile'],
          filters: [{ name: `Audio and video (${MEDIA_EXTENSIONS.map((e) => `.${e}`).join(', ')})`, extensions: [...MEDIA_EXTENSIONS] }],
        },
      };
  }
}

/**
 * The path a save dialog returned, with .tematik added when the user typed a name without it
 * (the GTK and Windows dialogs do not add a filter's extension themselves).
 */
export function withProjectExtension(file: string): string {
  return path.extname(file).toLowerCase() === PROJECT_EXTENSION ? file : `${file}${PROJECT_EXTENSION}`;
}
