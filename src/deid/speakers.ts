import { nameFinder, replaceMatches, replacementOf, type NameSpec } from './find';
import { SHARED_PLACEHOLDER } from './names';

/**
 * The speaker labels of a transcript with the names in them replaced: "Pak Joko" → "Pak [A-01]".
 * A label follows the names the user kept (a name left out keeps its labels), not single hits:
 * a label is one value for all its turns.
 */
export function speakerRenames(labels: readonly string[], names: readonly NameSpec[], skipNames: ReadonlySet<string>): { from: string; to: string }[] {
  const kept = names.filter((n) => !skipNames.has(n.id));
  const find = nameFinder(kept);
  const byId = new Map(kept.map((n) => [n.id, n]));
  const renames: { from: string; to: string }[] = [];
  for (const label of new Set(labels)) {
    const matches = find(label);
    if (matches.length) renames.push({ from: label, to: replaceMatches(label, matches, (m) => replacementOf(m, byId, SHARED_PLACEHOLDER)) });
  }
  return renames;
}
