import crypto from 'node:crypto';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';

/**
 * Password hashes for the team server's accounts: scrypt (memory-hard, in Node itself, no native
 * module to build), a random salt per password, stored as `scrypt$N$r$p$salt$hash` (salt and
 * hash in base64) so the cost can be raised later while older hashes still verify.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 64;
const SALT_BYTES = 16;
/** scrypt needs 128·N·r bytes (32 MiB here); Node's default ceiling is exactly that, so it is raised with room to spare. */
const maxmemFor = (N: number, r: number): number => 2 * 128 * N * r;
/** Stored costs above these are refused rather than run: a hash edited in the database must not take the server's memory. */
const CEILING = { N: 2 ** 20, r: 32, p: 16 } as const;

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 1000;

const say = defineMessages({
  en: {
    tooShort: 'The password is too short ({length} characters): use at least {min}, e.g. a few words that belong together only for you.',
    tooLong: 'The password is too long ({length} characters): use at most {max}.',
  },
  id: {
    tooShort: 'Kata sandi terlalu pendek ({length} karakter): pakai minimal {min}, mis. beberapa kata yang hanya bermakna bagi Anda.',
    tooLong: 'Kata sandi terlalu panjang ({length} karakter): pakai paling banyak {max}.',
  },
});

/**
 * One spelling of a password: the same letters typed on another keyboard or system (composed or
 * decomposed accents) give the same password.
 */
const normalised = (password: string): string => password.normalize('NFC');

/** Refuses a password that is too short or too long, saying which. Length counts characters (code points). */
export function checkPasswordRules(password: string): void {
  const length = [...normalised(password)].length;
  if (length < MIN_PASSWORD_LENGTH) throw new TematikError('invalid_args', say('tooShort', { length, min: MIN_PASSWORD_LENGTH }));
  if (length > MAX_PASSWORD_LENGTH) throw new TematikError('invalid_args', say('tooLong', { length, max: MAX_PASSWORD_LENGTH }));
}

function scrypt(password: string, salt: Buffer, N: number, r: number, p: number, bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(normalised(password), salt, bytes, { N, r, p, maxmem: maxmemFor(N, r) }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** The stored form of a new password (checked against the rules first). */
export async function hashPassword(password: string): Promise<string> {
  checkPasswordRules(password);
  const salt = crypto.randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, COST.N, COST.r, COST.p, KEY_BYTES);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface Parsed { N: number; r: number; p: number; salt: Buffer; key: Buffer }

function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const ok = (n: number, max: number) => Number.isInteger(n) && n >= 1 && n <= max;
  if (!ok(N, CEILING.N) || (N & (N - 1)) !== 0 || !ok(r, CEILING.r) || !ok(p, CEILING.p)) return null;
  const salt = Buffer.from(parts[4]!, 'base64');
  const key = Buffer.from(parts[5]!, 'base64');
  if (salt.length === 0 || key.length < 16) return null;
  return { N, r, p, salt, key };
}

/**
 * Whether `password` is the one `stored` was made from, compared in constant time. A stored value
 * that is not a hash this Tematik makes never matches.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await scrypt(password, parsed.salt, parsed.N, parsed.r, parsed.p, parsed.key.length);
  return crypto.timingSafeEqual(key, parsed.key);
}

/**
 * A well-formed hash at today's cost that no password matches (a key of zeros): checked against
 * when a login does not exist, so that answer costs the same scrypt work as a wrong password and
 * does not tell who has an account. (Its result is never used.)
 */
export const DECOY_HASH = ['scrypt', COST.N, COST.r, COST.p, Buffer.alloc(SALT_BYTES).toString('base64'), Buffer.alloc(KEY_BYTES).toString('base64')].join('$');
