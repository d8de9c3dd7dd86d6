import { codeName, getCode } from '../../store/codes';
import { moveThemeCode, setHotkey } from '../../store/hotkeys';
import * as themes from '../../store/themes';
import type { HandlerGroup } from '../handler-types';

/**
 * Keys 1–9 pinned to codes, and moving a code between themes on the board: their own
 * prefixes, so the code and theme handler groups stay as they are.
 */
export const hotkeyHandlers: HandlerGroup<'hotkeys'> & HandlerGroup<'board'> = {
  'hotkeys.set': ({ id, key }, ctx) => {
    const { store } = ctx.session;
    const name = codeName(store.db, id);
    const summary = key === null ? `Unpin the key of code "${name}"` : `Pin key ${key} to code "${name}"`;
    store.change({ action: 'hotkeys.set', summary, args: { id, key } }, () => setHotkey(store.db, id, key));
    return getCode(store.db, id);
  },
  'board.moveCode': ({ codeId, fromId, toId }, ctx) => {
    const { store } = ctx.session;
    const from = themes.getTheme(store.db, fromId).name;
    const to = themes.getTheme(store.db, toId).name;
    const summary = `Move code "${codeName(store.db, codeId)}" from theme "${from}" to "${to}"`;
    store.change({ action: 'board.moveCode', summary, args: { codeId, fromId, toId } }, () => moveThemeCode(store.db, codeId, fromId, toId));
    return themes.getTheme(store.db, toId);
  },
};
