/**
 * Heights of a long list of variable-height items, estimated until measured, with
 * their running offsets: what a windowed list needs to place items absolutely and to
 * find which ones the viewport shows. Offsets are recomputed lazily from the first
 * changed item, so measuring the rendered items costs O(items below them) once per frame.
 */
export class SizeCache {
  private sizes: Float64Array;
  private measured: Uint8Array;
  /** offsets[i] = top of item i; offsets[count] = total height. Valid below `validUpTo`. */
  private offsets: Float64Array;
  private validUpTo = 0;

  /** @param label names the list measured (a document), for debugging a stale cache */
  constructor(count: number, private estimate: (index: number) => number, readonly label = '') {
    this.sizes = new Float64Array(count);
    this.measured = new Uint8Array(count);
    this.offsets = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) this.sizes[i] = estimate(i);
  }

  get count(): number {
    return this.sizes.length;
  }

  isMeasured(index: number): boolean {
    return this.measured[index] === 1;
  }

  sizeOf(index: number): number {
    return this.sizes[index] ?? 0;
  }

  /** Records a measured height; returns how much it changed. */
  set(index: number, height: number): number {
    if (index < 0 || index >= this.count) return 0;
    const delta = height - this.sizes[index]!;
    this.measured[index] = 1;
    if (Math.abs(delta) < 0.5) return 0;
    this.sizes[index] = height;
    this.validUpTo = Math.min(this.validUpTo, index);
    return delta;
  }

  /** Forgets all measurements (e.g. the width changed, so every item rewraps) and estimates again. */
  reestimate(estimate: (index: number) => number): void {
    this.estimate = estimate;
    for (let i = 0; i < this.count; i++) this.sizes[i] = estimate(i);
    this.measured.fill(0);
    this.validUpTo = 0;
  }

  private ensure(upTo: number): void {
    for (let i = this.validUpTo; i < upTo && i < this.count; i++) this.offsets[i + 1] = this.offsets[i]! + this.sizes[i]!;
    this.validUpTo = Math.max(this.validUpTo, Math.min(upTo, this.count));
  }

  offsetOf(index: number): number {
    const i = Math.min(Math.max(index, 0), this.count);
    this.ensure(i);
    return this.offsets[i]!;
  }

  total(): number {
    return this.offsetOf(this.count);
  }

  /** The item covering vertical position `y` (clamped to the list). */
  indexAt(y: number): number {
    if (this.count === 0) return 0;
    this.ensure(this.count);
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The half-open index range `[from, to)` to render for a viewport, with `overscan` pixels above and below. */
  window(scrollTop: number, viewportHeight: number, overscan: number): { readonly from: number; readonly to: number } {
    if (this.count === 0) return { from: 0, to: 0 };
    const from = this.indexAt(Math.max(0, scrollTop - overscan));
    const to = this.indexAt(scrollTop + viewportHeight + overscan) + 1;
    return { from, to: Math.min(to, this.count) };
  }
}
