/**
 * Runs inside a private mount namespace (see write-file.test.ts) on a 64 KiB tmpfs mounted at
 * argv[2]: puts a previous export there, then tries to replace it with one that does not fit
 * (`full`) or on a disk remounted read-only (`read-only`), and prints what happened as JSON.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TematikError } from '../../../src/domain/errors';
import { writeExport } from '../../../src/export/write-file';

const [folder, mode] = process.argv.slice(2) as [string, 'full' | 'read-only'];
const target = path.join(folder, 'laporan.docx');
fs.writeFileSync(target, 'laporan lama');
if (mode === 'read-only') execFileSync('mount', ['-o', 'remount,ro', folder]);
let error: { kind: string; en: string; id: string } | null = null;
try {
  writeExport(target, Buffer.alloc(mode === 'full' ? 256 * 1024 : 10, 0x61), ['.docx']);
} catch (caught) {
  if (!(caught instanceof TematikError) || !caught.text) throw caught;
  error = { kind: caught.kind, en: caught.text.en, id: caught.text.id };
}
process.stdout.write(JSON.stringify({ error, files: fs.readdirSync(folder), content: fs.readFileSync(target, 'utf8') }));
