import type { Theme, ThemeStatus } from './types';

/** How a status change reads to the researcher: a step forward, a step back, setting aside, or bringing back. */
export type StepKind = 'forward' | 'back' | 'discard' | 'restore';

export interface StatusStep {
  readonly to: ThemeStatus;
  readonly kind: StepKind;
}

/**
 * Braun & Clarke's progression as rules the researcher can see, shared by the store (which
 * enforces them) and the UI (which offers only these steps, the step forward first): a theme
 * is reviewed only once it has evidence, defined only once it has a definition and a scope;
 * any theme may be discarded (it stays in the audit trail) and a discarded one restored.
 */
export const STATUS_STEPS: Readonly<Record<ThemeStatus, readonly StatusStep[]>> = {
  candidate: [{ to: 'reviewed', kind: 'forward' }, { to: 'discarded', kind: 'discard' }],
  reviewed: [{ to: 'defined', kind: 'forward' }, { to: 'candidate', kind: 'back' }, { to: 'discarded', kind: 'discard' }],
  defined: [{ to: 'reviewed', kind: 'back' }, { to: 'discarded', kind: 'discard' }],
  discarded: [{ to: 'candidate', kind: 'restore' }],
};

export function statusSteps(status: ThemeStatus): readonly StatusStep[] {
  return STATUS_STEPS[status];
}

/** What still stands between a theme and a step forward; empty when nothing does. */
export type Missing = 'extracts' | 'definition' | 'scope';

/**
 * The same conditions the store checks (reviewed needs extracts; defined needs a
 * definition and a scope), so the header can say what is missing before a click fails.
 */
export function missingFor(theme: Pick<Theme, 'definition' | 'scope'>, to: ThemeStatus, extracts: number): readonly Missing[] {
  if (to === 'reviewed') return extracts > 0 ? [] : ['extracts'];
  if (to === 'defined') {
    const missing: Missing[] = [];
    if (!theme.definition.trim()) missing.push('definition');
    if (!theme.scope.trim()) missing.push('scope');
    return missing;
  }
  return [];
}
