import type { XmlElement } from './xml';
import { PROJECT_NS } from './xml';

/**
 * What an import left out or changed, for the user: each distinct message once, with how
 * many times it happened, in the order first seen.
 */
export class ImportNotes {
  private readonly counts = new Map<string, number>();

  add(message: string): void {
    this.counts.set(message, (this.counts.get(message) ?? 0) + 1);
  }

  /** An element Tematik does not know where it appears; never an error. */
  unknown(element: XmlElement, parent: string, ns = PROJECT_NS): void {
    if (element.ns !== ns) this.add(`Skipped <${element.name}> in ${parent}: it belongs to another program's extension (namespace "${element.ns || 'none'}").`);
    else this.add(`Skipped <${element.name}> in ${parent}: Tematik does not use it.`);
  }

  list(): string[] {
    return [...this.counts].map(([message, n]) => (n === 1 ? message : `${message.replace(/\.$/, '')} (${n} times).`));
  }
}
