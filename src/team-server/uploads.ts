/**
 * Files a user sends the team server for an action that reads a file (an import, a coder's copy
 * to merge, a comments file). A client never names a path on the server: it uploads the file and
 * gets a token `upload:<random>`, usable only by the login session that uploaded it; the server
 * puts the stored file's path in the action's arguments in place of the token.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { ActionName } from '../api/contract';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import { readBodyToFile } from '../server/http-parts';

/** Largest upload: an embedded recording may be up to 500 MB (src/api/contract.ts, recordings.link). */
export const MAX_UPLOAD_BYTES = 520 * 1024 * 1024;

const say = defineMessages({
  en: {
    noName: 'Name the uploaded file in the x-file-name header (its name with its extension, e.g. P-01.docx).',
    notAToken: '"{field}" of {action} must be an uploaded file ("upload:…" from POST /api/team/uploads): a team server never reads a path a browser names.',
    unknownToken: 'The uploaded file "{token}" is not known to this login: upload it again (uploads belong to the login that sent them and end with it).',
    embedOnly: 'On a team server a recording is kept inside the project: link the uploaded file with "embed": true.',
    pathRefused: '{action} writes or reads "{field}" on this computer; on a team server leave "{field}" out (the file is handed back to download), or upload the file to read.',
  },
  id: {
    noName: 'Sebutkan nama berkas yang diunggah di header x-file-name (namanya beserta ekstensinya, mis. P-01.docx).',
    notAToken: '"{field}" untuk {action} harus berkas yang diunggah ("upload:…" dari POST /api/team/uploads): server tim tidak pernah membaca path yang disebut peramban.',
    unknownToken: 'Berkas unggahan "{token}" tidak dikenal untuk login ini: unggah lagi (unggahan milik login yang mengirimnya dan berakhir bersamanya).',
    embedOnly: 'Di server tim rekaman disimpan di dalam proyek: tautkan berkas unggahan dengan "embed": true.',
    pathRefused: '{action} menulis atau membaca "{field}" di komputer ini; di server tim kosongkan "{field}" (berkasnya diberikan untuk diunduh), atau unggah berkas yang hendak dibaca.',
  },
});

/**
 * The arguments that name a file an action reads, per action: only these take an upload token.
 * Every other argument that names a place on the disk is refused (see `PATH_FIELDS`).
 */
export const UPLOAD_FIELDS: Partial<Readonly<Record<ActionName, readonly string[]>>> = {
  'import.files': ['paths'],
  'documents.replacePlan': ['file'],
  'documents.replaceText': ['file'],
  'comments.importReview': ['path'],
  'team.mergePlan': ['path'],
  'team.merge': ['path'],
  'refi.importProject': ['path'],
  'refi.inspectProject': ['path'],
  'refi.importCodebook': ['path'],
  'taguette.importCodebook': ['path'],
  'recordings.link': ['path'],
};

/** Argument names that mean a place on the disk wherever they appear (a string, or strings). */
const PATH_FIELDS: ReadonlySet<string> = new Set(['path', 'paths', 'file', 'folder', 'sheet', 'qdpxPath', 'backup']);

const TOKEN = /^upload:[0-9a-f]{32}$/;

interface Upload {
  readonly owner: string;
  readonly file: string;
}

/** Uploaded files, each kept for the login session that sent it, in its own folder under `dir`. */
export class UploadStore {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  /** Stores the request's body as a file named as the client said (its name only) for login session `owner`. */
  async receive(req: http.IncomingMessage, owner: string): Promise<string> {
    const name = uploadName(req.headers['x-file-name']);
    if (!name) throw new TematikError('invalid_args', say('noName'));
    const random = randomBytes(16).toString('hex');
    // A folder per upload keeps the user's file name (imports read the extension and the title from it).
    const folder = path.join(this.dir, random);
    fs.mkdirSync(folder, { mode: 0o700 });
    try {
      const file = path.join(folder, name);
      await readBodyToFile(req, file, MAX_UPLOAD_BYTES);
      const token = `upload:${random}`;
      this.uploads.set(token, { owner, file });
      return token;
    } catch (error) {
      fs.rmSync(folder, { recursive: true, force: true });
      throw error;
    }
  }

  /**
   * The action's arguments with every upload token of `owner` replaced by its file's path. Refuses
   * a path where a token belongs, another session's token, and any other argument naming a path.
   */
  resolve(action: ActionName, args: unknown, owner: string): unknown {
    if (typeof args !== 'object' || args === null || Array.isArray(args)) return args;
    const uploadFields = UPLOAD_FIELDS[action] ?? [];
    // An upload ends with its login session: a recording linked to it would soon be missing.
    if (action === 'recordings.link' && (args as { embed?: unknown }).embed !== true) throw new TematikError('invalid_args', say('embedOnly'));
    const out: Record<string, unknown> = { ...(args as Record<string, unknown>) };
    for (const [field, value] of Object.entries(out)) {
      const strings = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? value as string[] : null;
      if (!PATH_FIELDS.has(field) || strings === null) continue;
      if (!uploadFields.includes(field)) throw new TematikError('invalid_args', say('pathRefused', { action, field }));
      const files = strings.map((token) => this.fileOf(token, owner, action, field));
      out[field] = typeof value === 'string' ? files[0] : files;
    }
    return out;
  }

  /** Forgets and deletes the uploads of a login session (at logout). */
  dropAll(owner: string): void {
    for (const [token, upload] of this.uploads) {
      if (upload.owner !== owner) continue;
      this.uploads.delete(token);
      fs.rmSync(path.dirname(upload.file), { recursive: true, force: true });
    }
  }

  /** Deletes every upload (the server stops). */
  clear(): void {
    this.uploads.clear();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private fileOf(token: string, owner: string, action: ActionName, field: string): string {
    if (!TOKEN.test(token)) throw new TematikError('invalid_args', say('notAToken', { action, field }));
    const upload = this.uploads.get(token);
    // Another session's token is answered as an unknown one: it says nothing of other users' uploads.
    if (!upload || upload.owner !== owner) throw new TematikError('not_found', say('unknownToken', { token }));
    return upload.file;
  }
}

/** The file name a client gave (percent-encoded, so any script travels in a header), as a plain name or null. */
export function uploadName(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    return null;
  }
  // Only the last part, without control characters: the name is a label, never a place.
  name = name.split(/[\\/]/).pop()!.replace(/[\x00-\x1f\x7f]/g, '').trim();
  if (name === '' || name === '.' || name === '..' || name.length > 200) return null;
  return name;
}
