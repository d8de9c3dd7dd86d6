import type { HandlerGroup } from '../handler-types';

/**
 * Keys 1–9 pinned to codes, and moving a code between themes on the board: their own
 * prefixes, so the code and theme handler groups stay as they are.
 */
export const hotkeyHandlers: HandlerGroup<'hotkeys'> & HandlerGroup<'board'> = {
  'hotkeys.set': async ({ id, key }, ctx) => {
    const { data } = ctx.session;
    const name = await data.codes.name(id);
    const summary = key === null ? `Unpin the key of code "${name}"` : `Pin key ${key} to code "${name}"`;
    await data.change({ action: 'hotkeys.set', summary, args: { id, key } }, (tx) => tx.codes.setHotkey(id, key));
    return data.codes.get(id);
  },
  'board.moveCode': async ({ codeId, fromId, toId }, ctx) => {
    const { data } = ctx.session;
    const from = (await data.themes.get(fromId)).name;
    const to = (await data.themes.get(toId)).name;
    const summary = `Move code "${await data.codes.name(codeId)}" from theme "${from}" to "${to}"`;
    await data.change({ action: 'board.moveCode', summary, args: { codeId, fromId, toId } }, (tx) => tx.themes.moveCode(codeId, fromId, toId));
    return data.themes.get(toId);
  },
};
