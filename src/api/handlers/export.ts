import path from 'node:path';
import { TematikError } from '../../domain/errors';
import { defineMessages } from '../../domain/text';
import type { Extract } from '../../domain/types';
import { tableCsv } from '../../export/csv';
import { deliver } from '../../export/deliver';
import { exportFileName } from '../../export/file-name';
import type { ExportTable } from '../../export/table';
import { tableXlsx } from '../../export/xlsx';
import { svgToPng } from '../../export/theme-map';
import { writeExport } from '../../export/write-file';
import { themeMapSvg } from '../../map/svg';
import type { ValidArgs } from '../contract';
import type { HandlerGroup } from '../handler-types';
import type { Context } from '../session';
import { agreementTable, disagreementTable } from '../../analysis/agreement/table';
import { exportReviewPackage } from '../../review/export';
import { analysisHandlers } from './analysis';

const say = defineMessages({
  en: {
    extractsOf: 'Exporting extracts needs either the code (codeId) or the theme (themeId) whose extracts to write.',
    agreementOf: 'Exporting agreement needs what to compare (agreement: at least the coders).',
  },
  id: {
    extractsOf: 'Ekspor kutipan memerlukan kode (codeId) atau tema (themeId) yang kutipannya akan ditulis, salah satu saja.',
    agreementOf: 'Ekspor kesepakatan memerlukan apa yang dibandingkan (agreement: sedikitnya para pengodenya).',
  },
});

type TableArgs = ValidArgs<'export.table'>;

const extractRows = (extracts: readonly Extract[]) => extracts.map((e) => [e.informantTypes.join('; '), e.informantLabels.join('; '), e.documentTitle, e.codeName, e.start, e.end, e.quote]);
const EXTRACT_HEADER = ['Informant type', 'Informant', 'Document', 'Code', 'Start', 'End', 'Quote'];

/** Every table the UI shows, as the one model the CSV and the workbook are both written from. */
async function table(args: TableArgs, ctx: Context): Promise<ExportTable> {
  const { data } = ctx.session;
  switch (args.table) {
    case 'codebook': {
      const codes = await data.codes.list();
      const byId = new Map(codes.map((c) => [c.id as number, c]));
      const pathOf = (id: number | null): string => (id === null ? '' : `${pathOf(byId.get(id)?.parentId ?? null)}${byId.get(id)?.name ?? ''} / `);
      return { name: 'codebook', title: 'Codebook', header: ['Code', 'Parent', 'Description', 'Colour', 'In vivo', 'Extracts', 'Informants'],
        rows: codes.map((c) => [c.name, pathOf(c.parentId).replace(/ \/ $/, ''), c.description, c.colour, c.inVivo ? 'yes' : 'no', c.codingCount, c.informantCount]) };
    }
    case 'informants': {
      const attributes = (await data.informants.attributes()).map((a) => a.name);
      return { name: 'informants', title: 'Informants', header: ['Informant', 'Name', 'Informant type', 'Documents', 'Interviewed', ...attributes],
        rows: (await data.informants.list()).map((i) => [i.label, i.name, i.typeName, i.documentIds.length, i.interviewed ? 'yes' : 'no', ...attributes.map((a) => i.attributes[a] ?? '')]) };
    }
    case 'extracts': {
      if ((args.codeId === undefined) === (args.themeId === undefined)) {
        throw new TematikError('invalid_args', say('extractsOf'));
      }
      if (args.themeId !== undefined) {
        const theme = await data.themes.get(args.themeId);
        return { name: `extracts – ${theme.name}`, title: `Extracts – ${theme.name}`, header: EXTRACT_HEADER, rows: extractRows(await data.codings.extractsForCodes(await data.themes.codeIds(args.themeId))) };
      }
      const code = await data.codes.get(args.codeId!);
      return { name: `extracts – ${code.name}`, title: `Extracts – ${code.name}`, header: EXTRACT_HEADER, rows: extractRows(await data.codings.extractsForCode(args.codeId!, true)) };
    }
    case 'triangulation': {
      const rows = args.rows ?? 'themes';
      const matrix = await analysisHandlers['analysis.triangulation']({ rows, ...(args.groupBy ? { groupBy: args.groupBy } : {}) }, ctx);
      return { name: `triangulation-${rows}`, title: `Triangulation (${rows})`,
        header: [rows === 'codes' ? 'Code' : 'Theme', ...matrix.columns.flatMap((c) => [
          `${c.label}: informants (of ${c.informants}${c.notInterviewed.length ? `; not interviewed: ${c.notInterviewed.join(', ')}` : ''})`, `${c.label}: extracts`,
        ]), 'Informants', 'Extracts', 'Suggested', 'Judgement', 'Reason'],
        rows: matrix.rows.map((r) => [r.name, ...r.cells.flatMap((c) => [c.informants, c.extracts]), r.informants, r.extracts, r.suggestion.judgement, r.convergence ?? '', r.convergenceReason]) };
    }
    case 'cooccurrence': {
      const matrix = await analysisHandlers['analysis.cooccurrence']({ scope: args.scope ?? 'overlap' }, ctx);
      return { name: `cooccurrence-${matrix.scope}`, title: `Co-occurrence (${matrix.scope})`, header: ['Code', ...matrix.codes.map((c) => c.name)],
        rows: matrix.codes.map((c, i) => [c.name, ...matrix.counts[i]!]) };
    }
    case 'agreement':
    case 'agreementDisagreements': {
      if (!args.agreement) throw new TematikError('invalid_args', say('agreementOf'));
      const { codeId: _codeId, documentId: _documentId, ...options } = args.agreement;
      const result = await analysisHandlers['analysis.agreement'](options, ctx);
      if (args.table === 'agreement') return agreementTable(result, args.language ?? 'en');
      const units = await analysisHandlers['analysis.agreementDisagreements'](args.agreement, ctx);
      return disagreementTable(units, result.coders, args.language ?? 'en');
    }
    case 'deidKey': {
      // The key pairs real names with pseudonyms: written only on its own, never inside a shared copy.
      const informants = new Map((await data.informants.list()).map((i) => [i.id as number, i.label]));
      return { name: 'de-identification key', title: 'De-identification key', header: ['Real name', 'Pseudonym', 'Kind', 'Informant', 'Replaced', 'First applied', 'Last applied'],
        rows: (await data.deid.key()).map((k) => [k.name, k.pseudonym, k.kind, k.informantId === null ? '' : informants.get(k.informantId) ?? '', k.replaced, k.firstAppliedAt, k.lastAppliedAt]) };
    }
  }
}

/** The format asked for, or the one the path's extension names; CSV otherwise. */
function tableFormat(args: TableArgs): 'csv' | 'xlsx' {
  return args.format ?? (args.path && path.extname(args.path).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');
}

export const exportHandlers: HandlerGroup<'export'> = {
  'export.table': async (args, ctx) => {
    const content = await table(args, ctx);
    const projectName = (await ctx.session.data.project.info()).name;
    const format = tableFormat(args);
    const bytes = format === 'xlsx' ? await tableXlsx(content, projectName) : Buffer.from(tableCsv(content, args.delimiter ?? 'comma'), 'utf8');
    return deliver(bytes, args.path, exportFileName(projectName, content.name, `.${format}`), [`.${format}`]);
  },
  'export.themeMap': async ({ format, path: file, includeCodes, scale, language }, ctx) => {
    const { data } = ctx.session;
    const map = await data.map.get({ includeCodes: includeCodes ?? false });
    const svg = themeMapSvg(map, { title: (await data.project.info()).name, language: language ?? 'en' });
    const kind = format ?? (file && path.extname(file).toLowerCase() === '.png' ? 'png' : 'svg');
    if (file) writeExport(file, kind === 'png' ? svgToPng(svg, scale) : svg, [`.${kind}`]);
    return { svg, path: file ?? null };
  },
  'export.reviewPackage': exportReviewPackage,
};
