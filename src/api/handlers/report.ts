import path from 'node:path';
import { writeExport } from '../../export/write-file';
import { reportFileName } from '../../report/file-name';
import { renderReport } from '../../report/word';
import type { HandlerGroup } from '../handler-types';

export const reportHandlers: HandlerGroup<'report'> = {
  /**
   * Names are pseudonymised unless the caller says otherwise: interview data is confidential,
   * and a forgotten flag should not put an informant's name in a thesis.
   */
  'report.word': async (args, ctx) => {
    const options = {
      themeIds: args.themeIds, quotesPerTheme: args.quotesPerTheme ?? 3, language: args.language ?? 'en',
      pseudonymise: args.pseudonymise ?? true, journal: args.journal ?? false, audit: args.audit ?? false,
      attribution: args.attribution ?? 'label-type',
      agreement: args.agreement ? { coefficient: args.agreement.coefficient, unit: args.agreement.unit ?? 'turn' } : undefined,
      timestamps: args.timestamps ?? false,
    } as const;
    // One read transaction: the report describes one state of the project.
    const model = await ctx.session.data.read(async (reader) => {
      const matrix = await reader.analysis.triangulation({ rows: 'themes', groupBy: { kind: 'type' }, includeDiscarded: true });
      return reader.reports.model(matrix, options, (done, total, label) => ctx.progress({ done, total: total + 2, label }));
    });
    // The figure was drawn beside the gathering; writing the document is a step of its own.
    const figure = await model.figure;
    const steps = model.themes.length + 2;
    ctx.progress({ done: steps - 1, total: steps, label: 'Word document' });
    const docx = await renderReport(model, figure);
    ctx.progress({ done: steps, total: steps, label: 'Word document' });
    const fileName = args.path ? path.basename(args.path) : reportFileName(model.projectName, options.language);
    if (args.path) writeExport(args.path, docx, ['.docx']);
    return { path: args.path ?? null, fileName, base64: args.path ? null : docx.toString('base64'), bytes: docx.length };
  },
};
