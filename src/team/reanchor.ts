import { TematikError } from '../domain/errors';
import { carriedCoding, normaliseEdits, offsetMapper, type OffsetMapper } from '../domain/text-edits';
import { alignEdits } from '../edit/align';

/** How a coding of the copy was placed in the project's text of its transcript. */
export type Placement =
  | { readonly how: 'aligned' | 'found'; readonly start: number; readonly end: number }
  | { readonly how: 'unplaced' };

/** Places the codings of one transcript whose text differs in a coder's copy and in the project. */
export interface Reanchorer {
  /** False when the two texts differ too much to align (align.ts MAX_DIFFERENCES): codings are only searched for. */
  readonly aligned: boolean;
  place(start: number, end: number): Placement;
}

/**
 * A coder's copy made before the researcher corrected or de-identified a transcript (issue 15)
 * codes the old text. Its codings are carried to the project's text as the transcript editor
 * carries codings through an edit: the two texts are aligned (the one diff, src/edit/align.ts),
 * and each range is mapped by the editor's rules (src/domain/text-edits.ts), so a coding lands on
 * the same words even when some of them were changed, and a phrase coded where it occurs twice
 * lands on the occurrence the coder chose. Only a coding whose words are all gone is searched
 * for, where its text occurs exactly once; one found neither way is not placed.
 */
export function reanchorer(copyText: string, projectText: string, names: { readonly file: string; readonly title: string }): Reanchorer {
  const mapper = alignment(copyText, projectText, names);
  return {
    aligned: mapper !== null,
    place(start, end) {
      const quote = copyText.slice(start, end);
      const range = mapper === null ? undefined : carriedCoding(mapper, projectText, start, end, quote);
      if (range) return { how: 'aligned', start: range.start, end: range.end };
      const found = uniqueIndex(projectText, quote);
      return found === null ? { how: 'unplaced' } : { how: 'found', start: found, end: found + quote.length };
    },
  };
}

/** The mapper of the copy's text onto the project's; null when the aligner refuses texts this different. */
function alignment(copyText: string, projectText: string, names: { readonly file: string; readonly title: string }): OffsetMapper | null {
  try {
    return offsetMapper(normaliseEdits(copyText, names.title, alignEdits(copyText, projectText, names)));
  } catch (error) {
    // The aligner's only refusal is texts too different (bad_input); anything else is a fault to surface.
    if (error instanceof TematikError && error.kind === 'bad_input') return null;
    throw error;
  }
}

/** Where `quote` occurs in `text`, when it occurs exactly once; a passage found twice cannot be placed for sure. */
function uniqueIndex(text: string, quote: string): number | null {
  const first = text.indexOf(quote);
  if (first < 0 || text.indexOf(quote, first + 1) >= 0) return null;
  return first;
}
