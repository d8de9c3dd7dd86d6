/**
 * The process the reliability run kills mid-stream: opens a project and applies codings one
 * after another, printing "ok <codingId>" only after each action has returned (so committed).
 * Usage: tsx test/reliability/coding-child.ts <project.tematik> <seed>
 */
import { localClient } from '../../src/api/client';
import { TematikError } from '../../src/domain/errors';
import type { CodeId, DocumentId } from '../../src/domain/ids';
import { random } from '../bench/corpus';

async function main(file: string, seed: number): Promise<void> {
  const client = localClient({ coder: 'Reliability' });
  await client.invoke('project.open', { path: file });
  const docs = (await client.invoke('documents.list', {})).map((d) => d.id as DocumentId);
  const codes = (await client.invoke('codes.list', {})).map((c) => c.id as CodeId);
  const lengths = new Map(client.session.store.db.prepare('SELECT id, length(text) AS n FROM documents').all().map((r) => [(r as { id: number }).id, (r as { n: number }).n]));
  const rand = random(seed);
  for (;;) {
    const documentId = docs[Math.floor(rand() * docs.length)]!;
    const start = Math.floor(rand() * Math.max(1, (lengths.get(documentId) ?? 200) - 200));
    try {
      const coding = await client.invoke('codings.apply', { documentId, codeId: codes[Math.floor(rand() * codes.length)]!, start, end: start + 20 + Math.floor(rand() * 150) });
      process.stdout.write(`ok ${coding.id}\n`);
    } catch (error) {
      // The random stream hit a passage it already coded with that code: refused, as it should be.
      if (!(error instanceof TematikError && error.kind === 'conflict')) throw error;
    }
  }
}

void main(process.argv[2]!, Number(process.argv[3] ?? 1));
