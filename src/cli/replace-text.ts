import type { Invoke } from '../api/contract';
import type { DocumentId } from '../domain/ids';
import type { RemovedCoding, ReplacePlan, TextEditResult } from '../domain/text-edits';
import { defineMessages, type Language } from '../domain/text';

const say = defineMessages({
  en: {
    planHead: 'Replacing "{title}" with the corrected "{file}": {edits} place(s) differ; turns {before} → {after}.',
    unchanged: '"{file}" holds the text of "{title}" already: nothing would change.',
    kept: 'Codings carried over: {kept}, of which {changed} on corrected words:',
    changed: '  ~ {code} ({coder}): “{before}” → “{after}”',
    unplacedHead: 'Codings that cannot be placed (their text is not in the corrected version), {count}; they would be removed:',
    unplaced: '  ! {code} ({coder}): “{quote}”',
    apply: 'Replace it with: tematik replace-text <project> "{title}" {file}',
    replaced: 'Replaced "{title}" with "{file}": {moved} coding(s) moved, {removed} removed; undo takes it all back (tematik undo <project>).',
    removedHead: 'Removed, their text is gone:',
    nothing: 'Nothing was changed: "{file}" holds the text of "{title}" already.',
  },
  id: {
    planHead: 'Mengganti "{title}" dengan versi perbaikan "{file}": {edits} tempat berbeda; giliran {before} → {after}.',
    unchanged: '"{file}" sudah berisi teks "{title}": tidak ada yang akan berubah.',
    kept: 'Pengodean yang terbawa: {kept}, {changed} di antaranya pada kata yang diperbaiki:',
    changed: '  ~ {code} ({coder}): “{before}” → “{after}”',
    unplacedHead: 'Pengodean yang tidak bisa ditempatkan (teksnya tidak ada di versi perbaikan), {count}; akan dihapus:',
    unplaced: '  ! {code} ({coder}): “{quote}”',
    apply: 'Ganti dengan: tematik replace-text <proyek> "{title}" {file}',
    replaced: '"{title}" diganti dengan "{file}": {moved} pengodean dipindah, {removed} dihapus; urungkan mengembalikan semuanya (tematik undo <proyek>).',
    removedHead: 'Dihapus karena teksnya hilang:',
    nothing: 'Tidak ada yang diubah: "{file}" sudah berisi teks "{title}".',
  },
});

const short = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 70 ? `${flat.slice(0, 69)}…` : flat;
};

const unplacedLines = (codings: readonly RemovedCoding[], language: Language): string[] =>
  codings.map((c) => say('unplaced', { code: c.codeName, coder: c.coderName, quote: short(c.quote) })[language]);

/** The plan in words: what is carried over, what changes, what cannot be placed. */
export function planText(plan: ReplacePlan, file: string, language: Language): string {
  if (plan.unchanged && plan.turnsBefore === plan.turnsAfter) return say('unchanged', { file: plan.sourceName, title: plan.title })[language];
  return [
    say('planHead', { title: plan.title, file: plan.sourceName, edits: plan.edits, before: plan.turnsBefore, after: plan.turnsAfter })[language],
    say('kept', { kept: plan.codingsKept, changed: plan.codingsChanged.length })[language],
    ...plan.codingsChanged.map((c) => say('changed', { code: c.codeName, coder: c.coderName, before: short(c.before), after: short(c.after) })[language]),
    ...(plan.codingsUnplaced.length > 0 ? [say('unplacedHead', { count: plan.codingsUnplaced.length })[language], ...unplacedLines(plan.codingsUnplaced, language)] : []),
    say('apply', { title: plan.title, file })[language],
  ].join('\n');
}

/** `tematik replace-text PROJECT DOCUMENT FILE [--plan]`: the plan, or the replacement made against the plan's text. */
export async function replaceTextCommand(invoke: Invoke, id: DocumentId, file: string, options: { plan: boolean; language: Language }): Promise<{ value: ReplacePlan | TextEditResult; text: string }> {
  const plan = await invoke('documents.replacePlan', { id, file });
  if (options.plan) return { value: plan, text: planText(plan, file, options.language) };
  const result = await invoke('documents.replaceText', { id, file, expectedHash: plan.expectedHash });
  if (!result.changed) return { value: result, text: say('nothing', { file: plan.sourceName, title: plan.title })[options.language] };
  return {
    value: result,
    text: [
      say('replaced', { title: plan.title, file: plan.sourceName, moved: result.codingsMoved, removed: result.codingsRemoved.length })[options.language],
      ...(result.codingsRemoved.length > 0 ? [say('removedHead')[options.language], ...unplacedLines(result.codingsRemoved, options.language)] : []),
    ].join('\n'),
  };
}
