/**
 * Text as Word can store it: XML 1.0 allows no control characters but tab and line
 * breaks, and no lone surrogate halves. Transcripts decoded from old Word exports or
 * pasted from chat apps sometimes carry them; one would make the whole report unreadable.
 */
export function cleanText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '').replace(/\r\n?/g, '\n');
}
