const NONE = 0;
const WORD = 1;
/** Joins letters inside a word: "ide-ide", "co-creation", "don't". */
const JOINER = 2;
/** Joins digits inside a number: "50.000.000,00". */
const NUMBER_SEPARATOR = 3;

const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9]/.test(ch)) ASCII_CLASS[c] = WORD;
}
ASCII_CLASS[0x2d] = JOINER; // -
ASCII_CLASS[0x27] = JOINER; // '
ASCII_CLASS[0x2e] = NUMBER_SEPARATOR; // .
ASCII_CLASS[0x2c] = NUMBER_SEPARATOR; // ,

/** Sticky, so one character is tested in place without slicing; `u` takes a surrogate pair whole. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;
const MARK = /\p{M}/uy;

/**
 * Counts words as a researcher would: runs of Unicode letters and digits, with
 * combining marks part of the word; a hyphen or apostrophe between letters joins
 * ("ide-ide", "co-creation" count once), '.' and ',' join digits ("Rp 50.000.000,00"
 * counts two), and emoji or punctuation count nothing. One pass over the string,
 * no substrings.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  let lastWasDigit = false;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    let kind: number;
    let width = 1;
    if (c < 128) {
      kind = ASCII_CLASS[c]!;
    } else if (c === 0x2019 || c === 0x2010 || c === 0x2011) {
      kind = JOINER; // ’ and the Unicode hyphens
    } else {
      LETTER_OR_DIGIT.lastIndex = i;
      if (LETTER_OR_DIGIT.test(text)) {
        kind = WORD;
        width = LETTER_OR_DIGIT.lastIndex - i;
      } else {
        MARK.lastIndex = i;
        // A combining mark continues the word it follows and never starts one.
        kind = inWord && MARK.test(text) ? WORD : NONE;
        if (kind === WORD) width = MARK.lastIndex - i;
      }
    }

    if (kind === WORD) {
      if (!inWord) count++;
      inWord = true;
      lastWasDigit = c >= 0x30 && c <= 0x39;
    } else if (inWord && kind !== NONE && i + 1 < n && isWordStart(text, i + 1, kind, lastWasDigit)) {
      // stay in the word: the joiner sits between two of its characters
    } else {
      inWord = false;
    }
    i += width;
  }
  return count;
}

function isWordStart(text: string, i: number, joiner: number, lastWasDigit: boolean): boolean {
  const c = text.charCodeAt(i);
  if (joiner === NUMBER_SEPARATOR) return lastWasDigit && c >= 0x30 && c <= 0x39;
  if (c < 128) return ASCII_CLASS[c] === WORD;
  LETTER_OR_DIGIT.lastIndex = i;
  return LETTER_OR_DIGIT.test(text);
}
