import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../../src');

/**
 * Modules whose errors are translated with defineMessages. Whole folders count every file
 * in them, present and future; add a module here once its messages are converted.
 */
const FOLDERS = ['analysis', 'sample', 'search', 'report', 'map', 'api/handlers', 'export', 'server'];
const FILES = [
  'store/codes.ts', 'store/themes.ts', 'store/informants.ts', 'store/codings.ts', 'store/theme-links.ts', 'store/speakers.ts',
  'store/redactions.ts', 'store/documents.ts', 'store/memos.ts', 'store/hotkeys.ts', 'store/comments.ts', 'store/theme-map.ts',
  'store/theme-review.ts', 'store/phases.ts', 'store/backup.ts', 'store/restore.ts',
  'import/transcript.ts', 'import/subtitles.ts', 'import/roles.ts', 'import/speakers.ts', 'import/turns.ts', 'import/words.ts',
  'import/docx.ts', 'import/docx-in-worker.ts', 'import/decode.ts', 'import/batch.ts', 'import/sheet.ts',
  'refi/codebook.ts', 'refi/read-project.ts', 'refi/write-project.ts', 'refi/export.ts', 'refi/notes.ts', 'refi/positions.ts',
  'refi/safe-zip.ts', 'refi/xml.ts',
  'api/dispatch.ts', 'cli/tematik.ts', 'cli/messages.ts',
  'api/session.ts', 'api/busy.ts', 'store/open.ts', 'store/lock.ts', 'store/integrity.ts', 'store/failures.ts', 'store/access-messages.ts',
];
/** Converted by their own branch; drop a name from here when it lands. */
const NOT_YET: readonly string[] = [];

/** `new TematikError(kind, 'text'` or `` `text` ``, over line breaks: an English-only message. */
const ENGLISH_ONLY = /new TematikError\([^,]+,\s*['`]/;

function modules(): string[] {
  const inFolders = FOLDERS.flatMap((folder) => fs.readdirSync(path.join(SRC, folder)).filter((f) => f.endsWith('.ts')).map((f) => `${folder}/${f}`));
  return [...new Set([...inFolders, ...FILES])].filter((file) => !NOT_YET.includes(file) && fs.existsSync(path.join(SRC, file))).sort();
}

describe('translated error messages', () => {
  it('covers the modules it lists', () => {
    expect(modules()).toContain('store/codes.ts');
    expect(modules().length).toBeGreaterThan(40);
  });

  it('no converted module throws a TematikError with a plain-English string', () => {
    const offenders = modules().flatMap((file) => {
      const source = fs.readFileSync(path.join(SRC, file), 'utf8');
      return [...source.matchAll(new RegExp(ENGLISH_ONLY, 'g'))].map((match) => {
        const line = source.slice(0, match.index).split('\n').length;
        return `src/${file}:${line}: ${source.split('\n')[line - 1]!.trim()}`;
      });
    });
    expect(offenders, 'Pass defineMessages text (src/domain/text.ts) instead of a string literal').toEqual([]);
  });

  it('the check itself catches a literal, even one on the next line', () => {
    expect('throw new TematikError(\'conflict\', `Code ${id} is taken.`);').toMatch(ENGLISH_ONLY);
    expect('throw new TematikError(\n  \'bad_input\',\n  \'Nope.\',\n);').toMatch(ENGLISH_ONLY);
    expect('throw new TematikError(\'conflict\', say(\'taken\', { id }));').not.toMatch(ENGLISH_ONLY);
  });
});
