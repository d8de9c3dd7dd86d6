import type { Args } from '../../src/api/contract';
import type { CodeId, DocumentId, ThemeId, Utf16Offset } from '../../src/domain/ids';
import type { Theme } from '../../src/domain/types';
import { newGuid } from '../../src/store/row-guid';
import type { ImportBench } from './import-and-code';
import { figure, fmt, percentile } from './stats';

const TYPES = ['Pemilik UMKM', 'Konsumen', 'Ahli Pemasaran', 'Komunitas Pelanggan', 'Perwakilan Asosiasi', 'Perwakilan Pemerintah', 'Reseller', 'Pemasok'];
const CITIES = ['Yogyakarta', 'Sleman', 'Surakarta', 'Semarang', 'Samarinda', 'Balikpapan'];

/**
 * Triangulation and co-occurrence on the project `benchApplyCode` left (its codings and
 * 200 codes), after spreading its documents over 8 informant types and grouping codes
 * into ~30 themes. Each figure is the median of `runs` calls through the handler table: the
 * table read afresh after a change, then as it is shown again while nothing changed.
 */
export async function benchAnalysis({ client }: ImportBench, runs = 10): Promise<void> {
  const { db } = client.session.store;
  const setup = performance.now();
  db.transaction(() => {
    const insertType = db.prepare('INSERT INTO informant_types (guid, name, colour, sort_order) VALUES (?, ?, ?, ?)');
    const insertInformant = db.prepare("INSERT INTO informants (guid, label, name, type_id, created_at) VALUES (?, ?, '', ?, '2026-01-01T00:00:00Z')");
    const city = Number(db.prepare("INSERT INTO attributes (guid, name, value_type) VALUES (?, 'city', 'text')").run(newGuid()).lastInsertRowid);
    const insertValue = db.prepare('INSERT INTO informant_attributes (informant_id, attribute_id, value) VALUES (?, ?, ?)');
    const types = TYPES.map((name, i) => Number(insertType.run(newGuid(), name, '#7f8c8d', i).lastInsertRowid));
    // 25 informants per type, interleaved so that consecutive informants have different types.
    const informants = Array.from({ length: 200 }, (_, i) => {
      const id = Number(insertInformant.run(newGuid(), `B-${String(i + 1).padStart(3, '0')}`, types[i % types.length]).lastInsertRowid);
      insertValue.run(id, city, CITIES[i % CITIES.length]);
      return id;
    });
    const link = db.prepare('INSERT INTO document_informants (document_id, informant_id) VALUES (?, ?)');
    const documents = db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
    // Speakers as import maps them: a one-informant interview's informant turns are that informant's.
    const spoken = db.prepare(`UPDATE turns SET informant_id = ? WHERE document_id = ? AND role = 'informant'`);
    const spokenEveryOther = db.prepare(`UPDATE turns SET informant_id = ? WHERE document_id = ? AND role = 'informant' AND seq % 4 = 3`);
    documents.forEach((document, i) => {
      const informant = informants[i % informants.length]!;
      link.run(document, informant);
      spoken.run(informant, document);
      // Every tenth document is a group interview with a second informant of another type, who answers every other question.
      if (i % 10 === 0) {
        const second = informants[(i + 1) % informants.length]!;
        link.run(document, second);
        spokenEveryOther.run(second, document);
      }
    });
  })();
  const codes = (await client.invoke('codes.list', {})).map((c) => c.id);
  let parent: ThemeId | null = null;
  for (let t = 0; t < 30; t++) {
    // Six codes each; every fifth theme is a sub-theme of the one before, and neighbours share a code.
    const codeIds: CodeId[] = Array.from({ length: 6 }, (_, k) => codes[(t * 6 + k) % codes.length]!);
    if (t > 0) codeIds.push(codes[(t * 6 - 1) % codes.length]!);
    const theme: Theme = await client.invoke('themes.create', { name: `tema ${t + 1}`, codeIds, parentId: t % 5 === 4 ? parent : null });
    parent = theme.id;
  }
  const [codings, informantTypes, informants, themes] = db.prepare(`SELECT (SELECT count(*) FROM codings), (SELECT count(*) FROM informant_types),
    (SELECT count(*) FROM informants), (SELECT count(*) FROM themes)`).raw().get() as number[];
  console.log(`analysis (setup: ${codings!.toLocaleString('en')} codings, ${codes.length} codes, ${informantTypes} informant types, ${informants} informants, `
    + `${themes} themes, in ${fmt((performance.now() - setup) / 1000)} s)`);

  const measure = async (label: string, call: () => Promise<unknown>, before?: (run: number) => Promise<unknown>): Promise<void> => {
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      await before?.(i);
      const t = performance.now();
      const cpu = process.cpuUsage();
      await call();
      const used = process.cpuUsage(cpu);
      times.push(performance.now() - t);
      cpuTimes.push((used.user + used.system) / 1000);
    }
    const p50 = percentile(times, 50);
    // CPU time beside wall time: on a machine shared with other work, the wall clock also counts their turns.
    figure(`${label} p50 (${runs} runs)`, `${fmt(p50, 1)} ms (CPU ${fmt(percentile(cpuTimes, 50), 1)} ms), first ${fmt(times[0]!, 1)} ms`, { ok: p50 <= 100, text: '≤ 100 ms' });
  };
  const triangulation = (args: Args<'analysis.triangulation'>) => () => client.invoke('analysis.triangulation', args);
  // Read afresh after each change (a coding applied, not timed): what the table costs as the researcher codes and looks.
  const documentId = db.prepare('SELECT min(id) FROM documents').pluck().get() as DocumentId;
  const change = (run: number) => client.invoke('codings.apply', { documentId, codeId: codes[run % codes.length]!, start: (100 + run * 40) as Utf16Offset, end: (130 + run * 40) as Utf16Offset });
  await measure('triangulation, codes × types, after a change', triangulation({ rows: 'codes' }), change);
  await measure('triangulation, codes × types', triangulation({ rows: 'codes' }));
  await measure('triangulation, themes × types', triangulation({ rows: 'themes' }));
  await measure('triangulation, codes × city', triangulation({ rows: 'codes', groupBy: { kind: 'attribute', name: 'city' } }));
  await measure('co-occurrence, overlap', () => client.invoke('analysis.cooccurrence', { scope: 'overlap' }));
  await measure('co-occurrence, turn', () => client.invoke('analysis.cooccurrence', { scope: 'turn' }));
}
