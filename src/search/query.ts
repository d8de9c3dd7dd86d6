import { TematikError } from '../domain/errors';
import { defineMessages, type LocalizedText } from '../domain/text';
import { analyse, expandSynonyms } from './tokens';
import { isStopword } from './stopwords';

const say = defineMessages({
  en: {
    badQuery: 'The search "{query}" {what}. Example: kolaborasi AND "brand equity" NOT promosi.',
    endsEarly: 'ends where a word was expected',
    unclosed: 'has a "(" without its ")"',
    unexpected: 'has "{token}" where a word was expected',
    unopened: 'has a ")" without its "("',
    onlyNegative: 'only says what to leave out; add a word to look for',
  },
  id: {
    badQuery: 'Pencarian "{query}" {what}. Contoh: kolaborasi AND "brand equity" NOT promosi.',
    endsEarly: 'berakhir di tempat yang seharusnya berisi kata',
    unclosed: 'punya "(" tanpa pasangan ")"',
    unexpected: 'punya "{token}" di tempat yang seharusnya berisi kata',
    unopened: 'punya ")" tanpa pasangan "("',
    onlyNegative: 'hanya menyebut apa yang dikecualikan; tambahkan kata yang dicari',
  },
});

/** A parsed search: what must match, as a tree. */
export type QueryNode =
  | { readonly kind: 'term'; readonly stems: readonly string[] }
  | { readonly kind: 'phrase'; readonly stems: readonly string[] }
  | { readonly kind: 'prefix'; readonly prefix: string }
  | { readonly kind: 'and' | 'or'; readonly nodes: readonly QueryNode[] }
  | { readonly kind: 'not'; readonly node: QueryNode };

type Token = { type: 'word' | 'phrase' | 'op' | 'open' | 'close'; text: string; negated?: boolean };

function lex(query: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(-)?"([^"]*)"?|(\()|(\))|(-)?([^\s()"]+))/gy;
  for (let m = re.exec(query); m && m[0] !== ''; m = re.exec(query)) {
    if (m[2] !== undefined) tokens.push({ type: 'phrase', text: m[2], negated: m[1] === '-' });
    else if (m[3]) tokens.push({ type: 'open', text: '(' });
    else if (m[4]) tokens.push({ type: 'close', text: ')' });
    else if (m[6] !== undefined) {
      const word = m[6];
      if (!m[5] && /^(AND|OR|NOT|DAN|ATAU|TIDAK|BUKAN)$/.test(word)) tokens.push({ type: 'op', text: word });
      else tokens.push({ type: 'word', text: word, negated: m[5] === '-' });
    }
  }
  return tokens;
}

/**
 * Parses a researcher's query: words (stemmed, so "kolaborasi" finds "berkolaborasi"),
 * "exact phrases", prefix* wildcards, AND / OR / NOT (also DAN / ATAU / TIDAK, and -word),
 * parentheses. Words side by side must all occur (AND). Stop words alone are ignored.
 * Returns null when nothing searchable is left (only stop words).
 */
export function parseQuery(query: string): QueryNode | null {
  const tokens = lex(query);
  let i = 0;
  const fail = (what: LocalizedText): never => {
    throw new TematikError('invalid_args', say('badQuery', { query, what }));
  };
  const primary = (): QueryNode | null => {
    const token = tokens[i++];
    if (!token) return fail(say('endsEarly'));
    if (token.type === 'open') {
      const inner = or();
      if (tokens[i]?.type !== 'close') fail(say('unclosed'));
      i++;
      return inner;
    }
    if (token.type === 'close' || token.type === 'op') return fail(say('unexpected', { token: token.text }));
    const node = token.type === 'phrase' ? phrase(token.text) : word(token.text);
    return node && token.negated ? { kind: 'not', node } : node;
  };
  const unary = (): QueryNode | null => {
    if (tokens[i]?.type === 'op' && /^(NOT|TIDAK|BUKAN)$/.test(tokens[i]!.text)) {
      i++;
      const node = unary();
      return node ? { kind: 'not', node } : null;
    }
    return primary();
  };
  const and = (): QueryNode | null => {
    const nodes: QueryNode[] = [];
    const push = (node: QueryNode | null) => { if (node) nodes.push(node); };
    push(unary());
    while (i < tokens.length && tokens[i]!.type !== 'close' && !(tokens[i]!.type === 'op' && /^(OR|ATAU)$/.test(tokens[i]!.text))) {
      if (tokens[i]!.type === 'op' && /^(AND|DAN)$/.test(tokens[i]!.text)) i++;
      push(unary());
    }
    return nodes.length === 0 ? null : nodes.length === 1 ? nodes[0]! : { kind: 'and', nodes };
  };
  const or = (): QueryNode | null => {
    const nodes: QueryNode[] = [];
    const first = and();
    if (first) nodes.push(first);
    while (tokens[i]?.type === 'op' && /^(OR|ATAU)$/.test(tokens[i]!.text)) {
      i++;
      const next = and();
      if (next) nodes.push(next);
    }
    return nodes.length === 0 ? null : nodes.length === 1 ? nodes[0]! : { kind: 'or', nodes };
  };
  if (tokens.length === 0) return null;
  const tree = or();
  if (i < tokens.length) fail(say('unopened'));
  if (tree && onlyNegative(tree)) fail(say('onlyNegative'));
  return tree;
}

function onlyNegative(node: QueryNode): boolean {
  if (node.kind === 'not') return true;
  if (node.kind === 'and') return node.nodes.every(onlyNegative);
  if (node.kind === 'or') return node.nodes.some(onlyNegative);
  return false;
}

function word(text: string): QueryNode | null {
  if (text.endsWith('*')) {
    const prefix = analyse(text.slice(0, -1)).map((t) => t.term).join('');
    return prefix.length >= 2 ? { kind: 'prefix', prefix } : null;
  }
  const tokens = analyse(text);
  if (tokens.length === 0) return null;
  // "ide-ide", "co-creation" analyse to one token; something like "e-commerce-nya" may give several.
  if (tokens.length > 1) return { kind: 'phrase', stems: tokens.map((t) => t.stem) };
  if (isStopword(tokens[0]!.term)) return null;
  return { kind: 'term', stems: expandSynonyms(tokens[0]!.term, tokens[0]!.stem) };
}

function phrase(text: string): QueryNode | null {
  const stems = analyse(text).map((t) => t.stem);
  return stems.length === 0 ? null : stems.length === 1 ? { kind: 'term', stems } : { kind: 'phrase', stems };
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The FTS5 MATCH expression for a parsed query. */
export function toFts(node: QueryNode): string {
  switch (node.kind) {
    case 'term': return node.stems.length === 1 ? quote(node.stems[0]!) : `(${node.stems.map(quote).join(' OR ')})`;
    case 'phrase': return quote(node.stems.join(' '));
    case 'prefix': return `${quote(node.prefix)} *`;
    case 'or': return `(${node.nodes.map(toFts).join(' OR ')})`;
    case 'not': return toFts(node);
    case 'and': {
      const positive = node.nodes.filter((n) => n.kind !== 'not');
      const negative = node.nodes.filter((n): n is Extract<QueryNode, { kind: 'not' }> => n.kind === 'not');
      const base = positive.map(toFts).join(' AND ');
      return negative.length ? `((${base}) NOT ${negative.map((n) => toFts(n.node)).join(' NOT ')})` : `(${base})`;
    }
  }
}

/** Where the positive parts of a query match in analysed text: [first token, last token] index ranges. */
export function matchSpans(node: QueryNode, stems: readonly string[]): [number, number][] {
  switch (node.kind) {
    case 'term': return stems.flatMap((s, i) => (node.stems.includes(s) ? [[i, i] as [number, number]] : []));
    case 'prefix': return stems.flatMap((s, i) => (s.startsWith(node.prefix) ? [[i, i] as [number, number]] : []));
    case 'phrase': {
      const spans: [number, number][] = [];
      for (let i = 0; i + node.stems.length <= stems.length; i++) {
        if (node.stems.every((s, k) => stems[i + k] === s)) spans.push([i, i + node.stems.length - 1]);
      }
      return spans;
    }
    case 'and': case 'or': return node.nodes.flatMap((n) => matchSpans(n, stems));
    case 'not': return [];
  }
}

/** Whether analysed text (its stems, in order) matches a query, as FTS5 would find it: for checking a passage another engine could only narrow down. */
export function matchesStems(node: QueryNode, stems: readonly string[]): boolean {
  switch (node.kind) {
    case 'term': case 'prefix': case 'phrase': return matchSpans(node, stems).length > 0;
    case 'or': return node.nodes.some((n) => matchesStems(n, stems));
    case 'and': return node.nodes.every((n) => (n.kind === 'not' ? !matchesStems(n.node, stems) : matchesStems(n, stems)));
    case 'not': return !matchesStems(node.node, stems);
  }
}
