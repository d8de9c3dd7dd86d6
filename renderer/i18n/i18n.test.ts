import { describe, expect, it } from 'vitest';
import { defineStrings, translate } from './i18n';

const strings = defineStrings({ en: { words: '{n} words in {title}' }, id: { words: '{n} kata di {title}' } });

describe('translate', () => {
  it('writes numeric placeholders the way the interface language writes numbers; text stays as given', () => {
    expect(translate(strings, 'id')('words', { n: 8394, title: 'P-01' })).toBe('8.394 kata di P-01');
    expect(translate(strings, 'en')('words', { n: 8394, title: 'P-01' })).toBe('8,394 words in P-01');
    expect(translate(strings, 'id')('words', { n: '1234', title: '2025' })).toBe('1234 kata di 2025');
    expect(translate(strings, 'en')('words', { n: 3 })).toBe('3 words in {title}');
  });
});
