import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDocument } from '../helpers/documents';
import { newProject } from '../helpers/temp-project';

/** The built CLI, as `npx tematik` runs it (npm test builds it first). */
const BIN = path.resolve(__dirname, '../../dist/src/cli/tematik.js');

const TEXT = 'Pewawancara: Bagaimana co-creation dijalankan?\nNarasumber: Kami polling di Instagram dulu, terus pelanggan ikut milih motif. Kolaborasinya bikin mereka merasa memiliki.';

/** Rina, working in her own process on the same file, in turn with Ani. */
function rina(project: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args.slice(0, 1), project, ...args.slice(1)], {
    encoding: 'utf8', env: { ...process.env, TEMATIK_CODER: 'Rina', TEMATIK_LANG: 'en' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('two processes on one file', () => {
  beforeAll(() => {
    if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
  });

  it('each process undoes only its own coder\'s actions, and is refused where the other changed the same row since', async () => {
    const ani = await newProject('Ani');
    const doc = await addDocument(ani, 'P-01', TEXT);
    // One writer at a time (the project lock): Ani closes the file while Rina's process works on it.
    const inRinasTurn = async <T>(work: () => T): Promise<T> => {
      await ani.invoke('project.close', {});
      try {
        return work();
      } finally {
        await ani.invoke('project.open', { path: ani.file });
      }
    };
    const call = (action: string, args: object) => inRinasTurn(() => rina(ani.file, 'call', action, JSON.stringify(args)));
    const codes = async () => (await ani.invoke('codes.list', {})).map((c) => [c.name, c.codingCount]).sort();

    expect((await call('codings.apply', { documentId: doc, start: 130, end: 160, codeName: 'rasa memiliki' })).code).toBe(0);
    await ani.invoke('codings.apply', { documentId: doc, start: 60, end: 89, codeName: 'polling' });
    // Rina's undo takes back her coding, not Ani's later one.
    expect((await inRinasTurn(() => rina(ani.file, 'undo'))).stdout).toMatch(/Undid: Apply code "rasa memiliki"/);
    expect(await codes()).toEqual([['polling', 1]]);
    const nothing = await inRinasTurn(() => rina(ani.file, 'undo'));
    expect(nothing.code).not.toBe(0);
    expect(nothing.stderr).toMatch(/There is nothing to undo\./);
    expect(await codes()).toEqual([['polling', 1]]);

    // Rina applies Ani's new code: Ani's undo of creating it would take Rina's coding, so it is refused.
    const code = await ani.invoke('codes.create', { name: 'kolaborasi' });
    expect((await call('codings.apply', { documentId: doc, start: 130, end: 160, codeId: code.id })).code).toBe(0);
    await expect(ani.invoke('history.undo', {})).rejects.toThrow('Cannot undo "create a code": Rina has changed the same coding since.');
    expect(await codes()).toEqual([['kolaborasi', 1], ['polling', 1]]);

    // And the other way round, in Rina's language: Ani recodes Rina's coding, Rina's undo is refused.
    const [rinas] = (await ani.invoke('codings.forDocument', { documentId: doc })).filter((c) => c.coderName === 'Rina');
    await ani.invoke('codings.recode', { id: rinas!.id, codeName: 'kepemilikan' });
    const refused = await inRinasTurn(() => spawnSync(process.execPath, [BIN, 'undo', ani.file], { encoding: 'utf8', env: { ...process.env, TEMATIK_CODER: 'Rina', TEMATIK_LANG: 'id' } }));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/Tidak dapat mengurungkan "menerapkan kode": Ani telah mengubah pengodean yang sama sejak itu.*\n {2}- Apply code "kolaborasi"\n/);
    expect(await codes()).toEqual([['kepemilikan', 1], ['kolaborasi', 0], ['polling', 1]]);
    ani.session.close();
  });
});
