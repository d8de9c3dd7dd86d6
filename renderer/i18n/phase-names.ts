import type { Phase } from '../../src/domain/types';
import { defineStrings, useStrings } from './i18n';

/** Braun & Clarke's six phase names, one translation for every view that names a phase. */
export const phaseNames = defineStrings({
  en: {
    phase1: 'Familiarising with the data', phase2: 'Generating initial codes', phase3: 'Constructing themes',
    phase4: 'Reviewing themes', phase5: 'Defining and naming themes', phase6: 'Producing the report',
  },
  id: {
    phase1: 'Membiasakan diri dengan data', phase2: 'Membuat kode awal', phase3: 'Menyusun tema',
    phase4: 'Meninjau tema', phase5: 'Mendefinisikan dan menamai tema', phase6: 'Menulis laporan',
  },
});

/** The name of a phase in the interface language. */
export function usePhaseName(): (phase: Phase) => string {
  const t = useStrings(phaseNames);
  return (phase) => t(`phase${phase}`);
}
