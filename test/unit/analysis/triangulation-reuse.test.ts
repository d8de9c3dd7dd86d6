import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { triangulationMatrix, type TriangulationQuery } from '../../../src/analysis/triangulation';
import type { CodeId } from '../../../src/domain/ids';
import { onPostgres } from '../../helpers/test-store';
import { sampleStudy, type SampleStudy } from './fixture';

/*
 * Triangulation keeps the codings it read until the project changes (see reusedCodingsByCode).
 * Each change below must show at once: the kept answer always equals one read afresh (inside a
 * transaction, where nothing is kept), and the counts move as the change says they should.
 */
let study: SampleStudy;
let polling: CodeId;
const byType: TriangulationQuery = { rows: 'codes', groupBy: { kind: 'type' } };
const byCity: TriangulationQuery = { rows: 'codes', groupBy: { kind: 'attribute', name: 'city' } };

beforeAll(async () => {
  study = await sampleStudy();
  polling = await study.code('polling');
  await study.codeWord(polling, 'P-01', 'polling');
  await study.codeWord(polling, 'K-01', 'polling');
});
afterAll(() => study.client.session.close());

const db = () => study.client.session.store.db;
const kept = (query: TriangulationQuery) => triangulationMatrix(db(), query);
const fresh = (query: TriangulationQuery) => db().transaction(() => triangulationMatrix(db(), query))();
const pollingRow = (query: TriangulationQuery) => {
  const matrix = kept(query);
  expect(matrix).toEqual(fresh(query));
  return matrix.rows.find((r) => r.id === polling)!;
};

describe('triangulation read again only when the project changed', () => {
  it('follows a new coding, its undo and redo, and a switch of grouping', async () => {
    expect(pollingRow(byType)).toMatchObject({ informants: 2, extracts: 2 });
    expect(pollingRow(byCity)).toMatchObject({ informants: 2, extracts: 2 });
    await study.codeWord(polling, 'M-01', 'polling');
    expect(pollingRow(byType)).toMatchObject({ informants: 3, extracts: 3 });
    await study.client.invoke('history.undo', {});
    expect(pollingRow(byType)).toMatchObject({ informants: 2, extracts: 2 });
    await study.client.invoke('history.redo', {});
    expect(pollingRow(byType)).toMatchObject({ informants: 3, extracts: 3 });
    expect(pollingRow(byCity)).toMatchObject({ informants: 3, extracts: 3 });
  });

  it('follows who spoke a turn, changed by this connection', () => {
    const before = pollingRow(byType);
    const m01 = db().prepare("SELECT id FROM informants WHERE label = 'M-01'").pluck().get() as number;
    const unmap = db().prepare('UPDATE turns SET informant_id = NULL WHERE informant_id = ?').run(m01);
    expect(unmap.changes).toBeGreaterThan(0);
    expect(pollingRow(byType)).toMatchObject({ informants: before.informants - 1, extracts: before.extracts });
    db().prepare("UPDATE turns SET informant_id = ? WHERE role = 'informant' AND document_id = (SELECT document_id FROM document_informants WHERE informant_id = ?)").run(m01, m01);
    expect(pollingRow(byType)).toEqual(before);
  });

  // Not on PostgreSQL (TEMATIK_TEST_STORE): another connection writing the project file; a team project's working image has no other writer.
  it.skipIf(onPostgres())('follows a change committed by another connection to the file', () => {
    const before = pollingRow(byType);
    const other = new Database(study.client.session.store.file);
    try {
      other.prepare('DELETE FROM codings WHERE id = (SELECT max(id) FROM codings WHERE code_id = ?)').run(polling);
    } finally {
      other.close();
    }
    expect(pollingRow(byType)).toMatchObject({ informants: before.informants - 1, extracts: before.extracts - 1 });
  });

  it('keeps nothing read inside a transaction that is then rolled back', () => {
    const before = pollingRow(byType);
    const rollback = new Error('rolled back');
    expect(() => db().transaction(() => {
      db().prepare('DELETE FROM codings WHERE code_id = ?').run(polling);
      expect(kept(byType).rows.find((r) => r.id === polling)).toMatchObject({ informants: 0, extracts: 0 });
      throw rollback;
    })()).toThrow(rollback);
    expect(pollingRow(byType)).toEqual(before);
  });
});
