import type { Convergence, ThemeLinkKind, ThemeStatus } from '../domain/types';
import { FIGURE_STRINGS } from '../map/strings';
import { REPORT_STRINGS } from '../report/strings';
import { REVIEW_PAGE_EN, REVIEW_PAGE_ID, type ReviewPageStrings } from '../domain/review-page-strings';

/** Statuses, link kinds and judgements by key (`status_defined`, `kind_influences`, `convergence_silence`), from the map's and report's words. */
function named(language: 'en' | 'id'): Record<string, string> {
  const figure = FIGURE_STRINGS[language];
  const report = REPORT_STRINGS[language];
  return {
    ...Object.fromEntries(Object.entries(figure.statuses).map(([k, v]) => [`status_${k as ThemeStatus}`, v])),
    ...Object.fromEntries(Object.entries(figure.kinds).map(([k, v]) => [`kind_${k as ThemeLinkKind}`, v])),
    ...Object.fromEntries(Object.entries(report.convergences).map(([k, v]) => [`convergence_${k as Convergence}`, v])),
  };
}

/**
 * The review page's words, in the package's language: the page is one language, chosen when
 * the package is made (the supervisor may read only one), so only that language's strings go
 * into it. Names of statuses, link kinds, phases and judgements are the map's and the report's.
 */
export const REVIEW_PAGE_STRINGS: Readonly<Record<'en' | 'id', ReviewPageStrings>> = {
  en: { ...REVIEW_PAGE_EN, ...named('en') },
  id: { ...REVIEW_PAGE_ID, ...named('id') },
};
