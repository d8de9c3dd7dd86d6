import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localClient } from '../../../src/api/client';
import type { DocumentId } from '../../../src/domain/ids';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index';
import { projectAtVersion } from '../../helpers/old-format';
import { toneWav } from '../../helpers/wav';

describe('migration 16: recordings', () => {
  it('adds the recordings tables to a project with transcripts, whose turns then take times and whose transcripts take recordings', async () => {
    const file = projectAtVersion(12, (db) => {
      db.prepare(`INSERT INTO documents (id, guid, title, source_name, format, encoding, content_hash, text, word_count, imported_at)
        VALUES (1, '0b9c6a4e-2f3d-4e5a-8b7c-1d2e3f4a5b6c', 'P-01', 'P-01.txt', 'txt', 'utf-8', 'h', 'P: Halo?\nI: Halo juga.', 4, '2025-01-01')`).run();
      db.prepare(`INSERT INTO turns (document_id, seq, speaker, role, start_offset, end_offset) VALUES (1, 0, 'P', 'interviewer', 0, 9), (1, 1, 'I', 'informant', 10, 22)`).run();
    });
    const client = localClient({ coder: 'Peneliti A' });
    await client.invoke('project.open', { path: file });
    const { db } = client.session.store;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT count(*) FROM recordings').pluck().get()).toBe(0);
    expect(await client.invoke('recordings.list', {})).toEqual([]);
    const turns = (await client.invoke('documents.text', { id: 1 as DocumentId })).turns;
    await client.invoke('turns.setTime', { documentId: 1, turnId: turns[1]!.id, startMs: 1500 });
    const wav = path.join(path.dirname(file), 'P-01.wav');
    fs.writeFileSync(wav, toneWav(2));
    expect(await client.invoke('recordings.link', { documentId: 1, path: wav })).toMatchObject({ status: 'found', durationMs: 2000 });
    // One recording per transcript; a reference has its path, an embedded one its bytes, never neither.
    expect(() => db.prepare(`INSERT INTO recordings (document_id, guid, file_name, size, fingerprint, media_type, linked_at)
      VALUES (1, 'x', 'a.wav', 1, 'f', 'audio/wav', 'now')`).run()).toThrow(/UNIQUE|CHECK/);
    // Deleting the transcript takes its recording along.
    await client.invoke('documents.delete', { id: 1 });
    expect(db.prepare('SELECT count(*) FROM recordings').pluck().get()).toBe(0);
    // And undoing the delete brings it back with the transcript.
    await client.invoke('history.undo', {});
    expect(await client.invoke('recordings.list', {})).toMatchObject([{ documentId: 1, fileName: 'P-01.wav', status: 'found' }]);
    client.session.close();
  });
});
