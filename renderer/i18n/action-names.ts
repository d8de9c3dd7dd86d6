import { actionPhrase as phraseOf } from '../../src/domain/action-names';
import { defineStrings, translate, type Language } from './i18n';

const fallback = defineStrings({ en: { unknown: 'the last change' }, id: { unknown: 'perubahan terakhir' } });

/**
 * The phrase for a contract action in `language` (src/domain/action-names.ts), for the undo and
 * redo buttons; an action the table does not know yet reads as "the last change".
 */
export function actionPhrase(action: string | null | undefined, language: Language): string {
  return phraseOf(action, language) ?? translate(fallback, language)('unknown');
}
