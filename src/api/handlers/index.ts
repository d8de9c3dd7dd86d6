import type { HandlerTable } from '../handler-types';
import { codeHandlers, codingHandlers } from './codes';
import { documentHandlers } from './documents';
import { importHandlers } from './imports';
import { attributeHandlers, informantHandlers, informantTypeHandlers } from './informants';
import { memoHandlers } from './memos';
import { auditHandlers, historyHandlers, projectHandlers } from './project';
import { themeHandlers } from './themes';

/** The one handler table: Electron IPC, browser mode and the CLI all dispatch through it. */
export const handlers: HandlerTable = {
  ...projectHandlers, ...historyHandlers, ...auditHandlers,
  ...informantTypeHandlers, ...attributeHandlers, ...informantHandlers,
  ...documentHandlers, ...importHandlers,
  ...codeHandlers, ...codingHandlers,
  ...memoHandlers, ...themeHandlers,
};
