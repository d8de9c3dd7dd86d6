import { defineMessages, type LocalizedText } from '../domain/text';

/**
 * Login rate limiting: failed logins are counted per address and per login over a sliding window
 * (10 in 15 minutes by default). Past that, logins from that address, or to that login, are
 * refused until the oldest failure leaves the window, without checking the password at all, so
 * guessing costs the guesser time and the server no scrypt work. A successful login clears that
 * login's failures (not the address's: one right password must not reopen an address that guesses).
 * Kept in memory: one server process serves a database (team-spec.md), and a restart forgetting
 * failures costs a guesser no more than the restart does.
 */
export interface LimiterOptions {
  /** Failures allowed in the window before refusing. */
  readonly maxFailures?: number;
  readonly windowMs?: number;
  /** The clock, for tests. */
  readonly now?: () => number;
  /** How many addresses and logins are remembered each; beyond it the one idle longest is forgotten. */
  readonly maxKeys?: number;
}

export type LimitCheck = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

const say = defineMessages({
  en: {
    seconds: 'Too many failed logins. Wait {seconds} seconds, then try again; ask the server\'s administrator if you forgot your password.',
    minutes: 'Too many failed logins. Wait {minutes} minutes, then try again; ask the server\'s administrator if you forgot your password.',
  },
  id: {
    seconds: 'Terlalu banyak login yang gagal. Tunggu {seconds} detik, lalu coba lagi; tanyakan kepada administrator server bila Anda lupa kata sandi.',
    minutes: 'Terlalu banyak login yang gagal. Tunggu {minutes} menit, lalu coba lagi; tanyakan kepada administrator server bila Anda lupa kata sandi.',
  },
});

/** What a refused login is told: how long to wait, in seconds under two minutes, else in whole minutes (rounded up). */
export function tooManyLogins(retryAfterSeconds: number): LocalizedText {
  return retryAfterSeconds < 120 ? say('seconds', { seconds: retryAfterSeconds }) : say('minutes', { minutes: Math.ceil(retryAfterSeconds / 60) });
}

/** Failure times per key, oldest first; a Map keeps keys in the order last set, so the first is the one idle longest. */
class FailureLog {
  private readonly times = new Map<string, number[]>();
  constructor(private readonly max: number, private readonly windowMs: number, private readonly maxKeys: number) {}

  /** The failures of `key` still in the window at `now` (older ones dropped). */
  recent(key: string, now: number): number[] {
    const kept = (this.times.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (kept.length === 0) this.times.delete(key);
    else this.times.set(key, kept);
    return kept;
  }

  add(key: string, now: number): void {
    const kept = [...this.recent(key, now), now].slice(-this.max);
    this.times.delete(key);
    this.times.set(key, kept);
    while (this.times.size > this.maxKeys) this.times.delete(this.times.keys().next().value!);
  }

  clear(key: string): void {
    this.times.delete(key);
  }

  /** Milliseconds until `key` may try again, or 0. */
  wait(key: string, now: number): number {
    const recent = this.recent(key, now);
    return recent.length >= this.max ? recent[recent.length - this.max]! + this.windowMs - now : 0;
  }
}

export class LoginLimiter {
  private readonly byAddress: FailureLog;
  private readonly byLogin: FailureLog;
  private readonly now: () => number;

  constructor(options: LimiterOptions = {}) {
    const max = options.maxFailures ?? 10;
    const windowMs = options.windowMs ?? 15 * 60 * 1000;
    const maxKeys = options.maxKeys ?? 100_000;
    this.byAddress = new FailureLog(max, windowMs, maxKeys);
    this.byLogin = new FailureLog(max, windowMs, maxKeys);
    this.now = options.now ?? Date.now;
  }

  /** Whether a login from `address` to `login` may be tried now; if not, the seconds to wait (at least 1). */
  check(address: string, login: string): LimitCheck {
    const now = this.now();
    const wait = Math.max(this.byAddress.wait(address, now), this.byLogin.wait(loginKey(login), now));
    return wait > 0 ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) } : { allowed: true };
  }

  /** A wrong password (or an unknown login): counted against the address and the login. */
  failed(address: string, login: string): void {
    const now = this.now();
    this.byAddress.add(address, now);
    this.byLogin.add(loginKey(login), now);
  }

  /** A right password: that login's failures are forgotten. */
  succeeded(_address: string, login: string): void {
    this.byLogin.clear(loginKey(login));
  }
}

/** Logins are counted in the spelling they log in with (accounts.ts compares them trimmed and lowercase). */
const loginKey = (login: string): string => login.trim().toLowerCase();
