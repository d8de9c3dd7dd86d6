import type { ActionName } from '../api/contract';
import { effects } from '../api/touches';
import { defineMessages, type LocalizedText } from '../domain/text';

/**
 * Who may do what on a team server. Roles are per project: an owner manages the project and its
 * members (HTTP routes, not actions), a coder does every action the server offers, a reviewer
 * (a supervisor) reads and comments. Before the role, the server itself: some actions are about
 * the computer they run on (native dialogs, files on its disk, its backups, "who is coding"),
 * which on a server is not the user's computer.
 */
export const ROLES = ['owner', 'coder', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/**
 * How a team server offers an action:
 * - `offered`: as it is;
 * - `uploads`: only with files the user uploaded (POST /api/team/uploads) in place of paths: the
 *   named arguments (a path, or a list of paths) must be upload tokens, which the server replaces
 *   with the stored files' paths; `embedOnly` actions keep nothing but what they embed, since an
 *   upload lasts only as long as the login session; `refusedArgs` are other arguments that would
 *   name a place on the server (a folder), refused with what to do instead;
 * - `downloads`: only without the named arguments, which would write a file on the server's disk:
 *   without them the action hands the file back (base64) for the browser to download;
 * - `refused`: not at all, with what to do instead.
 */
export type ServerUse =
  | { readonly kind: 'offered' }
  | { readonly kind: 'uploads'; readonly paths: readonly string[]; readonly embedOnly?: true; readonly refusedArgs?: Readonly<Record<string, LocalizedText>> }
  | { readonly kind: 'downloads'; readonly outputs: readonly string[] }
  | { readonly kind: 'refused'; readonly why: LocalizedText };

const say = defineMessages({
  en: {
    projectFiles: 'A team server keeps its projects itself: open one from the list of team projects, or create or publish one there. Project files on your computer are opened in the desktop app.',
    sample: 'The sample study is opened in the desktop app (or in browser mode on your computer). To work on it as a team, publish it to the server from there.',
    choosePaths: 'A team server cannot show your computer\'s file dialog: choose the files in the page, which uploads them.',
    recent: 'A team server keeps no list of recent files: its projects are in the list of team projects.',
    backups: 'Backups of a team server are made by its administrator (pg_dump of the database). To keep a copy of your own, use "Take a copy" in the list of team projects.',
    whoIsCoding: 'On a team server you code as yourself: your changes are recorded under your account\'s name. Log in as another user to code as them.',
    accountName: 'On a team server a coder\'s name is their account\'s name, which their work is recorded under: renaming the coder here would split it. The server\'s administrator gives accounts their names (tematik users).',
    blind: 'Blind coding is a setting of your own computer. For coding blind, take a copy of the project for each coder ("Take a copy", then "Make a copy for another coder" in the desktop app) and merge the copies back.',
    copyForCoder: 'On a team server every coder works on the project itself. To give an offline coder their own copy, use "Take a copy" in the list of team projects, then "Make a copy for another coder" in the desktop app.',
    deidShare: 'A de-identified copy is written on your own computer: use "Take a copy" in the list of team projects, open it in the desktop app and share it de-identified from there.',
    folder: 'On a team server "folder" cannot be given: it would name a folder on the server, not on your computer. Choose the folder in the page, which uploads its files; their upload tokens go in "files".',
    reviewer: 'You review this project: you can read it and add comments, but not change it. Ask an owner of the project to make you a coder if you need to.',
    noToken: 'On a team server "{arg}" takes a file you uploaded (its upload token, "upload:…"), not a path: "{given}" is not one. Upload the file again; uploads last as long as your login.',
    unknownToken: 'The uploaded file "{given}" is no longer kept (uploads last as long as your login). Upload it again.',
    noOutput: 'On a team server "{arg}" cannot be given: the file is not written on the server but handed to your browser to download. Leave "{arg}" out.',
    embedOnly: 'On a team server a recording is embedded in the project (the uploaded file is not kept): link it with "embed".',
  },
  id: {
    projectFiles: 'Server tim menyimpan proyeknya sendiri: buka proyek dari daftar proyek tim, atau buat atau terbitkan proyek di sana. Berkas proyek di komputer Anda dibuka di aplikasi desktop.',
    sample: 'Studi contoh dibuka di aplikasi desktop (atau mode peramban di komputer Anda). Untuk mengerjakannya bersama tim, terbitkan dari sana ke server.',
    choosePaths: 'Server tim tidak dapat menampilkan dialog berkas komputer Anda: pilih berkasnya di halaman, yang akan mengunggahnya.',
    recent: 'Server tim tidak menyimpan daftar berkas terakhir: proyeknya ada di daftar proyek tim.',
    backups: 'Cadangan server tim dibuat oleh administratornya (pg_dump basis data). Untuk menyimpan salinan sendiri, pakai "Ambil salinan" di daftar proyek tim.',
    whoIsCoding: 'Di server tim Anda mengode sebagai diri sendiri: perubahan Anda dicatat atas nama akun Anda. Masuk sebagai pengguna lain untuk mengode sebagai dia.',
    accountName: 'Di server tim, nama seorang pengode adalah nama akunnya, yang mencatat pekerjaannya: mengganti nama pengode di sini akan memecahnya. Pengelola server yang memberi nama akun (tematik users).',
    blind: 'Pengodean buta adalah pengaturan komputer Anda sendiri. Untuk mengode secara buta, ambil salinan proyek untuk setiap pengode ("Ambil salinan", lalu "Buat salinan untuk pengode lain" di aplikasi desktop) dan gabungkan kembali salinannya.',
    copyForCoder: 'Di server tim setiap pengode mengerjakan proyek itu sendiri. Untuk memberi pengode luring salinannya sendiri, pakai "Ambil salinan" di daftar proyek tim, lalu "Buat salinan untuk pengode lain" di aplikasi desktop.',
    deidShare: 'Salinan yang dianonimkan ditulis di komputer Anda sendiri: pakai "Ambil salinan" di daftar proyek tim, buka di aplikasi desktop, lalu bagikan versi anonimnya dari sana.',
    folder: 'Di server tim "folder" tidak dapat diberikan: itu akan menunjuk folder di server, bukan di komputer Anda. Pilih folder itu di halaman, yang akan mengunggah berkasnya; token unggahannya masuk ke "files".',
    reviewer: 'Anda meninjau proyek ini: Anda dapat membacanya dan menambahkan komentar, tetapi tidak mengubahnya. Mintalah pemilik proyek menjadikan Anda pengode bila perlu.',
    noToken: 'Di server tim "{arg}" menerima berkas yang Anda unggah (token unggahannya, "upload:…"), bukan jalur: "{given}" bukan token. Unggah lagi berkasnya; unggahan berlaku selama Anda masuk.',
    unknownToken: 'Berkas unggahan "{given}" tidak disimpan lagi (unggahan berlaku selama Anda masuk). Unggah lagi berkasnya.',
    noOutput: 'Di server tim "{arg}" tidak dapat diberikan: berkasnya tidak ditulis di server, tetapi diserahkan ke peramban Anda untuk diunduh. Hapus "{arg}".',
    embedOnly: 'Di server tim rekaman disematkan di proyek (berkas unggahan tidak disimpan): tautkan dengan "embed".',
  },
});

const offered: ServerUse = { kind: 'offered' };
const uploads = (...paths: string[]): ServerUse => ({ kind: 'uploads', paths });
const downloads = (...outputs: string[]): ServerUse => ({ kind: 'downloads', outputs });
const refused = (why: LocalizedText): ServerUse => ({ kind: 'refused', why });

/**
 * Every action of the contract and how a team server offers it; the type makes a new action fail
 * to compile until it is listed here (as src/api/touches.ts does for effects).
 */
export const SERVER_ACTIONS: { readonly [N in ActionName]: ServerUse } = {
  'app.info': offered,
  'app.choosePaths': refused(say('choosePaths')),
  'app.openSample': refused(say('sample')),
  'app.forgetRecent': refused(say('recent')),

  'project.create': refused(say('projectFiles')),
  'project.open': refused(say('projectFiles')),
  'project.close': refused(say('projectFiles')),
  'project.info': offered,
  'project.update': offered,
  'project.setPhase': offered,
  'project.stats': offered,
  'project.check': offered,

  'backup.list': refused(say('backups')),
  'backup.create': refused(say('backups')),
  'backup.restore': refused(say('backups')),

  'history.state': offered,
  'history.undo': offered,
  'history.redo': offered,
  'audit.list': offered,

  'informantTypes.list': offered,
  'informantTypes.create': offered,
  'informantTypes.update': offered,
  'informantTypes.delete': offered,

  'attributes.list': offered,
  'informants.list': offered,
  'informants.create': offered,
  'informants.update': offered,
  'informants.delete': offered,

  'documents.list': offered,
  'documents.get': offered,
  'documents.text': offered,
  'documents.rename': offered,
  'documents.assign': offered,
  'documents.delete': offered,
  'documents.speakers': offered,
  'documents.setSpeaker': offered,
  'documents.swapRoles': offered,
  'documents.editText': offered,
  'documents.replacePlan': uploads('file'),
  'documents.replaceText': uploads('file'),
  'documents.splitTurn': offered,
  'documents.joinTurns': offered,
  'documents.setTurnSpeaker': offered,

  'import.files': uploads('paths'),
  // A folder picked in the page arrives as its files, uploaded one by one; the desktop's matching with the sheet runs on them.
  'import.folder': { kind: 'uploads', paths: ['files', 'sheet'], refusedArgs: { folder: say('folder') } },

  'codes.list': offered,
  'codes.create': offered,
  'codes.update': offered,
  'codes.move': offered,
  'codes.merge': offered,
  'codes.delete': offered,
  'hotkeys.set': offered,

  'codings.apply': offered,
  'codings.remove': offered,
  'codings.recode': offered,
  'codings.forDocument': offered,
  'codings.forCode': offered,
  'codings.resolve': offered,

  'memos.list': offered,
  'memos.create': offered,
  'memos.update': offered,
  'memos.delete': offered,

  'themes.list': offered,
  'themes.create': offered,
  'themes.update': offered,
  'themes.addCodes': offered,
  'themes.removeCodes': offered,
  'board.moveCode': offered,
  'themes.delete': offered,
  'themes.split': offered,
  'themes.merge': offered,
  'themes.setConvergence': offered,
  'themes.review': offered,
  'codes.unthemed': offered,

  'themeLinks.list': offered,
  'themeLinks.create': offered,
  'themeLinks.update': offered,
  'themeLinks.delete': offered,

  'map.get': offered,
  'map.move': offered,
  'map.resetLayout': offered,

  'comments.list': offered,
  'comments.add': offered,
  'comments.resolve': offered,
  'comments.importReview': uploads('path'),

  'phases.checks': offered,
  'phases.check': offered,

  'analysis.triangulation': offered,
  'analysis.cellExtracts': offered,
  'analysis.cooccurrence': offered,
  'analysis.cooccurrenceExtracts': offered,
  'analysis.agreement': offered,
  'analysis.agreementDisagreements': offered,

  'search.query': offered,
  'search.code': offered,
  'search.similar': offered,

  'report.word': downloads('path'),

  'coders.list': offered,
  'coders.add': offered,
  'coders.rename': refused(say('accountName')),
  'coders.setColour': offered,
  'coders.setCurrent': refused(say('whoIsCoding')),
  'coders.setBlind': refused(say('blind')),
  'team.copyForCoder': refused(say('copyForCoder')),
  'team.mergePlan': uploads('path'),
  'team.merge': uploads('path'),

  'redactions.list': offered,
  'redactions.add': offered,
  'redactions.update': offered,
  'redactions.remove': offered,
  'deid.preview': offered,
  'deid.apply': offered,
  'deid.key': offered,
  'deid.share': refused(say('deidShare')),

  'refi.exportProject': downloads('path'),
  'refi.importProject': uploads('path'),
  'refi.inspectProject': uploads('path'),
  'refi.exportCodebook': downloads('path'),
  'refi.importCodebook': uploads('path'),

  'export.table': downloads('path'),
  'taguette.exportCodebook': downloads('path'),
  'taguette.importCodebook': uploads('path'),
  'export.themeMap': downloads('path'),

  'recordings.list': offered,
  'recordings.forDocument': offered,
  'recordings.link': { kind: 'uploads', paths: ['path'], embedOnly: true },
  'recordings.unlink': offered,
  'recordings.source': offered,
  'recordings.bytes': offered,
  'turns.setTime': offered,
  'export.reviewPackage': downloads('path'),
};

export type Permission = { readonly allowed: true } | { readonly allowed: false; readonly why: LocalizedText };

/** What a reviewer may do besides reading: comment. */
const REVIEWER_CHANGES: ReadonlySet<ActionName> = new Set<ActionName>(['comments.add']);

/** Whether the action only reads the project (its effect in src/api/touches.ts is `reads`). */
const onlyReads = (action: ActionName): boolean => {
  const effect = effects[action];
  return typeof effect === 'object' && 'reads' in effect;
};

/**
 * Whether a member with `role` may invoke `action` on a team server: refused first when the server
 * does not offer it (saying what to do instead), then by role: a reviewer reads, downloads and comments,
 * coders and owners do everything offered. The arguments are checked by `serverArgs`.
 */
export function mayInvoke(role: Role, action: ActionName): Permission {
  const use = SERVER_ACTIONS[action];
  if (use.kind === 'refused') return { allowed: false, why: use.why };
  // A download (the Word report, the review package) writes nothing to the project: a supervisor may take one.
  if (role === 'reviewer' && !onlyReads(action) && !REVIEWER_CHANGES.has(action) && use.kind !== 'downloads') return { allowed: false, why: say('reviewer') };
  return { allowed: true };
}

/** Upload tokens as POST /api/team/uploads hands them out. */
export const UPLOAD_TOKEN = /^upload:[A-Za-z0-9_-]{16,}$/;

export type ArgsCheck = { readonly ok: true; readonly args: Record<string, unknown> } | { readonly ok: false; readonly why: LocalizedText };

/**
 * The arguments of an offered action as a team server runs them: every path argument of an
 * `uploads` action must be an upload token, replaced by `stored(token)` (the stored file's path,
 * or null when the upload is not kept for this login); an output argument of a `downloads` action
 * is refused. Arguments are otherwise left to the contract's own checks. A path never reaches an
 * action unless it is one the server stored.
 */
export function serverArgs(action: ActionName, args: unknown, stored: (token: string) => string | null): ArgsCheck {
  const use = SERVER_ACTIONS[action];
  if (use.kind === 'refused') return { ok: false, why: use.why };
  const given: Record<string, unknown> = typeof args === 'object' && args !== null && !Array.isArray(args) ? { ...(args as Record<string, unknown>) } : {};
  if (use.kind === 'downloads') {
    const output = use.outputs.find((name) => given[name] !== undefined);
    return output ? { ok: false, why: say('noOutput', { arg: output }) } : { ok: true, args: given };
  }
  if (use.kind === 'uploads') {
    if (use.embedOnly && given['embed'] !== true) return { ok: false, why: say('embedOnly') };
    const refusedArg = Object.keys(use.refusedArgs ?? {}).find((name) => given[name] !== undefined);
    if (refusedArg !== undefined) return { ok: false, why: use.refusedArgs![refusedArg]! };
    for (const name of use.paths) {
      const value = given[name];
      if (value === undefined) continue;
      const tokens = Array.isArray(value) ? value : [value];
      const paths: string[] = [];
      for (const token of tokens) {
        const shown = typeof token === 'string' ? token : JSON.stringify(token) ?? '';
        if (typeof token !== 'string' || !UPLOAD_TOKEN.test(token)) return { ok: false, why: say('noToken', { arg: name, given: shown.slice(0, 100) }) };
        const path = stored(token);
        if (path === null) return { ok: false, why: say('unknownToken', { given: token }) };
        paths.push(path);
      }
      given[name] = Array.isArray(value) ? paths : paths[0];
    }
  }
  return { ok: true, args: given };
}
