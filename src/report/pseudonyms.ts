/** What the pseudonymiser needs of an informant: who, how the researcher labels them, and the name to hide. */
export interface NamedInformant {
  readonly id: number;
  readonly label: string;
  readonly name: string;
}

/** A name of a third party or business and what to print instead. */
export interface Replacement {
  readonly term: string;
  readonly replacement: string;
}

/** Names informants one way throughout the report, and hides the names that must not appear. */
export interface Pseudonymiser {
  readonly enabled: boolean;
  /** The one identifier the report uses for an informant: in running text, quote attributions and tables. */
  identifier(informantId: number): string;
  /** The text with every informant's name (in full, or one of its parts) replaced by that informant's identifier, and the marked names by their replacements. */
  text(text: string): string;
}

export interface PseudonymOptions {
  /** Replace names at all; off, the text is printed as written (labels aside, see `replaceLabels`). */
  readonly enabled: boolean;
  /** The report's identifier of the `n`-th informant (1-based, in the order given). */
  readonly identifier: (informant: NamedInformant, n: number) => string;
  /** Printed where a name part belongs to two informants and cannot be attributed. */
  readonly shared: string;
  /** Also replace informants' labels ("K-03") by their identifier: when the identifier is not the label, so a person has one name. */
  readonly replaceLabels?: boolean;
  /** Names of third parties and businesses the researcher marked (replaced only when `enabled`). */
  readonly redactions?: readonly Replacement[];
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Word boundaries that know letters beyond ASCII ("Dewi," and "Dewi." match, "Dewiana" does not). */
const bounded = (alternatives: readonly string[], flags: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, flags);
/** One spelling: NFC, single spaces, lower case; how terms are looked up after a case-insensitive match. */
const key = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
const byLength = (a: string, b: string) => b.length - a.length || a.localeCompare(b);

/** Parts of a name too short to be told from ordinary words ("Al", "Ni"). */
const MIN_PART = 3;

interface Pass {
  readonly pattern: RegExp;
  readonly replace: (match: string) => string;
}

/**
 * Runs the passes one after the other over the text not yet replaced, so a replacement is
 * never itself matched again ("[kedai Dimas]" stays as the researcher typed it).
 */
function applyPasses(text: string, passes: readonly Pass[]): string {
  let segments: { text: string; done: boolean }[] = [{ text, done: false }];
  for (const pass of passes) {
    segments = segments.flatMap((segment) => {
      if (segment.done) return [segment];
      const out: { text: string; done: boolean }[] = [];
      let last = 0;
      for (const match of segment.text.matchAll(pass.pattern)) {
        if (match.index > last) out.push({ text: segment.text.slice(last, match.index), done: false });
        out.push({ text: pass.replace(match[0]), done: true });
        last = match.index + match[0].length;
      }
      if (last < segment.text.length) out.push({ text: segment.text.slice(last), done: false });
      return out;
    });
  }
  return segments.map((s) => s.text).join('');
}

/**
 * One identifier per informant, in the order given, and the replacements that keep a
 * pseudonymised report from naming anyone.
 *
 * Transcripts name people the way people talk: "Halo Rani", a speaker label "Dimas:".
 * So besides the full name (any case, any spacing), each part of a name of three letters
 * or more is replaced where it is written capitalised as in the name. Parts are matched
 * case-sensitively because many Indonesian names are also words ("lestari", "ayu"): a
 * lower-case "lestari" in a quote stays. A part two informants share (two "Dewi"s) cannot
 * be attributed, so it becomes `shared` rather than a wrong identifier. Leaking a name is
 * worse than over-redacting a word, so capitalised words equal to a name part are replaced
 * even when they mean something else at the start of a sentence.
 *
 * Marked names of third parties and businesses ("Kopi Lereng") are whole words in any case,
 * longest first, matched together with the informants' full names; a marked name that is an
 * informant's full name gives way to the informant's identifier.
 */
export function pseudonymiser(informants: readonly NamedInformant[], options: PseudonymOptions): Pseudonymiser {
  const ids = new Map<number, string>();
  informants.forEach((informant, i) => ids.set(informant.id, options.identifier(informant, i + 1)));
  let whole: Pass | null = null;
  let labels: Pass | null = null;
  let parts: Pass | null = null;

  if (options.enabled) {
    const full = new Map<string, string>();
    const partOwners = new Map<string, Set<string>>();
    for (const informant of informants) {
      const name = informant.name.normalize('NFC').trim().replace(/\s+/g, ' ');
      if (!name) continue;
      const identifier = ids.get(informant.id)!;
      const k = key(name);
      full.set(k, full.has(k) && full.get(k) !== identifier ? options.shared : identifier);
      for (const part of name.split(' ')) {
        const word = part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
        if ([...word].length < MIN_PART) continue;
        partOwners.set(word, (partOwners.get(word) ?? new Set()).add(identifier));
      }
    }
    for (const r of options.redactions ?? []) {
      const k = key(r.term);
      if (k && !full.has(k)) full.set(k, r.replacement);
    }
    if (full.size) {
      whole = {
        pattern: bounded([...full.keys()].sort(byLength).map((n) => escapeRegExp(n).replace(/ /g, '\\s+')), 'giu'),
        replace: (match) => full.get(key(match)) ?? match,
      };
    }
    if (partOwners.size) {
      parts = {
        pattern: bounded([...partOwners.keys()].sort(byLength).map(escapeRegExp), 'gu'),
        replace: (word) => {
          const owners = partOwners.get(word)!;
          return owners.size === 1 ? [...owners][0]! : options.shared;
        },
      };
    }
  }
  if (options.replaceLabels) {
    const byLabel = new Map(informants.filter((i) => i.label.trim()).map((i) => [i.label.trim(), ids.get(i.id)!]));
    if (byLabel.size) labels = { pattern: bounded([...byLabel.keys()].sort(byLength).map(escapeRegExp), 'gu'), replace: (label) => byLabel.get(label) ?? label };
  }
  // Full names and marked names first, then labels (more precise than a lone name part), then name parts.
  const passes = [whole, labels, parts].filter((p): p is Pass => p !== null);

  return {
    enabled: options.enabled,
    identifier: (id) => ids.get(id) ?? '',
    text: (text) => (passes.length ? applyPasses(options.enabled ? text.normalize('NFC') : text, passes) : text),
  };
}
