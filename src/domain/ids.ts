/** Branded ids: a CodeId cannot be passed where a DocumentId is expected. */
type Brand<T, B extends string> = T & { readonly __brand: B };

export type InformantTypeId = Brand<number, 'InformantTypeId'>;
export type InformantId = Brand<number, 'InformantId'>;
export type AttributeId = Brand<number, 'AttributeId'>;
export type DocumentId = Brand<number, 'DocumentId'>;
export type TurnId = Brand<number, 'TurnId'>;
export type CodeId = Brand<number, 'CodeId'>;
export type CodingId = Brand<number, 'CodingId'>;
export type CoderId = Brand<number, 'CoderId'>;
export type MemoId = Brand<number, 'MemoId'>;
export type ThemeId = Brand<number, 'ThemeId'>;
export type ThemeLinkId = Brand<number, 'ThemeLinkId'>;
export type RedactionId = Brand<number, 'RedactionId'>;

/**
 * A character offset in UTF-16 code units, the unit JavaScript strings and the
 * store use. REFI-QDA counts Unicode code points instead: convert with
 * `offsets.ts` at that boundary only.
 */
export type Utf16Offset = Brand<number, 'Utf16Offset'>;
/** A character offset in Unicode code points (REFI-QDA PlainTextSelection). */
export type CodePointOffset = Brand<number, 'CodePointOffset'>;
