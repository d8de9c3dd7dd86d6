/**
 * jsdom lays nothing out and has no IntersectionObserver: this one reports every element in view
 * at once, as a tall window would, so lists drawn a chunk at a time (use-growing-limit.tsx) grow to
 * their end, a chunk per task. Chromium's own observer is what the e2e tests meet.
 */
export function installEverythingInView(): void {
  globalThis.IntersectionObserver = class {
    constructor(private readonly report: IntersectionObserverCallback) {}
    observe(target: Element): void {
      // Asynchronous, as the real observer reports.
      setTimeout(() => this.report([{ target, isIntersecting: true } as IntersectionObserverEntry], this as unknown as IntersectionObserver), 0);
    }
    disconnect(): void {}
    unobserve(): void {}
    takeRecords(): IntersectionObserverEntry[] { return []; }
  } as unknown as typeof IntersectionObserver;
}
