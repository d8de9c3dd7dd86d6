import { afterEach, describe, expect, it } from 'vitest';
import { extractsOf } from '../../../src/analysis/extracts';
import { readCandidates, utf8WordCount } from '../../../src/report/candidates';
import { wordCount } from '../../../src/report/quotes';
import { newGuid } from '../../../src/store/row-guid';
import { sampleStudy, type SampleStudy } from '../analysis/fixture';

let study: SampleStudy | undefined;
afterEach(() => study?.client.session.close());

describe('the report’s quote candidates', () => {
  it('count words on the UTF-8 bytes exactly as on the text, whatever the spaces and characters', () => {
    const texts = [
      '', ' ', 'Ya.', '  dua   kata  ', 'tab\tbaris\nbaru\r\nlagi\u000bdan\u000cakhir',
      'tanpa\u00a0putus', 'ogham\u1680spasi', 'en\u2002em\u2003tipis\u2009rambut\u200a', 'baris\u2028paragraf\u2029x',
      'sempit\u202fmatematis\u205fideografik\u3000akhir', '\ufeffBOM di depan', 'emoji 🙂 di 👩‍👩‍👧 tengah', 'e\u0301 gabungan', '中文 字 \u200b tanpa-lebar',
      '\u00a0', 'a\u00a0', 'x\u3000',
    ];
    for (const text of texts) {
      const bytes = Buffer.from(text, 'utf8');
      expect(utf8WordCount(bytes, 0, bytes.length), JSON.stringify(text)).toBe(wordCount(text));
    }
    // Counted within the passage only: a space that begins the next passage is not this one's.
    const joined = Buffer.from('kata\u3000kata', 'utf8');
    expect(utf8WordCount(joined, 0, 5)).toBe(1);
  });

  it('are the extracts of the codes, in extract order, with their stored quotes', async () => {
    study = await sampleStudy();
    const { client } = study;
    const a = await study.code('kolaborasi');
    const b = await study.code('kepercayaan');
    const labels = ['P-01', 'K-01', 'P-02'];
    for (const label of labels) {
      const text = study.text(label);
      await study.codeRange(a, label, 0, Math.min(40, text.length));
      await study.codeRange(b, label, 5, Math.min(80, text.length));
      await study.codeRange(a, label, 5, Math.min(30, text.length));
    }
    const { db } = client.session.store;
    // An emoji and a non-breaking space in one stored quote, as a re-anchored passage may hold.
    db.prepare("UPDATE codings SET quote = 'Kami 🙂\u00a0senang sekali' WHERE id = (SELECT min(id) FROM codings)").run();
    const expected = extractsOf(db, [a, b]);
    const got = readCandidates(db, [a, b]);
    expect(got.count).toBe(expected.length);
    expect(expected.length).toBe(9);
    const rows = Array.from({ length: got.count }, (_, i) => ({
      id: got.ids[i], documentId: got.documentIds[i], codeId: got.codeIds[i], start: got.starts[i], end: got.ends[i], quote: got.text(i), words: got.words[i],
    }));
    expect(rows).toEqual(expected.map((e) => ({ id: e.id, documentId: e.documentId, codeId: e.codeId, start: e.start, end: e.end, quote: e.quote, words: wordCount(e.quote) })));
    expect(readCandidates(db, []).count).toBe(0);
    // A few of many codes are read through the index, in the same order.
    await study.code('lain');
    await study.code('lagi');
    const one = readCandidates(db, [b]);
    expect(Array.from(one.ids)).toEqual(extractsOf(db, [b]).map((e) => e.id));
    expect(one.count).toBe(3);
  });

  it('are read in slices of ids, across gaps in the ids, and come out whole and in extract order', async () => {
    study = await sampleStudy();
    const { client } = study;
    const a = await study.code('kolaborasi');
    const b = await study.code('kepercayaan');
    const { db } = client.session.store;
    const documents = db.prepare('SELECT id, text FROM documents ORDER BY id').all() as { id: number; text: string }[];
    const coder = client.session.store.coderId();
    // More codings than one slice holds, with a gap of ids wider than a slice between two runs of them.
    const insert = db.prepare('INSERT INTO codings (id, guid, document_id, code_id, coder_id, start_offset, end_offset, quote, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      let id = 1;
      for (let n = 0; n < 40_000; n++) {
        if (n === 25_000) id += 50_000;
        const document = documents[n % documents.length]!;
        const start = (n * 7) % (document.text.length - 60);
        const end = start + 10 + (n % 50);
        insert.run(id++, newGuid(), document.id, n % 3 === 0 ? b : a, coder, start, end, document.text.slice(start, end), '2026-01-01T00:00:00Z');
      }
    })();
    const expected = extractsOf(db, [a, b]);
    const got = readCandidates(db, [a, b]);
    expect(got.count).toBe(40_000);
    expect(Array.from(got.ids)).toEqual(expected.map((e) => e.id));
    expect(Array.from(got.words)).toEqual(expected.map((e) => wordCount(e.quote)));
    for (const i of [0, 16_383, 16_384, 24_999, 25_000, 39_999]) expect(got.text(i)).toBe(expected[i]!.quote);
    expect(Array.from(readCandidates(db, [b]).ids)).toEqual(extractsOf(db, [b]).map((e) => e.id));
  });
});
