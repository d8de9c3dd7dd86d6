import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { invoker } from '../../src/api/dispatch';
import type { Progress } from '../../src/domain/types';
import { newGuid } from '../../src/store/row-guid';
import type { ImportBench } from './import-and-code';
import { figure, fmt, seconds } from './stats';

/** The target the issue sets for the report of 100 themes and 2,000 quotes with the figure. */
const TARGET_S = 3;

/** The Word report at the size the issue names: 100 defined themes, 2,000 quotes, with the figure. */
export async function benchReport({ client }: ImportBench, dir: string): Promise<void> {
  const { db } = client.session.store;
  const codes = db.prepare('SELECT id FROM codes ORDER BY id LIMIT 200').pluck().all() as number[];
  let t = performance.now();
  db.transaction(() => {
    const insert = db.prepare(`INSERT INTO themes (guid, name, definition, scope, status, colour, created_at, updated_at)
      VALUES (?, ?, 'Definisi tema untuk pengukuran.', 'Bukan tema lain.', 'defined', '#4e79a7', '2026-01-01', '2026-01-01')`);
    const member = db.prepare('INSERT INTO theme_codes (theme_id, code_id) VALUES (?, ?)');
    for (let i = 0; i < 100; i++) {
      const id = insert.run(newGuid(), `Tema laporan ${i + 1}`).lastInsertRowid;
      member.run(id, codes[(2 * i) % codes.length]);
      member.run(id, codes[(2 * i + 1) % codes.length]);
    }
  })();
  const informants = addInformants(db);
  console.log(`report (setup: 100 defined themes${informants.added ? `, ${informants.added} informants of ${TYPES.length} types` : ''} in ${fmt(seconds(t))} s)`);
  // The same handler through the same dispatch, with the progress it reports timed: the stages below.
  const marks: Mark[] = [];
  const invoke = invoker({ session: client.session, progress: (progress) => marks.push({ progress, at: performance.now(), cpu: cpuMs() }) });
  const cpu = process.cpuUsage();
  const cpuStart = cpuMs();
  t = performance.now();
  const result = await invoke('report.word', { path: path.join(dir, 'report.docx'), quotesPerTheme: 20 });
  const end = performance.now();
  const cpuEnd = cpuMs();
  const used = process.cpuUsage(cpu);
  const took = (end - t) / 1000;
  const quotes = await quoteCount(path.join(dir, 'report.docx'));
  figure(`Word report, 100 themes, ${quotes} quotes + figure`, `${fmt(took)} s, ${fmt(result.bytes / 1e6, 1)} MB`,
    { ok: took <= TARGET_S && quotes >= 2000, text: `≤ ${TARGET_S} s with 2,000 quotes` });
  figure('  its CPU time (user + system)', `${fmt((used.user + used.system) / 1e6)} s`);
  for (const [label, ms, cpuUsed] of stages({ at: t, cpu: cpuStart }, marks, { at: end, cpu: cpuEnd })) figure(`  ${label}`, `${fmt(ms / 1000)} s, CPU ${fmt(cpuUsed / 1000)} s`);
  informants.remove();
}

const TYPES = ['Pemilik UMKM', 'Konsumen', 'Pakar pemasaran', 'Komunitas pelanggan', 'Asosiasi', 'Pemerintah', 'Pemasok', 'Mitra distribusi'];

/**
 * Gives each transcript of a corpus without informants one informant (of eight types, in turn) who
 * speaks its informant turns, as an informant sheet would: without them no passage is anyone's
 * evidence and the report quotes nothing. Taken away after the report, so the benchmarks after it
 * see the corpus as it was.
 */
function addInformants(db: ImportBench['client']['session']['store']['db']): { readonly added: number; readonly remove: () => void } {
  if ((db.prepare('SELECT count(*) FROM informants').pluck().get() as number) > 0) return { added: 0, remove: () => undefined };
  const documents = db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
  db.transaction(() => {
    const type = db.prepare('INSERT INTO informant_types (guid, name, sort_order) VALUES (?, ?, ?)');
    const types = TYPES.map((name, i) => type.run(newGuid(), name, i).lastInsertRowid);
    const informant = db.prepare("INSERT INTO informants (guid, label, type_id, created_at) VALUES (?, ?, ?, '2026-01-01')");
    const link = db.prepare('INSERT INTO document_informants (document_id, informant_id) VALUES (?, ?)');
    const speaks = db.prepare("UPDATE turns SET informant_id = ? WHERE document_id = ? AND role = 'informant'");
    documents.forEach((document, i) => {
      const id = informant.run(newGuid(), `P-${String(i + 1).padStart(4, '0')}`, types[i % types.length]).lastInsertRowid;
      link.run(document, id);
      speaks.run(id, document);
    });
  })();
  return {
    added: documents.length,
    remove: () => db.transaction(() => {
      db.exec('UPDATE turns SET informant_id = NULL WHERE informant_id IS NOT NULL; DELETE FROM document_informants; DELETE FROM informants; DELETE FROM informant_types;');
    })(),
  };
}

/**
 * Where the report's time goes, from the progress it reports: the first theme comes once the
 * triangulation and every extract are read, the figure once each theme's quotes are picked,
 * the Word document once the figure is drawn; the last step is building and packing the .docx.
 */
function stages(start: Moment, marks: readonly Mark[], end: Moment): [string, number, number][] {
  const first = marks[0] ?? end;
  const figureAt = marks.find((m) => m.progress.label === 'Theme model figure') ?? first;
  const documentAt = marks.find((m) => m.progress.label === 'Word document') ?? figureAt;
  const between = (a: Moment, b: Moment): [number, number] => [b.at - a.at, b.cpu - a.cpu];
  return [
    ['triangulation and extracts read', ...between(start, first)],
    ['quotes picked, sections gathered', ...between(first, figureAt)],
    ['theme model figure (layout, PNG)', ...between(figureAt, documentAt)],
    ['Word document built and packed', ...between(documentAt, end)],
  ];
}

/** A moment of the report: wall clock and this process's CPU time so far, both in ms (CPU time tells more on a shared machine). */
interface Moment {
  readonly at: number;
  readonly cpu: number;
}

type Mark = Moment & { readonly progress: Progress };

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Quotes in the written report: paragraphs in the Quote style. */
async function quoteCount(file: string): Promise<number> {
  const xml = strFromU8(unzipSync(fs.readFileSync(file), { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!);
  return (xml.match(/<w:pStyle w:val="Quote"\/>/g) ?? []).length;
}
