import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_STRINGS } from '../../../src/report/strings';
import { formatNumber } from '../../../renderer/lib/numbers';

type Strings<K extends string> = { readonly en: Readonly<Record<K, string>>; readonly id: Readonly<Record<K, string>> };

const RENDERER = path.resolve(__dirname, '../../../renderer');

/** Every string table of the UI: each feature's strings.ts and the shared ones in renderer/i18n. */
async function uiTables(): Promise<{ file: string; table: Strings<string> }[]> {
  const files = [
    ...fs.readdirSync(path.join(RENDERER, 'features')).map((f) => path.join(RENDERER, 'features', f, 'strings.ts')).filter((f) => fs.existsSync(f)),
    ...fs.readdirSync(path.join(RENDERER, 'i18n')).filter((f) => f.endsWith('-names.ts')).map((f) => path.join(RENDERER, 'i18n', f)),
  ];
  const tables: { file: string; table: Strings<string> }[] = [];
  for (const file of files) {
    const module = await import(file) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (typeof value === 'object' && value !== null && 'en' in value && 'id' in value) tables.push({ file: path.relative(RENDERER, file), table: value as Strings<string> });
    }
  }
  return tables;
}

const indonesian = (values: Readonly<Record<string, unknown>>): [string, string][] =>
  Object.entries(values).flatMap(([key, value]) => typeof value === 'string' ? [[key, value] as [string, string]]
    : typeof value === 'object' && value !== null ? indonesian(value as Record<string, unknown>).map(([k, v]) => [`${key}.${k}`, v] as [string, string]) : []);

describe('Indonesian wording', () => {
  it('uses one term for coding ("pengodean", verb "mengode"/"dikode") and "diam" for silence, in the UI and the report', async () => {
    const tables = await uiTables();
    expect(tables.length).toBeGreaterThanOrEqual(14);
    const entries = [
      ...tables.flatMap(({ file, table }) => indonesian(table.id).map(([key, text]) => [`${file} ${key}`, text] as const)),
      ...indonesian(REPORT_STRINGS.id as unknown as Record<string, unknown>).map(([key, text]) => [`report ${key}`, text] as const),
    ];
    const banned = /\b(koding\w*|pengkodean|dikodekan|mengodekan|keheningan)\b/i;
    expect(entries.filter(([, text]) => banned.test(text))).toEqual([]);
    expect(entries.some(([, text]) => /\bpengodean\b/i.test(text))).toBe(true);
    const silence = entries.filter(([key]) => /(^|\.| )(silence|conv_silence)$/.test(key));
    expect(silence.length).toBeGreaterThanOrEqual(2);
    for (const [key, text] of silence) expect(text, key).toBe('Diam');
  });

  it('writes numbers the Indonesian way (8.394; 2,5), through one helper', () => {
    expect(formatNumber(8394, 'id')).toBe('8.394');
    expect(formatNumber(8394, 'en')).toBe('8,394');
    expect(formatNumber(2.5, 'id')).toBe('2,5');
  });
});
