import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../../src');

/** `new TematikError(kind, 'text'` or `` `text` ``, over line breaks: an English-only message. */
const ENGLISH_ONLY = /new TematikError\([^,]+,\s*['`]/;

/** Every module of the core: all its errors are translated with defineMessages. */
function modules(): string[] {
  return (fs.readdirSync(SRC, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

describe('translated error messages', () => {
  it('walks the whole core', () => {
    expect(modules()).toEqual(expect.arrayContaining(['store/codes.ts', 'store/open.ts', 'api/dispatch.ts', 'refi/safe-zip.ts', 'cli/tematik.ts']));
    expect(modules().length).toBeGreaterThan(100);
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
