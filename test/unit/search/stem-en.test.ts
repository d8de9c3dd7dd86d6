import { describe, expect, it } from 'vitest';
import { porterStem, stemEnglish } from '../../../src/search/stem-en';

describe('the English stemmer', () => {
  it.each([
    ['innovations', 'innov'],
    ['innovation', 'innov'],
    ['innovative', 'innov'],
    ['customers', 'custom'],
    ['sharing', 'share'],
    ['shares', 'share'],
    ['followers', 'follow'],
    ['marketing', 'market'],
    ['branding', 'brand'],
    ['resellers', 'resel'],
    ['relationships', 'relationship'],
    ['capabilities', 'capabl'],
  ])('stems %s to %s (lunr’s Porter stemmer)', (word, stem) => {
    expect(stemEnglish(word)).toBe(stem);
  });

  it('gives the same stem to the forms of one word', () => {
    expect(stemEnglish('innovations')).toBe(stemEnglish('innovation'));
    expect(stemEnglish('collaborating')).toBe(stemEnglish('collaboration'));
  });

  it('leaves words under three letters alone and agrees with the uncached stemmer', () => {
    expect(stemEnglish('is')).toBe('is');
    for (const word of ['engagement', 'equity', 'triangulation']) expect(stemEnglish(word)).toBe(porterStem(word));
  });
});
