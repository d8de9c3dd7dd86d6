import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TematikError } from '../../../src/domain/errors';
import {
  MAX_REVIEW_BODY_CHARS, MAX_REVIEW_COMMENTS, MAX_REVIEW_FILE_BYTES, parseReviewComments, readReviewCommentsFile, type ReviewCommentsFileInput,
} from '../../../src/review/comments-file';
import { tempDir } from '../../helpers/temp-project';

const PROJECT = '3f2a8c10-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const PACKAGE = '9e8d7c6b-5a49-4382-9716-05f4e3d2c1b0';

function file(overrides: Partial<ReviewCommentsFileInput> = {}): ReviewCommentsFileInput {
  return {
    format: 'tematik-review-comments', version: 1, projectGuid: PROJECT, packageGuid: PACKAGE,
    packageCreatedAt: '2026-12-01T08:00:00.000Z', reviewer: 'Dr. Sari', savedAt: '2026-12-03T19:30:12.345+07:00',
    comments: [
      { guid: 'A1B2C3D4-0000-4000-8000-000000000001', target: { kind: 'theme', guid: '11111111-2222-4333-8444-555555555555', label: 'Kepercayaan pelanggan' }, body: '  Definisinya terlalu luas?  ', createdAt: '2026-12-02T09:00:00Z' },
      { guid: 'a1b2c3d4-0000-4000-8000-000000000002', target: { kind: 'coding', guid: '11111111-2222-4333-8444-666666666666', label: 'polling di Instagram Story' }, body: 'Kutipan yang bagus 👍', createdAt: '2026-12-02T09:05:00Z' },
    ],
    ...overrides,
  };
}

const text = (value: unknown): string => JSON.stringify(value);

/** The refusal's English and Indonesian text, or a failure when the file was accepted. */
function refusal(content: string): { en: string; id: string } {
  try {
    parseReviewComments(content, 'komentar.json');
  } catch (error) {
    expect(error).toBeInstanceOf(TematikError);
    expect((error as TematikError).kind).toBe('bad_input');
    return (error as TematikError).text!;
  }
  throw new Error('the file was accepted');
}

describe('parseReviewComments', () => {
  it('reads a good file: GUIDs in lower case, texts trimmed, times as written', () => {
    const parsed = parseReviewComments(`\uFEFF${text(file())}`, 'komentar.json');
    expect(parsed.reviewer).toBe('Dr. Sari');
    expect(parsed.comments.map((c) => [c.guid, c.target.kind, c.body])).toEqual([
      ['a1b2c3d4-0000-4000-8000-000000000001', 'theme', 'Definisinya terlalu luas?'],
      ['a1b2c3d4-0000-4000-8000-000000000002', 'coding', 'Kutipan yang bagus 👍'],
    ]);
    expect(parsed.savedAt).toBe('2026-12-03T19:30:12.345+07:00');
    expect(parseReviewComments(text(file({ comments: [] })), 'x.json').comments).toEqual([]);
  });

  it('refuses a file over 5 MB before parsing it', () => {
    const big = text(file({ comments: [{ ...file().comments[0]!, body: 'x'.repeat(MAX_REVIEW_FILE_BYTES) }] }));
    expect(refusal(big).en).toMatch(/komentar\.json is 5\.0 MB; .* up to 5 MB/);
  });

  it('refuses text that is not JSON, and JSON that is not a review comments file', () => {
    expect(refusal('{"format": "tematik-review-comments", ').en).toMatch(/not JSON text/);
    expect(refusal('').en).toMatch(/not JSON text/);
    expect(refusal(text([file()])).en).toMatch(/not a Tematik review comments file/);
    expect(refusal(text({ ...file(), format: 'tematik-comments' })).en).toMatch(/not a Tematik review comments file/);
    expect(refusal(text({ type: 'FeatureCollection' })).id).toMatch(/bukan berkas komentar tinjauan Tematik/);
  });

  it('refuses a newer version with a way out, and an unknown one as damaged', () => {
    expect(refusal(text({ ...file(), version: 2 })).en).toMatch(/newer review package \(comments file version 2; this Tematik reads version 1\)\. Update Tematik/);
    expect(refusal(text({ ...file(), version: '1' })).en).toMatch(/field "version" has a value a review package does not write/);
  });

  it('refuses more than 10,000 comments and a comment longer than 20,000 characters', () => {
    const many = Array.from({ length: MAX_REVIEW_COMMENTS + 1 }, (_, n) => ({ ...file().comments[0]!, guid: `a1b2c3d4-0000-4000-8000-${String(n).padStart(12, '0')}` }));
    expect(refusal(text({ ...file(), comments: many })).en).toMatch(/holds 10,001 comments; Tematik imports up to 10,000/);
    const long = [file().comments[0]!, { ...file().comments[1]!, body: 'y'.repeat(MAX_REVIEW_BODY_CHARS + 1) }];
    expect(refusal(text({ ...file(), comments: long })).en).toMatch(/comment 2 is 20,001 characters long; a comment may have up to 20,000/);
    // Exactly at the limits is fine.
    expect(() => parseReviewComments(text({ ...file(), comments: [{ ...file().comments[0]!, body: 'y'.repeat(MAX_REVIEW_BODY_CHARS) }] }), 'x.json')).not.toThrow();
  });

  it('refuses a field out of shape, naming where it is', () => {
    const one = (change: Record<string, unknown>) => text({ ...file(), comments: [{ ...file().comments[0]!, ...change }] });
    expect(refusal(text({ ...file(), projectGuid: 'proyek-1' })).en).toMatch(/field "projectGuid" is not a GUID/);
    expect(refusal(text({ ...file(), reviewer: '   ' })).en).toMatch(/field "reviewer" is empty/);
    expect(refusal(text({ ...file(), reviewer: 'x'.repeat(201) })).en).toMatch(/field "reviewer" is longer than 200 characters/);
    expect(refusal(text({ ...file(), savedAt: 'kemarin' })).en).toMatch(/field "savedAt" is not a date and time/);
    expect(refusal(text({ ...file(), packageCreatedAt: '2026-13-45T99:00:00Z' })).en).toMatch(/field "packageCreatedAt" is not a real date/);
    expect(refusal(text({ ...file(), comments: 'none' })).en).toMatch(/field "comments" is not a list/);
    const { packageGuid: _, ...withoutPackage } = file();
    expect(refusal(text(withoutPackage)).en).toMatch(/field "packageGuid" is missing/);
    expect(refusal(text({ ...file(), script: '<script>' })).en).toMatch(/the file has fields a review package does not write \(script\)/);
    expect(refusal(one({ body: ' \n ' })).en).toMatch(/comment 1, field "body" is empty/);
    expect(refusal(one({ body: 'a\u0000b' })).en).toMatch(/comment 1, field "body" holds control characters/);
    expect(refusal(one({ guid: 'x' })).en).toMatch(/comment 1, field "guid" is not a GUID/);
    expect(refusal(one({ target: { kind: 'memo', guid: PROJECT, label: '' } })).en).toMatch(/comment 1, field "target"\."kind" is not one of theme, link, code, coding/);
    expect(refusal(one({ target: { kind: 'theme', guid: PROJECT } })).en).toMatch(/comment 1, field "target"\."label" is missing/);
    expect(refusal(one({ createdAt: 1733130000000 })).en).toMatch(/comment 1, field "createdAt" is not text/);
    expect(refusal(one({ author: 'Bima' })).en).toMatch(/comment 1 has fields a review package does not write \(author\)/);
    // In Indonesian too, where and what.
    expect(refusal(one({ guid: 'x' })).id).toMatch(/rusak atau tidak ditulis oleh paket tinjauan: komentar ke-1, isian "guid" bukan GUID\./);
    expect(refusal(text({ ...file(), comments: 'none' })).id).toMatch(/isian "comments" bukan daftar/);
  });

  it('refuses two comments with one GUID (in any case)', () => {
    const [a, b] = file().comments;
    expect(refusal(text({ ...file(), comments: [a, { ...b!, guid: a!.guid.toLowerCase() }] })).en).toMatch(/comment 2 has the same GUID as comment 1/);
  });
});

describe('readReviewCommentsFile', () => {
  it('reads a file by its path and names it by its name; refuses a missing file, a folder and a large file unread', () => {
    const dir = tempDir();
    const good = path.join(dir, 'studi-review-Dr. Sari.tematik-comments.json');
    fs.writeFileSync(good, text(file()));
    expect(readReviewCommentsFile(good).comments).toHaveLength(2);
    expect(() => readReviewCommentsFile(path.join(dir, 'nothing.json'))).toThrow(/the file does not exist/);
    expect(() => readReviewCommentsFile(dir)).toThrow(/is not a file/);
    const big = path.join(dir, 'besar.json');
    fs.writeFileSync(big, Buffer.alloc(MAX_REVIEW_FILE_BYTES + 1, 0x20));
    expect(() => readReviewCommentsFile(big)).toThrow(/besar\.json is 5\.0 MB/);
    const damaged = path.join(dir, 'rusak.json');
    fs.writeFileSync(damaged, text(file()).slice(0, 100));
    expect(() => readReviewCommentsFile(damaged)).toThrow(/rusak\.json is not a review comments file: it is not JSON text/);
  });
});
