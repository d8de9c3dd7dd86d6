import type { HandlerTable } from '../handler-types';
import { analysisHandlers } from './analysis';
import { appHandlers } from './app';
import { backupHandlers } from './backup';
import { codeHandlers, codingHandlers } from './codes';
import { coderHandlers } from './coders';
import { documentHandlers } from './documents';
import { exportHandlers } from './export';
import { hotkeyHandlers } from './hotkeys';
import { importHandlers } from './imports';
import { attributeHandlers, informantHandlers, informantTypeHandlers } from './informants';
import { memoHandlers } from './memos';
import { recordingHandlers, turnHandlers } from './recordings';
import { redactionHandlers } from './redactions';
import { deidHandlers } from './deid';
import { refiHandlers } from './refi';
import { reportHandlers } from './report';
import { searchHandlers } from './search';
import { taguetteHandlers } from './taguette';
import { teamHandlers } from './team';
import { auditHandlers, historyHandlers, phaseHandlers, projectHandlers } from './project';
import { commentHandlers, mapHandlers, themeHandlers, themeLinkHandlers } from './themes';

/** The one handler table: Electron IPC, browser mode and the CLI all dispatch through it. */
export const handlers: HandlerTable = {
  ...appHandlers, ...projectHandlers, ...backupHandlers, ...historyHandlers, ...auditHandlers,
  ...informantTypeHandlers, ...attributeHandlers, ...informantHandlers,
  ...documentHandlers, ...importHandlers,
  ...codeHandlers, ...codingHandlers,
  ...memoHandlers, ...themeHandlers, ...themeLinkHandlers, ...mapHandlers, ...commentHandlers, ...phaseHandlers,
  ...analysisHandlers, ...exportHandlers, ...searchHandlers, ...reportHandlers, ...refiHandlers,
  ...redactionHandlers,
  ...deidHandlers,
  ...coderHandlers,
  ...taguetteHandlers,
  ...hotkeyHandlers,
  ...teamHandlers,
  ...recordingHandlers, ...turnHandlers,
};
