/** What the pseudonymiser needs of an informant: who, and the name to hide. */
export interface NamedInformant {
  readonly id: number;
  readonly name: string;
}

/** Replaces informants' names in every piece of text the report prints. */
export interface Pseudonymiser {
  readonly enabled: boolean;
  /** The name to print for an informant: the pseudonym, or the name itself when not pseudonymising. */
  name(informantId: number): string;
  /** The text with every informant's name (in full, or one of its parts) replaced by that informant's pseudonym. */
  text(text: string): string;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Word boundaries that know letters beyond ASCII ("Dewi," and "Dewi." match, "Dewiana" does not). */
const bounded = (alternatives: readonly string[], flags: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, flags);

/** Parts of a name too short to be told from ordinary words ("Al", "Ni"). */
const MIN_PART = 3;

/**
 * A consistent mapping from informants to "Informan 1", "Informan 2"… in the order given.
 *
 * Transcripts name people the way people talk: "Halo Rani", a speaker label "Dimas:".
 * So besides the full name (any case, any spacing), each part of a name of three letters
 * or more is replaced where it is written capitalised as in the name. Parts are matched
 * case-sensitively because many Indonesian names are also words ("lestari", "ayu"): a
 * lower-case "lestari" in a quote stays. A part two informants share (two "Dewi"s) cannot
 * be attributed, so it becomes `shared` rather than a wrong pseudonym. Leaking a name is
 * worse than over-redacting a word, so capitalised words equal to a name part are replaced
 * even when they mean something else at the start of a sentence.
 */
export function pseudonymiser(
  informants: readonly NamedInformant[],
  options: { readonly enabled: boolean; readonly pseudonym: (n: number) => string; readonly shared: string },
): Pseudonymiser {
  const byId = new Map<number, string>();
  informants.forEach((informant, i) => byId.set(informant.id, options.enabled ? options.pseudonym(i + 1) : informant.name));
  if (!options.enabled) return { enabled: false, name: (id) => byId.get(id) ?? '', text: (text) => text };

  const full = new Map<string, string>();
  const parts = new Map<string, Set<string>>();
  for (const informant of informants) {
    const name = informant.name.trim().replace(/\s+/g, ' ');
    if (!name) continue;
    const pseudonym = byId.get(informant.id)!;
    full.set(name.toLowerCase(), full.has(name.toLowerCase()) && full.get(name.toLowerCase()) !== pseudonym ? options.shared : pseudonym);
    for (const part of name.split(' ')) {
      const word = part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if ([...word].length < MIN_PART) continue;
      parts.set(word, (parts.get(word) ?? new Set()).add(pseudonym));
    }
  }
  const byLength = (a: string, b: string) => b.length - a.length || a.localeCompare(b);
  const fullPattern = full.size ? bounded([...full.keys()].sort(byLength).map((n) => escapeRegExp(n).replace(/ /g, '\\s+')), 'giu') : null;
  const partPattern = parts.size ? bounded([...parts.keys()].sort(byLength).map(escapeRegExp), 'gu') : null;
  const partFor = (word: string): string => {
    const owners = parts.get(word)!;
    return owners.size === 1 ? [...owners][0]! : options.shared;
  };
  return {
    enabled: true,
    name: (id) => byId.get(id) ?? '',
    text: (text) => {
      let out = text;
      if (fullPattern) out = out.replace(fullPattern, (match) => full.get(match.toLowerCase().replace(/\s+/g, ' ')) ?? match);
      if (partPattern) out = out.replace(partPattern, partFor);
      return out;
    },
  };
}
