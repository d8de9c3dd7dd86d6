/**
 * UTF-8 byte offsets of UTF-16 offsets into one text, as SQLite stores the text: a passage is
 * then cut from the stored value as a blob, which SQLite does without counting characters from
 * the start of a transcript. Offsets asked in ascending order (a document's units) cost one pass
 * over the text in all; asking for an earlier one starts the count again from the beginning.
 */
export function utf8Offsets(text: string): (offset: number) => number {
  let at = 0;
  let bytes = 0;
  return (offset) => {
    if (offset < at) at = bytes = 0;
    for (; at < offset; at++) {
      const c = text.charCodeAt(at);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c <= 0xdbff && at + 1 < text.length && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00) {
        // A surrogate pair is one 4-byte character; a range never starts or ends inside one.
        bytes += 4;
        at++;
      } else bytes += 3; // the rest of the BMP, and a lone surrogate, which is stored as U+FFFD
    }
    return bytes;
  };
}
