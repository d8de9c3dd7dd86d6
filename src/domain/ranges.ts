import { TematikError } from './errors';
import type { Utf16Offset } from './ids';
import { isCharBoundary } from './offsets';
import { defineMessages } from './text';

const say = defineMessages({
  en: {
    emptyRange: 'The range {start}–{end} is empty or reversed; select some text in "{title}" first.',
    rangePastEnd: 'The range {start}–{end} runs past the end of "{title}" ({length} characters).',
    splitsCharacter: 'The range {start}–{end} splits a character (an emoji or other symbol) in "{title}"; widen the selection by one character.',
  },
  id: {
    emptyRange: 'Rentang {start}–{end} kosong atau terbalik; pilih dulu sebagian teks di "{title}".',
    rangePastEnd: 'Rentang {start}–{end} melewati akhir "{title}" ({length} karakter).',
    splitsCharacter: 'Rentang {start}–{end} memotong satu karakter (emoji atau simbol lain) di "{title}"; perlebar pilihan Anda satu karakter.',
  },
});

/** Checks a coding's range against the document's text before anything is written: whoever stores it (a coder, an import) checks the same. */
export function checkRange(text: string, title: string, start: Utf16Offset, end: Utf16Offset): void {
  if (end <= start) throw new TematikError('invalid_args', say('emptyRange', { start: String(start), end: String(end), title }));
  if (end > text.length) throw new TematikError('invalid_args', say('rangePastEnd', { start: String(start), end: String(end), title, length: text.length }));
  if (!isCharBoundary(text, start) || !isCharBoundary(text, end)) {
    throw new TematikError('invalid_args', say('splitsCharacter', { start: String(start), end: String(end), title }));
  }
}
