import { describe, expect, it } from 'vitest';
import type { CodePointOffset, Utf16Offset } from '../../../src/domain/ids';
import { toCodePoint, toUtf16 } from '../../../src/domain/offsets';
import { normaliseGuid, refiGuid } from '../../../src/refi/guid';
import { codePointIndex } from '../../../src/domain/offsets';
import { crLfCountOf, importedText } from '../../../src/refi/positions';
import { escapeAttr, escapeText, parseXml } from '../../../src/refi/xml';
import { TRICKY_TEXT } from './fixture';

describe('code point index', () => {
  it.each([
    ['plain ASCII', 'Halo dunia'],
    ['emoji, skin tones, ZWJ sequences, math letters and combining marks', TRICKY_TEXT],
    ['a lone surrogate', 'a\ud83db\ude00c😀'],
    ['empty', ''],
  ])('agrees with domain/offsets.ts at every offset: %s', (_, text) => {
    const index = codePointIndex(text);
    expect(index.codePoints).toBe([...text].length);
    for (let i = 0; i <= text.length; i++) expect(index.toCodePoint(i as Utf16Offset), `utf16 ${i}`).toBe(toCodePoint(text, i as Utf16Offset));
    for (let p = 0; p <= index.codePoints; p++) expect(index.toUtf16(p as CodePointOffset), `point ${p}`).toBe(toUtf16(text, p as CodePointOffset));
    expect(index.toUtf16(index.codePoints + 1 as CodePointOffset)).toBeUndefined();
  });
});

describe('imported text', () => {
  it('turns CR LF and lone CR into LF and maps the other tool\'s positions onto the result', () => {
    const raw = 'a😀\r\nb\rc\r\n';
    const imported = importedText(raw);
    expect(imported.text).toBe('a😀\nb\nc\n');
    expect(imported.codePoints).toBe([...raw].length);
    // Original code points: a 😀 \r \n b \r c \r \n (end = 9).
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((p) => imported.toUtf16(p))).toEqual([0, 1, 3, 3, 4, 5, 6, 7, 7, 8]);
    expect(imported.toUtf16(10)).toBeUndefined();
    expect(imported.toUtf16(-1)).toBeUndefined();
  });

  it('keeps text without CR as it is', () => {
    expect(importedText(TRICKY_TEXT).text).toBe(TRICKY_TEXT);
    expect(importedText(TRICKY_TEXT, 'one').text).toBe(TRICKY_TEXT);
  });

  it('counting CR LF as one (ATLAS.ti), maps each pair to one position, and a lone CR to one too', () => {
    const imported = importedText('a\r\nb😀\r\nc\rd', 'one');
    expect(imported.text).toBe('a\nb😀\nc\nd');
    // Positions as ATLAS.ti counts them: a, CR LF, b, 😀, CR LF, c, CR, d (end = 8).
    expect(imported.codePoints).toBe(8);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((p) => imported.toUtf16(p))).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9]);
    expect(imported.toUtf16(9)).toBeUndefined();
    // The same raw text counted as two puts every position after the first CR LF elsewhere.
    expect(importedText('a\r\nb😀\r\nc\rd').toUtf16(4)).toBe(3);
  });

  it.each([
    ['ATLAS.ti 23.2.1 (Windows)', 'one'], ['ATLAS.ti Mac 22.0', 'one'], ['Atlas.ti 9', 'one'], ['Tematik', 'one'],
    ['NVivo 14.23.0 (Windows)', 'two'], ['MAXQDA 24 (Release 24.4.0)', 'two'], ['qc 1.3.2', 'two'], ['QualCoder 3.6', 'two'], [undefined, 'two'],
  ] as const)('knows how %s counts CR LF: as %s', (origin, count) => {
    expect(crLfCountOf(origin)).toBe(count);
  });
});

describe('GUIDs', () => {
  const project = '3f2b8c1e-9d4a-4c6b-8e2f-1a2b3c4d5e6f';

  it('are name-based (version 5 layout), stable, and distinct by kind and id', () => {
    const guid = refiGuid(project, 'code', 7);
    expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(refiGuid(project, 'code', 7)).toBe(guid);
    expect(refiGuid(project, 'source', 7)).not.toBe(guid);
    expect(refiGuid(project, 'code', 8)).not.toBe(guid);
    expect(refiGuid('11111111-2222-4333-8444-555555555555', 'code', 7)).not.toBe(guid);
  });

  it('are compared in one canonical form', () => {
    expect(normaliseGuid('{A1B2C3D4-0000-4000-8000-000000000001}')).toBe('a1b2c3d4-0000-4000-8000-000000000001');
    expect(normaliseGuid(' a1b2c3d4-0000-4000-8000-000000000001 ')).toBe('a1b2c3d4-0000-4000-8000-000000000001');
    expect(normaliseGuid('not-a-guid')).toBe('not-a-guid');
  });
});

describe('XML escaping', () => {
  it('round-trips markup characters, line breaks, tabs and CR through the parser', () => {
    const value = 'a & b < c > d "e" \'f\'\tg\nh\ri 😀';
    const xml = `<r x="${escapeAttr(value)}">${escapeText(value)}</r>`;
    const root = parseXml(Buffer.from(xml), 'test');
    expect(root.attrs.get('x')).toBe(value);
    expect(root.text).toBe(value);
  });

  it('keeps literal CR LF in the elements asked for, which XML would turn into LF, and only there', () => {
    const xml = '<r xmlns:q="urn:x" a="1\r\n2">\r\n<PlainTextContent>a\r\nb\rc</PlainTextContent><q:PlainTextContent x="y">d\r\ne</q:PlainTextContent><PlainTextContent/><Description>f\r\ng</Description></r>';
    const root = parseXml(Buffer.from(xml), 'crlf.xml', { keepLineEndingsIn: ['PlainTextContent'] });
    expect(root.children.map((c) => c.text)).toEqual(['a\r\nb\rc', 'd\r\ne', '', 'f\ng']);
    expect(root.attrs.get('a')).toBe('1\n2');
    expect(parseXml(Buffer.from(xml), 'crlf.xml').children[0]!.text).toBe('a\nb\nc');
  });

  it('refuses a DOCTYPE in any case, but not the word inside a comment or CDATA', () => {
    expect(() => parseXml(Buffer.from('<!doctype r><r/>'), 'lower.xml')).toThrow(/lower\.xml contains a DOCTYPE/);
    expect(() => parseXml(Buffer.from('<!-- c --><!DOCTYPE r SYSTEM "http://example.org/r.dtd"><r/>'), 'system.xml')).toThrow(/contains a DOCTYPE/);
    const quoted = parseXml(Buffer.from('<!-- <!DOCTYPE x> --><r><![CDATA[<!DOCTYPE html> & <!ENTITY>]]></r>'), 'quoted.xml');
    expect(quoted.text).toBe('<!DOCTYPE html> & <!ENTITY>');
  });

  it('refuses UTF-16 and bytes that are not UTF-8, and two root elements', () => {
    expect(() => parseXml(Buffer.from('\ufeff<r/>', 'utf16le'), 'wide.xml')).toThrow(/UTF-16/);
    expect(() => parseXml(Buffer.from([0x3c, 0x72, 0x3e, 0xff, 0x3c, 0x2f, 0x72, 0x3e]), 'latin.xml')).toThrow(/not valid UTF-8/);
    expect(() => parseXml(Buffer.from('<r/><s/>'), 'two.xml')).toThrow(/2 top-level elements/);
  });

  it('replaces characters XML 1.0 cannot carry', () => {
    expect(escapeText('a\u0000b\u000bc\ud800d')).toBe('a\ufffdb\ufffdc\ufffdd');
  });
});
