import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type ActionName } from '../../../src/api/contract';
import { effects } from '../../../src/api/touches';
import { isRole, mayInvoke, ROLES, SERVER_ACTIONS, serverArgs, type Role } from '../../../src/team-server/roles';

const names = Object.keys(contract) as ActionName[];
const onlyReads = (action: ActionName) => { const e = effects[action]; return typeof e === 'object' && 'reads' in e; };

/** The schema under optional/nullable/default wrappers and refinement pipes. */
function unwrap(schema: z.ZodType): z.ZodType {
  let at = schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType } } };
  for (;;) {
    const def = at._zod.def;
    const inner = ['optional', 'nullable', 'default', 'readonly'].includes(def.type) ? def.innerType : def.type === 'pipe' ? def.in : undefined;
    if (!inner) return at as unknown as z.ZodType;
    at = inner as unknown as typeof at;
  }
}
const typeOf = (schema: z.ZodType) => (unwrap(schema) as unknown as { _zod: { def: { type: string; element?: z.ZodType } } })._zod.def;

/** The argument names of an action that take text or a list of texts and name files or folders. */
function pathArgs(action: ActionName): string[] {
  const args = unwrap(contract[action].args) as unknown as { shape?: Record<string, z.ZodType> };
  return Object.entries(args.shape ?? {}).filter(([key, schema]) => {
    const def = typeOf(schema);
    const texts = def.type === 'string' || (def.type === 'array' && typeOf(def.element!).type === 'string');
    return texts && /^(path|paths|file|files|folder|sheet|qdpxPath|backup)$/.test(key);
  }).map(([key]) => key);
}

const noStore = () => null;

describe('what a team server offers, and to whom', () => {
  it('classifies every action of the contract and nothing else', () => {
    expect(Object.keys(SERVER_ACTIONS).sort()).toEqual([...names].sort());
  });

  it('walks every action: refused ones for everyone with what to do instead, the rest by role', () => {
    const counts = { offered: 0, uploads: 0, downloads: 0, refused: 0, reviewerReads: 0 };
    for (const action of names) {
      const use = SERVER_ACTIONS[action];
      counts[use.kind]++;
      for (const role of ROLES) {
        const permission = mayInvoke(role, action);
        if (use.kind === 'refused') {
          expect(permission, `${role} ${action}`).toEqual({ allowed: false, why: use.why });
          continue;
        }
        const allowed = role !== 'reviewer' || onlyReads(action) || action === 'comments.add' || use.kind === 'downloads';
        expect(permission.allowed, `${role} ${action}`).toBe(allowed);
        if (!permission.allowed) expect(permission.why.en).toMatch(/You review this project: you can read it and add comments, but not change it/);
        if (role === 'reviewer' && allowed) counts.reviewerReads++;
      }
    }
    // Most actions are offered as they are; the counts guard against a table that refuses everything.
    expect(counts.offered).toBeGreaterThan(90);
    expect(counts).toMatchObject({ uploads: 12, downloads: 7, refused: 14 });
    expect(counts.reviewerReads).toBeGreaterThan(30);
  });

  it('no action that takes a path on the server\'s disk is offered as it is', () => {
    const withPaths = names.filter((action) => pathArgs(action).length > 0);
    expect(withPaths.length).toBeGreaterThanOrEqual(25);
    for (const action of withPaths) {
      const use = SERVER_ACTIONS[action];
      expect(use.kind, action).not.toBe('offered');
      if (use.kind === 'uploads') {
        // The table names exactly the path arguments the action has: uploaded, or refused with what to do instead.
        expect([...use.paths, ...Object.keys(use.refusedArgs ?? {})].sort(), action).toEqual(pathArgs(action).sort());
      }
      if (use.kind === 'downloads') {
        expect([...use.outputs].sort(), action).toEqual(pathArgs(action).sort());
        // Leaving the output out must be possible: the file then comes back to download.
        const args = unwrap(contract[action].args) as unknown as { shape: Record<string, z.ZodType> };
        for (const output of use.outputs) expect((args.shape[output] as unknown as { _zod: { def: { type: string } } })._zod.def.type, action).toBe('optional');
      }
    }
    for (const action of names.filter((a) => SERVER_ACTIONS[a].kind === 'uploads' || SERVER_ACTIONS[a].kind === 'downloads')) {
      expect(withPaths, action).toContain(action);
    }
  });

  it('a reviewer reads and comments; a coder and an owner code; only a coder or owner changes anything else', () => {
    const cases: [ActionName, Record<Role, boolean>][] = [
      ['documents.get', { owner: true, coder: true, reviewer: true }],
      ['map.get', { owner: true, coder: true, reviewer: true }],
      ['analysis.triangulation', { owner: true, coder: true, reviewer: true }],
      ['comments.list', { owner: true, coder: true, reviewer: true }],
      ['comments.add', { owner: true, coder: true, reviewer: true }],
      ['comments.resolve', { owner: true, coder: true, reviewer: false }],
      ['codings.apply', { owner: true, coder: true, reviewer: false }],
      ['themes.update', { owner: true, coder: true, reviewer: false }],
      ['history.undo', { owner: true, coder: true, reviewer: false }],
      ['import.files', { owner: true, coder: true, reviewer: false }],
      ['report.word', { owner: true, coder: true, reviewer: true }],
      ['export.reviewPackage', { owner: true, coder: true, reviewer: true }],
      ['coders.rename', { owner: false, coder: false, reviewer: false }],
      ['project.open', { owner: false, coder: false, reviewer: false }],
    ];
    for (const [action, roles] of cases) {
      for (const role of ROLES) expect(mayInvoke(role, action).allowed, `${role} ${action}`).toBe(roles[role]);
    }
    expect(mayInvoke('reviewer', 'codings.apply')).toEqual({
      allowed: false,
      why: {
        en: 'You review this project: you can read it and add comments, but not change it. Ask an owner of the project to make you a coder if you need to.',
        id: 'Anda meninjau proyek ini: Anda dapat membacanya dan menambahkan komentar, tetapi tidak mengubahnya. Mintalah pemilik proyek menjadikan Anda pengode bila perlu.',
      },
    });
  });

  it('every refusal of the server says what to do instead, in English and Bahasa Indonesia', () => {
    const refusals = names.flatMap((action) => { const use = SERVER_ACTIONS[action]; return use.kind === 'refused' ? [[action, use.why] as const] : []; });
    expect(refusals.map(([action]) => action).sort()).toEqual([
      'app.choosePaths', 'app.forgetRecent', 'app.openSample', 'backup.create', 'backup.list', 'backup.restore',
      'coders.rename', 'coders.setBlind', 'coders.setCurrent', 'deid.share', 'project.close', 'project.create', 'project.open', 'team.copyForCoder',
    ]);
    for (const [action, why] of refusals) {
      expect(why.en.length, action).toBeGreaterThan(60);
      expect(why.id.length, action).toBeGreaterThan(60);
      expect(why.id, action).not.toBe(why.en);
    }
    expect(mayInvoke('owner', 'coders.setCurrent')).toMatchObject({ allowed: false, why: { en: expect.stringMatching(/you code as yourself: your changes are recorded under your account's name/) } });
    expect(mayInvoke('owner', 'backup.restore')).toMatchObject({ allowed: false, why: { en: expect.stringMatching(/pg_dump/), id: expect.stringMatching(/pg_dump/) } });
    expect(mayInvoke('coder', 'project.open')).toMatchObject({ allowed: false, why: { en: expect.stringMatching(/A team server keeps its projects itself/) } });
  });

  it('knows its roles', () => {
    expect(ROLES.filter(isRole)).toEqual(['owner', 'coder', 'reviewer']);
    for (const bad of ['admin', 'Owner', '', null, 3]) expect(isRole(bad)).toBe(false);
  });
});

describe('arguments on a team server', () => {
  const kept = new Map([['upload:AAAAAAAAAAAAAAAAAAAAAA', '/srv/cache/uploads/1/P-01.docx'], ['upload:BBBBBBBBBBBBBBBBBBBBBB', '/srv/cache/uploads/1/P-02.txt']]);
  const stored = (token: string) => kept.get(token) ?? null;

  it('upload tokens are replaced by the stored files\' paths, one or a list', () => {
    expect(serverArgs('import.files', { paths: ['upload:AAAAAAAAAAAAAAAAAAAAAA', 'upload:BBBBBBBBBBBBBBBBBBBBBB'], skipBad: true }, stored))
      .toEqual({ ok: true, args: { paths: ['/srv/cache/uploads/1/P-01.docx', '/srv/cache/uploads/1/P-02.txt'], skipBad: true } });
    expect(serverArgs('team.merge', { path: 'upload:AAAAAAAAAAAAAAAAAAAAAA', language: 'id' }, stored))
      .toEqual({ ok: true, args: { path: '/srv/cache/uploads/1/P-01.docx', language: 'id' } });
    // A comments file sent as text needs no upload; an optional path left out stays out.
    const file = { name: 'komentar.json', bytes: 10, text: '{}' };
    expect(serverArgs('comments.importReview', { file }, noStore)).toEqual({ ok: true, args: { file } });
  });

  it('a path, anything else in its place, or an upload no longer kept is refused', () => {
    for (const given of ['/etc/passwd', '../x.tematik', 'upload:', 'upload:../../etc/passwd', 'UPLOAD:AAAAAAAAAAAAAAAAAAAAAA']) {
      const check = serverArgs('documents.replaceText', { id: 1, file: given }, stored);
      expect(check).toEqual({ ok: false, why: expect.objectContaining({ en: expect.stringContaining(`On a team server "file" takes a file you uploaded (its upload token, "upload:…"), not a path: "${given}" is not one.`) }) });
    }
    expect(serverArgs('import.files', { paths: ['upload:AAAAAAAAAAAAAAAAAAAAAA', '/home/rina/P-03.docx'] }, stored)).toMatchObject({ ok: false, why: { en: expect.stringMatching(/"\/home\/rina\/P-03.docx" is not one/) } });
    expect(serverArgs('import.files', { paths: [{ path: '/etc' }] }, stored)).toMatchObject({ ok: false, why: { en: expect.stringMatching(/not a path: "\{"path":"\/etc"\}" is not one/) } });
    expect(serverArgs('refi.importProject', { path: 'upload:CCCCCCCCCCCCCCCCCCCCCC' }, stored)).toEqual({
      ok: false,
      why: {
        en: 'The uploaded file "upload:CCCCCCCCCCCCCCCCCCCCCC" is no longer kept (uploads last as long as your login). Upload it again.',
        id: 'Berkas unggahan "upload:CCCCCCCCCCCCCCCCCCCCCC" tidak disimpan lagi (unggahan berlaku selama Anda masuk). Unggah lagi berkasnya.',
      },
    });
  });

  it('a folder is imported from its uploaded files and sheet; a folder on the server is refused', () => {
    expect(mayInvoke('coder', 'import.folder')).toEqual({ allowed: true });
    expect(mayInvoke('reviewer', 'import.folder').allowed).toBe(false);
    expect(serverArgs('import.folder', { files: ['upload:AAAAAAAAAAAAAAAAAAAAAA'], sheet: 'upload:BBBBBBBBBBBBBBBBBBBBBB', skipBad: true }, stored))
      .toEqual({ ok: true, args: { files: ['/srv/cache/uploads/1/P-01.docx'], sheet: '/srv/cache/uploads/1/P-02.txt', skipBad: true } });
    const folder = serverArgs('import.folder', { folder: '/srv/data/studi', sheet: 'upload:BBBBBBBBBBBBBBBBBBBBBB' }, stored);
    expect(folder).toEqual({ ok: false, why: {
      en: 'On a team server "folder" cannot be given: it would name a folder on the server, not on your computer. Choose the folder in the page, which uploads its files; their upload tokens go in "files".',
      id: 'Di server tim "folder" tidak dapat diberikan: itu akan menunjuk folder di server, bukan di komputer Anda. Pilih folder itu di halaman, yang akan mengunggah berkasnya; token unggahannya masuk ke "files".',
    } });
    // Even beside uploaded files, and a sheet by its path.
    expect(serverArgs('import.folder', { files: ['upload:AAAAAAAAAAAAAAAAAAAAAA'], folder: 'upload:BBBBBBBBBBBBBBBBBBBBBB' }, stored)).toMatchObject({ ok: false });
    expect(serverArgs('import.folder', { files: ['upload:AAAAAAAAAAAAAAAAAAAAAA'], sheet: '/srv/data/informants.csv' }, stored)).toMatchObject({ ok: false, why: { en: expect.stringMatching(/"sheet" takes a file you uploaded/) } });
  });

  it('a recording is only embedded: the upload is not kept', () => {
    expect(serverArgs('recordings.link', { documentId: 1, path: 'upload:AAAAAAAAAAAAAAAAAAAAAA' }, stored)).toMatchObject({ ok: false, why: { en: expect.stringMatching(/a recording is embedded in the project/) } });
    expect(serverArgs('recordings.link', { documentId: 1, path: 'upload:AAAAAAAAAAAAAAAAAAAAAA', embed: true }, stored))
      .toEqual({ ok: true, args: { documentId: 1, path: '/srv/cache/uploads/1/P-01.docx', embed: true } });
  });

  it('an output path of an export is refused: the file comes back to download', () => {
    expect(serverArgs('report.word', { path: '/var/www/report.docx', language: 'id' }, noStore)).toEqual({
      ok: false,
      why: {
        en: 'On a team server "path" cannot be given: the file is not written on the server but handed to your browser to download. Leave "path" out.',
        id: 'Di server tim "path" tidak dapat diberikan: berkasnya tidak ditulis di server, tetapi diserahkan ke peramban Anda untuk diunduh. Hapus "path".',
      },
    });
    expect(serverArgs('report.word', { language: 'id' }, noStore)).toEqual({ ok: true, args: { language: 'id' } });
    expect(serverArgs('export.table', { table: 'codebook', path: 'x.csv' }, noStore)).toMatchObject({ ok: false });
  });

  it('an action the server does not offer is refused whatever its arguments', () => {
    expect(serverArgs('project.open', { path: 'upload:AAAAAAAAAAAAAAAAAAAAAA' }, stored)).toEqual({ ok: false, why: SERVER_ACTIONS['project.open'].kind === 'refused' ? SERVER_ACTIONS['project.open'].why : null });
    expect(serverArgs('codings.apply', { documentId: 1, start: 0, end: 3, codeName: 'x' }, noStore)).toEqual({ ok: true, args: { documentId: 1, start: 0, end: 3, codeName: 'x' } });
  });
});
