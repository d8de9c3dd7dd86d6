import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localClient, type LocalClient } from '../../src/api/client';
import { newTeamProject, onPostgres } from './test-store';

/** A scratch folder; it goes with the test run's temporary root (test/global-setup.ts). */
export function tempDir(prefix = 'tematik-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A real project file in a temp folder, opened through the real handler table; with
 * TEMATIK_TEST_STORE=postgres a real team project in PostgreSQL instead (`file` is then its `team:<id>`).
 */
export async function newProject(coder = 'Peneliti A'): Promise<LocalClient & { file: string; dir: string }> {
  if (onPostgres()) return newTeamProject(coder, 'Co-creation UMKM');
  const dir = tempDir();
  const file = path.join(dir, 'study.tematik');
  const client = localClient({ coder });
  await client.invoke('project.create', { path: file, name: 'Co-creation UMKM' });
  return { ...client, file, dir };
}

export const SAMPLE_STUDY = path.resolve(__dirname, '../fixtures/sample-study');
export const SAMPLE_SHEET = path.join(SAMPLE_STUDY, 'informants.csv');
