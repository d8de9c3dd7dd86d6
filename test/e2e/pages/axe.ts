import fs from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One axe finding, cut down to what a failing test needs to say. */
export interface AxeFinding {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * An exclusion kept narrow and visible: one rule on the elements matching one selector,
 * with the reason (a view another engineer owns). Nothing is excluded silently.
 */
export interface AxeExclusion {
  readonly rule: string;
  readonly selector: string;
  readonly reason: string;
}

/**
 * Runs axe-core (injected through the DevTools protocol, so the page's Content-Security-Policy
 * does not apply to it) on the whole page as it is now and returns the critical and serious
 * violations, one finding per rule, less the listed exclusions.
 */
export async function seriousViolations(page: Page, exclusions: readonly AxeExclusion[] = []): Promise<AxeFinding[]> {
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  });
  const kept: AxeFinding[] = [];
  for (const finding of found) {
    if (finding.impact !== 'critical' && finding.impact !== 'serious') continue;
    const excluded = exclusions.filter((e) => e.rule === finding.rule);
    const targets = [];
    for (const target of finding.targets) {
      const skip = await Promise.all(excluded.map((e) => page.evaluate(([sel, ex]) => {
        const el = document.querySelector(sel);
        return el !== null && el.closest(ex) !== null;
      }, [target, e.selector] as const)));
      if (!skip.includes(true)) targets.push(target);
    }
    if (targets.length > 0) kept.push({ ...finding, targets });
  }
  return kept;
}
