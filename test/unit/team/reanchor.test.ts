import { describe, expect, it } from 'vitest';
import { MAX_DIFFERENCES } from '../../../src/edit/align';
import { reanchorer } from '../../../src/team/reanchor';

const names = { file: 'bima.tematik', title: 'P-01' };

/** Places the coding of `words` (its `nth` occurrence, from 0) in `before` and returns where it landed in `after`, with the words there. */
function carry(before: string, after: string, words: string, nth = 0): { how: string; text?: string; start?: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = before.indexOf(words, start + 1);
  expect(start).toBeGreaterThanOrEqual(0);
  const placed = reanchorer(before, after, names).place(start, start + words.length);
  return placed.how === 'unplaced' ? { how: placed.how } : { how: placed.how, text: after.slice(placed.start, placed.end), start: placed.start };
}

describe('reanchoring a coding of a copy onto the project\'s edited text', () => {
  const before = 'I: Bagaimana awalnya?\nR: Saya kenal Pak Budi dari komunitas kopi. Kami sering ngopi bareng.\nI: Lalu?\nR: Kami sering ngopi bareng di Bandung.\n';

  it('carries a coding through a corrected word inside it', () => {
    const after = before.replace('kenal', 'mengenal').replace('Bagaimana', 'Bagaimanakah');
    expect(carry(before, after, 'Saya kenal Pak Budi')).toMatchObject({ how: 'aligned', text: 'Saya mengenal Pak Budi' });
    // As in the editor, words added exactly at a coding's end stay outside it.
    const longer = before.replace('komunitas kopi', 'komunitas kopi lokal');
    expect(carry(before, longer, 'dari komunitas kopi')).toMatchObject({ how: 'aligned', text: 'dari komunitas kopi' });
  });

  it('carries a coding through a name replaced by a pseudonym', () => {
    const after = before.replace('Pak Budi', 'Pak [R-03]');
    expect(carry(before, after, 'Saya kenal Pak Budi dari')).toMatchObject({ how: 'aligned', text: 'Saya kenal Pak [R-03] dari' });
  });

  it('carries a coding through a turn split in two', () => {
    const after = before.replace('kopi. Kami sering', 'kopi.\nR: Kami sering');
    expect(carry(before, after, 'dari komunitas kopi. Kami')).toMatchObject({ how: 'aligned', text: 'dari komunitas kopi.\nR: Kami' });
  });

  it('lands a phrase coded where it occurs twice on the occurrence the coder chose, where the search could not', () => {
    const after = before.replace('Bagaimana awalnya', 'Bagaimana mulanya');
    const second = before.indexOf('Kami sering ngopi bareng', before.indexOf('Kami sering ngopi bareng') + 1);
    const placed = carry(before, after, 'Kami sering ngopi bareng', 1);
    expect(placed).toMatchObject({ how: 'aligned', text: 'Kami sering ngopi bareng' });
    expect(placed.start).toBe(second + ('mulanya'.length - 'awalnya'.length));
  });

  it('shrinks a coding that lost some of its words and leaves one whose words are all gone unplaced', () => {
    const after = before.replace(' Kami sering ngopi bareng.\n', '\n');
    expect(carry(before, after, 'komunitas kopi. Kami sering')).toMatchObject({ how: 'aligned', text: 'komunitas kopi.' });
    // The first occurrence was deleted; the same words occur once elsewhere, but not as "ngopi bareng." with the full stop.
    expect(carry(before, after, 'ngopi bareng.')).toEqual({ how: 'unplaced' });
  });

  it('searches for a coding whose words are gone from where they were, and finds it where its text occurs once', () => {
    // The sentence was moved: deleted in one place, written in another; the alignment cannot follow a move.
    const moved = 'R: Saya kenal Pak Budi dari komunitas kopi.';
    const after = `${before.replace(moved, 'R: Ya.')}\n${moved}\n`;
    expect(carry(before, after, 'Pak Budi dari komunitas')).toMatchObject({ how: 'found', text: 'Pak Budi dari komunitas', start: after.lastIndexOf('Pak Budi') });
  });

  it('falls back to the search when the texts are too different to align', () => {
    const line = (n: number) => `R: ${n} baris berbeda ${n * 7}\n`;
    const copy = Array.from({ length: MAX_DIFFERENCES + 10 }, (_, n) => line(n)).join('') + 'R: kalimat unik sekali.\n';
    const project = Array.from({ length: MAX_DIFFERENCES + 10 }, (_, n) => line(n + 100000)).join('') + 'R: kalimat unik sekali.\n';
    const anchors = reanchorer(copy, project, names);
    expect(anchors.aligned).toBe(false);
    const start = copy.indexOf('kalimat unik');
    expect(anchors.place(start, start + 'kalimat unik'.length)).toEqual({ how: 'found', start: project.indexOf('kalimat unik'), end: project.indexOf('kalimat unik') + 'kalimat unik'.length });
    const gone = copy.indexOf('baris berbeda 21');
    expect(anchors.place(gone, gone + 'baris berbeda 21'.length)).toEqual({ how: 'unplaced' });
  });
});
