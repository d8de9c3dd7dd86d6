import type { SourceFormat, SpeakerRole } from '../domain/types';

/** A speaker turn found while parsing, before it is stored. */
export interface ParsedTurn {
  /** The label as written ("Bu Rina", "Informan 2"); '' for a header or unlabelled text. */
  readonly speaker: string;
  readonly role: SpeakerRole;
  /** Milliseconds from the start of the recording, when the source had a timestamp. */
  readonly startMs: number | null;
  readonly endMs: number | null;
  /** UTF-16 offset of the first character of the utterance (never the label). */
  readonly start: number;
  /** UTF-16 offset just past the utterance's last non-blank character. */
  readonly end: number;
}

/** An imported transcript: its stored text and what was recognised in it. */
export interface ParsedDocument {
  /** The file name without its extension. */
  readonly title: string;
  /** The base file name, as the user chose it. */
  readonly sourceName: string;
  readonly format: SourceFormat;
  /** The detected text encoding, or 'docx' for Word files. */
  readonly encoding: string;
  readonly text: string;
  readonly turns: readonly ParsedTurn[];
  readonly wordCount: number;
  /** SHA-256 (hex) of `text` as UTF-8, to recognise a file imported twice. */
  readonly contentHash: string;
  /**
   * The search index's stems of each unit of the text (search/indexer.ts, documentUnits), when
   * they were computed while parsing, in an import's worker threads.
   */
  readonly unitStems?: readonly string[];
  /** Each of those units' start and end in UTF-8 bytes of `text`, one after the other (indexer.ts, unitBytes). */
  readonly unitBytes?: readonly number[];
}
