/**
 * Files a user sends the team server for an action that reads a file (an import, a coder's copy
 * to merge, a comments file). A client never names a path on the server: it uploads the file and
 * gets a token `upload:<random>`, usable only by the login session that uploaded it; the server
 * puts the stored file's path in the action's arguments in place of the token (roles.ts, serverArgs).
 * What a user keeps here at once, over all their login sessions, is bounded by a quota, so one user
 * cannot fill the server's disk.
 *
 * Login sessions outlive the server process (they are rows in PostgreSQL), so uploads do too: each is
 * a folder `<random>/` holding the file as `file/<name>` and, once the whole file is in and counted,
 * a record `upload.json` of whose it is and when it came. A server killed with kill -9 leaves folders
 * without a record (an upload cut off midway) and records past their day; the store deletes them when
 * it starts, and takes up the others again, so a session's token still works after a restart.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';
import { BodyTooLarge, readBodyToFile } from '../server/http-parts';

/** Largest upload: an embedded recording may be up to 500 MB (src/api/contract.ts, recordings.link). */
export const MAX_UPLOAD_BYTES = 520 * 1024 * 1024;

/**
 * What one user's uploads may take at once by default (`tematik serve --upload-quota`): a few
 * recordings to embed, or a coder's copy with its recordings, beside a batch of transcripts.
 */
export const DEFAULT_UPLOAD_QUOTA_BYTES = 2 * 1024 * 1024 * 1024;

const say = defineMessages({
  en: {
    noName: 'Name the uploaded file in the x-file-name header (its name with its extension, e.g. P-01.docx).',
    quota: 'This file does not fit in your upload space on this server: your uploads take {used} MB of the {quota} MB each user may keep ({free} MB free). Uploads are kept until you log out (at most a day): log out in every browser you are logged in with, then log in and upload it again, or ask the server\'s administrator for a larger quota ("tematik serve --upload-quota").',
  },
  id: {
    noName: 'Sebutkan nama berkas yang diunggah di header x-file-name (namanya beserta ekstensinya, mis. P-01.docx).',
    quota: 'Berkas ini tidak muat di ruang unggahan Anda di server ini: unggahan Anda memakai {used} MB dari {quota} MB yang boleh disimpan setiap pengguna (sisa {free} MB). Unggahan disimpan sampai Anda keluar (paling lama sehari): keluarlah di setiap peramban tempat Anda masuk, lalu masuk dan unggah lagi, atau mintalah administrator server menaikkan kuotanya ("tematik serve --upload-quota").',
  },
});

/**
 * How long an upload is kept: it is sent just before the action that reads it, and a session that
 * never logs out (a closed tab) must not leave its files on the server's disk for good.
 */
export const UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** An upload refused because the user's uploads would take more than their quota: answered 413. */
export class UploadQuotaFull extends TematikError {}

interface Upload {
  /** The upload's folder: its record and its file. */
  readonly folder: string;
  /** The login session that sent it: the only one that may use it. */
  readonly owner: string;
  /** The user's login: their quota counts the uploads of all their sessions. */
  readonly user: string;
  readonly file: string;
  readonly bytes: number;
  readonly at: number;
}

export interface UploadStoreOptions {
  /** What one user's uploads may take at once; DEFAULT_UPLOAD_QUOTA_BYTES by default. */
  readonly quotaBytes?: number;
  readonly now?: () => number;
}

/** Megabytes as a person reads them: one decimal below 10 (0.6 MB), whole above. */
const megabytes = (bytes: number) => {
  const mb = bytes / 1024 / 1024;
  return String(mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb));
};

/** What `upload.json` says of an upload; its token and folder are the folder's name. */
interface UploadRecord {
  readonly owner: string;
  readonly user: string;
  readonly name: string;
  readonly bytes: number;
  readonly at: number;
}

const RECORD = 'upload.json';
/** The folder the file is kept in under the name the client gave, apart from the record whatever that name is. */
const FILE_FOLDER = 'file';
/** An upload's folder and token: 16 random bytes in hex. */
const RANDOM = /^[0-9a-f]{32}$/;

/**
 * Uploaded files, each kept for the login session that sent it, in its own folder under `dir`.
 * Made when the server starts: what an earlier server left there is sorted out first (kept or deleted).
 */
export class UploadStore {
  private readonly uploads = new Map<string, Upload>();
  private readonly quotaBytes: number;
  private readonly now: () => number;

  constructor(private readonly dir: string, options: UploadStoreOptions = {}) {
    this.quotaBytes = options.quotaBytes ?? DEFAULT_UPLOAD_QUOTA_BYTES;
    this.now = options.now ?? Date.now;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.takeUpLeftovers();
  }

  /**
   * Takes up the uploads an earlier server kept (whole, and within their day); deletes everything
   * else in the folder: uploads cut off midway, expired ones, and anything that is no upload at all.
   */
  private takeUpLeftovers(): void {
    const now = this.now();
    for (const entry of fs.readdirSync(this.dir)) {
      const folder = path.join(this.dir, entry);
      const upload = RANDOM.test(entry) ? readRecord(folder) : null;
      // A record from ahead of this clock (the clock was set back) gets no more than a day from now.
      if (upload && upload.at >= now - UPLOAD_LIFETIME_MS) this.uploads.set(`upload:${entry}`, { ...upload, at: Math.min(upload.at, now) });
      else fs.rmSync(folder, { recursive: true, force: true });
    }
  }

  /**
   * Stores the request's body as a file named as the client said (its name only) for login session
   * `owner` of user `user`; refused (UploadQuotaFull) when it would take the user's uploads over their quota.
   */
  async receive(req: http.IncomingMessage, owner: string, user: string): Promise<string> {
    const name = uploadName(req.headers['x-file-name']);
    if (!name) throw new TematikError('invalid_args', say('noName'));
    this.dropExpired();
    const room = this.quotaBytes - this.usedBy(user);
    if (room <= 0) {
      req.resume();
      throw this.full(user);
    }
    const random = randomBytes(16).toString('hex');
    // A folder per upload keeps the user's file name (imports read the extension and the title from it).
    const folder = path.join(this.dir, random);
    fs.mkdirSync(path.join(folder, FILE_FOLDER), { recursive: true, mode: 0o700 });
    try {
      const file = path.join(folder, FILE_FOLDER, name);
      const limit = Math.min(MAX_UPLOAD_BYTES, room);
      let bytes: number;
      try {
        bytes = await readBodyToFile(req, file, limit);
      } catch (error) {
        if (error instanceof BodyTooLarge && limit < MAX_UPLOAD_BYTES) throw this.full(user);
        throw error;
      }
      // Another upload of theirs may have finished meanwhile: the quota holds for what is kept.
      if (this.usedBy(user) + bytes > this.quotaBytes) throw this.full(user);
      const at = this.now();
      writeRecord(folder, { owner, user, name, bytes, at });
      const token = `upload:${random}`;
      this.uploads.set(token, { folder, owner, user, file, bytes, at });
      return token;
    } catch (error) {
      fs.rmSync(folder, { recursive: true, force: true });
      throw error;
    }
  }

  /** The bytes a user's uploads take now, over all their login sessions. */
  usedBy(user: string): number {
    let used = 0;
    for (const upload of this.uploads.values()) if (upload.user === user) used += upload.bytes;
    return used;
  }

  private full(user: string): UploadQuotaFull {
    const used = this.usedBy(user);
    return new UploadQuotaFull('bad_input', say('quota', {
      used: megabytes(used), quota: megabytes(this.quotaBytes), free: megabytes(Math.max(0, this.quotaBytes - used)),
    }));
  }

  /** The stored file of an upload token, when `owner` uploaded it; null otherwise (another session's token is as unknown as a made-up one). */
  stored(token: string, owner: string): string | null {
    this.dropExpired();
    const upload = this.uploads.get(token);
    return upload && upload.owner === owner ? upload.file : null;
  }

  /** Forgets and deletes the uploads of a login session (at logout). */
  dropAll(owner: string): void {
    this.drop((upload) => upload.owner === owner);
  }

  private dropExpired(): void {
    const oldest = this.now() - UPLOAD_LIFETIME_MS;
    this.drop((upload) => upload.at < oldest);
  }

  private drop(which: (upload: Upload) => boolean): void {
    for (const [token, upload] of this.uploads) {
      if (!which(upload)) continue;
      this.uploads.delete(token);
      fs.rmSync(upload.folder, { recursive: true, force: true });
    }
  }
}

/**
 * Writes an upload's record, whole or not at all (written aside, then renamed): a folder with a
 * record is an upload that was received in full.
 */
function writeRecord(folder: string, record: UploadRecord): void {
  const aside = path.join(folder, `${RECORD}.part`);
  fs.writeFileSync(aside, JSON.stringify(record), { mode: 0o600 });
  fs.renameSync(aside, path.join(folder, RECORD));
}

/** An earlier server's upload, when its record is whole and its file is all there; null otherwise. */
function readRecord(folder: string): Upload | null {
  let record: unknown;
  try {
    record = JSON.parse(fs.readFileSync(path.join(folder, RECORD), 'utf8'));
  } catch {
    return null;
  }
  if (typeof record !== 'object' || record === null) return null;
  const { owner, user, name, bytes, at } = record as Partial<UploadRecord>;
  if (typeof owner !== 'string' || typeof user !== 'string' || typeof name !== 'string' || uploadName(encodeURIComponent(name)) !== name
    || typeof bytes !== 'number' || typeof at !== 'number') return null;
  const file = path.join(folder, FILE_FOLDER, name);
  try {
    if (fs.statSync(file).size !== bytes) return null;
  } catch {
    return null;
  }
  return { folder, owner, user, file, bytes, at };
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
