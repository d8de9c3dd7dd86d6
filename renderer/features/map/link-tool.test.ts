import { describe, expect, it } from 'vitest';
import type { ThemeId, ThemeLinkId } from '../../../src/domain/ids';
import { LINK_TOOL_OFF, linkToolStep, type LinkToolState } from './link-tool';

const xy = { id: 10 as ThemeLinkId, fromThemeId: 1 as ThemeId, toThemeId: 2 as ThemeId };
const source: LinkToolState = { step: 'source' };

describe('link tool', () => {
  it('toggles on to pick a source, and off again', () => {
    const on = linkToolStep(LINK_TOOL_OFF, { type: 'toggle' }, 'influences', '');
    expect(on.state).toEqual(source);
    expect(linkToolStep(on.state, { type: 'toggle' }, 'influences', '').state).toEqual(LINK_TOOL_OFF);
  });

  it('ignores clicks while off', () => {
    expect(linkToolStep(LINK_TOOL_OFF, { type: 'theme', id: 1 }, 'influences', '')).toEqual({ state: LINK_TOOL_OFF });
  });

  it('builds "co-creation → customer loyalty → competitive advantage" as source, target, source, target', () => {
    let state = linkToolStep(source, { type: 'theme', id: 1 }, 'influences', '').state;
    expect(state).toEqual({ step: 'target', fromThemeId: 1 });
    const first = linkToolStep(state, { type: 'theme', id: 2 }, 'influences', ' H1 ');
    expect(first.request).toEqual({ fromThemeId: 1, toThemeId: 2, kind: 'influences', label: 'H1' });
    expect(first.state).toEqual(source);
    state = linkToolStep(first.state, { type: 'theme', id: 2 }, 'influences', '').state;
    const second = linkToolStep(state, { type: 'theme', id: 3 }, 'influences', '');
    expect(second.request).toEqual({ fromThemeId: 2, toThemeId: 3, kind: 'influences' });
  });

  it('lets a mediator end on the link X → Y', () => {
    const step = linkToolStep({ step: 'target', fromThemeId: 3 }, { type: 'link', link: xy }, 'mediates', 'H3');
    expect(step.request).toEqual({ fromThemeId: 3, toLinkId: 10, kind: 'mediates', label: 'H3' });
    expect(step.state).toEqual(source);
  });

  it('lets a moderator end on a link too', () => {
    expect(linkToolStep({ step: 'target', fromThemeId: 3 }, { type: 'link', link: xy }, 'moderates', '').request)
      .toEqual({ fromThemeId: 3, toLinkId: 10, kind: 'moderates' });
  });

  it('refuses a link target for kinds that do not act on links, and keeps waiting', () => {
    const state: LinkToolState = { step: 'target', fromThemeId: 3 };
    const step = linkToolStep(state, { type: 'link', link: xy }, 'influences', '');
    expect(step).toEqual({ state, hint: 'onlyMediatorToLink' });
  });

  it('refuses a mediator that is an end of the link it would mediate', () => {
    const state: LinkToolState = { step: 'target', fromThemeId: 2 };
    expect(linkToolStep(state, { type: 'link', link: xy }, 'mediates', '')).toEqual({ state, hint: 'endOfLink' });
  });

  it('refuses the source theme as target, and a link as source', () => {
    const state: LinkToolState = { step: 'target', fromThemeId: 1 };
    expect(linkToolStep(state, { type: 'theme', id: 1 }, 'influences', '')).toEqual({ state, hint: 'sameTheme' });
    expect(linkToolStep(source, { type: 'link', link: xy }, 'mediates', '')).toEqual({ state: source, hint: 'startAtTheme' });
  });

  it('drops the picked source on a background click, and leaves the tool on Esc', () => {
    const state: LinkToolState = { step: 'target', fromThemeId: 1 };
    expect(linkToolStep(state, { type: 'background' }, 'influences', '').state).toEqual(source);
    expect(linkToolStep(state, { type: 'cancel' }, 'influences', '').state).toEqual(LINK_TOOL_OFF);
  });
});
