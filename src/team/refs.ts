import type { MergeChoice, MergeConflictKind } from '../domain/team';

/** A row a merge writes against: one the project has (by its GUID there), or one the merge creates from the copy's row (by the copy's GUID). */
export type Ref = { readonly existing: string } | { readonly created: string };

export const isExisting = (ref: Ref): ref is { existing: string } => 'existing' in ref;

/** Names compare as the codebook and informant labels do: trimmed, without case. */
export const fold = (name: string): string => name.trim().toLowerCase();

/** Lists a conflict in the plan and returns how it is settled (the user's choice, or the suggested one in a preview). */
export type RaiseConflict = (
  kind: MergeConflictKind, guid: string, subject: string, codings: number, names?: { projectName?: string; copyName?: string },
) => MergeChoice;
