import { defineStrings } from '../i18n/i18n';

/** Strings of the dialog frame itself; each dialog brings its own for the rest. */
export const modalStrings = defineStrings({
  en: { close: 'Close' },
  id: { close: 'Tutup' },
});
