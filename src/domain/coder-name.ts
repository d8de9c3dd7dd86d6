import { TematikError } from './errors';
import { defineMessages } from './text';

const say = defineMessages({
  en: { emptyName: 'The coder\'s name is empty. Type the name of the person who codes, e.g. "Rina".' },
  id: { emptyName: 'Nama pengode masih kosong. Ketik nama orang yang mengode, mis. "Rina".' },
});

/** A coder's name in one spelling (NFC, single spaces, trimmed); refused when nothing is left. */
export function coderName(name: string): string {
  const tidied = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (tidied === '') throw new TematikError('invalid_args', say('emptyName'));
  return tidied;
}
