import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { benchApplyCode, benchImport } from './test/bench/import-and-code';
import { benchAnalysis } from './test/bench/analysis';
import { themeFigure } from './src/report/figure';
import { buildReportModel } from './src/report/model';
import { renderReport } from './src/report/word';
import { triangulationMatrix } from './src/analysis/triangulation';
import { extractsForCodes } from './src/store/codings';
async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prof-'));
  const b = await benchImport(dir, 1000, 8000);
  await benchApplyCode(b, 200000, 10);
  await benchAnalysis(b, 5);
  const db = b.client.session.store.db;
  const codes = db.prepare('SELECT id FROM codes ORDER BY id LIMIT 200').pluck().all() as number[];
  db.transaction(() => {
    const insert = db.prepare(`INSERT INTO themes (name, definition, scope, status, colour, created_at, updated_at) VALUES (?, 'Definisi.', 'Bukan.', 'defined', '#4e79a7', '2026-01-01', '2026-01-01')`);
    const member = db.prepare('INSERT INTO theme_codes (theme_id, code_id) VALUES (?, ?)');
    for (let i = 0; i < 100; i++) { const id = insert.run(`Tema laporan ${i + 1}`).lastInsertRowid; member.run(id, codes[(2 * i) % codes.length]); member.run(id, codes[(2 * i + 1) % codes.length]); }
  })();
  const t = async (label: string, f: () => unknown) => { const s = performance.now(); const r = await f(); console.log(label, (performance.now() - s).toFixed(0), 'ms'); return r; };
  await t('extracts all', () => extractsForCodes(db, codes as never));
  const ids = new Set(db.prepare(`SELECT id FROM themes WHERE name LIKE 'Tema laporan%'`).pluck().all() as number[]);
  await t('figure', () => themeFigure(db, ids, 'x', (s) => s, 'en'));
  const matrix = await t('matrix', () => triangulationMatrix(db, { rows: 'themes' })) as ReturnType<typeof triangulationMatrix>;
  const model = await t('model', () => buildReportModel(db, 'x', matrix, { quotesPerTheme: 20, language: 'en', pseudonymise: true, journal: false, audit: false, attribution: 'label-type' } as never));
  await t('render', () => renderReport(model as never));
  fs.rmSync(dir, { recursive: true, force: true });
}
void main();
