#!/usr/bin/env node
import os from 'node:os';
import { parseArgs } from 'node:util';
import { localClient, type LocalClient } from '../api/client';
import { isActionName } from '../api/dispatch';
import { errorInLanguage, TematikError } from '../domain/errors';
import { defineMessages, inLanguage, type Language } from '../domain/text';
import type { DocumentId } from '../domain/ids';
import { COMMENT_TARGET_KINDS, isOneOf, LINE_ENDINGS, REPORT_ATTRIBUTIONS } from '../domain/types';
import { EXPORT_TABLES } from '../api/contract';
import { AGREEMENT_COEFFICIENTS, AGREEMENT_UNITS } from '../domain/agreement';
import { agreementCommand } from './agreement';
import { applyCommand, previewText, shareText } from './deid';
import { copyText, mergeCommand } from './team';
import { isTeamAdminCommand, TEAM_ADMIN_USAGE, teamAdmin } from './team-admin';
import { replaceTextCommand } from './replace-text';
import { linkRecording, listRecordings, unlinkRecording } from './recordings';
import { say } from './messages';
import { progressBar } from './progress-bar';
import { formatTable } from './table';
import { TEAM_SERVER_COMMANDS, TEAM_SERVER_USAGE, teamServerCommand } from './team-server';
import { UsageError } from './usage-error';
import { sampleStudyDir } from '../server/paths';
import { reportLines } from '../refi/report-text';
import { reviewReportLines } from '../review/import-comments';
import type { ExchangeSection, ProjectInspection } from '../domain/types';

const USAGE = `tematik — qualitative thematic analysis from the command line

Usage:
  tematik init <project.tematik> [--name "Study name"]
  tematik sample (--worked | --practice) <project.tematik>
  tematik import <project.tematik> <file>... [--informant LABEL] [--skip-bad] [--swap-roles]
  tematik import <project.tematik> --folder <dir> [--sheet informants.csv] [--skip-bad] [--swap-roles]
  tematik list <project.tematik> documents|informants|types|codes|themes|memos|audit
  tematik coders <project.tematik> [list | add NAME | rename ID|NAME NEW-NAME]   (the people who code; a rename keeps their codings)
  tematik code <project.tematik> --document <id|title> --code <name> (--start N --end N | --text "exact passage")
  tematik stats <project.tematik>
  tematik search <project.tematik> "query" [--type NAME] [--sort relevance|document]
  tematik triangulate <project.tematik> [--rows themes|codes] [--by type|attribute:NAME]
  tematik map <project.tematik> --out model.svg|model.png [--codes] [--lang en|id]
  tematik agreement <project.tematik> --coders NAME,NAME[,…] [--unit turn|sentence|character|document]
                [--code ID,… | --group ID] [--document ID,…] [--without-uncoded]
                [--all-documents | --assign NAME=ID,ID… (once per coder: the documents each was given)]
                [--disagreements] [--out table.csv|table.xlsx]
                (inter-coder agreement: percent, Cohen's κ, Brennan–Prediger κ, Krippendorff's α; optional)
  tematik copy-for-coder <project.tematik> <copy.tematik> --coder NAME [--keep-own]
                (a copy without codings, or with only NAME's own, for NAME to code independently)
  tematik merge <project.tematik> <copy.tematik> [--plan] [--resolve N=project|copy|reanchor|skip]… [--resolve suggested]
                (merges a coder's copy back: --plan shows what it would do and the conflicts, numbered;
                 each conflict must be settled with --resolve; one undoable step, a backup first)
  tematik deid-find <project.tematik> [--placeholder TEXT]
                (every informant name and name to hide found in the transcripts, with context and what it becomes;
                 capitalised words after an honorific that no name covers)
  tematik deid-apply <project.tematik> [--skip-name ID|NAME]… [--skip-hit ID]… [--placeholder TEXT]
                (replaces them in one undoable step; codings stay on the same words; the key records each name)
  tematik deid-key <project.tematik> --out key.csv|key.xlsx      (the key: real name ↔ pseudonym; keep it private)
  tematik share-deidentified <project.tematik> <copy.tematik> [--qdpx copy.qdpx] [--placeholder TEXT] [--withhold ATTRIBUTE]…
                (a copy with every name replaced everywhere, without the key, the names list or the undo history;
                 a report of what was replaced is written beside it)
  tematik replace-text <project.tematik> <document id|title> <corrected.txt|.docx|.vtt|.srt> [--plan]
                (replaces a transcript with a version corrected elsewhere: codings are carried over; --plan
                 shows what would be carried, changed and removed; one undoable step)
  tematik report <project.tematik> --out report.docx [--lang en|id] [--quotes N] [--attribution label-type|label|pseudonym-type]
                                 [--agreement alpha|percent|cohenKappa|brennanPrediger [--unit turn|sentence|character|document]]
                [--real-names] [--journal] [--audit] [--timestamps]   ("[12:04]" after quotes from timestamped turns)
  tematik review-package <project.tematik> --out review.html [--lang en|id] [--journal all|none|ID,ID…] [--no-pseudonyms]
                (one HTML file for a supervisor: theme map, evidence, triangulation, codebook, phases, the chosen
                 journal entries; they comment in it and send back a comments file. Names pseudonymised by default)
  tematik refi-export <project.tematik> --out project.qdpx|codebook.qdc [--line-endings lf|crlf]
                (crlf: text files with Windows line endings, for ATLAS.ti; positions count a line break once)
  tematik refi-inspect <file.qdpx>       what the file holds and its case variables (nothing is written)
  tematik refi-import <project.tematik> <file.qdpx|file.qdc> [--type-variable NAME | --no-type-variable]
  tematik table <project.tematik> codebook|informants|extracts|triangulation|cooccurrence --out table.csv|table.xlsx
              [--delimiter comma|semicolon] [--rows themes|codes] [--by type|attribute:NAME] [--scope overlap|turn]
              [--code ID | --theme ID]        ("csv" is the same command under its older name)
  tematik taguette-export <project.tematik> --out codebook.csv     (the codebook for Taguette's "Import codebook")
  tematik taguette-import <project.tematik> <codebook.csv|codebook.qdc>
  tematik import-comments <project.tematik> <comments.json>
                (a supervisor's comments saved from a review package; importing a file again adds only new ones)
  tematik undo <project.tematik>          tematik redo <project.tematik>
  tematik backups <project.tematik>       (the backups kept in <project>.tematik-backups/)
  tematik backup <project.tematik>        (back up now)
  tematik restore <project.tematik> (<backup id or file> | --latest)   (the project as it was is kept as a backup)
  tematik link-recording <project.tematik> <document id|title> <recording.wav|mp3|m4a|ogg|mp4|webm> [--embed]
                (a reference to the file, found again when the folder moves with the project; --embed stores it inside, up to 500 MB)
  tematik unlink-recording <project.tematik> <document id|title>
  tematik recordings <project.tematik>    every linked recording: found, moved and found, embedded, or missing (and where it was looked for)
  tematik call <project.tematik> <action> ['{"json": "arguments"}']
  tematik check <project.tematik>         full SQLite integrity check; exit 1 when the file is damaged

Team server (projects, accounts and members, in the server's PostgreSQL database):
${TEAM_SERVER_USAGE}
${TEAM_ADMIN_USAGE}

Options:
  --coder NAME   who is coding (default: $TEMATIK_CODER or your login name); for copy-for-coder, who the copy is for
  --read-only    open the project for reading only, e.g. while Tematik has it open for writing
                 (list, stats, search, triangulate, map, report, refi-export, table, taguette-export, call;
                 check always does)
  --json         print results as JSON
  -h, --help     show this help

Offsets (--start/--end) count UTF-16 code units from the start of the document text, end exclusive.
Exit status: 0 on success, 1 when the action failed (or check found damage), 2 on a usage error.`;

/** Commands that never write, so they may run on a project open read-only. */
const READING_COMMANDS: ReadonlySet<string> = new Set(['list', 'coders', 'stats', 'search', 'triangulate', 'agreement', 'map', 'report', 'review-package', 'refi-export', 'csv', 'table', 'taguette-export', 'call', 'check', 'copy-for-coder', 'deid-find', 'deid-key', 'share-deidentified', 'recordings']);

const accessText = defineMessages({
  en: {
    readOnlyHint: 'Commands that only read (list, stats, search, triangulate, map, report, refi-export, table) can run while it is open there: add --read-only.',
    note: 'note',
  },
  id: {
    readOnlyHint: 'Perintah yang hanya membaca (list, stats, search, triangulate, map, report, refi-export, table) dapat dijalankan selagi proyek terbuka di sana: tambahkan --read-only.',
    note: 'catatan',
  },
});



const options = {
  name: { type: 'string' }, informant: { type: 'string' }, 'skip-bad': { type: 'boolean' }, 'swap-roles': { type: 'boolean' }, folder: { type: 'string' },
  sheet: { type: 'string' }, document: { type: 'string' }, code: { type: 'string' }, start: { type: 'string' }, end: { type: 'string' },
  text: { type: 'string' }, coder: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  theme: { type: 'string' }, type: { type: 'string' }, sort: { type: 'string' }, lang: { type: 'string' }, quotes: { type: 'string' },
  worked: { type: 'boolean' }, practice: { type: 'boolean' }, pseudonymise: { type: 'boolean' }, 'real-names': { type: 'boolean' }, attribution: { type: 'string' },
  journal: { type: 'boolean' }, audit: { type: 'boolean' }, 'read-only': { type: 'boolean' }, out: { type: 'string' }, rows: { type: 'string' }, by: { type: 'string' }, scope: { type: 'string' }, codes: { type: 'boolean' }, delimiter: { type: 'string' },
  latest: { type: 'boolean' }, 'type-variable': { type: 'string' }, 'no-type-variable': { type: 'boolean' },
  'line-endings': { type: 'string' },
  coders: { type: 'string' }, unit: { type: 'string' }, group: { type: 'string' }, 'without-uncoded': { type: 'boolean' }, 'all-documents': { type: 'boolean' },
  disagreements: { type: 'boolean' }, assign: { type: 'string', multiple: true }, agreement: { type: 'string' },
  'keep-own': { type: 'boolean' }, plan: { type: 'boolean' }, resolve: { type: 'string', multiple: true },
  placeholder: { type: 'string' }, 'skip-name': { type: 'string', multiple: true }, 'skip-hit': { type: 'string', multiple: true },
  qdpx: { type: 'string' }, withhold: { type: 'string', multiple: true },
  embed: { type: 'boolean' }, timestamps: { type: 'boolean' },
  'no-pseudonyms': { type: 'boolean' }, 'review-journal': { type: 'string' },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

async function main(argv: readonly string[]): Promise<number> {
  // The team server's commands name a database, not a project file: their own flags.
  if (isTeamAdminCommand(argv)) return teamAdmin(argv, cliLanguage());
  if (argv[0] !== undefined && TEAM_SERVER_COMMANDS.has(argv[0])) return teamServerCommand(argv, cliLanguage());
  let parsed;
  try {
    parsed = parseArgs({ args: reviewJournalArgs(argv), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values: flags, positionals } = parsed;
  const [command, project, ...rest] = positionals;
  if (flags.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return flags.help ? 0 : 2;
  }
  if (!project) throw new UsageError(`"${command}" needs the project file, e.g. tematik ${command} study.tematik`);
  // copy-for-coder's --coder names who the copy is for; the project is opened (only to be read) by whoever runs it.
  const coder = (command === 'copy-for-coder' ? undefined : flags.coder) ?? process.env['TEMATIK_CODER'] ?? safeUserName();
  const client = localClient({ coder, onProgress: progressBar(process.stderr), host: { kind: 'cli', sampleDir: sampleStudyDir() } });
  try {
    if (command === 'sample') {
      if (flags.worked === flags.practice) throw new UsageError('sample needs --worked (coded, themes, map, triangulation) or --practice (transcripts only).');
      const info = await client.invoke('app.openSample', { variant: flags.worked ? 'worked' : 'practice', path: project });
      return print(flags, info, `Created the sample study (${flags.worked ? 'worked example' : 'practice copy'}) at ${info.path}`);
    }
    if (command === 'init') {
      const info = await client.invoke('project.create', { path: project, ...(flags.name ? { name: flags.name } : {}) });
      return print(flags, info, `Created project "${info.name}" at ${info.path}`);
    }
    // Neither opens the project first: they are the way out when it cannot be opened.
    if (command === 'backups') return await listBackups(client, project, flags);
    // A look at a .qdpx before importing it: no project is involved.
    if (command === 'refi-inspect') {
      const inspection = await client.invoke('refi.inspectProject', { path: project });
      return print(flags, inspection, inspectionText(inspection, cliLanguage()));
    }
    if (command === 'restore') return await restore(client, project, rest, flags);
    const readOnly = command === 'check' || (flags['read-only'] ?? false);
    if (readOnly && !READING_COMMANDS.has(command)) throw new UsageError(`--read-only goes with commands that only read (${[...READING_COMMANDS].join(', ')}); "${command}" changes the project.`);
    let info;
    try {
      info = await client.invoke('project.open', { path: project, readOnly });
    } catch (error) {
      if (error instanceof TematikError && error.kind === 'locked' && READING_COMMANDS.has(command)) {
        throw new TematikError('locked', { en: `${error.text?.en ?? error.message}\n${accessText('readOnlyHint').en}`, id: `${error.text?.id ?? error.message}\n${accessText('readOnlyHint').id}` });
      }
      throw error;
    }
    // Why it opened read-only (another window, a read-only folder, a damaged file): said once, on stderr, so --json output stays clean.
    const language = cliLanguage();
    for (const notice of info.notices) process.stderr.write(`tematik: ${accessText('note')[language]}: ${notice[language]}\n`);
    return await run(client, command, rest, flags);
  } finally {
    client.session.close();
  }
}

async function run(client: LocalClient, command: string, rest: string[], flags: Flags): Promise<number> {
  const { invoke } = client;
  switch (command) {
    case 'import': {
      const skipBad = flags['skip-bad'] ?? false;
      const swapRoles = flags['swap-roles'] ?? false;
      let report;
      if (flags.folder) {
        if (rest.length) throw new UsageError('Give either files or --folder, not both.');
        report = await invoke('import.folder', { folder: flags.folder, skipBad, swapRoles, ...(flags.sheet ? { sheet: flags.sheet } : {}) });
      } else {
        if (!rest.length) throw new UsageError('Name the files to import, or --folder <dir>.');
        if (flags.sheet) throw new UsageError('--sheet goes with --folder.');
        const informantId = flags.informant ? await informantIdFor(client, flags.informant) : undefined;
        report = await invoke('import.files', { paths: rest, skipBad, swapRoles, ...(informantId ? { informantId } : {}) });
      }
      const lines = [
        `Imported ${report.imported.length} document(s), ${report.imported.reduce((n, d) => n + d.words, 0).toLocaleString('en')} words.`,
        ...report.imported.map((d) => `  + ${d.file}: ${d.words} words, ${d.turns} turns${d.informants.length ? `, ${d.informants.join(', ')}` : ''}${d.recording ? `, recording ${d.recording}` : ''}`),
        ...(report.typesCreated.length ? [`New informant types: ${report.typesCreated.join(', ')}`] : []),
        ...(report.informantsCreated.length ? [`New informants: ${report.informantsCreated.join(', ')}`] : []),
        ...report.skipped.map((s) => `  = ${s.file}: skipped, ${s.reasonText?.[cliLanguage()] ?? s.reason}`),
        ...report.failed.map((f) => `  ! ${f.file}: NOT imported: ${f.reasonText?.[cliLanguage()] ?? f.reason}`),
      ];
      print(flags, report, lines.join('\n'));
      return report.failed.length > 0 ? 1 : 0;
    }
    case 'list':
      return list(client, rest[0], flags);
    case 'code': {
      if (!flags.document || !flags.code) throw new UsageError('code needs --document and --code.');
      const documentId = await documentIdFor(client, flags.document);
      const { start, end } = await rangeFor(client, documentId, flags);
      const coding = await invoke('codings.apply', { documentId, start, end, codeName: flags.code });
      return print(flags, coding, `Coded ${coding.start}–${coding.end} as "${flags.code}": “${abbreviate(coding.quote, 80)}”`);
    }
    case 'stats': {
      const stats = await invoke('project.stats', {});
      const lines = [
        `Phase ${stats.phase} of 6 · ${stats.documents} documents · ${stats.words.toLocaleString('en')} words`,
        `${stats.informants} informants in ${stats.informantTypes} types · ${stats.codes} codes · ${stats.codings} codings · ${stats.themes} themes · ${stats.memos} memos`,
        '', formatTable(['Informant type', 'Informants', 'Documents'], stats.informantsPerType.map((t) => [t.type, String(t.informants), String(t.documents)])),
      ];
      return print(flags, stats, lines.join('\n'));
    }
    case 'search': {
      const query = rest.join(' ');
      if (!query.trim()) throw new UsageError('search needs a query, e.g. tematik search study.tematik kolaborasi');
      const sort = flags.sort ?? 'relevance';
      if (sort !== 'relevance' && sort !== 'document') throw new UsageError('--sort is relevance or document.');
      let informantTypeIds;
      if (flags.type) {
        const type = (await invoke('informantTypes.list', {})).find((t) => t.name.toLowerCase() === flags.type!.toLowerCase());
        if (!type) throw new TematikError('not_found', say('noInformantType', { type: flags.type }));
        informantTypeIds = [type.id];
      }
      const result = await invoke('search.query', { query, sort, ...(informantTypeIds ? { filters: { informantTypeIds } } : {}) });
      const lines = result.hits.map((h) => `${(h.informantLabels.join(',') || h.kind).padEnd(10)} ${h.title.slice(0, 24).padEnd(24)}  …${h.before.slice(-50).padStart(50)} [${h.match}] ${h.after.slice(0, 50)}…`);
      return print(flags, result, [...lines, `${result.total} hit(s) in ${result.passages} passage(s), ${result.tookMs.toFixed(1)} ms`].join('\n'));
    }
    case 'triangulate': {
      const matrix = await invoke('analysis.triangulation', { rows: rowsFlag(flags), groupBy: groupByFlag(flags) });
      const text = formatTable([matrix.rows.length && matrix.rows[0]!.kind === 'code' ? 'Code' : 'Theme', ...matrix.columns.map((c) => `${c.label} (${c.informants})`), 'Suggested', 'Judgement'],
        matrix.rows.map((r) => [r.name, ...r.cells.map((c) => `${c.informants} inf · ${c.extracts} ext`), r.suggestion.judgement, r.convergence ?? '']));
      return print(flags, matrix, `${text}\n\nCells: informants of that group with at least one extract · extracts. Counts support the judgement; they do not make it.`);
    }
    case 'agreement': {
      const coders = (flags.coders ?? '').split(',').map((c) => c.trim()).filter((c) => c.length > 0);
      if (coders.length === 0) throw new UsageError('agreement needs --coders, e.g. --coders Ayu,Bima (names or ids).');
      const unit = flags.unit ?? 'turn';
      if (!isOneOf(AGREEMENT_UNITS, unit)) throw new UsageError(`--unit is one of ${AGREEMENT_UNITS.join(', ')}.`);
      const ids = (flag: string | undefined, name: string): number[] | undefined => {
        if (flag === undefined) return undefined;
        const list = flag.split(',').map((v) => Number(v.trim()));
        if (list.some((v) => !Number.isInteger(v) || v <= 0)) throw new UsageError(`--${name} takes ids separated by commas (see "tematik list <project> ${name === 'code' ? 'codes' : 'documents'}").`);
        return list;
      };
      const codeIds = ids(flags.code, 'code');
      const documentIds = ids(flags.document, 'document');
      const groupId = ids(flags.group, 'code');
      if (groupId && groupId.length !== 1) throw new UsageError('--group takes the id of one code whose sub-codes are the choices.');
      if (flags.out && !/\.(csv|xlsx)$/i.test(flags.out)) throw new UsageError('agreement writes --out ending in .csv (text) or .xlsx (Excel workbook).');
      const assignments = flags.assign?.map((given) => {
        const [coder, documents] = given.split('=');
        if (!coder?.trim() || documents === undefined) throw new UsageError('--assign takes a coder and the ids of their documents, e.g. --assign Ayu=1,2,5');
        return { coder: /^\d+$/.test(coder.trim()) ? Number(coder) : coder.trim(), documentIds: ids(documents, 'document') ?? [] };
      });
      const { value, text } = await agreementCommand(client.invoke, {
        coders: coders.map((c) => (/^\d+$/.test(c) ? Number(c) : c)), unit,
        ...(codeIds ? { codeIds } : {}), ...(documentIds ? { documentIds } : {}), ...(groupId ? { groupId: groupId[0]! } : {}),
        includeUncoded: !flags['without-uncoded'], takesPart: flags['all-documents'] ? 'all' : 'coded', ...(assignments ? { assignments } : {}),
      }, { disagreements: flags.disagreements ?? false, out: flags.out, language: cliLanguage() });
      return print(flags, value, text);
    }
    case 'copy-for-coder': {
      const out = rest[0];
      if (!out || !flags.coder) throw new UsageError('copy-for-coder needs the new file and the coder it is for: tematik copy-for-coder study.tematik for-bima.tematik --coder Bima');
      const result = await invoke('team.copyForCoder', { path: out, coder: flags.coder, keepOwn: flags['keep-own'] ?? false });
      return print(flags, result, copyText(result, cliLanguage()));
    }
    case 'merge': {
      const copy = rest[0];
      if (!copy) throw new UsageError('merge needs the coder\'s copy: tematik merge study.tematik from-bima.tematik [--plan] [--resolve 1=copy]');
      if (flags.plan && flags.resolve) throw new UsageError('--plan only shows the plan; leave out --resolve, or leave out --plan to merge.');
      const { value, text } = await mergeCommand(invoke, copy, { plan: flags.plan ?? false, resolve: flags.resolve ?? [], language: cliLanguage() });
      return print(flags, value, text);
    }
    case 'deid-find': {
      const preview = await invoke('deid.preview', flags.placeholder ? { placeholder: flags.placeholder } : {});
      return print(flags, preview, previewText(preview, cliLanguage()));
    }
    case 'deid-apply': {
      const { value, text } = await applyCommand(invoke, { skipNames: flags['skip-name'] ?? [], skipHits: flags['skip-hit'] ?? [], placeholder: flags.placeholder, language: cliLanguage() });
      return print(flags, value, text);
    }
    case 'deid-key': {
      const format = flags.out ? /\.(csv|xlsx)$/i.exec(flags.out)?.[1]?.toLowerCase() : undefined;
      if (format !== 'csv' && format !== 'xlsx') throw new UsageError('deid-key needs --out ending in .csv or .xlsx: tematik deid-key study.tematik --out key.csv');
      const result = await invoke('export.table', { table: 'deidKey', format, path: flags.out! });
      return print(flags, result, `Wrote the de-identification key to ${flags.out!} (keep it private: it pairs real names with pseudonyms)`);
    }
    case 'share-deidentified': {
      const out = rest[0];
      if (!out) throw new UsageError('share-deidentified needs the new file: tematik share-deidentified study.tematik shared.tematik [--qdpx shared.qdpx]');
      const language = cliLanguage();
      const result = await invoke('deid.share', {
        path: out, ...(flags.qdpx ? { qdpxPath: flags.qdpx } : {}), ...(flags.placeholder ? { placeholder: flags.placeholder } : {}),
        ...(flags.withhold ? { withholdAttributes: flags.withhold } : {}), language,
      });
      return print(flags, result, shareText(result, language));
    }
    case 'replace-text': {
      const [document, file] = rest;
      if (!document || !file) throw new UsageError('replace-text needs the transcript and the corrected file: tematik replace-text study.tematik P-01 P-01_revisi.docx [--plan]');
      const { value, text } = await replaceTextCommand(invoke, await documentIdFor(client, document), file, { plan: flags.plan ?? false, language: cliLanguage() });
      return print(flags, value, text);
    }
    case 'map': {
      if (!flags.out) throw new UsageError('map needs --out model.svg or --out model.png.');
      const format = flags.out.toLowerCase().endsWith('.png') ? 'png' : 'svg';
      const language = flags.lang ?? 'en';
      if (language !== 'en' && language !== 'id') throw new UsageError('--lang is en or id.');
      await invoke('export.themeMap', { path: flags.out, format, includeCodes: flags.codes ?? false, language });
      return print(flags, { path: flags.out }, `Wrote the theme map to ${flags.out}`);
    }
    case 'report': {
      if (!flags.out) throw new UsageError('report needs --out report.docx.');
      const language = flags.lang ?? 'en';
      if (language !== 'en' && language !== 'id') throw new UsageError('--lang is en or id.');
      const quotes = flags.quotes === undefined ? undefined : Number(flags.quotes);
      if (quotes !== undefined && !(Number.isInteger(quotes) && quotes >= 0 && quotes <= 25)) throw new UsageError('--quotes is a whole number from 0 to 25.');
      const attribution = flags.attribution ?? 'label-type';
      if (!isOneOf(REPORT_ATTRIBUTIONS, attribution)) throw new UsageError(`--attribution is one of ${REPORT_ATTRIBUTIONS.join(', ')}.`);
      if (flags['real-names'] && flags.pseudonymise) throw new UsageError('--real-names and --pseudonymise contradict each other; names are pseudonymised unless --real-names is given.');
      const coefficient = flags.agreement;
      if (coefficient !== undefined && !isOneOf(AGREEMENT_COEFFICIENTS, coefficient)) throw new UsageError(`--agreement is one of ${AGREEMENT_COEFFICIENTS.join(', ')}.`);
      if (flags.unit !== undefined && coefficient === undefined) throw new UsageError('--unit goes with --agreement (the unit of the method paragraph\'s coefficient).');
      const unit = flags.unit ?? 'turn';
      if (!isOneOf(AGREEMENT_UNITS, unit)) throw new UsageError(`--unit is one of ${AGREEMENT_UNITS.join(', ')}.`);
      // Names are pseudonymised unless asked otherwise, as in the app: interview data is confidential.
      const result = await invoke('report.word', {
        path: flags.out, language, ...(quotes !== undefined ? { quotesPerTheme: quotes } : {}), attribution,
        pseudonymise: !flags['real-names'], journal: flags.journal ?? false, audit: flags.audit ?? false,
        ...(coefficient !== undefined ? { agreement: { coefficient, unit } } : {}),
        ...(flags.timestamps ? { timestamps: true } : {}),
      });
      return print(flags, result, `Wrote the Word report to ${flags.out} (${Math.round(result.bytes / 1024)} KB)`);
    }
    case 'review-package': {
      if (!flags.out) throw new UsageError('review-package needs --out review.html.');
      const language = flags.lang ?? 'en';
      if (language !== 'en' && language !== 'id') throw new UsageError('--lang is en or id.');
      const journal = reviewJournal(flags['review-journal']);
      const result = await invoke('export.reviewPackage', { path: flags.out, language, pseudonymise: !flags['no-pseudonyms'], journal });
      return print(flags, result, `Wrote the review package to ${flags.out} (${Math.round(result.bytes / 1024)} KB)`);
    }
    case 'refi-export': {
      if (!flags.out) throw new UsageError('refi-export needs --out project.qdpx (whole project) or --out codebook.qdc (codebook only).');
      const codebook = flags.out.toLowerCase().endsWith('.qdc');
      if (!codebook && !flags.out.toLowerCase().endsWith('.qdpx')) throw new UsageError('--out must end in .qdpx or .qdc.');
      const lineEndings = flags['line-endings'];
      if (lineEndings !== undefined && !isOneOf(LINE_ENDINGS, lineEndings)) throw new UsageError(`--line-endings is ${LINE_ENDINGS.join(' or ')}.`);
      if (lineEndings !== undefined && codebook) throw new UsageError('--line-endings goes with a .qdpx project: a codebook has no texts.');
      const result = codebook
        ? await invoke('refi.exportCodebook', { path: flags.out })
        : await invoke('refi.exportProject', { path: flags.out, ...(lineEndings !== undefined ? { lineEndings } : {}) });
      return print(flags, result, `Wrote ${codebook ? 'the codebook' : 'the project'} as REFI-QDA to ${flags.out}`);
    }
    case 'refi-import': {
      const file = rest[0];
      if (!file) throw new UsageError('refi-import needs the .qdpx or .qdc file.');
      const language = cliLanguage();
      const chosen = flags['type-variable'];
      if (chosen !== undefined && flags['no-type-variable']) throw new UsageError('Give either --type-variable NAME or --no-type-variable, not both.');
      if (file.toLowerCase().endsWith('.qdc')) {
        if (chosen !== undefined || flags['no-type-variable']) throw new UsageError('--type-variable and --no-type-variable go with a .qdpx project; a .qdc codebook has no cases.');
        const result = await invoke('refi.importCodebook', { path: file, language });
        return print(flags, result, [say('refiCodebookImported', { created: result.created, existing: result.existing })[language], ...reportText(result.report, language)].join('\n'));
      }
      const typeVariable = flags['no-type-variable'] ? { typeVariable: null } : chosen !== undefined ? { typeVariable: chosen } : {};
      const result = await invoke('refi.importProject', { path: file, language, ...typeVariable });
      return print(flags, result, [
        say('refiImported', { documents: result.imported.length, codes: result.codes, codings: result.codings, memos: result.memos })[language],
        ...reportText(result.report, language),
      ].join('\n'));
    }
    case 'csv':
    case 'table': {
      const table = rest[0];
      if (!isOneOf(EXPORT_TABLES, table)) throw new UsageError(`${command} needs a table: ${EXPORT_TABLES.join(', ')}.`);
      if (table === 'agreement' || table === 'agreementDisagreements') throw new UsageError('The agreement tables need the coders to compare: tematik agreement <project> --coders A,B --out table.xlsx (add --disagreements for the units they disagree on).');
      const format = flags.out ? /\.(csv|xlsx)$/i.exec(flags.out)?.[1]?.toLowerCase() : undefined;
      if (format !== 'csv' && format !== 'xlsx') throw new UsageError(`${command} needs --out ending in .csv (text) or .xlsx (Excel workbook).`);
      const delimiter = flags.delimiter ?? 'comma';
      if (delimiter !== 'comma' && delimiter !== 'semicolon') throw new UsageError('--delimiter is comma or semicolon (for Excel in Indonesian and other comma-decimal locales).');
      if (format === 'xlsx' && flags.delimiter) throw new UsageError('--delimiter is for CSV; a .xlsx workbook has no separator.');
      const scope = flags.scope ?? 'overlap';
      if (scope !== 'overlap' && scope !== 'turn') throw new UsageError('--scope is overlap or turn.');
      const codeId = flags.code !== undefined ? Number(flags.code) : undefined;
      if (codeId !== undefined && !Number.isInteger(codeId)) throw new UsageError('--code takes a code id (see "tematik list <project> codes").');
      const themeId = flags.theme !== undefined ? Number(flags.theme) : undefined;
      if (themeId !== undefined && !Number.isInteger(themeId)) throw new UsageError('--theme takes a theme id (see "tematik list <project> themes").');
      const result = await invoke('export.table', {
        table, format, path: flags.out!, rows: rowsFlag(flags), groupBy: groupByFlag(flags), scope,
        ...(format === 'csv' ? { delimiter } : {}), ...(codeId ? { codeId } : {}), ...(themeId ? { themeId } : {}),
      });
      const kind = format === 'xlsx' ? 'Excel workbook' : `UTF-8 CSV, ${delimiter === 'comma' ? 'comma' : 'semicolon'} separated`;
      return print(flags, result, `Wrote ${table} to ${flags.out!} (${kind})`);
    }
    case 'taguette-export': {
      if (!flags.out?.toLowerCase().endsWith('.csv')) throw new UsageError('taguette-export needs --out codebook.csv.');
      const result = await invoke('taguette.exportCodebook', { path: flags.out });
      return print(flags, result, `Wrote the codebook for Taguette's "Import codebook" to ${flags.out}`);
    }
    case 'taguette-import': {
      const file = rest[0];
      const extension = file ? /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase() : undefined;
      if (!file || (extension !== 'csv' && extension !== 'qdc')) throw new UsageError('taguette-import needs the codebook Taguette exported: codebook.csv or codebook.qdc.');
      const language = cliLanguage();
      const result = await invoke(extension === 'qdc' ? 'refi.importCodebook' : 'taguette.importCodebook', { path: file, language });
      return print(flags, result, [say('refiCodebookImported', { created: result.created, existing: result.existing })[language], ...reportText(result.report, language)].join('\n'));
    }
    case 'import-comments': {
      const file = rest[0];
      if (!file) throw new UsageError('import-comments needs the comments file the supervisor saved from the review package, e.g. tematik import-comments study.tematik komentar.json');
      const language = cliLanguage();
      const result = await invoke('comments.importReview', { path: file, language });
      const added = COMMENT_TARGET_KINDS.reduce((n, k) => n + result.added[k], 0) + result.unplaced.length;
      return print(flags, result, [say('reviewImported', { added, reviewer: result.reviewer, file: result.file })[language], ...reviewReportLines(result, language)].join('\n'));
    }
    case 'undo':
    case 'redo': {
      const before = await invoke('history.state', {});
      const after = await invoke(command === 'undo' ? 'history.undo' : 'history.redo', {});
      return print(flags, after, `${command === 'undo' ? 'Undid' : 'Redid'}: ${command === 'undo' ? before.undo : before.redo}`);
    }
    case 'coders':
      return await coders(client, rest, flags);
    case 'check': {
      const report = await invoke('project.check', {});
      const language = cliLanguage();
      print(flags, report, [report.summary[language], ...report.problems.map((p) => `  ${p}`)].join('\n'));
      return report.ok ? 0 : 1;
    }
    case 'backup': {
      const made = await invoke('backup.create', {});
      return print(flags, made, `Backed up to ${made.path} (${size(made.bytes)})`);
    }
    case 'link-recording': {
      const [document, file] = rest;
      if (!document || !file) throw new UsageError('link-recording needs the transcript and the recording, e.g. tematik link-recording studi.tematik P-01 P-01.wav');
      const { value, text } = await linkRecording(client, await documentIdFor(client, document), file, flags.embed ?? false, cliLanguage());
      return print(flags, value, text);
    }
    case 'unlink-recording': {
      const [document] = rest;
      if (!document) throw new UsageError('unlink-recording needs the transcript, e.g. tematik unlink-recording studi.tematik P-01');
      const text = await unlinkRecording(client, await documentIdFor(client, document), cliLanguage());
      return print(flags, null, text);
    }
    case 'recordings': {
      const { value, text } = await listRecordings(client, cliLanguage());
      return print(flags, value, text);
    }
    case 'call': {
      const [action, json] = rest;
      if (!isActionName(action)) throw new UsageError(`"${action ?? ''}" is not an action; see src/api/contract.ts for the list.`);
      let args: unknown = {};
      try { args = json ? JSON.parse(json) : {}; } catch { throw new UsageError('The arguments must be JSON, e.g. \'{"id": 3}\'.'); }
      const result = await invoke(action, args as never);
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

async function list(client: LocalClient, what: string | undefined, flags: Flags): Promise<number> {
  const { invoke } = client;
  switch (what) {
    case 'documents': {
      const [docs, people] = [await invoke('documents.list', {}), await invoke('informants.list', {})];
      const label = new Map(people.map((p) => [p.id as number, p.label]));
      return print(flags, docs, formatTable(['Id', 'Title', 'Format', 'Words', 'Turns', 'Codings', 'Informants'],
        docs.map((d) => [String(d.id), d.title, d.format, String(d.wordCount), String(d.turnCount), String(d.codingCount), d.informantIds.map((i) => label.get(i) ?? '?').join(', ')])));
    }
    case 'informants': {
      const people = await invoke('informants.list', {});
      return print(flags, people, formatTable(['Id', 'Label', 'Name', 'Type', 'Documents', 'Attributes'],
        people.map((p) => [String(p.id), p.label, p.name, p.typeName, String(p.documentIds.length), Object.entries(p.attributes).map(([k, v]) => `${k}=${v}`).join('; ')])));
    }
    case 'types': {
      const types = await invoke('informantTypes.list', {});
      return print(flags, types, formatTable(['Id', 'Informant type', 'Informants'], types.map((t) => [String(t.id), t.name, String(t.informantCount)])));
    }
    case 'codes': {
      const codes = await invoke('codes.list', {});
      const depth = (id: number | null): number => (id === null ? 0 : 1 + depth(codes.find((c) => c.id === id)?.parentId ?? null));
      return print(flags, codes, formatTable(['Id', 'Code', 'Codings', 'Informants'],
        treeOrder(codes).map((c) => [String(c.id), `${'  '.repeat(depth(c.parentId))}${c.name}`, String(c.codingCount), String(c.informantCount)])));
    }
    case 'themes': {
      const themes = await invoke('themes.list', {});
      return print(flags, themes, formatTable(['Id', 'Theme', 'Status', 'Codes'], themes.map((t) => [String(t.id), t.name, t.status, String(t.codeIds.length)])));
    }
    case 'memos': {
      const memos = await invoke('memos.list', {});
      return print(flags, memos, formatTable(['Id', 'Kind', 'On', 'Title', 'Author', 'Written'], memos.map((m) => [String(m.id), m.kind, m.target.kind, m.title || abbreviate(m.body, 40), m.author, m.createdAt.slice(0, 16)])));
    }
    case 'audit': {
      const entries = await invoke('audit.list', {});
      return print(flags, entries, formatTable(['When', 'Who', 'What'], entries.map((e) => [e.at.slice(0, 19).replace('T', ' '), e.coder, e.summary])));
    }
    default:
      throw new UsageError('list what? documents, informants, types, codes, themes, memos or audit.');
  }
}

async function coders(client: LocalClient, rest: string[], flags: Flags): Promise<number> {
  const { invoke } = client;
  const [what = 'list', ...names] = rest;
  const show = async (done: string): Promise<number> => {
    const list = await invoke('coders.list', {});
    const table = formatTable(['Id', 'Coder', 'Colour', 'Codings'], list.coders.map((c) => [String(c.id), c.consensus ? `${c.name} (settled disagreements)` : c.name, c.colour, String(c.codings)]));
    return print(flags, list, done ? `${done}\n\n${table}` : table);
  };
  switch (what) {
    case 'list':
      return show('');
    case 'add': {
      if (names.length !== 1) throw new UsageError('coders add needs one name, e.g. tematik coders study.tematik add "Rina"');
      const added = await invoke('coders.add', { name: names[0]! });
      return show(`Added the coder "${added.name}".`);
    }
    case 'rename': {
      const [which, name] = names;
      if (which === undefined || name === undefined || names.length !== 2) throw new UsageError('coders rename needs the coder (id or name) and the new name, e.g. tematik coders study.tematik rename Rina "Rina S."');
      const { coders: all } = await invoke('coders.list', {});
      const coder = all.find((c) => String(c.id) === which) ?? all.find((c) => c.name.toLowerCase() === which.trim().toLowerCase());
      if (!coder) throw new UsageError(`No coder "${which}" in this project; tematik coders <project> lists them.`);
      const renamed = await invoke('coders.rename', { id: coder.id, name });
      return show(`Renamed the coder "${coder.name}" to "${renamed.name}"; their ${coder.codings} coding(s) stay theirs.`);
    }
    default:
      throw new UsageError('coders what? list, add NAME or rename ID|NAME NEW-NAME.');
  }
}

async function listBackups(client: LocalClient, project: string, flags: Flags): Promise<number> {
  const list = await client.invoke('backup.list', { path: project });
  const count = (n: number | null) => (n === null ? '?' : String(n));
  const table = formatTable(['When', 'Kind', 'Size', 'Documents', 'Codings', 'Id'],
    list.backups.map((b) => [localTime(b.createdAt), b.kind, size(b.bytes), count(b.documents), count(b.codings), b.id]));
  const problems = list.backups.filter((b) => b.problem).map((b) => `  ! ${b.id}: ${inLanguage(b.problem!, cliLanguage())}`);
  return print(flags, list, [`Backups in ${list.folder}`, '', table, ...problems].join('\n'));
}

async function restore(client: LocalClient, project: string, rest: string[], flags: Flags): Promise<number> {
  if ((flags.latest ?? false) === (rest[0] !== undefined)) {
    throw new UsageError('restore needs the backup to restore (an id from "tematik backups <project>", or a file) or --latest, not both.');
  }
  let backup = rest[0];
  if (flags.latest) {
    // A 'before-restore' backup is the state a restore left on purpose: restored by its id, to undo that restore.
    const latest = (await client.invoke('backup.list', { path: project })).backups.find((b) => b.problem === null && b.kind !== 'before-restore');
    if (!latest) throw new TematikError('not_found', say('noBackupToRestore', { project }));
    backup = latest.id;
  }
  const info = await client.invoke('backup.restore', { backup: backup!, path: project });
  return print(flags, info, info.notices.map((n) => inLanguage(n, cliLanguage())).join('\n'));
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** `2026-12-06 21:47` in this computer's time zone. */
function localTime(iso: string): string {
  const date = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

function rowsFlag(flags: Flags): 'themes' | 'codes' {
  const rows = flags.rows ?? 'themes';
  if (rows !== 'themes' && rows !== 'codes') throw new UsageError('--rows is themes or codes.');
  return rows;
}

/** `--by type` (the default) or `--by attribute:city`. */
function groupByFlag(flags: Flags): { kind: 'type' } | { kind: 'attribute'; name: string } {
  const by = flags.by ?? 'type';
  if (by === 'type') return { kind: 'type' };
  if (by.startsWith('attribute:') && by.length > 'attribute:'.length) return { kind: 'attribute', name: by.slice('attribute:'.length) };
  throw new UsageError('--by is "type" or "attribute:NAME", e.g. --by attribute:city.');
}

/** Parents before children, siblings in codebook order. */
function treeOrder<T extends { id: number; parentId: number | null }>(items: readonly T[]): T[] {
  const out: T[] = [];
  const visit = (parent: number | null) => items.filter((i) => i.parentId === parent).forEach((i) => { out.push(i); visit(i.id); });
  visit(null);
  return out;
}

async function informantIdFor(client: LocalClient, label: string) {
  const found = (await client.invoke('informants.list', {})).find((p) => p.label.toLowerCase() === label.toLowerCase());
  if (!found) throw new TematikError('not_found', say('noInformant', { label }));
  return found.id;
}

async function documentIdFor(client: LocalClient, ref: string): Promise<DocumentId> {
  const docs = await client.invoke('documents.list', {});
  const found = /^\d+$/.test(ref) ? docs.find((d) => d.id === Number(ref)) : docs.find((d) => d.title.toLowerCase() === ref.toLowerCase());
  if (!found) throw new TematikError('not_found', say('noDocument', { ref }));
  return found.id;
}

async function rangeFor(client: LocalClient, documentId: DocumentId, flags: Flags) {
  if (flags.text !== undefined) {
    if (flags.start || flags.end) throw new UsageError('Give either --text or --start/--end, not both.');
    const { text, title } = await client.invoke('documents.get', { id: documentId });
    const start = text.indexOf(flags.text);
    if (start < 0 || flags.text === '') throw new TematikError('not_found', say('passageMissing', { passage: abbreviate(flags.text, 60), title }));
    if (text.indexOf(flags.text, start + 1) >= 0) throw new TematikError('conflict', say('passageRepeated', { title }));
    return { start, end: start + flags.text.length };
  }
  const start = Number(flags.start);
  const end = Number(flags.end);
  if (flags.start === undefined || flags.end === undefined || !Number.isInteger(start) || !Number.isInteger(end)) {
    throw new UsageError('code needs --start and --end as whole numbers, or --text "exact passage".');
  }
  return { start, end };
}

/**
 * `--journal` is a switch for `report` and takes a value for `review-package` (all, none or entry
 * ids): the review package's is passed on as `--review-journal` so one parser reads both.
 */
function reviewJournalArgs(argv: readonly string[]): string[] {
  if (argv.find((a) => !a.startsWith('-')) !== 'review-package') return [...argv];
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--journal=')) out.push(`--review-journal=${arg.slice('--journal='.length)}`);
    else if (arg === '--journal') out.push(`--review-journal=${argv[++i] ?? ''}`);
    else out.push(arg);
  }
  return out;
}

/** The review package's `--journal`: all, none (the default) or journal entry ids separated by commas. */
function reviewJournal(value: string | undefined): 'all' | 'none' | number[] {
  if (value === undefined || value === 'none') return 'none';
  if (value === 'all') return 'all';
  const ids = value.split(',').map((v) => v.trim());
  if (ids.length === 0 || ids.some((v) => !/^[1-9][0-9]*$/.test(v))) {
    throw new UsageError('--journal is all, none, or journal entry ids separated by commas (e.g. --journal 3,7); "tematik call <project> memos.list \'{"kind":"journal"}\'" lists them.');
  }
  return ids.map(Number);
}

/** The per-kind import report under its heading, or nothing when the report is empty. */
function reportText(report: readonly ExchangeSection[], language: Language): string[] {
  return report.length === 0 ? [] : ['', say('refiReport')[language], ...reportLines(report, language).map((line) => `  ${line}`)];
}

/** What a .qdpx holds and its case variables, for choosing the informant type before refi-import. */
function inspectionText(inspection: ProjectInspection, language: Language): string {
  const origin = inspection.origin ? say('inspectOrigin', { origin: inspection.origin }) : '';
  const lines = [say('inspectHead', { file: inspection.file, name: inspection.name, origin })[language], say('inspectCounts', inspection.counts)[language]];
  if (inspection.counts.cases === 0) return [...lines, say('inspectNoCases')[language]].join('\n');
  if (inspection.variables.length === 0) return [...lines, say('inspectNoVariables', { type: inspection.defaultType })[language]].join('\n');
  const rows = inspection.variables.map((v) => [
    `${v.name === inspection.suggestedTypeVariable ? '* ' : '  '}${v.name}`, v.type, `${v.cases}/${inspection.counts.cases}`,
    `${v.samples.join(', ')}${v.distinct > v.samples.length ? ', …' : ''}`,
  ]);
  return [
    ...lines, '', formatTable(say('inspectColumns')[language].split('|'), rows), '',
    inspection.suggestedTypeVariable
      ? say('inspectSuggested', { name: inspection.suggestedTypeVariable, type: inspection.defaultType })[language]
      : say('inspectNoSuggestion', { type: inspection.defaultType })[language],
  ].join('\n');
}

function print(flags: Flags, value: unknown, text: string): 0 {
  process.stdout.write(flags.json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
  return 0;
}

function abbreviate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Messages in Bahasa Indonesia when `TEMATIK_LANG` or the locale (`LANG=id_ID.UTF-8`) says so. */
function cliLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const wanted = (env.TEMATIK_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '').toLowerCase();
  return wanted.startsWith('id') ? 'id' : 'en';
}

function safeUserName(): string {
  try { return os.userInfo().username || 'researcher'; } catch { return 'researcher'; }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`tematik: ${error.message}\nRun "tematik --help" for usage.\n`);
      process.exitCode = 2;
    } else if (error instanceof TematikError) {
      const shown = errorInLanguage(error, cliLanguage());
      process.stderr.write(`tematik: ${shown.message}\n${shown.details.map((d) => `  - ${d}\n`).join('')}`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`tematik: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);

