import { describe, expect, it } from 'vitest';
import { themesStrings } from './strings';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('themes strings', () => {
  it('use the same placeholders in Bahasa Indonesia as in English', () => {
    for (const key of Object.keys(themesStrings.en) as (keyof typeof themesStrings.en)[]) {
      expect(placeholders(themesStrings.id[key]), key).toEqual(placeholders(themesStrings.en[key]));
    }
  });

  it('leave no Indonesian string empty', () => {
    expect(Object.entries(themesStrings.id).filter(([, text]) => !text.trim())).toEqual([]);
  });
});
