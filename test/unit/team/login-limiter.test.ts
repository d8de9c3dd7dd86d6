import { describe, expect, it } from 'vitest';
import { LoginLimiter, tooManyLogins } from '../../../src/team-server/rate-limit';

/** A limiter on a clock the test moves by hand. */
function limiter(options: { maxKeys?: number } = {}) {
  let now = 1_000_000;
  const limit = new LoginLimiter({ now: () => now, ...options });
  return { limit, advance: (ms: number) => { now += ms; } };
}

const MINUTE = 60_000;

describe('the login limiter', () => {
  it('refuses a login after 10 failures in 15 minutes, saying how long to wait, and lets it try when the oldest leaves the window', () => {
    const { limit, advance } = limiter();
    for (let i = 0; i < 9; i++) {
      expect(limit.check('10.0.0.1', 'rina')).toEqual({ allowed: true });
      limit.failed('10.0.0.1', 'rina');
      advance(MINUTE);
    }
    expect(limit.check('10.0.0.1', 'rina')).toEqual({ allowed: true });
    limit.failed('10.0.0.1', 'rina');
    // The first failure was 9 minutes ago: 6 minutes to wait.
    expect(limit.check('10.0.0.1', 'rina')).toEqual({ allowed: false, retryAfterSeconds: 360 });
    // Another address trying the same login is refused as well (a login is guessed from many addresses).
    expect(limit.check('10.0.0.2', 'RINA ')).toEqual({ allowed: false, retryAfterSeconds: 360 });
    // And that address trying another login too; another address and login are not held back.
    expect(limit.check('10.0.0.1', 'budi')).toEqual({ allowed: false, retryAfterSeconds: 360 });
    expect(limit.check('10.0.0.2', 'budi')).toEqual({ allowed: true });
    advance(6 * MINUTE - 1000);
    expect(limit.check('10.0.0.1', 'rina')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    advance(1000);
    expect(limit.check('10.0.0.1', 'rina')).toEqual({ allowed: true });
    // One more failure fills the window again, until the next oldest leaves it a minute later.
    limit.failed('10.0.0.1', 'rina');
    expect(limit.check('10.0.0.1', 'rina')).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('counts one address trying many logins, and one login tried from many addresses', () => {
    const { limit } = limiter();
    for (let i = 0; i < 10; i++) limit.failed('10.0.0.9', `user${i}`);
    expect(limit.check('10.0.0.9', 'someone-else')).toMatchObject({ allowed: false });
    expect(limit.check('10.0.0.10', 'user3')).toEqual({ allowed: true });
    for (let i = 0; i < 10; i++) limit.failed(`192.168.1.${i}`, 'ayu');
    expect(limit.check('192.168.1.200', 'ayu')).toMatchObject({ allowed: false });
    expect(limit.check('192.168.1.200', 'budi')).toEqual({ allowed: true });
  });

  it('forgets a login\'s failures when it logs in, but not the address\'s', () => {
    const { limit } = limiter();
    for (let i = 0; i < 9; i++) limit.failed('10.0.0.1', 'rina');
    limit.succeeded('10.0.0.1', 'Rina');
    limit.failed('10.0.0.5', 'rina');
    expect(limit.check('10.0.0.5', 'rina')).toEqual({ allowed: true });
    limit.failed('10.0.0.1', 'other');
    expect(limit.check('10.0.0.1', 'third')).toMatchObject({ allowed: false });
  });

  it('remembers a bounded number of addresses: the one idle longest is forgotten first', () => {
    const { limit } = limiter({ maxKeys: 3 });
    for (let i = 0; i < 10; i++) limit.failed('10.0.0.1', 'a');
    for (const address of ['10.0.0.2', '10.0.0.3', '10.0.0.4']) limit.failed(address, 'b');
    expect(limit.check('10.0.0.1', 'c')).toEqual({ allowed: true });
  });

  it('says how long to wait in both languages', () => {
    expect(tooManyLogins(45)).toEqual({
      en: 'Too many failed logins. Wait 45 seconds, then try again; ask the server\'s administrator if you forgot your password.',
      id: 'Terlalu banyak login yang gagal. Tunggu 45 detik, lalu coba lagi; tanyakan kepada administrator server bila Anda lupa kata sandi.',
    });
    expect(tooManyLogins(361).en).toMatch(/Wait 7 minutes/);
    expect(tooManyLogins(361).id).toMatch(/Tunggu 7 menit/);
  });
});
