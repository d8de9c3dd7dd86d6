import type { Args } from '../../../src/api/contract';
import type { ThemeLink, ThemeLinkKind } from '../../../src/domain/types';
import { ACTS_ON_LINKS } from '../../../src/domain/map-geometry';

/**
 * The link tool: off, waiting for the source theme, or waiting for the target (a theme, or
 * for a mediator or moderator also a link). Kind and label come from the toolbar at the
 * moment of the click, so changing them halfway through is fine.
 */
export type LinkToolState =
  | { readonly step: 'off' }
  | { readonly step: 'source' }
  | { readonly step: 'target'; readonly fromThemeId: number };

export type LinkToolEvent =
  | { readonly type: 'toggle' }
  | { readonly type: 'cancel' }
  | { readonly type: 'background' }
  | { readonly type: 'theme'; readonly id: number }
  | { readonly type: 'link'; readonly link: Pick<ThemeLink, 'id' | 'fromThemeId' | 'toThemeId'> };

/** Why a click did nothing; the view shows it in the tool's hint line. */
export type LinkToolHint = 'startAtTheme' | 'sameTheme' | 'onlyMediatorToLink' | 'endOfLink';

export interface LinkToolStep {
  readonly state: LinkToolState;
  /** The link to create, when the click completed one. */
  readonly request?: Args<'themeLinks.create'>;
  readonly hint?: LinkToolHint;
}

export const LINK_TOOL_OFF: LinkToolState = { step: 'off' };

export function linkToolStep(state: LinkToolState, event: LinkToolEvent, kind: ThemeLinkKind, label: string): LinkToolStep {
  if (event.type === 'toggle') return { state: state.step === 'off' ? { step: 'source' } : LINK_TOOL_OFF };
  if (event.type === 'cancel') return { state: LINK_TOOL_OFF };
  if (state.step === 'off') return { state };
  if (event.type === 'background') return { state: { step: 'source' } };
  const trimmed = label.trim();
  const withLabel = trimmed ? { label: trimmed } : {};
  if (event.type === 'theme') {
    if (state.step === 'source') return { state: { step: 'target', fromThemeId: event.id } };
    if (event.id === state.fromThemeId) return { state, hint: 'sameTheme' };
    // Back to picking a source, so a chain X → Y → Z is three clicks after the first pair.
    return { state: { step: 'source' }, request: { fromThemeId: state.fromThemeId, toThemeId: event.id, kind, ...withLabel } };
  }
  if (state.step === 'source') return { state, hint: 'startAtTheme' };
  if (!ACTS_ON_LINKS.has(kind)) return { state, hint: 'onlyMediatorToLink' };
  const { link } = event;
  if ((link.fromThemeId as number) === state.fromThemeId || (link.toThemeId as number | null) === state.fromThemeId) return { state, hint: 'endOfLink' };
  return { state: { step: 'source' }, request: { fromThemeId: state.fromThemeId, toLinkId: link.id, kind, ...withLabel } };
}
