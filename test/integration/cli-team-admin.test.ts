import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLogin, checkPassword, findUser } from '../../src/team-server/accounts';
import { registerProject } from '../../src/team-server/projects';
import { findSession, startSession } from '../../src/team-server/sessions';
import { startCluster, type Cluster } from '../helpers/postgres';

/** The built CLI, as `npx tematik` runs it (npm test builds it first). */
const BIN = path.resolve(__dirname, '../../dist/src/cli/tematik.js');

let cluster: Cluster;
let url: string;
let pool: pg.Pool;

function tematik(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, TEMATIK_LANG: 'en', TEMATIK_DATABASE: '', ...options.env };
  // Standard input is a pipe (not a terminal) unless the test says otherwise: a closed one when there is no input.
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, input: options.input ?? '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build:core" first (npm test does).`);
  cluster = await startCluster();
  url = cluster.createDatabase('team');
  pool = new pg.Pool({ connectionString: url });
});

afterAll(async () => {
  await pool?.end();
  cluster?.stop();
});

describe('tematik users', () => {
  it('adds a user with the password on standard input (one line), sets up the database on the way, and lists them', async () => {
    const added = tematik(['users', 'add', 'Rina', '--name', 'Rina Sari', '--password-stdin', '--database', url], { input: 'kopi lereng merapi\nthe rest is ignored\n' });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toBe('Added the user "rina" (Rina Sari). They log in to the team server with this login and password; add them to projects with "tematik members add PROJECT-ID rina".\n');
    expect(await checkPassword(pool, 'rina', 'kopi lereng merapi')).toMatchObject({ login: 'rina', name: 'Rina Sari' });

    // The database may come from TEMATIK_DATABASE; Windows line endings are one line too.
    const second = tematik(['users', 'add', 'budi', '--name', 'Budi Santoso', '--password-stdin'], { input: 'teh tarik manis sekali\r\n', env: { TEMATIK_DATABASE: url } });
    expect(second.code, second.stderr).toBe(0);
    expect(await checkPassword(pool, 'budi', 'teh tarik manis sekali')).not.toBeNull();

    const listed = tematik(['users', 'list', '--database', url]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^Login\s+Name\s+Projects\s+Added\n/);
    expect(listed.stdout).toMatch(/\nbudi\s+Budi Santoso\s+0\s+\d{4}-\d\d-\d\d\n/);
    expect(listed.stdout).toMatch(/\nrina\s+Rina Sari\s+0\s+\d{4}-\d\d-\d\d\n/);
    const json = JSON.parse(tematik(['users', 'list', '--json', '--database', url]).stdout) as { login: string; name: string }[];
    expect(json.map((u) => [u.login, u.name])).toEqual([['budi', 'Budi Santoso'], ['rina', 'Rina Sari']]);
    expect(JSON.stringify(json)).not.toMatch(/scrypt|password/);
  });

  it('never takes a password as an option, and says how to give it', async () => {
    for (const flag of [['--password', 'kopi lereng merapi'], ['--password=kopi lereng merapi']]) {
      const refused = tematik(['users', 'add', 'tamu', '--name', 'Tamu', ...flag, '--database', url]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/A password is never given as an option \(other users of this computer could read it\): use --password-stdin/);
    }
    const noTerminal = tematik(['users', 'add', 'tamu', '--name', 'Tamu', '--database', url]);
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.stderr).toMatch(/No password given: pipe it on standard input with --password-stdin, or run the command in a terminal/);
    const empty = tematik(['users', 'add', 'tamu', '--name', 'Tamu', '--password-stdin', '--database', url], { input: '\n' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/Standard input held no password/);
    const short = tematik(['users', 'add', 'tamu', '--name', 'Tamu', '--password-stdin', '--database', url], { input: 'pendek\n' });
    expect(short.code).toBe(1);
    expect(short.stderr).toBe('tematik: The password is too short (6 characters): use at least 10, e.g. a few words that belong together only for you.\n');
    expect(await findUser(pool, 'tamu')).toBeNull();
  });

  it('says what is missing or wrong in the command line, in the user\'s language', () => {
    expect(tematik(['users', '--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/tematik users add LOGIN --name "Full Name" \[--password-stdin\]/) });
    const help = tematik(['--help']).stdout;
    expect(help).toMatch(/\n  tematik users add LOGIN --name "Full Name" \[--password-stdin\] \[--database URL\]\n/);
    expect(help).toMatch(/\n  tematik members list PROJECT-ID \[--database URL\] \[--json\]\n/);
    expect(tematik(['users', 'list'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/"tematik users" needs the team server's database: --database postgres:\/\/user@host\/db, or set TEMATIK_DATABASE/) });
    expect(tematik(['users', 'add', 'x', '--database', url])).toMatchObject({ code: 2, stderr: expect.stringMatching(/needs the user's name with --name/) });
    expect(tematik(['users', 'frobnicate', '--database', url])).toMatchObject({ code: 2, stderr: expect.stringMatching(/users what\? add LOGIN --name NAME, passwd LOGIN, remove LOGIN, disable LOGIN, enable LOGIN or list/) });
    expect(tematik(['users', 'list', '--role', 'coder', '--database', url])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--role goes with "tematik members add"/) });
    expect(tematik(['users', 'list'], { env: { TEMATIK_LANG: 'id' } })).toMatchObject({ code: 2, stderr: expect.stringMatching(/memerlukan basis data server tim/) });
    const bad = tematik(['users', 'add', 'rina sari', '--name', 'Rina', '--password-stdin', '--database', url], { input: 'kopi lereng merapi\n' });
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringMatching(/The login "rina sari" is not usable: use 1 to 64 lowercase letters/) });
  });

  it('refuses a taken login or name, naming the other user', () => {
    const taken = tematik(['users', 'add', 'rina', '--name', 'Rina Lain', '--password-stdin', '--database', url], { input: 'kopi lereng merapi\n' });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/There is already a user with the login "rina"/);
    const named = tematik(['users', 'add', 'rina2', '--name', 'rina sari', '--password-stdin', '--database', url], { input: 'kopi lereng merapi\n' });
    expect(named.code).toBe(1);
    expect(named.stderr).toMatch(/There is already a user named "Rina Sari" \(login "rina"\)/);
  });

  it('passwd sets a new password and logs the user out everywhere', async () => {
    const budi = (await findUser(pool, 'budi'))!;
    const { token } = await startSession(pool, budi);
    const changed = tematik(['users', 'passwd', 'budi', '--password-stdin', '--database', url], { input: 'nasi goreng pedas sekali\n' });
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toBe('Changed the password of "budi"; 1 login session(s) of theirs ended.\n');
    expect(await findSession(pool, token)).toBeNull();
    expect(await checkPassword(pool, 'budi', 'teh tarik manis sekali')).toBeNull();
    expect(await checkPassword(pool, 'budi', 'nasi goreng pedas sekali')).not.toBeNull();
    expect(tematik(['users', 'passwd', 'nobody', '--password-stdin', '--database', url], { input: 'nasi goreng pedas sekali\n' }))
      .toMatchObject({ code: 1, stderr: 'tematik: There is no user with the login "nobody" on this server. "tematik users list" shows them.\n' });
  });

  it('disable logs the user out everywhere and refuses their logins; enable lets them in again; list shows who is disabled', async () => {
    const budi = (await findUser(pool, 'budi'))!;
    const [a, b] = [await startSession(pool, budi), await startSession(pool, budi)];
    const rina = await startSession(pool, (await findUser(pool, 'rina'))!);
    const disabled = tematik(['users', 'disable', 'Budi', '--database', url]);
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(disabled.stdout).toBe('Disabled "budi" (Budi Santoso): they cannot log in, and 2 login session(s) of theirs ended; a running team server closes their live updates within seconds. Their memberships and work stay; "tematik users enable budi" lets them in again.\n');
    expect(await findSession(pool, a.token)).toBeNull();
    expect(await findSession(pool, b.token)).toBeNull();
    expect(await findSession(pool, rina.token)).not.toBeNull();
    const refused = await checkLogin(pool, 'budi', 'nasi goreng pedas sekali');
    expect(refused).toMatchObject({ refused: 'disabled', why: { en: expect.stringMatching(/^The account "budi" is disabled on this server/), id: expect.stringMatching(/^Akun "budi" dinonaktifkan di server ini/) } });
    // Only whoever has the password learns that the account is disabled.
    expect(await checkLogin(pool, 'budi', 'bukan kata sandinya')).toEqual({ refused: 'wrong' });
    expect(await checkPassword(pool, 'budi', 'nasi goreng pedas sekali')).toBeNull();

    expect(tematik(['users', 'list', '--database', url]).stdout).toMatch(/\nbudi\s+Budi Santoso\s+\d+\s+\d{4}-\d\d-\d\d\s+disabled\n/);
    expect(tematik(['users', 'list', '--database', url], { env: { TEMATIK_LANG: 'id' } }).stdout).toMatch(/\nbudi\s+Budi Santoso\s+\d+\s+\d{4}-\d\d-\d\d\s+nonaktif\n/);
    const listed = JSON.parse(tematik(['users', 'list', '--json', '--database', url]).stdout) as { login: string; disabled: boolean }[];
    expect(listed.filter((u) => u.disabled).map((u) => u.login)).toEqual(['budi']);
    expect(tematik(['users', 'disable', 'budi', '--database', url])).toMatchObject({ code: 0, stdout: '"budi" (Budi Santoso) was already disabled; nothing was changed.\n' });
    expect(tematik(['users', 'disable', 'budi', '--database', url], { env: { TEMATIK_LANG: 'id' } })).toMatchObject({ code: 0, stdout: '"budi" (Budi Santoso) sudah nonaktif; tidak ada yang diubah.\n' });

    const enabled = tematik(['users', 'enable', 'budi', '--json', '--database', url]);
    expect(enabled.code, enabled.stderr).toBe(0);
    expect(JSON.parse(enabled.stdout)).toEqual({ login: 'budi', disabled: false, changed: true, sessionsEnded: 0 });
    expect(await checkPassword(pool, 'budi', 'nasi goreng pedas sekali')).toMatchObject({ login: 'budi' });
    expect(tematik(['users', 'list', '--database', url]).stdout).toMatch(/\nbudi\s+Budi Santoso\s+\d+\s+\d{4}-\d\d-\d\d\n/);
    expect(tematik(['users', 'enable', 'budi', '--database', url]).stdout).toBe('"budi" (Budi Santoso) was not disabled; nothing was changed.\n');
    expect(tematik(['users', 'disable', 'nobody', '--database', url]))
      .toMatchObject({ code: 1, stderr: 'tematik: There is no user with the login "nobody" on this server. "tematik users list" shows them.\n' });
    expect(tematik(['users', 'disable', '--database', url])).toMatchObject({ code: 2, stderr: expect.stringMatching(/"tematik users disable" needs the login, e.g. tematik users disable rina/) });
  });

  it('asks for the password on a terminal without showing it, twice', async () => {
    const typed = 'sambal terasi mantap';
    const { code, output } = await onTerminal(['users', 'add', 'dewi', '--name', 'Dewi Anggraini', '--database', url], [
      ['Password for dewi: ', `${typed}\r`], ['Type it again: ', `${typed}\r`],
    ]);
    expect(code, output).toBe(0);
    expect(output).toMatch(/Added the user "dewi"/);
    expect(output).not.toContain('sambal');
    expect(await checkPassword(pool, 'dewi', typed)).toMatchObject({ name: 'Dewi Anggraini' });

    const differs = await onTerminal(['users', 'passwd', 'dewi', '--database', url], [
      ['Password for dewi: ', 'rendang padang enak\r'], ['Type it again: ', 'rendang padang enaak\r'],
    ]);
    expect(differs.code).toBe(1);
    expect(differs.output).toMatch(/The two passwords differ; nothing was changed/);
    expect(differs.output).not.toContain('rendang');
    expect(await checkPassword(pool, 'dewi', typed)).not.toBeNull();
  });

  it('says which database it could not reach, without its password', () => {
    const result = tematik(['users', 'list', '--database', 'postgresql://tematik:geheim@127.0.0.1:1/tematik']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^tematik: Could not reach the team server's database at postgresql:\/\/tematik:\*\*\*\*@127\.0\.0\.1:1\/tematik: .*ECONNREFUSED.*\. Check --database \(or TEMATIK_DATABASE\) and that PostgreSQL is running there\.\n$/);
    expect(result.stderr).not.toContain('geheim');
  });
});

describe('tematik members', () => {
  it('adds, lists, changes and removes the members of a project; the last owner stays', async () => {
    const rina = (await findUser(pool, 'rina'))!;
    const id = await registerProject(pool, { name: 'Studi UMKM Kopi', ownerId: rina.id });
    const added = tematik(['members', 'add', String(id), 'budi', '--database', url]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toBe(`"budi" (Budi Santoso) is now coder of project ${id} "Studi UMKM Kopi".\n`);
    expect(tematik(['members', 'add', String(id), 'dewi', '--role', 'reviewer', '--database', url]).code).toBe(0);
    const listed = tematik(['members', 'list', String(id), '--database', url]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^Members of project ${id} "Studi UMKM Kopi":\\n\\nLogin\\s+Name\\s+Role\\n[- ]+\\nrina\\s+Rina Sari\\s+owner\\nbudi\\s+Budi Santoso\\s+coder\\ndewi\\s+Dewi Anggraini\\s+reviewer\\n$`));
    expect(JSON.parse(tematik(['members', 'list', String(id), '--json', '--database', url]).stdout)).toEqual([
      { login: 'rina', name: 'Rina Sari', role: 'owner' }, { login: 'budi', name: 'Budi Santoso', role: 'coder' }, { login: 'dewi', name: 'Dewi Anggraini', role: 'reviewer' },
    ]);

    const lastOwner = tematik(['members', 'remove', String(id), 'rina', '--database', url]);
    expect(lastOwner.code).toBe(1);
    expect(lastOwner.stderr).toMatch(/"rina" is the only owner of the project "Studi UMKM Kopi", and a project needs one/);
    expect(tematik(['members', 'add', String(id), 'dewi', '--role', 'owner', '--database', url]).code).toBe(0);
    const removed = tematik(['members', 'remove', String(id), 'rina', '--database', url]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toBe(`Removed "rina" from project ${id} "Studi UMKM Kopi".\n`);
    expect(JSON.parse(tematik(['members', 'list', String(id), '--json', '--database', url]).stdout).map((m: { login: string; role: string }) => `${m.login}:${m.role}`))
      .toEqual(['dewi:owner', 'budi:coder']);
  });

  it('refuses an unknown project or role, and a command line without the project', () => {
    expect(tematik(['members', 'list', '9999', '--database', url])).toMatchObject({ code: 1, stderr: 'tematik: There is no project 9999 on this server. The list of team projects shows their numbers.\n' });
    expect(tematik(['members', 'add', '1', 'budi', '--role', 'admin', '--database', url])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--role is owner, coder or reviewer, not "admin"/) });
    expect(tematik(['members', 'add', 'studi', 'budi', '--database', url])).toMatchObject({ code: 2, stderr: expect.stringMatching(/needs the project's number and the login, e.g. tematik members add 3 rina/) });
    expect(tematik(['members', 'list', '--database', url])).toMatchObject({ code: 2, stderr: expect.stringMatching(/needs the project's number, e.g. tematik members list 3/) });
  });

  it('a user removed keeps no memberships; one who is a project\'s only owner is not removed', async () => {
    const dewi = (await findUser(pool, 'dewi'))!;
    const own = await registerProject(pool, { name: 'Milik Dewi', ownerId: dewi.id });
    const refused = tematik(['users', 'remove', 'dewi', '--database', url]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/The user "dewi" is the only owner of "Studi UMKM Kopi" \(\d+\), "Milik Dewi" \(\d+\)/);
    expect(tematik(['members', 'add', String(own), 'budi', '--role', 'owner', '--database', url]).code).toBe(0);
    expect(tematik(['members', 'add', String(own - 1), 'budi', '--role', 'owner', '--database', url]).code).toBe(0);
    const removed = tematik(['users', 'remove', 'dewi', '--database', url]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toBe('Removed the user "dewi". What they coded stays in the projects under their name "Dewi Anggraini".\n');
    expect(await findUser(pool, 'dewi')).toBeNull();
  });
});

/**
 * Runs the CLI on a pseudo-terminal (util-linux `script`), answering each prompt once it is shown:
 * an answer typed before the prompt turned echo off would be echoed by the terminal itself.
 */
function onTerminal(args: string[], answers: [prompt: string, answer: string][]): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const child = spawn('script', ['-qefc', command, '/dev/null'], { env: { ...process.env, TEMATIK_LANG: 'en', TEMATIK_DATABASE: '' } });
  let output = '';
  let next = 0;
  const onOutput = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    while (next < answers.length && output.split(answers[next]![0]).length - 1 >= countBefore(next)) {
      child.stdin.write(answers[next]![1]);
      next++;
    }
  };
  // How many times answer `i`'s prompt has been shown once its turn comes (prompts may repeat).
  const countBefore = (i: number) => answers.slice(0, i + 1).filter(([p]) => p === answers[i]![0]).length;
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}
