/**
 * Files a user sends the team server for an action that reads a file (an import, a coder's copy
 * to merge, a comments file). A client never names a path on the server: it uploads the file and
 * gets a token `upload:<random>`, usable only by the login session that uploaded it; the server
 * puts the stored file's path in the action's arguments in place of the token (roles.ts, serverArgs).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import { readBodyToFile } from '../server/http-parts';

/** Largest upload: an embedded recording may be up to 500 MB (src/api/contract.ts, recordings.link). */
export const MAX_UPLOAD_BYTES = 520 * 1024 * 1024;

const say = defineMessages({
  en: {
    noName: 'Name the uploaded file in the x-file-name header (its name with its extension, e.g. P-01.docx).',
  },
  id: {
    noName: 'Sebutkan nama berkas yang diunggah di header x-file-name (namanya beserta ekstensinya, mis. P-01.docx).',
  },
});

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

  /** The stored file of an upload token, when `owner` uploaded it; null otherwise (another session's token is as unknown as a made-up one). */
  stored(token: string, owner: string): string | null {
    const upload = this.uploads.get(token);
    return upload && upload.owner === owner ? upload.file : null;
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
