import { EXCHANGE_KINDS, type ExchangeKind, type ExchangeSection } from '../domain/types';
import { defineMessages, type LocalizedText } from '../domain/text';
import type { XmlElement } from './xml';
import { PROJECT_NS } from './xml';

const say = defineMessages({
  en: {
    foreign: 'Skipped <{element}> in {parent}: it belongs to another program\'s extension (namespace "{ns}").',
    unused: 'Skipped <{element}> in {parent}: Tematik does not use it.',
  },
  id: {
    foreign: '<{element}> di {parent} dilewati: elemen itu milik ekstensi aplikasi lain (namespace "{ns}").',
    unused: '<{element}> di {parent} dilewati: Tematik tidak memakainya.',
  },
});

interface Tally { found: number; imported: number; notes: Map<string, { text: LocalizedText; count: number; skipped: number }> }

/**
 * The import report as it is built: per kind (sources, codes, codings, …) how many the file
 * had, how many came in, and each distinct reason something was skipped or changed, once,
 * with how many times it happened, in the order first seen.
 */
export class ImportNotes {
  private readonly tallies = new Map<ExchangeKind, Tally>();

  private tally(kind: ExchangeKind): Tally {
    let t = this.tallies.get(kind);
    if (!t) { t = { found: 0, imported: 0, notes: new Map() }; this.tallies.set(kind, t); }
    return t;
  }

  // A count of 0 adds no section: the report lists only kinds that something happened to.
  found(kind: ExchangeKind, n = 1): void { if (n > 0) this.tally(kind).found += n; }
  imported(kind: ExchangeKind, n = 1): void { if (n > 0) this.tally(kind).imported += n; }

  /** `n` items of `kind` left out, for the reason `text`. */
  skip(kind: ExchangeKind, text: LocalizedText, n = 1): void { this.record(kind, text, n); }

  /** A remark on how items of `kind` came in (nothing left out). */
  note(kind: ExchangeKind, text: LocalizedText): void { this.record(kind, text, 0); }

  private record(kind: ExchangeKind, text: LocalizedText, skipped: number): void {
    const notes = this.tally(kind).notes;
    const seen = notes.get(text.en);
    if (seen) { seen.count++; seen.skipped += skipped; } else notes.set(text.en, { text, count: 1, skipped });
  }

  /** An element Tematik does not know where it appears; never an error. */
  unknown(element: XmlElement, parent: string | LocalizedText, ns = PROJECT_NS): void {
    this.note('other', element.ns !== ns
      ? say('foreign', { element: element.name, parent, ns: element.ns || 'none' })
      : say('unused', { element: element.name, parent }));
  }

  /** The report, kinds in their fixed order, only those that something happened to. */
  sections(): ExchangeSection[] {
    return EXCHANGE_KINDS.filter((k) => this.tallies.has(k)).map((kind) => {
      const t = this.tallies.get(kind)!;
      const notes = [...t.notes.values()].map((n) => ({ ...n }));
      return { kind, found: t.found, imported: t.imported, skipped: notes.reduce((s, n) => s + n.skipped, 0), notes };
    });
  }
}
