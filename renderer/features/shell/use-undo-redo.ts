import { useCallback } from 'react';
import { actionPhrase } from '../../i18n/action-names';
import { useLanguage, useStrings } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
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
  const { history, run, notify, reload } = useProject();
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
    try {
      await run(direction === 'undo' ? 'history.undo' : 'history.redo', {});
    } catch (error) {
      // Refused because another coder changed the same rows: show the project as it is now, their change included.
      if (error instanceof ApiError && error.kind === 'conflict') await reload();
      throw error;
    }
    notify({ tone: 'info', message: t(direction === 'undo' ? 'undone' : 'redone', { what: name.phrase }), details: [name.summary] });
  }, [stepName, run, notify, reload, t]);

  return { stepName, tooltip, step };
}
