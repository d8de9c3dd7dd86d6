import { describe, expect, it } from 'vitest';
import { errorInLanguage, TematikError } from '../../../src/domain/errors';
import { defineMessages, joinText } from '../../../src/domain/text';
import { toErrorInfo } from '../../../src/api/dispatch';

const say = defineMessages({
  en: { busy: 'The project {name} is busy: {count} changes wait.' },
  id: { busy: 'Proyek {name} sedang sibuk: {count} perubahan menunggu.' },
});

describe('messages in both languages', () => {
  it('fills placeholders and writes numbers the language\'s way', () => {
    expect(say('busy', { name: 'UMKM', count: 12345 })).toEqual({
      en: 'The project UMKM is busy: 12,345 changes wait.',
      id: 'Proyek UMKM sedang sibuk: 12.345 perubahan menunggu.',
    });
  });

  it('a piece already in both languages fills each language with its own', () => {
    const piece = defineMessages({ en: { a: 'reviewed', b: 'defined', or: ' or ' }, id: { a: 'ditinjau', b: 'terdefinisi', or: ' atau ' } });
    const choice = joinText([piece('a'), piece('b')], piece('or'));
    expect(say('busy', { name: choice, count: 1 })).toEqual({
      en: 'The project reviewed or defined is busy: 1 changes wait.',
      id: 'Proyek ditinjau atau terdefinisi sedang sibuk: 1 perubahan menunggu.',
    });
  });

  it('an error crossing the boundary keeps both languages, and English stays its message', () => {
    const info = toErrorInfo(new TematikError('busy', say('busy', { name: 'A', count: 1 }), [say('busy', { name: 'B', count: 2 })]));
    expect(info.message).toBe('The project A is busy: 1 changes wait.');
    expect(errorInLanguage(info, 'id')).toEqual({ message: 'Proyek A sedang sibuk: 1 perubahan menunggu.', details: ['Proyek B sedang sibuk: 2 perubahan menunggu.'] });
    expect(errorInLanguage(info, 'en').details).toEqual(['The project B is busy: 2 changes wait.']);
  });

  it('an untranslated error shows its English text in either language', () => {
    const info = toErrorInfo(new TematikError('conflict', 'Plain English.', ['one']));
    expect(errorInLanguage(info, 'id')).toEqual({ message: 'Plain English.', details: ['one'] });
  });

  it('a bug is reported in the user\'s language too', () => {
    const info = toErrorInfo(new Error('boom'));
    expect(info.kind).toBe('internal');
    expect(errorInLanguage(info, 'id').message).toContain('galat tak terduga: boom');
  });
});
