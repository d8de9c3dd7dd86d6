import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { coderName } from '../domain/coder-name';
import { TematikError } from '../domain/errors';
import type { CopyForCoderResult } from '../domain/team';
import { syncFile, syncFolder } from '../fs/durable';
import { refreshSearchIndex } from '../search/indexer';
import { failureReason } from '../store/backup';
import { insertCoder } from '../store/coders';
import { PROJECT_EXTENSION } from '../store/project-files';
import { now } from '../store/project-store';
import { newGuid } from '../store/row-guid';
import { say } from './messages';
import { baseOf } from './snapshot';

/**
 * "Make a copy for another coder": the open project written to `out` with its transcripts,
 * informants (types, attributes), codebook, memos on the project, transcripts and codes (the
 * codebook's guidance) and the list of names to hide; without codings (or with only the receiving
 * coder's own, `keepOwn`), so that coder codes independently.
 *
 * Left out, besides other coders' codings: themes and the theme model (with their comments and
 * memos), and every comment (on codes and quotes too: a teammate's or a supervisor's reading, and a
 * supervisor is never named in a coder's copy), because they are the team's reading of the codings and would steer a coder meant to code
 * blind, and a theme's evidence is codings the copy does not have; the reflexive journal, which is
 * each researcher's own; the undo history and audit trail of the project, which are its
 * writers' (the copy keeps its own from now on).
 *
 * Every row keeps its GUID, so the merge matches it; the copy gets a GUID of its own (a computer
 * remembers who codes a project by its GUID) and records the project's GUID and what the codebook
 * and transcripts were (migration 11), so a merge knows a copy of this project and what changed
 * since. The receiving coder is named in it and is who codes it when it is opened.
 *
 * Written with VACUUM INTO under a temporary name beside `out`, changed there, made durable, then
 * given its name only if no file has it: the open project is never written, and a half-made copy
 * never looks complete. `db` is the open project's connection, outside a transaction; `nativeBinding`
 * the better-sqlite3 binary it was opened with (Electron's).
 */
export function writeCopyForCoder(db: Database.Database, projectFile: string, out: string, coder: string, keepOwn: boolean, nativeBinding?: string): CopyForCoderResult {
  const name = coderName(coder);
  const target = path.resolve(out.endsWith(PROJECT_EXTENSION) ? out : `${out}${PROJECT_EXTENSION}`);
  if (sameFile(target, projectFile)) throw new TematikError('bad_input', say('outIsProject'));
  if (fs.existsSync(target)) throw new TematikError('conflict', say('outExists', { file: target }));
  const folder = path.dirname(target);
  const partial = path.join(folder, `.${path.basename(target)}.${process.pid}.partial`);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    const counts = trim(partial, name, keepOwn, nativeBinding);
    syncFile(partial);
    // A hard link gives the copy its name only if nothing has it yet (a rename would replace a file made meanwhile).
    try {
      fs.linkSync(partial, target);
      fs.rmSync(partial);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new TematikError('conflict', say('outExists', { file: target }));
      // Some disks (FAT USB sticks) have no hard links.
      if (fs.existsSync(target)) throw new TematikError('conflict', say('outExists', { file: target }));
      fs.renameSync(partial, target);
    }
    syncFolder(folder);
    return { path: target, coder: name, ...counts, bytes: fs.statSync(target).size };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (error instanceof TematikError) throw error;
    const { kind, reason } = failureReason(error);
    throw new TematikError(kind, say('outFolder', { folder, reason }));
  }
}

/** Takes out of the copy at `file` what the coder must not see, names the coder, and records where it came from. */
function trim(file: string, coder: string, keepOwn: boolean, nativeBinding: string | undefined): Pick<CopyForCoderResult, 'documents' | 'codes' | 'codings'> {
  const copy = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    copy.pragma('foreign_keys = ON');
    return copy.transaction(() => {
      const source = copy.prepare('SELECT guid, name FROM project WHERE id = 1').get() as { guid: string; name: string };
      const coderId = (copy.prepare('SELECT id FROM coders WHERE name = ? COLLATE NOCASE').pluck().get(coder) as number | undefined) ?? insertCoder(copy, coder);
      copy.prepare('DELETE FROM codings WHERE coder_id <> ? OR ? = 0').run(coderId, keepOwn ? 1 : 0);
      copy.exec(`DELETE FROM themes; DELETE FROM comments; DELETE FROM memos WHERE kind = 'journal'; DELETE FROM history_ops; DELETE FROM history_steps; DELETE FROM audit_log;`);
      const base = baseOf(copy);
      copy.prepare('UPDATE project SET guid = ?, name = ? WHERE id = 1').run(newGuid(), say('copyName', { name: source.name, coder }).en);
      copy.prepare('INSERT INTO copy_origin (id, source_guid, source_name, coder, keep_own, made_at, base) VALUES (1, ?, ?, ?, ?, ?, ?)')
        .run(source.guid, source.name, coder, keepOwn ? 1 : 0, now(), JSON.stringify(base));
      refreshSearchIndex(copy);
      const count = (table: string): number => copy.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      return { documents: count('documents'), codes: count('codes'), codings: count('codings') };
    })();
  } finally {
    copy.close();
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}
