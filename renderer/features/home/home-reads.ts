import type { FirstRead } from '../../lib/state';

/** What the project home and the sidebar show, in the order HomeView asks: a project opens on the home. */
export const HOME_READS: readonly FirstRead[] = [
  ['documents.list', {}], ['informants.list', {}], ['informantTypes.list', {}], ['attributes.list', {}], ['project.stats', {}],
];
