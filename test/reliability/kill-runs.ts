/**
 * `npm run reliability`: kills Tematik with SIGKILL in the middle of imports and of a coding
 * stream, again and again, and after each kill checks that the project file opens, passes
 * SQLite's integrity and foreign-key checks, and still holds everything that was committed:
 * the seed study, every document the import finished, every coding the child reported.
 * Prints tries / failures / data lost. Not part of `npm test` (it takes minutes).
 *
 *   RELIABILITY_IMPORTS=50 RELIABILITY_CODINGS=25 npm run reliability
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { localClient } from '../../src/api/client';
import { random, writeCorpus } from '../bench/corpus';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/src/cli/tematik.js');

interface Tally { tries: number; killed: number; failures: string[]; lost: number }

/** What must survive any kill: the rows the seed study committed before the run. */
interface Seed { documents: number; codings: number; fingerprint: string }

async function main(): Promise<void> {
  if (!fs.existsSync(CLI)) throw new Error('Build first: npm run build');
  const imports = Number(process.env['RELIABILITY_IMPORTS'] ?? 50);
  const codings = Number(process.env['RELIABILITY_CODINGS'] ?? 25);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-reliability-'));
  console.log(`Tematik reliability · Node ${process.version} · ${os.cpus().length} cores · ${dir}`);
  try {
    const corpus = path.join(dir, 'corpus');
    writeCorpus(corpus, 40, 3000);
    const base = path.join(dir, 'seed.tematik');
    const seed = await makeSeed(base, path.join(dir, 'seed-files'));
    const fullImport = await timeFullImport(base, corpus, dir);
    console.log(`one uninterrupted import of 40 transcripts: ${fullImport} ms`);

    const rand = random(20261206);
    const importTally: Tally = { tries: 0, killed: 0, failures: [], lost: 0 };
    for (let i = 0; i < imports; i++) {
      const file = copyOf(base, dir, `import-${i}`);
      const killAfter = 150 + Math.floor(rand() * fullImport);
      const run = await runAndKill(process.execPath, [CLI, 'import', file, '--folder', corpus, '--coder', 'Reliability'], killAfter);
      importTally.tries++;
      if (run.killed) importTally.killed++;
      const problems = await verify(file, seed, { corpusFiles: 40 });
      importTally.lost += problems.lost;
      if (problems.messages.length > 0) importTally.failures.push(`import try ${i} (killed after ${killAfter} ms): ${problems.messages.join('; ')}`);
      removeProject(file);
    }

    const codingTally: Tally = { tries: 0, killed: 0, failures: [], lost: 0 };
    let committedTotal = 0;
    for (let i = 0; i < codings; i++) {
      const file = copyOf(base, dir, `coding-${i}`);
      const killAfter = 1500 + Math.floor(rand() * 2500);
      // Node itself with tsx's loader, not the tsx launcher: a kill must reach the process that writes.
      const run = await runAndKill(process.execPath, ['--import', 'tsx', path.join(__dirname, 'coding-child.ts'), file, String(i + 1)], killAfter);
      if (run.killed) codingTally.killed++;
      const committed = run.out.split('\n').filter((line) => line.startsWith('ok ')).map((line) => Number(line.slice(3)));
      committedTotal += committed.length;
      codingTally.tries++;
      const problems = await verify(file, seed, { codings: committed });
      codingTally.lost += problems.lost;
      if (committed.length === 0) problems.messages.push('the child committed nothing before the kill (kill later)');
      if (problems.messages.length > 0) codingTally.failures.push(`coding try ${i} (killed after ${killAfter} ms): ${problems.messages.join('; ')}`);
      removeProject(file);
    }

    console.log('\nrun                   tries  killed mid-run  failures  data lost');
    console.log(`kill during import    ${pad(importTally.tries)}  ${pad(importTally.killed)}           ${pad(importTally.failures.length)}     ${importTally.lost}`);
    console.log(`kill during coding    ${pad(codingTally.tries)}  ${pad(codingTally.killed)}           ${pad(codingTally.failures.length)}     ${codingTally.lost}   (${committedTotal} codings committed before the kills)`);
    for (const failure of [...importTally.failures, ...codingTally.failures]) console.log(`  ✗ ${failure}`);
    if (importTally.failures.length + codingTally.failures.length > 0) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A small study with codings and a memo, made through the contract like a user would. */
async function makeSeed(file: string, filesDir: string): Promise<Seed> {
  for (const written of writeCorpus(filesDir, 3, 2000, 99).files) fs.renameSync(written, path.join(filesDir, `seed-${path.basename(written)}`));
  const client = localClient({ coder: 'Seed' });
  await client.invoke('project.create', { path: file, name: 'Reliability' });
  await client.invoke('import.folder', { folder: filesDir });
  const docs = await client.invoke('documents.list', {});
  for (let c = 0; c < 5; c++) await client.invoke('codes.create', { name: `kode ${c + 1}` });
  const codes = await client.invoke('codes.list', {});
  for (let i = 0; i < 30; i++) {
    await client.invoke('codings.apply', { documentId: docs[i % docs.length]!.id, codeId: codes[i % codes.length]!.id, start: i * 40, end: i * 40 + 35 });
  }
  await client.invoke('memos.create', { kind: 'journal', body: 'Catatan reflektif sebelum uji.', target: { kind: 'project' } });
  client.session.close();
  const db = new Database(file, { readonly: true });
  try { return { ...counts(db), fingerprint: fingerprint(db) }; } finally { db.close(); }
}

async function timeFullImport(base: string, corpus: string, dir: string): Promise<number> {
  const file = copyOf(base, dir, 'full');
  const started = performance.now();
  await runAndKill(process.execPath, [CLI, 'import', file, '--folder', corpus, '--coder', 'Reliability'], 600_000);
  const ms = Math.round(performance.now() - started);
  const db = new Database(file, { readonly: true });
  try {
    const imported = counts(db).documents;
    if (imported !== 43) throw new Error(`the uninterrupted import left ${imported} documents, not 3 + 40`);
  } finally { db.close(); }
  removeProject(file);
  return ms;
}

function counts(db: Database.Database): { documents: number; codings: number } {
  return {
    documents: db.prepare('SELECT count(*) FROM documents').pluck().get() as number,
    codings: db.prepare('SELECT count(*) FROM codings').pluck().get() as number,
  };
}

/** The seed's documents, codings and memos as text: any change to them is data lost. */
function fingerprint(db: Database.Database, maxDocument = Number.MAX_SAFE_INTEGER, maxCoding = Number.MAX_SAFE_INTEGER): string {
  const rows = [
    ...db.prepare('SELECT id, title, text FROM documents WHERE id <= ? ORDER BY id').raw().all(maxDocument),
    ...db.prepare('SELECT id, document_id, code_id, start_offset, end_offset FROM codings WHERE id <= ? ORDER BY id').raw().all(maxCoding),
    ...db.prepare('SELECT id, body FROM memos ORDER BY id').raw().all(),
  ];
  return JSON.stringify(rows);
}

/** Opens the killed project the way the app does, then checks it with SQLite's own tools. */
async function verify(file: string, seed: Seed, expect: { corpusFiles?: number; codings?: number[] }): Promise<{ messages: string[]; lost: number }> {
  const messages: string[] = [];
  let lost = 0;
  const client = localClient({ coder: 'Verifier' });
  try {
    await client.invoke('project.open', { path: file });
  } catch (error) {
    return { messages: [`does not open: ${(error as Error).message}`], lost: seed.documents + seed.codings };
  }
  const { db } = client.session.store;
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') messages.push(`integrity_check: ${String(integrity)}`);
    const orphans = db.pragma('foreign_key_check') as unknown[];
    if (orphans.length > 0) messages.push(`${orphans.length} rows break foreign keys`);
    if (fingerprint(db, seed.documents, seed.codings) !== seed.fingerprint) {
      messages.push('the seed study changed');
      lost++;
    }
    // Every document that exists is whole: its text, its turns and its search units all arrived.
    const partial = db.prepare(`
      SELECT d.title FROM documents d
      WHERE length(d.text) = 0 OR NOT EXISTS (SELECT 1 FROM turns t WHERE t.document_id = d.id)
         OR NOT EXISTS (SELECT 1 FROM search_units s WHERE s.document_id = d.id)`).pluck().all() as string[];
    if (partial.length > 0) messages.push(`half-imported documents: ${partial.join(', ')}`);
    if (expect.codings) {
      const present = new Set(db.prepare('SELECT id FROM codings').pluck().all() as number[]);
      const missing = expect.codings.filter((id) => !present.has(id));
      if (missing.length > 0) messages.push(`${missing.length} committed codings missing`);
      lost += missing.length;
    }
    // The app must go on working: one more action on the killed file.
    try {
      await client.invoke('memos.create', { kind: 'memo', body: 'after the kill', target: { kind: 'project' } });
    } catch (error) {
      messages.push(`cannot write after the kill: ${(error as Error).message}`);
    }
  } finally {
    client.session.close();
  }
  return { messages, lost };
}

/** Runs a child and SIGKILLs it after `ms` (if it is still running); resolves with its stdout and whether the kill landed. */
function runAndKill(command: string, args: string[], ms: number): Promise<{ out: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TEMATIK_LANG: 'en' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === null && code !== 0) reject(new Error(`${path.basename(args[0] ?? command)} failed (${code}): ${err.trim()}`));
      else resolve({ out, killed: signal === 'SIGKILL' });
    });
  });
}

function copyOf(base: string, dir: string, name: string): string {
  const file = path.join(dir, `${name}.tematik`);
  fs.copyFileSync(base, file);
  return file;
}

/** The project and everything SQLite or Tematik keeps beside it. */
function removeProject(file: string): void {
  const dir = path.dirname(file);
  const stem = path.basename(file);
  for (const name of fs.readdirSync(dir)) if (name.startsWith(stem)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
}

const pad = (n: number): string => String(n).padStart(5);

void main();
