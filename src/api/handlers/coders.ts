import { coderName } from '../../domain/coder-name';
import { TematikError } from '../../domain/errors';
import { defineMessages } from '../../domain/text';
import type { HandlerGroup } from '../handler-types';

const say = defineMessages({
  en: { consensusIsNoOne: '"{name}" is where the team records settled disagreements, not a person: choose your own name to code.' },
  id: { consensusIsNoOne: '"{name}" adalah tempat tim mencatat ketidaksepakatan yang telah diselesaikan, bukan seseorang: pilih nama Anda sendiri untuk mengode.' },
});

export const coderHandlers: HandlerGroup<'coders'> = {
  'coders.list': async (_, ctx) => {
    const { data } = ctx.session;
    return { coders: await data.coders.list(), current: data.coder, chosen: ctx.session.coderChosen, blind: ctx.session.blind };
  },
  // Coders are not undone (undo steps belong to them), so these changes are in the audit trail only.
  'coders.add': async ({ name }, ctx) => {
    const { data } = ctx.session;
    const id = await data.change({ action: 'coders.add', summary: `Add the coder "${name.trim()}"`, args: { name }, undoable: false }, (tx) => tx.coders.add(name));
    return data.coders.get(id);
  },
  'coders.rename': async ({ id, name }, ctx) => {
    const { session } = ctx;
    const before = await session.data.coders.get(id);
    const { after } = await session.data.change({ action: 'coders.rename', summary: `Rename the coder "${before.name}" to "${name.trim()}"`, args: { id, name }, undoable: false },
      (tx) => tx.coders.rename(id, name));
    // Renaming who is coding here keeps them coding, under the new name.
    if (session.data.coder === before.name) session.setCoder(after);
    return session.data.coders.get(id);
  },
  'coders.setColour': async ({ id, colour }, ctx) => {
    const { data } = ctx.session;
    const before = await data.coders.get(id);
    await data.change({ action: 'coders.setColour', summary: `Change the colour of the coder "${before.name}"`, args: { id, colour }, undoable: false },
      (tx) => tx.coders.setColour(id, colour));
    return data.coders.get(id);
  },
  'coders.setCurrent': async ({ name }, ctx) => {
    const { session } = ctx;
    const wanted = coderName(name);
    const known = (await session.data.coders.list()).find((c) => c.name.toLowerCase() === wanted.toLowerCase());
    if (known?.consensus) throw new TematikError('invalid_args', say('consensusIsNoOne', { name: known.name }));
    // A new name becomes a coder at once where the project may be written, so the picker lists them;
    // read-only, they are named as the project is read and get their row with their first change elsewhere.
    const writable = (await session.data.project.info()).readOnly === null;
    const coder = known?.name ?? (writable
      ? (await session.data.coders.get(await session.data.change({ action: 'coders.add', summary: `Add the coder "${wanted}"`, args: { name }, undoable: false }, (tx) => tx.coders.add(wanted)))).name
      : wanted);
    session.setCoder(coder);
    return { coders: await session.data.coders.list(), current: session.data.coder, chosen: session.coderChosen, blind: session.blind };
  },
  'coders.setBlind': async ({ blind }, ctx) => {
    const { session } = ctx;
    // Blind means "mine only": who is coding needs their row (made with a first change otherwise) for the views to name it.
    const known = (await session.data.coders.list()).some((c) => c.name === session.data.coder);
    if (blind && !known && (await session.data.project.info()).readOnly === null) {
      await session.data.change({ action: 'coders.add', summary: `Add the coder "${session.data.coder}"`, args: { name: session.data.coder }, undoable: false }, (tx) => tx.coders.add(session.data.coder));
    }
    session.setBlind(blind);
    return { coders: await session.data.coders.list(), current: session.data.coder, chosen: session.coderChosen, blind: session.blind };
  },
};
