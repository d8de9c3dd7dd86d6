import type { Invoke } from '../api/contract';
import { TematikError } from '../domain/errors';
import { MERGE_CHOICES, type CopyForCoderResult, type MergeChoice, type MergeConflict, type MergePlan, type MergeReport } from '../domain/team';
import { defineMessages, type Language } from '../domain/text';
import { isOneOf } from '../domain/types';
import { conflictWords } from '../team/journal';
import { reanchoringLines } from '../team/messages';

const say = defineMessages({
  en: {
    copied: 'Wrote the copy for {coder} to {path}: {documents} transcript(s), {codes} code(s), {codings} of their own coding(s). Send it to {coder}; merge it back with: tematik merge <project> {path}',
    planHead: 'Merging {file} ("{name}"){origin}:',
    origin: ', the copy made for {coder} on {date}',
    foreign: ' — not a copy made from this project: transcripts are matched by their text, codes by their path',
    documents: 'Transcripts: {byGuid} matched, {byText} matched by text, {added} new.',
    codes: 'Codes: {added} new{list}; {byPath} matched by path.',
    coders: 'New coders: {list}.',
    codings: 'Codings of {coder}: {added} to add, {already} already in the project.',
    memos: 'Memos: {added} to add, {already} already in the project; comments: {comments} to add.',
    conflictsHead: 'Conflicts to settle ({count}), with --resolve NUMBER=CHOICE (or --resolve suggested):',
    conflict: '  {n}. {subject}: {kind}{names}; {codings} coding(s). Choices: {choices} (suggested: {suggested}).',
    names: ' (project: "{project}", copy: "{copy}")',
    noConflicts: 'No conflicts: tematik merge <project> <copy> merges it.',
    merged: 'Merged {file}{backup}.',
    backup: ' (the project as it was is backed up in {path})',
    unchanged: '{file} holds nothing the project does not have already: nothing was changed.',
    codesAdded: 'Codes added: {added}{list}.',
    renamed: 'Codes renamed: {count}; deleted: {deleted}.',
    leftOut: 'Codings of the copy left out by the choices: {count}.',
    settled: '  {subject}: {choice}.',
    journal: 'The report is kept in the reflexive journal; undo takes back the whole merge.',
  },
  id: {
    copied: 'Salinan untuk {coder} ditulis ke {path}: {documents} transkrip, {codes} kode, {codings} pengodean miliknya sendiri. Kirimkan kepada {coder}; gabungkan kembali dengan: tematik merge <proyek> {path}',
    planHead: 'Penggabungan {file} ("{name}"){origin}:',
    origin: ', salinan yang dibuat untuk {coder} pada {date}',
    foreign: ' — bukan salinan yang dibuat dari proyek ini: transkrip dicocokkan menurut teksnya, kode menurut jalurnya',
    documents: 'Transkrip: {byGuid} cocok, {byText} cocok menurut teks, {added} baru.',
    codes: 'Kode: {added} baru{list}; {byPath} cocok menurut jalur.',
    coders: 'Pengode baru: {list}.',
    codings: 'Pengodean {coder}: {added} akan ditambahkan, {already} sudah ada di proyek.',
    memos: 'Memo: {added} akan ditambahkan, {already} sudah ada di proyek; komentar: {comments} akan ditambahkan.',
    conflictsHead: 'Konflik yang harus diselesaikan ({count}), dengan --resolve NOMOR=PILIHAN (atau --resolve suggested):',
    conflict: '  {n}. {subject}: {kind}{names}; {codings} pengodean. Pilihan: {choices} (disarankan: {suggested}).',
    names: ' (proyek: "{project}", salinan: "{copy}")',
    noConflicts: 'Tidak ada konflik: tematik merge <proyek> <salinan> menggabungkannya.',
    merged: '{file} digabungkan{backup}.',
    backup: ' (proyek seperti sebelumnya dicadangkan di {path})',
    unchanged: '{file} tidak berisi apa pun yang belum dimiliki proyek: tidak ada yang diubah.',
    codesAdded: 'Kode ditambahkan: {added}{list}.',
    renamed: 'Kode yang namanya diganti: {count}; dihapus: {deleted}.',
    leftOut: 'Pengodean dari salinan yang dilewati karena pilihan: {count}.',
    settled: '  {subject}: {choice}.',
    journal: 'Laporannya disimpan di jurnal reflektif; urungkan mengembalikan seluruh penggabungan.',
  },
});

const usage = defineMessages({
  en: { resolve: '--resolve takes NUMBER=CHOICE (the number from --plan; choices: {choices}) or "suggested"; "{given}" is neither.' },
  id: { resolve: '--resolve menerima NOMOR=PILIHAN (nomor dari --plan; pilihan: {choices}) atau "suggested"; "{given}" bukan keduanya.' },
});

export function copyText(result: CopyForCoderResult, language: Language): string {
  return say('copied', { ...result })[language];
}

export function planText(plan: MergePlan, language: Language): string {
  const t = (key: Parameters<typeof say>[0], params?: Parameters<typeof say>[1]): string => say(key, params)[language];
  const origin = plan.origin && plan.fromThisProject ? t('origin', { coder: plan.origin.coder, date: plan.origin.madeAt.slice(0, 10) }) : t('foreign');
  return [
    t('planHead', { file: plan.file, name: plan.copyName, origin }),
    t('documents', plan.documents),
    t('codes', { added: plan.codesAdded.length, list: plan.codesAdded.length > 0 ? ` (${plan.codesAdded.join(', ')})` : '', byPath: plan.codesByPath }),
    ...(plan.codersAdded.length > 0 ? [t('coders', { list: plan.codersAdded.join(', ') })] : []),
    ...plan.codings.map((c) => t('codings', { coder: c.coder, added: c.added, already: c.already })),
    t('memos', { added: plan.memos.added, already: plan.memos.already, comments: plan.comments.added }),
    ...(plan.conflicts.length === 0 ? [t('noConflicts')] : [t('conflictsHead', { count: plan.conflicts.length }), ...plan.conflicts.map((c, n) => conflictLine(c, n + 1, language))]),
    ...reanchoringLines(plan.reanchoring, language),
  ].join('\n');
}

function conflictLine(conflict: MergeConflict, n: number, language: Language): string {
  const names = conflict.projectName !== null && conflict.copyName !== null ? say('names', { project: conflict.projectName, copy: conflict.copyName }) : '';
  return say('conflict', {
    n: String(n), subject: conflict.subject, kind: conflictWords(conflict.kind), names, codings: conflict.codings,
    choices: conflict.choices.map((c) => `${c} (${conflictWords(c)[language]})`).join(', '), suggested: conflict.suggested,
  })[language];
}

export function reportText(report: MergeReport, language: Language): string {
  const t = (key: Parameters<typeof say>[0], params?: Parameters<typeof say>[1]): string => say(key, params)[language];
  if (report.unchanged) return [t('unchanged', { file: report.file }), ...report.codings.map((c) => t('codings', { coder: c.coder, added: 0, already: c.already }))].join('\n');
  return [
    t('merged', { file: report.file, backup: report.backup ? t('backup', { path: report.backup }) : '' }),
    ...report.codings.map((c) => t('codings', { coder: c.coder, added: c.added, already: c.already })),
    t('codesAdded', { added: report.codesAdded.length, list: report.codesAdded.length > 0 ? ` (${report.codesAdded.join(', ')})` : '' }),
    t('renamed', { count: report.codesRenamed, deleted: report.codesDeleted }),
    ...(report.codersAdded.length > 0 ? [t('coders', { list: report.codersAdded.join(', ') })] : []),
    ...(report.codingsLeftOut > 0 ? [t('leftOut', { count: report.codingsLeftOut })] : []),
    ...reanchoringLines(report.reanchoring, language),
    ...report.conflicts.map((c) => t('settled', { subject: c.subject, choice: conflictWords(c.choice) })),
    t('journal'),
  ].join('\n');
}

/**
 * `tematik merge`: the plan (`--plan`, or before settling conflicts), then the merge with the
 * conflicts settled by `--resolve N=CHOICE` (N as the plan numbers them) or `--resolve suggested`.
 */
export async function mergeCommand(invoke: Invoke, file: string, options: { plan: boolean; resolve: readonly string[]; language: Language }): Promise<{ value: MergePlan | MergeReport; text: string }> {
  const plan = await invoke('team.mergePlan', { path: file });
  if (options.plan) return { value: plan, text: planText(plan, options.language) };
  const resolutions: Record<string, MergeChoice> = {};
  for (const given of options.resolve) {
    if (given === 'suggested') {
      for (const c of plan.conflicts) resolutions[c.key] ??= c.suggested;
      continue;
    }
    const [which, choice] = given.split('=').map((s) => s.trim());
    const n = Number(which);
    const conflict = Number.isInteger(n) ? plan.conflicts[n - 1] : plan.conflicts.find((c) => c.key === which);
    if (!conflict || choice === undefined || !isOneOf(MERGE_CHOICES, choice)) {
      throw new TematikError('invalid_args', usage('resolve', { choices: MERGE_CHOICES.join(', '), given }));
    }
    resolutions[conflict.key] = choice;
  }
  const report = await invoke('team.merge', { path: file, resolutions, language: options.language });
  return { value: report, text: reportText(report, options.language) };
}
