import { parseArgs } from 'node:util';
import pg from 'pg';
import { TematikError } from '../domain/errors';
import { defineMessages, type Language } from '../domain/text';
import { addUser, listUsers, removeUser, setDisabled, setPassword } from '../team-server/accounts';
import { checkPasswordRules } from '../team-server/passwords';
import { membersOf, removeMember, requireProject, setMember } from '../team-server/projects';
import { isRole } from '../team-server/roles';
import { migrateServer } from '../team-server/schema';
import { formatTable } from './table';

/**
 * `tematik users …` and `tematik members …`: the team server's accounts and project members,
 * managed on the machine that runs it, straight in its database. Passwords come from standard
 * input (--password-stdin, one line) or a prompt that does not echo; never from an option, which
 * other users of the machine could read in the process list or the shell's history.
 */
export const TEAM_ADMIN_USAGE = `  tematik users add LOGIN --name "Full Name" [--password-stdin] [--database URL]
  tematik users passwd LOGIN [--password-stdin] [--database URL]     (logs the user out everywhere)
  tematik users remove LOGIN [--database URL]
  tematik users disable LOGIN [--database URL]                       (no more logins; logs the user out everywhere)
  tematik users enable LOGIN [--database URL]
  tematik users list [--database URL] [--json]
                (a team server's accounts; the name is who the user is as a coder in every project. The password
                 is asked for without echo, or read as one line from standard input with --password-stdin)
  tematik members add PROJECT-ID LOGIN [--role owner|coder|reviewer] [--database URL]   (coder when not given; changes a member's role)
  tematik members remove PROJECT-ID LOGIN [--database URL]
  tematik members list PROJECT-ID [--database URL] [--json]
                (who may work on a team project: owners manage it, coders code, reviewers read and comment)
                The database is --database postgres://… or $TEMATIK_DATABASE.`;

const say = defineMessages({
  en: {
    usage: '{problem}\nRun "tematik --help" for usage.',
    noDatabase: '"tematik {command}" needs the team server\'s database: --database postgres://user@host/db, or set TEMATIK_DATABASE.',
    usersWhat: 'users what? add LOGIN --name NAME, passwd LOGIN, remove LOGIN, disable LOGIN, enable LOGIN or list.',
    membersWhat: 'members what? add PROJECT-ID LOGIN [--role R], remove PROJECT-ID LOGIN or list PROJECT-ID.',
    needsLogin: '"tematik users {what}" needs the login, e.g. tematik users {what} rina',
    needsName: '"tematik users add" needs the user\'s name with --name, e.g. --name "Rina Sari": it is who they are as a coder in every project.',
    needsProject: '"tematik members {what}" needs the project\'s number{login}, e.g. tematik members {what} 3{example}',
    badRole: '--role is owner, coder or reviewer, not "{role}".',
    roleOnlyAdd: '--role goes with "tematik members add".',
    nameOnlyAdd: '--name goes with "tematik users add".',
    passwordFlag: 'A password is never given as an option (other users of this computer could read it): use --password-stdin and give it on standard input, or leave it out to be asked for it.',
    passwordStdinOnly: '--password-stdin goes with "tematik users add" and "tematik users passwd".',
    noTerminal: 'No password given: pipe it on standard input with --password-stdin, or run the command in a terminal to be asked for it.',
    emptyStdin: 'Standard input held no password: give it as one line, e.g. printf \'%s\\n\' "$PASSWORD" | tematik users {what} {login} --password-stdin',
    askPassword: 'Password for {login}: ',
    askAgain: 'Type it again: ',
    different: 'The two passwords differ; nothing was changed. Run the command again.',
    cancelled: 'Cancelled; nothing was changed.',
    unreachable: 'Could not reach the team server\'s database at {url}: {reason}. Check --database (or TEMATIK_DATABASE) and that PostgreSQL is running there.',
    added: 'Added the user "{login}" ({name}). They log in to the team server with this login and password; add them to projects with "tematik members add PROJECT-ID {login}".',
    passwd: 'Changed the password of "{login}"; {sessions} login session(s) of theirs ended.',
    removed: 'Removed the user "{login}". What they coded stays in the projects under their name "{name}".',
    disabledNow: 'Disabled "{login}" ({name}): they cannot log in, and {sessions} login session(s) of theirs ended; a running team server closes their live updates within seconds. Their memberships and work stay; "tematik users enable {login}" lets them in again.',
    alreadyDisabled: '"{login}" ({name}) was already disabled; nothing was changed.',
    enabledNow: 'Enabled "{login}" ({name}): they can log in again with their password.',
    alreadyEnabled: '"{login}" ({name}) was not disabled; nothing was changed.',
    usersColumns: 'Login|Name|Projects|Added|',
    disabled: 'disabled',
    memberSet: '"{login}" ({name}) is now {role} of project {id} "{project}".',
    memberRemoved: 'Removed "{login}" from project {id} "{project}".',
    membersHead: 'Members of project {id} "{project}":',
    membersColumns: 'Login|Name|Role',
  },
  id: {
    usage: '{problem}\nJalankan "tematik --help" untuk petunjuk pemakaian.',
    noDatabase: '"tematik {command}" memerlukan basis data server tim: --database postgres://user@host/db, atau atur TEMATIK_DATABASE.',
    usersWhat: 'users apa? add LOGIN --name NAMA, passwd LOGIN, remove LOGIN, disable LOGIN, enable LOGIN, atau list.',
    membersWhat: 'members apa? add ID-PROYEK LOGIN [--role R], remove ID-PROYEK LOGIN, atau list ID-PROYEK.',
    needsLogin: '"tematik users {what}" memerlukan login, mis. tematik users {what} rina',
    needsName: '"tematik users add" memerlukan nama pengguna dengan --name, mis. --name "Rina Sari": itulah dirinya sebagai pengode di setiap proyek.',
    needsProject: '"tematik members {what}" memerlukan nomor proyek{login}, mis. tematik members {what} 3{example}',
    badRole: '--role adalah owner, coder, atau reviewer, bukan "{role}".',
    roleOnlyAdd: '--role dipakai bersama "tematik members add".',
    nameOnlyAdd: '--name dipakai bersama "tematik users add".',
    passwordFlag: 'Kata sandi tidak pernah diberikan sebagai opsi (pengguna lain komputer ini dapat membacanya): pakai --password-stdin dan berikan lewat masukan standar, atau hilangkan agar ditanyakan.',
    passwordStdinOnly: '--password-stdin dipakai bersama "tematik users add" dan "tematik users passwd".',
    noTerminal: 'Tidak ada kata sandi: salurkan lewat masukan standar dengan --password-stdin, atau jalankan perintah di terminal agar ditanyakan.',
    emptyStdin: 'Masukan standar tidak berisi kata sandi: berikan sebagai satu baris, mis. printf \'%s\\n\' "$PASSWORD" | tematik users {what} {login} --password-stdin',
    askPassword: 'Kata sandi untuk {login}: ',
    askAgain: 'Ketik sekali lagi: ',
    different: 'Kedua kata sandi berbeda; tidak ada yang diubah. Jalankan lagi perintahnya.',
    cancelled: 'Dibatalkan; tidak ada yang diubah.',
    unreachable: 'Basis data server tim di {url} tidak dapat dihubungi: {reason}. Periksa --database (atau TEMATIK_DATABASE) dan pastikan PostgreSQL berjalan di sana.',
    added: 'Pengguna "{login}" ({name}) ditambahkan. Ia masuk ke server tim dengan login dan kata sandi ini; tambahkan ke proyek dengan "tematik members add ID-PROYEK {login}".',
    passwd: 'Kata sandi "{login}" diganti; {sessions} sesi masuknya diakhiri.',
    removed: 'Pengguna "{login}" dihapus. Hasil pengodeannya tetap ada di proyek atas namanya "{name}".',
    disabledNow: '"{login}" ({name}) dinonaktifkan: ia tidak dapat masuk, dan {sessions} sesi masuknya diakhiri; server tim yang berjalan menutup pembaruan langsungnya dalam hitungan detik. Keanggotaan dan hasil kerjanya tetap ada; "tematik users enable {login}" mengizinkannya masuk lagi.',
    alreadyDisabled: '"{login}" ({name}) sudah nonaktif; tidak ada yang diubah.',
    enabledNow: '"{login}" ({name}) diaktifkan: ia dapat masuk lagi dengan kata sandinya.',
    alreadyEnabled: '"{login}" ({name}) tidak nonaktif; tidak ada yang diubah.',
    usersColumns: 'Login|Nama|Proyek|Ditambahkan|',
    disabled: 'nonaktif',
    memberSet: '"{login}" ({name}) kini {role} proyek {id} "{project}".',
    memberRemoved: '"{login}" dikeluarkan dari proyek {id} "{project}".',
    membersHead: 'Anggota proyek {id} "{project}":',
    membersColumns: 'Login|Nama|Peran',
  },
});

/** A mistake in the command line: said with a pointer to --help, exit status 2. */
class UsageError extends Error {}

const options = {
  database: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
} as const;

/** Whether the command line is one of these commands (the first word that is not an option). */
export function isTeamAdminCommand(argv: readonly string[]): boolean {
  const command = argv.find((a) => !a.startsWith('-'));
  return command === 'users' || command === 'members';
}

/**
 * Runs `tematik users …` or `tematik members …`; returns the exit status. Mistakes in the command
 * line are said here (status 2); refusals (a taken login, the last owner) are thrown as TematikError
 * for the CLI to print in the user's language (status 1).
 */
export async function teamAdmin(argv: readonly string[], language: Language): Promise<number> {
  try {
    return await run(argv, language);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`tematik: ${say('usage', { problem: error.message })[language]}\n`);
    return 2;
  }
}

async function run(argv: readonly string[], language: Language): Promise<number> {
  const t = (key: Parameters<typeof say>[0], params?: Parameters<typeof say>[1]) => say(key, params)[language];
  if (argv.some((a) => a === '--password' || a.startsWith('--password='))) throw new UsageError(t('passwordFlag'));
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values: flags, positionals } = parsed;
  const [command, what, ...rest] = positionals as [string, ...string[]];
  if (flags.help) {
    process.stdout.write(`${TEAM_ADMIN_USAGE}\n`);
    return 0;
  }
  if (flags['password-stdin'] && !(command === 'users' && (what === 'add' || what === 'passwd'))) throw new UsageError(t('passwordStdinOnly'));
  if (flags.name !== undefined && !(command === 'users' && what === 'add')) throw new UsageError(t('nameOnlyAdd'));
  if (flags.role !== undefined && !(command === 'members' && what === 'add')) throw new UsageError(t('roleOnlyAdd'));

  const plan = command === 'users' ? usersCommand(what, rest, flags, t) : membersCommand(what, rest, flags, t);
  const url = flags.database ?? process.env['TEMATIK_DATABASE'];
  if (!url) throw new UsageError(t('noDatabase', { command }));
  // The password is read before connecting: a prompt is not left waiting on a connection, nor a connection on a prompt.
  const password = plan.password ? await readPassword(plan.password, flags['password-stdin'] ?? false, language) : '';

  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 15_000 });
  // An idle connection dropped by the server is an event, not a crash; the next query reports it.
  pool.on('error', () => undefined);
  try {
    try {
      await migrateServer(pool);
    } catch (error) {
      if (error instanceof TematikError) throw error;
      throw new TematikError('io', say('unreachable', { url: withoutPassword(url), reason: (error as Error).message || String(error) }));
    }
    const out = await plan.run(pool, password);
    process.stdout.write(`${flags.json ? JSON.stringify(out.value, null, 2) : out.text}\n`);
    return 0;
  } finally {
    await pool.end();
  }
}

type Flags = { readonly name?: string | undefined; readonly role?: string | undefined; readonly json?: boolean | undefined };
type Say = (key: Parameters<typeof say>[0], params?: Parameters<typeof say>[1]) => string;
/** A command understood from the command line, run once the database is reached; `password` names whose password to ask for. */
interface Plan {
  readonly password?: { readonly login: string; readonly what: 'add' | 'passwd' };
  run(pool: pg.Pool, password: string): Promise<{ value: unknown; text: string }>;
}

function usersCommand(what: string | undefined, rest: readonly string[], flags: Flags, t: Say): Plan {
  const login = (): string => {
    if (rest.length !== 1) throw new UsageError(t('needsLogin', { what: what ?? 'add' }));
    return rest[0]!;
  };
  switch (what) {
    case 'add': {
      const name = flags.name;
      const user = login();
      if (name === undefined) throw new UsageError(t('needsName'));
      return {
        password: { login: user, what },
        run: async (pool, password) => {
          const added = await addUser(pool, { login: user, name, password });
          return { value: added, text: t('added', { login: added.login, name: added.name }) };
        },
      };
    }
    case 'passwd': {
      const user = login();
      return {
        password: { login: user, what },
        run: async (pool, password) => {
          const sessions = await setPassword(pool, user, password);
          return { value: { login: user.trim().toLowerCase(), sessionsEnded: sessions }, text: t('passwd', { login: user.trim().toLowerCase(), sessions }) };
        },
      };
    }
    case 'remove': {
      const user = login();
      return {
        run: async (pool) => {
          const removed = await removeUser(pool, user);
          return { value: removed, text: t('removed', { login: removed.login, name: removed.name }) };
        },
      };
    }
    case 'disable':
    case 'enable': {
      const user = login();
      const disabling = what === 'disable';
      return {
        run: async (pool) => {
          const { user: found, changed, sessionsEnded } = await setDisabled(pool, user, disabling);
          const key = disabling ? (changed ? 'disabledNow' : 'alreadyDisabled') : (changed ? 'enabledNow' : 'alreadyEnabled');
          return {
            value: { login: found.login, disabled: disabling, changed, sessionsEnded },
            text: t(key, { login: found.login, name: found.name, sessions: sessionsEnded }),
          };
        },
      };
    }
    case 'list':
      if (rest.length) throw new UsageError(t('usersWhat'));
      return {
        run: async (pool) => {
          const users = await listUsers(pool);
          const rows = users.map((u) => [u.login, u.name, String(u.projects), u.createdAt.slice(0, 10), u.disabled ? t('disabled') : '']);
          return { value: users, text: formatTable(t('usersColumns').split('|'), rows) };
        },
      };
    default:
      throw new UsageError(t('usersWhat'));
  }
}

function membersCommand(what: string | undefined, rest: readonly string[], flags: Flags, t: Say): Plan {
  const withLogin = what === 'add' || what === 'remove';
  if (what !== 'add' && what !== 'remove' && what !== 'list') throw new UsageError(t('membersWhat'));
  const [projectArg, login, ...extra] = rest;
  if (!projectArg || !/^[1-9][0-9]{0,14}$/.test(projectArg) || (withLogin ? !login : login !== undefined) || extra.length) {
    throw new UsageError(t('needsProject', { what, login: withLogin ? ' and the login' : '', example: withLogin ? ' rina' : '' }));
  }
  const id = Number(projectArg);
  switch (what) {
    case 'add': {
      const role = flags.role ?? 'coder';
      if (!isRole(role)) throw new UsageError(t('badRole', { role }));
      return {
        run: async (pool) => {
          const project = await requireProject(pool, id);
          const member = await setMember(pool, id, login!, role);
          return { value: member, text: t('memberSet', { login: member.login, name: member.name, role, id: String(id), project: project.name }) };
        },
      };
    }
    case 'remove':
      return {
        run: async (pool) => {
          const project = await requireProject(pool, id);
          await removeMember(pool, id, login!);
          return { value: null, text: t('memberRemoved', { login: login!.trim().toLowerCase(), id: String(id), project: project.name }) };
        },
      };
    case 'list':
      return {
        run: async (pool) => {
          const project = await requireProject(pool, id);
          const members = await membersOf(pool, id);
          const table = formatTable(t('membersColumns').split('|'), members.map((m) => [m.login, m.name, m.role]));
          return { value: members, text: `${t('membersHead', { id: String(id), project: project.name })}\n\n${table}` };
        },
      };
  }
}

/**
 * The password: the first line of standard input, or typed at a prompt without echo (twice, so a
 * typo does not lock the user out). Checked against the rules before anything is asked of the
 * database. Never an option.
 */
async function readPassword(about: { login: string; what: 'add' | 'passwd' }, fromStdin: boolean, language: Language): Promise<string> {
  let password: string;
  if (fromStdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    password = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
    if (password === '') throw new UsageError(say('emptyStdin', { what: about.what, login: about.login })[language]);
  } else {
    if (!process.stdin.isTTY) throw new UsageError(say('noTerminal')[language]);
    password = await promptHidden(say('askPassword', { login: about.login.trim().toLowerCase() })[language]);
    // Said before it is typed again, so a short one is not typed twice for nothing.
    checkPasswordRules(password);
    if (await promptHidden(say('askAgain')[language]) !== password) throw new TematikError('invalid_args', say('different'));
  }
  checkPasswordRules(password);
  return password;
}

/** One line typed on the terminal with echo off; Ctrl+C or Ctrl+D on an empty line cancels. */
function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  // Echo goes off before the question shows: an answer typed on seeing it is never echoed.
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  process.stderr.write(question);
  return new Promise<string>((resolve, reject) => {
    let typed = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(typed);
          return;
        }
        if (ch === '\u0003' || (ch === '\u0004' && typed === '')) {
          finish();
          reject(new TematikError('cancelled', say('cancelled')));
          return;
        }
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    input.on('data', onData);
  });
}

/** The connection string as it may be shown: without its password. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '****';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':****@');
  }
}
