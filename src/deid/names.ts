import type { DeidKeyEntry } from '../domain/deid';
import type { Redaction } from '../domain/types';
import { nameKey, type NameSpec } from './find';

/** What an informant's name becomes unless a placeholder is asked for: their label, bracketed so a reader sees it was replaced. */
export const informantPseudonym = (label: string): string => `[${label.trim()}]`;

/** A name found in place of several people ("Dewi", two informants): neither's pseudonym, so no hit is misattributed. */
export const SHARED_PLACEHOLDER = '[nama]';

/** A spec with what the key and the report need to know of it. */
export interface DeidSpec extends NameSpec {
  readonly informantId: number | null;
}

/**
 * Every name de-identification looks for, once each: informants' names (replaced by their
 * label), then the list of names to hide (by their replacement), then names the key holds that
 * neither has any more (an informant removed since, a listed name unlisted: a later transcript
 * may still say them). The same name twice keeps the first: an informant's identity wins over a
 * listed spelling of it. `placeholder`, when given, replaces every pseudonym.
 */
export function deidSpecs(informants: readonly { readonly id: number; readonly label: string; readonly name: string }[], listed: readonly Redaction[], key: readonly DeidKeyEntry[], placeholder?: string): DeidSpec[] {
  const seen = new Set<string>();
  const specs: DeidSpec[] = [];
  const push = (spec: DeidSpec) => {
    const k = nameKey(spec.name);
    // A name that is its own replacement ("[P-01]" in a shared copy) is no name to hide.
    if (!k || seen.has(k) || k === nameKey(placeholder ?? spec.replacement)) return;
    seen.add(k);
    specs.push(placeholder ? { ...spec, replacement: placeholder } : spec);
  };
  for (const i of informants) {
    if (i.name.trim()) push({ id: `informant:${i.id}`, name: i.name, kind: 'informant', replacement: informantPseudonym(i.label), informantId: i.id });
  }
  for (const r of listed) push({ id: `listed:${r.id}`, name: r.term, kind: r.kind, replacement: r.replacement, informantId: null });
  for (const k of key) push({ id: `key:${k.id}`, name: k.name, kind: k.kind, replacement: k.pseudonym, informantId: k.informantId });
  return specs;
}
