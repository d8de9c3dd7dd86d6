/**
 * Building the page's DOM without ever parsing project text as HTML: every string becomes a
 * text node (or an attribute set by name), never innerHTML. Event handlers are attached as
 * functions, never as attributes.
 */
type Child = Node | string | null | undefined | false;

export interface Props {
  readonly class?: string;
  readonly attrs?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  readonly on?: Readonly<Partial<Record<keyof HTMLElementEventMap, (event: Event) => void>>>;
  /** Set through the CSSOM, which the page's Content-Security-Policy allows (a `style` attribute it would refuse). */
  readonly style?: Readonly<Record<string, string>>;
}

function fillElement<E extends Element>(element: E, props: Props | null, children: readonly Child[]): E {
  if (props?.class) element.setAttribute('class', props.class);
  for (const [name, value] of Object.entries(props?.attrs ?? {})) {
    // A name from our own code, never from the project; `on…` would be a handler, which only `on` may add.
    if (/^(on|style$)/i.test(name)) throw new Error(`Refusing to set the event attribute ${name}.`);
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [name, value] of Object.entries(props?.style ?? {})) (element as unknown as ElementCSSInlineStyle).style.setProperty(name, value);
  for (const [type, handler] of Object.entries(props?.on ?? {})) if (handler) element.addEventListener(type, handler);
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** An HTML element with text children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  return fillElement(document.createElement(tag), props, children);
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with text children. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): SVGElementTagNameMap[K] {
  return fillElement(document.createElementNS(SVG, tag), props, children);
}

/** Empties an element and fills it again. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** "{n} extracts" with the values put in: the page's strings come from the package, in its language. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
