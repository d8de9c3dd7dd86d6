import { useCallback } from 'react';
import { actionPhrase } from '../../i18n/action-names';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { useProject } from '../../lib/state';
import { shellStrings } from './strings';

export type Direction = 'undo' | 'redo';

/** The step undo or redo would replay, named in the interface language, with the store's English summary as detail. */
export interface StepName {
  readonly phrase: string;
  readonly summary: string;
}

/**
 * Undo and redo that say what they do: a tooltip before ("Undo: apply a code") and a
 * notice after ("Undone: apply a code"), both in the interface language.
 */
export function useUndoRedo() {
  const { history, run, notify } = useProject();
  const { language } = useLanguage();
  const t = useStrings(shellStrings);

  const stepName = useCallback((direction: Direction): StepName | null => {
    const summary = direction === 'undo' ? history.undo : history.redo;
    if (!summary) return null;
    return { phrase: actionPhrase(direction === 'undo' ? history.undoAction : history.redoAction, language), summary };
  }, [history, language]);

  const tooltip = useCallback((direction: Direction): string => {
    const name = stepName(direction);
    if (!name) return t(direction === 'undo' ? 'nothingToUndo' : 'nothingToRedo');
    return `${t(direction === 'undo' ? 'undoWhat' : 'redoWhat', { what: name.phrase })}\n${name.summary}`;
  }, [stepName, t]);

  const step = useCallback(async (direction: Direction): Promise<void> => {
    const name = stepName(direction);
    if (!name) return;
    await run(direction === 'undo' ? 'history.undo' : 'history.redo', {});
    notify({ tone: 'info', message: t(direction === 'undo' ? 'undone' : 'redone', { what: name.phrase }), details: [name.summary] });
  }, [stepName, run, notify, t]);

  return { stepName, tooltip, step };
}
