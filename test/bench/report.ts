import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { ImportBench } from './import-and-code';
import { figure, fmt, seconds } from './stats';

/** The Word report at the size the issue names: 100 defined themes, 2,000 quotes, with the figure. */
export async function benchReport({ client }: ImportBench, dir: string): Promise<void> {
  const { db } = client.session.store;
  const codes = db.prepare('SELECT id FROM codes ORDER BY id LIMIT 200').pluck().all() as number[];
  let t = performance.now();
  db.transaction(() => {
    const insert = db.prepare(`INSERT INTO themes (name, definition, scope, status, colour, created_at, updated_at)
      VALUES (?, 'Definisi tema untuk pengukuran.', 'Bukan tema lain.', 'defined', '#4e79a7', '2026-01-01', '2026-01-01')`);
    const member = db.prepare('INSERT INTO theme_codes (theme_id, code_id) VALUES (?, ?)');
    for (let i = 0; i < 100; i++) {
      const id = insert.run(`Tema laporan ${i + 1}`).lastInsertRowid;
      member.run(id, codes[(2 * i) % codes.length]);
      member.run(id, codes[(2 * i + 1) % codes.length]);
    }
  })();
  console.log(`report (setup: 100 defined themes in ${fmt(seconds(t))} s)`);
  t = performance.now();
  const result = await client.invoke('report.word', { path: path.join(dir, 'report.docx'), quotesPerTheme: 20 });
  const took = seconds(t);
  const quotes = await quoteCount(path.join(dir, 'report.docx'));
  figure(`Word report, 100 themes, ${quotes} quotes + figure`, `${fmt(took)} s, ${fmt(result.bytes / 1e6, 1)} MB`, { ok: took <= 5 && quotes >= 2000, text: '≤ 5 s with 2,000 quotes' });
}

/** Quotes in the written report: paragraphs in the Quote style. */
async function quoteCount(file: string): Promise<number> {
  const xml = strFromU8(unzipSync(fs.readFileSync(file), { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!);
  return (xml.match(/<w:pStyle w:val="Quote"\/>/g) ?? []).length;
}
