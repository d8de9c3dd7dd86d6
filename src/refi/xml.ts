import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';

const say = defineMessages({
  en: {
    utf16: '{label} is encoded as UTF-16; REFI-QDA files are UTF-8. Export it again from the program that made it.',
    notUtf8: '{label} is not valid UTF-8 text, so it is not a REFI-QDA file. Export it again from the program that made it.',
    doctype: '{label} contains a DOCTYPE (entity declarations). REFI-QDA files never need one and it can make a parser read other files or run out of memory, so Tematik refuses it; nothing was imported.',
    notWellFormed: '{label} is not well-formed XML (line {line}, column {column}: {detail}). Export it again from the program that made it; nothing was imported.',
    tooDeep: '{label} nests its elements more than {limit} levels deep, which no REFI-QDA file needs: it is damaged or crafted, so nothing was imported. Export it again from the program that made it.',
    roots: '{label} has {count} top-level elements; an XML file has exactly one. Nothing was imported.',
    undeclaredPrefix: '{label} uses the namespace prefix "{prefix}:" without declaring it, so it is not well-formed XML. Nothing was imported.',
    wrongRoot: '{label} is not {what}: its root is {found}, where a REFI-QDA file has <{name}> in "{ns}".{hint} Nothing was imported.',
    aProject: 'a REFI-QDA project',
    aCodebook: 'a REFI-QDA codebook',
    inNamespace: '<{name}> in the namespace "{ns}"',
    noNamespace: '<{name}> without a namespace',
    isProject: ' It is a REFI-QDA project file: import it as a project (.qdpx).',
    isCodebook: ' It is a REFI-QDA codebook: import it as a codebook (.qdc).',
  },
  id: {
    utf16: '{label} dikodekan sebagai UTF-16; berkas REFI-QDA berupa UTF-8. Ekspor lagi dari program yang membuatnya.',
    notUtf8: '{label} bukan teks UTF-8 yang sah, jadi bukan berkas REFI-QDA. Ekspor lagi dari program yang membuatnya.',
    doctype: '{label} memuat DOCTYPE (deklarasi entitas). Berkas REFI-QDA tidak pernah memerlukannya, dan DOCTYPE dapat membuat pengurai membaca berkas lain atau kehabisan memori, jadi Tematik menolaknya; tidak ada yang diimpor.',
    notWellFormed: '{label} bukan XML yang tersusun baik (baris {line}, kolom {column}: {detail}). Ekspor lagi dari program yang membuatnya; tidak ada yang diimpor.',
    tooDeep: '{label} menyarangkan elemennya lebih dari {limit} tingkat, hal yang tidak diperlukan berkas REFI-QDA mana pun: berkas ini rusak atau sengaja direkayasa, jadi tidak ada yang diimpor. Ekspor lagi dari program yang membuatnya.',
    roots: '{label} memiliki {count} elemen tingkat teratas; berkas XML hanya boleh punya satu. Tidak ada yang diimpor.',
    undeclaredPrefix: '{label} memakai awalan namespace "{prefix}:" tanpa mendeklarasikannya, jadi bukan XML yang tersusun baik. Tidak ada yang diimpor.',
    wrongRoot: '{label} bukan {what}: akarnya {found}, padahal berkas REFI-QDA memiliki <{name}> dalam "{ns}".{hint} Tidak ada yang diimpor.',
    aProject: 'proyek REFI-QDA',
    aCodebook: 'buku kode REFI-QDA',
    inNamespace: '<{name}> dalam namespace "{ns}"',
    noNamespace: '<{name}> tanpa namespace',
    isProject: ' Ini berkas proyek REFI-QDA: impor sebagai proyek (.qdpx).',
    isCodebook: ' Ini buku kode REFI-QDA: impor sebagai buku kode (.qdc).',
  },
});

/**
 * Deepest element nesting accepted. A REFI-QDA project nests about ten levels plus the depth
 * of its code hierarchy; 256 leaves room for any real codebook, while 100,000 nested elements
 * would take the parser and the tree builder (both recursive) past the stack.
 */
export const MAX_XML_DEPTH = 256;

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

/** xsd:dateTime as Tematik writes and accepts it (ISO 8601 with optional fraction and zone). */
export const XSD_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
/** REFI-QDA's RGBType. */
export const RGB = /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/;

/** A REFI-QDA colour (#rgb or #rrggbb) as Tematik stores it (#rrggbb, lower case), or undefined for none or a malformed one. */
export function colourOf(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v || !RGB.test(v)) return undefined;
  const hex = v.slice(1).toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`;
}

/** An element with its namespace resolved; attributes are unqualified, as REFI-QDA declares them. */
export interface XmlElement {
  /** Namespace URI, '' when none is in scope. */
  readonly ns: string;
  /** Local name, without prefix. */
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** The element's own text (character data and CDATA directly inside it). */
  readonly text: string;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Only the five XML entities and character references: a DOCTYPE (the only way to declare more) is refused first.
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_XML_DEPTH,
});

export interface ParseOptions {
  /**
   * Local names of text-only elements whose line endings are kept as written: positions
   * into their text count a CR LF the way the tool that wrote it did, and XML's own
   * normalisation would silently turn it into LF.
   */
  readonly keepLineEndingsIn?: readonly string[];
}

/**
 * Parses an exchange file without trusting it: UTF-8 only, any DOCTYPE refused (so no
 * external or expanding entities), well-formedness checked before the tree is built, line
 * endings normalised as XML requires (except in `options.keepLineEndingsIn`), namespaces resolved.
 * @param label the file name for messages
 * @throws TematikError `bad_input` naming the file and the problem
 */
export function parseXml(bytes: Uint8Array, label: string, options: ParseOptions = {}): XmlElement {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new TematikError('bad_input', say('utf16', { label }));
  }
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new TematikError('bad_input', say('notUtf8', { label }));
  }
  if (options.keepLineEndingsIn?.length && xml.includes('\r')) xml = keepLineEndings(xml, options.keepLineEndingsIn);
  xml = xml.replace(/\r\n?/g, '\n');
  if (hasDoctype(xml)) {
    throw new TematikError('bad_input', say('doctype', { label }));
  }
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (valid !== true) {
    throw new TematikError('bad_input', say('notWellFormed', { label, line: String(valid.err.line), column: String(valid.err.col), detail: valid.err.msg }));
  }
  let parsed: OrderedNode[];
  try {
    parsed = parser.parse(xml) as OrderedNode[];
  } catch (error) {
    // The validator has passed, so the parser refuses only what its options forbid: nesting deeper than maxNestedTags.
    if (error instanceof Error && /nested tags/i.test(error.message)) throw new TematikError('bad_input', say('tooDeep', { label, limit: MAX_XML_DEPTH }));
    throw error;
  }
  const roots = parsed.filter((node) => tagOf(node) !== undefined);
  if (roots.length !== 1) throw new TematikError('bad_input', say('roots', { label, count: roots.length }));
  return build(roots[0]!, new Map([['', ''], ['xml', 'http://www.w3.org/XML/1998/namespace']]), label);
}

/**
 * Writes each literal CR in the character data of the named elements as the reference `&#13;`,
 * which XML keeps as a CR. Elements with attributes containing '>' or with CDATA keep XML's
 * normalisation: no tool writes those around a source's text.
 */
function keepLineEndings(xml: string, names: readonly string[]): string {
  const open = new RegExp(`(<(?:[A-Za-z_][\\w.-]*:)?(?:${names.join('|')})(?:\\s[^<>]*)?>)([^<]*)`, 'g');
  return xml.replace(open, (whole, tag: string, text: string) => (tag.endsWith('/>') ? whole : tag + text.replace(/\r/g, '&#13;')));
}

/**
 * True when a DOCTYPE or ENTITY declaration appears outside comments and CDATA. One linear
 * scan: a regex over unterminated comments or CDATA sections could take quadratic time.
 */
function hasDoctype(xml: string): boolean {
  let at = xml.indexOf('<!');
  while (at >= 0) {
    if (xml.startsWith('<!--', at)) {
      const end = xml.indexOf('-->', at + 4);
      if (end < 0) return false;
      at = xml.indexOf('<!', end + 3);
    } else if (xml.startsWith('<![CDATA[', at)) {
      const end = xml.indexOf(']]>', at + 9);
      if (end < 0) return false;
      at = xml.indexOf('<!', end + 3);
    } else {
      const word = xml.slice(at + 2, at + 9).toUpperCase();
      if (word.startsWith('DOCTYPE') || word.startsWith('ENTITY')) return true;
      at = xml.indexOf('<!', at + 2);
    }
  }
  return false;
}

function tagOf(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && key !== '#text');
}

function build(node: OrderedNode, scope: ReadonlyMap<string, string>, label: string): XmlElement {
  const tag = tagOf(node)!;
  const rawAttrs = node[':@'] ?? {};
  let inScope = scope;
  const attrs = new Map<string, string>();
  for (const [key, value] of Object.entries(rawAttrs)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (inScope === scope) inScope = new Map(scope);
      (inScope as Map<string, string>).set(key === 'xmlns' ? '' : key.slice(6), String(value));
    } else if (!key.includes(':')) {
      attrs.set(key, String(value));
    }
  }
  const colon = tag.indexOf(':');
  const prefix = colon < 0 ? '' : tag.slice(0, colon);
  const ns = inScope.get(prefix);
  if (ns === undefined) throw new TematikError('bad_input', say('undeclaredPrefix', { label, prefix }));
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[tag] as OrderedNode[] | undefined) ?? []) {
    if ('#text' in child) text += String(child['#text']);
    else if (tagOf(child) !== undefined) children.push(build(child, inScope, label));
  }
  return { ns, name: colon < 0 ? tag : tag.slice(colon + 1), attrs, children, text };
}

/** Checks the root of an exchange file is the element Tematik expects, in the REFI-QDA namespace. */
export function assertRoot(root: XmlElement, ns: string, name: string, label: string, what: 'a REFI-QDA project' | 'a REFI-QDA codebook'): void {
  if (root.ns === ns && root.name === name) return;
  const found = root.ns ? say('inNamespace', { name: root.name, ns: root.ns }) : say('noNamespace', { name: root.name });
  const hint = root.ns === PROJECT_NS ? say('isProject') : root.ns === CODEBOOK_NS ? say('isCodebook') : { en: '', id: '' };
  throw new TematikError('bad_input', say('wrongRoot', { label, what: say(what === 'a REFI-QDA project' ? 'aProject' : 'aCodebook'), found, name, ns, hint }));
}

// XML 1.0 cannot carry these even as character references; they become U+FFFD.
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escapes character data; CR is written as a reference so that it survives the reader's line-end normalisation. */
export function escapeText(value: string): string {
  return value.replace(NOT_XML, '\ufffd').replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Escapes an attribute value, keeping tabs and line breaks (which attribute normalisation would turn into spaces). */
export function escapeAttr(value: string): string {
  return value.replace(NOT_XML, '\ufffd').replace(/[&<>"\t\n\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' })[c]!);
}

export type Attrs = Readonly<Record<string, string | number | boolean | undefined | null>>;

/**
 * Builds XML as a list of lines: `open`/`close` for elements with children, `leaf` for
 * the rest. Attributes that are undefined or null are left out.
 */
export class XmlWriter {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  private depth = 0;

  open(name: string, attrs: Attrs = {}): this {
    this.lines.push(`${'  '.repeat(this.depth)}<${name}${attributes(attrs)}>`);
    this.depth++;
    return this;
  }

  close(name: string): this {
    this.depth--;
    this.lines.push(`${'  '.repeat(this.depth)}</${name}>`);
    return this;
  }

  /** An element with only attributes, or with text content (written on one line, exactly). */
  leaf(name: string, attrs: Attrs = {}, text?: string): this {
    const indent = '  '.repeat(this.depth);
    this.lines.push(text === undefined ? `${indent}<${name}${attributes(attrs)}/>` : `${indent}<${name}${attributes(attrs)}>${escapeText(text)}</${name}>`);
    return this;
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

function attributes(attrs: Attrs): string {
  let out = '';
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    out += ` ${key}="${escapeAttr(String(value))}"`;
  }
  return out;
}
