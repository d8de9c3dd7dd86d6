import type { ThemeLinkKind, ThemeStatus } from '../domain/types';

/** Languages of the exported figure: those of the UI and the Word report. */
export type FigureLanguage = 'en' | 'id';

export interface FigureStrings {
  readonly kinds: Readonly<Record<ThemeLinkKind, string>>;
  readonly statuses: Readonly<Record<ThemeStatus, string>>;
  /** Legend entry of the connector from a sub-theme to its theme. */
  readonly subTheme: string;
}

/** The figure's legend and badges, worded as the map view words them (renderer/features/map/strings.ts). */
export const FIGURE_STRINGS: Readonly<Record<FigureLanguage, FigureStrings>> = {
  en: {
    kinds: { influences: 'influences', mediates: 'mediates', moderates: 'moderates', contradicts: 'contradicts', 'part-of': 'part of', 'associated-with': 'associated with' },
    statuses: { candidate: 'candidate', reviewed: 'reviewed', defined: 'defined', discarded: 'discarded' },
    subTheme: 'sub-theme of',
  },
  id: {
    kinds: { influences: 'memengaruhi', mediates: 'memediasi', moderates: 'memoderasi', contradicts: 'bertentangan dengan', 'part-of': 'bagian dari', 'associated-with': 'berkaitan dengan' },
    statuses: { candidate: 'kandidat', reviewed: 'sudah ditinjau', defined: 'terdefinisi', discarded: 'dibuang' },
    subTheme: 'subtema dari',
  },
};
