import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TematikError } from '../domain/errors';
import { untranslated } from '../domain/text';
import { ProjectStore } from '../store/project-store';
import { say } from './messages';
import { readSnapshot, type Snapshot } from './snapshot';

/** Who a copy is opened as: it is only read, so the name is never recorded. */
const READER = 'merge';

/**
 * Reads a coder's copy for merging: the one place a second project file is opened. It is opened
 * read-only through the store, as any project is (checked, never changed, even while its coder has
 * it open). A copy saved by an older Tematik cannot be read in place (its format must be upgraded
 * first, which writes), so a scratch copy of it is upgraded in the temporary folder, read and
 * removed: the coder's file is never written. `openProject` is the open project's path, which
 * cannot be merged into itself.
 */
export function readCopy(file: string, openProject: string | null): Snapshot {
  const resolved = path.resolve(file);
  const name = path.basename(resolved);
  if (openProject !== null && sameFile(resolved, openProject)) throw new TematikError('bad_input', say('sameFile', { file: name }));
  try {
    return readFrom(resolved, name);
  } catch (error) {
    if (error instanceof TematikError && error.kind === 'read_only' && fs.existsSync(resolved)) return readUpgraded(resolved, name);
    throw refusal(error, name);
  }
}

function readFrom(file: string, name: string): Snapshot {
  const store = ProjectStore.open(file, READER, { readOnly: true });
  try {
    if (store.readOnly === 'damaged') throw framed(new TematikError('damaged', say('damaged', { file: name })));
    return readSnapshot(store.db, name, true);
  } finally {
    store.close();
  }
}

/** An older copy: upgraded in a scratch folder (its GUIDs are new there, so it is matched by text and code path). */
function readUpgraded(file: string, name: string): Snapshot {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-merge-'));
  try {
    const scratch = path.join(folder, 'copy.tematik');
    fs.copyFileSync(file, scratch);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${scratch}-wal`);
    const store = ProjectStore.open(scratch, READER);
    try {
      if (store.readOnly !== null) throw framed(new TematikError('damaged', say('damaged', { file: name })));
      return readSnapshot(store.db, name, true);
    } finally {
      store.close();
    }
  } catch (error) {
    throw refusal(error, name);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Errors that already say the copy cannot be merged. */
const ours = new WeakSet<TematikError>();
function framed(error: TematikError): TematikError {
  ours.add(error);
  return error;
}

/** The store's own reason (not a project, damaged, newer, missing) framed as a refused merge; a bad row (snapshot.ts) says so itself. */
function refusal(error: unknown, name: string): unknown {
  if (!(error instanceof TematikError) || ours.has(error) || error.kind === 'bad_input') return error;
  return new TematikError(error.kind, say('cannotOpen', { file: name, reason: error.text ?? untranslated(error.message) }));
}

function sameFile(a: string, b: string): boolean {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}
