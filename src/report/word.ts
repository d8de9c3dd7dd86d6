import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, ImageRun, NoBreakHyphen, Packer, PageNumber, PageOrientation, Paragraph,
  SimpleField, Table, TableCell, TableLayoutType, TableOfContents, TableRow, TextRun, VerticalAlignTable, WidthType,
  type FileChild, type ISectionOptions, type ParagraphChild,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { actionPhrase } from '../domain/action-names';
import type { Figure } from './figure';
import type { ReportAgreement } from './agreement';
import type { ReportModel, ReportTheme } from './model';
import { quoted } from './quotes';
import { fill, type Noun, type ReportStrings } from './strings';
import { LANDSCAPE_TEXT_WIDTH, PAGE, STYLE, TEXT_HEIGHT, TEXT_WIDTH, reportStyles } from './styles';

/** More informant types than this and the triangulation table gets a landscape page. */
const PORTRAIT_TYPES = 6;
/**
 * Laying the pages out costs about 2 ms a paragraph or table row, and more than linearly
 * once the contents run over pages: 4 s for a 100-theme report. Beyond this many blocks the
 * page numbers in the contents are left to Word's update on opening, to keep a report of
 * 100 themes within 5 s; a thesis chapter's worth of themes (about 60) still gets them.
 */
const ESTIMATE_BLOCKS = 900;
/** Twips per CSS pixel (96 to the inch), the unit docx sizes pictures in. */
const TWIPS_PER_PX = 15;

type CellContent = string | {
  readonly text: string; readonly indent?: number; readonly italics?: boolean;
  /** Paragraphs below the text in the same cell, e.g. the reason under a judgement. */
  readonly more?: readonly { readonly text: string; readonly italics?: boolean }[];
  readonly bold?: boolean;
};

interface Column {
  readonly header: string;
  /** Twips. */
  readonly width: number;
  readonly numeric?: boolean;
  readonly align?: 'center';
}

/** Writes the report as a .docx, with its figure once drawn: the model decides what is said, this decides how it looks. */
export async function renderReport(model: ReportModel, figure: Figure | null): Promise<Buffer> {
  const w = new Writer(model);
  const doc = new Document({
    creator: model.coders.join(', ') || 'Tematik',
    title: `${model.projectName} — ${model.strings.reportTitle}`,
    description: model.strings.reportTitle,
    // Word updates the table of contents (and the caption numbers) when the document opens.
    features: { updateFields: true },
    // Applications that do not update fields (LibreOffice, viewers, a headless conversion)
    // still get page numbers in the contents: docx lays the pages out the way Word would.
    // `guess` keeps going past what it cannot measure exactly (an emoji in a quote) instead
    // of leaving the numbers after it blank; Word puts in its own on opening anyway.
    ...(blockCount(model) <= ESTIMATE_BLOCKS ? { pageNumbers: estimatePageNumbersWith({ guess: true }) } : {}),
    styles: reportStyles(model.language),
    sections: w.sections(figure),
  });
  return Packer.toBuffer(doc);
}

class Writer {
  private readonly s: ReportStrings;
  private tables = 0;
  private figures = 0;
  private readonly date: Intl.DateTimeFormat;
  private readonly time: Intl.DateTimeFormat;
  private readonly number: Intl.NumberFormat;
  private readonly plural: Intl.PluralRules;

  constructor(private readonly model: ReportModel) {
    this.s = model.strings;
    this.date = new Intl.DateTimeFormat(this.s.locale, { dateStyle: 'long' });
    this.time = new Intl.DateTimeFormat(this.s.locale, { dateStyle: 'medium', timeStyle: 'short' });
    this.number = new Intl.NumberFormat(this.s.locale);
    this.plural = new Intl.PluralRules(this.s.locale);
  }

  sections(figure: Figure | null): ISectionOptions[] {
    const main = [...this.titlePage(), ...this.contents(), ...this.method(), ...this.findings(figure)];
    const landscape = this.heard().length > PORTRAIT_TYPES;
    const triangulation = this.triangulation(landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH, !landscape);
    const appendices = this.appendices();
    if (!landscape) return [this.section([...main, ...triangulation, ...appendices], false, true)];
    return [this.section(main, false, true), this.section(triangulation, true, false), this.section(appendices, false, false)];
  }

  private section(children: FileChild[], landscape: boolean, titlePage: boolean): ISectionOptions {
    const pageNumber = new Footer({ children: [new Paragraph({ style: STYLE.footer, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] });
    return {
      properties: {
        titlePage,
        page: {
          size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 708, footer: 708 },
        },
      },
      footers: titlePage ? { default: pageNumber, first: new Footer({ children: [new Paragraph({ style: STYLE.footer })] }) } : { default: pageNumber },
      children,
    };
  }

  private titlePage(): FileChild[] {
    const { model, s } = this;
    const coders = model.coders.length ? fill(model.coders.length > 1 ? s.coders : s.coder, { names: model.coders.join(', ') }) : null;
    return [
      new Paragraph({ style: STYLE.title, children: [new TextRun(model.projectName)] }),
      new Paragraph({ style: STYLE.subtitle, children: [new TextRun(s.reportTitle)] }),
      ...(model.description.trim() ? lines(model.description.trim().slice(0, 1000)).map((l) => new Paragraph({ style: STYLE.titleDetail, children: [new TextRun({ text: l, italics: true })] })) : []),
      new Paragraph({ style: STYLE.titleDetail, spacing: { before: 480 }, children: [new TextRun(this.day(model.generatedAt))] }),
      ...(coders ? [new Paragraph({ style: STYLE.titleDetail, children: [new TextRun(coders)] })] : []),
    ];
  }

  private contents(): FileChild[] {
    return [
      new Paragraph({ style: STYLE.tocHeading, pageBreakBefore: true, children: [new TextRun(this.s.contents)] }),
      new TableOfContents(this.s.contents, { hyperlink: true, headingStyleRange: '1-3' }),
    ];
  }

  private method(): FileChild[] {
    const { model, s } = this;
    const t = model.totals;
    const perTypeTable = this.tables + 1;
    const out: FileChild[] = [
      heading(1, s.method, true),
      heading(2, s.dataAndInformants),
      para(fill(s.dataSentence, {
        documents: this.count(t.documents, 'document'), words: this.count(t.words, 'word'), informants: this.count(t.informants, 'informant'),
        types: this.count(t.types, 'informantType'), table: perTypeTable,
      })),
      ...this.table(s.perTypeCaption, [
        { header: s.informantType, width: 4272 }, { header: s.informants, width: 1600, numeric: true },
        { header: s.documents, width: 1600, numeric: true }, { header: s.words, width: 1600, numeric: true },
      ], [
        ...model.perType.map((r) => [r.type, this.n(r.informants), this.n(r.documents), this.n(r.words)]),
        ...(model.unassigned ? [[{ text: s.noInformant, italics: true }, '', this.n(model.unassigned.documents), this.n(model.unassigned.words)]] : []),
        [s.total, this.n(t.informants), this.n(t.documents), this.n(t.words)],
      ], { lastRowBold: true }),
      para(fill(s.codingSentence, { codes: this.count(t.codes, 'code'), codings: this.count(t.codings, 'codedExtract'), themes: this.count(t.themes, 'theme') })),
      ...(model.agreement ? [para(this.agreementSentence(model.agreement))] : []),
    ];
    if (model.profile.rows.length) {
      const { attributes, showNames, rows } = model.profile;
      const headers = [s.informant, s.type, ...(showNames ? [s.name] : []), ...attributes.map((a) => attributeHeader(a, s))];
      const cells = rows.map((r) => [r.label, breakable(r.type), ...(showNames ? [r.name] : []), ...r.values.map(breakable)]);
      const { widths, kept } = fitColumns(headers, cells, TEXT_WIDTH, 2 + (showNames ? 1 : 0));
      out.push(
        para(fill(s.profileSentence, { table: this.tables + 1 })),
        ...this.table(s.profileCaption, headers.slice(0, kept).map((header, i) => ({ header, width: widths[i]! })), cells.map((row) => row.slice(0, kept)), { cantSplit: true }),
      );
    }
    const phaseTable = this.tables + 1;
    out.push(
      heading(2, s.procedure),
      para(fill(s.procedureSentence, { table: phaseTable })),
      ...this.table(s.phasesCaption, [{ header: s.phase, width: 4772 }, { header: s.status, width: 2000 }, { header: s.date, width: 2300 }],
        model.phases.map((p) => [
          `${p.phase}. ${s.phaseNames[p.phase]}`,
          p.status === 'completed' ? s.completed : p.status === 'current' ? s.inProgress : s.notStarted,
          p.at ? (p.status === 'current' ? fill(s.since, { date: this.day(p.at) }) : this.day(p.at)) : '–',
        ])),
    );
    if (model.returns.length) {
      out.push(para(fill(s.revisits, { moves: model.returns.map((r) => fill(s.revisit, { date: this.day(r.at), from: r.from, to: r.to })).join('; ') })));
    }
    const types = model.columns.filter((c) => c.informants > 0).map((c) => c.label);
    out.push(
      heading(2, s.triangulation),
      para(types.length ? fill(s.triangulationSentence, { count: this.count(types.length, 'informantType'), types: types.join(', ') }) : s.noTypes),
    );
    return out;
  }

  private findings(figure: Figure | null): FileChild[] {
    const { model, s } = this;
    const out: FileChild[] = [heading(1, s.findings, true)];
    if (model.themes.length === 0) return [...out, para(s.noThemes)];
    const overviewTable = this.tables + 1;
    const sub = model.themes.filter((t) => t.depth > 0).length;
    const intro = fill(sub ? s.findingsIntroSub : s.findingsIntro, { themes: this.count(model.themes.length - sub, 'theme'), sub: this.count(sub, 'subTheme'), table: overviewTable });
    out.push(para(figure ? `${intro} ${fill(s.findingsFigure, { figure: this.figures + 1 })}` : intro));
    out.push(...this.table(s.overviewCaption, [
      { header: s.theme, width: 2500 }, { header: s.definition, width: 4372 },
      { header: s.informants, width: 1100, numeric: true }, { header: s.extracts, width: 1100, numeric: true },
    ], model.themes.map((t) => [{ text: t.name, indent: t.depth }, t.definition || { text: s.notWritten, italics: true }, this.n(t.informants), this.n(t.extracts)])));
    if (figure) out.push(...this.figure(figure));
    for (const theme of model.themes) out.push(...this.theme(theme));
    out.push(heading(2, s.summaryOfFindings), para(fill(s.summarySentence, { table: this.tables + 1 })));
    const fromDefinition = model.themes.some((t) => t.findingFromDefinition && t.finding);
    out.push(...this.table(s.findingsTableCaption, [{ header: s.aspect, width: 3000 }, { header: s.mainFinding, width: TEXT_WIDTH - 3000 }],
      model.themes.map((t) => [
        { text: t.name, indent: t.depth },
        t.finding ? { text: t.finding, italics: t.findingFromDefinition } : { text: s.notWritten, italics: true },
      ]), { cantSplit: true, ...(fromDefinition ? { note: s.findingFromDefinition } : {}) }));
    return out;
  }

  private figure(figure: Figure): FileChild[] {
    const maxWidth = Math.floor(TEXT_WIDTH / TWIPS_PER_PX);
    const maxHeight = Math.floor((TEXT_HEIGHT * 0.8) / TWIPS_PER_PX);
    const scale = Math.min(maxWidth / figure.width, maxHeight / figure.height);
    const label = this.s.figureLabel;
    this.figures++;
    return [
      new Paragraph({
        style: STYLE.figure,
        children: [new ImageRun({
          type: 'png', data: figure.png,
          transformation: { width: Math.round(figure.width * scale), height: Math.round(figure.height * scale) },
          altText: { name: this.s.figureCaption, title: this.s.figureCaption, description: this.model.themes.map((t) => t.name).join(', ').slice(0, 1000) },
        })],
      }),
      new Paragraph({
        style: STYLE.caption, alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: `${label} `, bold: true }), seq(label, this.figures), new TextRun({ text: '. ', bold: true }), new TextRun(this.s.figureCaption)],
      }),
    ];
  }

  private theme(theme: ReportTheme): FileChild[] {
    const { s } = this;
    const out: FileChild[] = [heading(theme.depth === 0 ? 2 : 3, theme.name)];
    if (theme.parentName) out.push(para([new TextRun({ text: fill(s.subThemeOf, { name: theme.parentName }), italics: true })]));
    out.push(
      labelled(s.definition, theme.definition, s.notWritten),
      labelled(s.scope, theme.scope, s.notWritten),
    );
    if (theme.subThemes.length) out.push(labelled(s.subThemes, theme.subThemes.join('; '), ''));
    if (theme.codes.length) out.push(labelled(s.codes, theme.codes.join(', '), ''));
    const heard = this.heard();
    const supported = heard.filter(({ index }) => (theme.cells[index]?.informants ?? 0) > 0).length;
    out.push(labelled(s.evidence, fill(s.evidenceSentence, {
      extracts: this.count(theme.extracts, 'extract'), informants: this.count(theme.informants, 'informant'), types: this.n(supported), totalTypes: this.count(heard.length, 'informantType'),
    }), ''));
    if (theme.supporters.length) {
      out.push(para([
        new TextRun({ text: `${s.supporters}: `, bold: true }),
        ...theme.supporters.flatMap((g, i) => [new TextRun(`${i ? '; ' : ''}${g.type}: `), unbroken(g.informants.join(', '))]),
      ]));
    }
    if (theme.quotes.length) {
      out.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: `${s.quotes}:`, bold: true })] }));
      // The last quote keeps the judgement below it on its page.
      theme.quotes.forEach((quote, i) => out.push(quoteParagraph(quote.text, quote.attribution, quote.time, i === theme.quotes.length - 1)));
    } else if (theme.extracts === 0) {
      out.push(para([new TextRun({ text: s.noQuotes, italics: true })]));
    }
    out.push(labelled(s.convergence, this.judgement(theme), ''));
    return out;
  }

  /** "Partial agreement. Owners speak of it, consumers only as price." or "not yet judged (the counts suggest silence; …)". */
  private judgement(theme: ReportTheme): string {
    const { s } = this;
    if (theme.convergence) {
      const reason = theme.convergenceReason.trim();
      return reason ? `${s.convergences[theme.convergence]}. ${reason}` : s.convergences[theme.convergence];
    }
    const hints = [fill(s.suggestion, { judgement: s.convergences[theme.suggestion].toLowerCase() })];
    if (theme.silent.length) hints.push(fill(s.silentTypes, { types: theme.silent.join(', ') }));
    return `${s.notJudged} (${hints.join('; ')})`;
  }

  private triangulation(width: number, pageBreak: boolean): FileChild[] {
    const { model, s } = this;
    const out: FileChild[] = [heading(1, s.sourceTriangulation, pageBreak)];
    if (model.themes.length === 0) return [...out, para(s.noThemes)];
    const tableNo = this.tables + 1;
    out.push(para(fill(s.triangulationIntro, { table: tableNo })));
    // A type nobody belongs to yet was never heard: it has no column, as in the suggestion.
    const heard = this.heard();
    const small = heard.length > 4;
    // Each column as wide as its longest word (no word broken mid-word), the rest to the theme names.
    const headers = [s.theme, ...heard.map(({ label, informants }) => fill(s.columnHeader, { type: breakable(label), count: informants })), s.judgement];
    const rows = model.themes.map((t) => [
      t.name,
      ...heard.map(({ index, informants }) => `${t.cells[index]?.informants ?? 0}/${informants}\u00a0·\u00a0${t.cells[index]?.extracts ?? 0}`),
      t.convergence ? s.convergences[t.convergence] : `${s.convergences[t.suggestion]}*`,
    ]);
    // The counts need only their longest word; the theme names and judgements take the rest.
    const { widths } = fitColumns(headers, rows, width, headers.length, small ? 170 : TABLE_EM, [0, headers.length - 1]);
    const columns: Column[] = headers.map((header, i) => ({ header, width: widths[i]!, ...(i > 0 && i <= heard.length ? { align: 'center' as const } : {}) }));
    const anySuggested = model.themes.some((t) => !t.convergence);
    out.push(...this.table(s.triangulationCaption, columns, model.themes.flatMap((t, r) => {
      const reason = t.convergence ? t.convergenceReason.trim() : '';
      const row: CellContent[] = [
        { text: t.name, indent: t.depth }, ...rows[r]!.slice(1, -1),
        t.convergence ? { text: s.convergences[t.convergence], bold: true } : { text: rows[r]!.at(-1)!, italics: true },
      ];
      // The reason under its row, across the table: the researcher's words need more room than a column gives.
      return reason ? [row, { span: { text: `${s.reason}: ${reason}`, indent: t.depth + 1, italics: true } }] : [row];
    }), { cantSplit: true, small, note: anySuggested ? `${s.cellLegend} ${s.suggestedLegend}` : s.cellLegend }));
    const absent = model.columns.filter((c) => c.notInterviewed.length > 0);
    if (absent.length) {
      out.push(new Paragraph({ style: STYLE.tableNote, children: [unbroken(fill(s.notInterviewed, { list: absent.map((c) => `${c.label}: ${c.notInterviewed.join(', ')}`).join('; ') }))] }));
    }
    return out;
  }

  /** The informant types with informants, with their index among the matrix's columns. */
  private heard(): { label: string; informants: number; index: number }[] {
    return this.model.columns.map((c, index) => ({ ...c, index })).filter((c) => c.informants > 0);
  }

  private appendices(): FileChild[] {
    const { model, s } = this;
    const out: FileChild[] = [];
    let letter = 0;
    const appendix = (title: string): Paragraph => heading(1, fill(s.appendix, { letter: String.fromCharCode(65 + letter++), title }), true);

    out.push(appendix(s.codebook));
    out.push(...this.table(s.codebook, [
      { header: s.code, width: 2800 }, { header: s.description, width: 4072 },
      { header: s.extracts, width: 1100, numeric: true }, { header: s.informants, width: 1100, numeric: true },
    ], model.codebook.map((c) => [{ text: c.depth ? `– ${c.name}` : c.name, indent: c.depth }, c.description, this.n(c.extracts), this.n(c.informants)])));

    if (model.journal) {
      out.push(appendix(s.journal));
      if (model.journal.length === 0) out.push(para([new TextRun({ text: s.noJournal, italics: true })]));
      for (const entry of model.journal) {
        const meta = [this.day(entry.at), entry.phase ? fill(s.phaseShort, { phase: entry.phase }) : '', entry.author].filter(Boolean).join(' · ');
        const title = entry.phaseMove ? fill(s.phaseMove, entry.phaseMove) : entry.title;
        out.push(new Paragraph({ style: STYLE.entryHeading, children: [new TextRun(title || meta), ...(title ? [new TextRun({ text: ` — ${meta}`, bold: false })] : [])] }));
        for (const text of blocks(entry.body)) out.push(para(text));
      }
    }
    if (model.audit) {
      out.push(appendix(s.audit));
      const { entries, total } = model.audit;
      out.push(para([new TextRun({ text: fill(entries.length < total ? s.auditNote : s.auditAll, { count: this.n(entries.length), total: this.n(total) }), italics: true })]));
      out.push(...this.table(s.audit, [{ header: s.time, width: 1900 }, { header: s.coderColumn, width: 1500 }, { header: s.action, width: 2600 }, { header: s.subject, width: TEXT_WIDTH - 6000 }],
        model.audit.entries.map((a) => [this.moment(a.at), a.coder, sentenceCase(actionPhrase(a.action, model.language)) ?? s.otherAction, subjects(a.summary, s)])));
    }
    return out;
  }

  /** A numbered caption above the table, then the table with its header row repeated on every page. */
  private table(caption: string, columns: readonly Column[], rows: readonly (readonly CellContent[] | { readonly span: CellContent })[], options: { lastRowBold?: boolean; cantSplit?: boolean; small?: boolean; note?: string } = {}): FileChild[] {
    const label = this.s.tableLabel;
    this.tables++;
    const size = options.small ? 17 : undefined;
    const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
    const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
    const cell = (content: CellContent, column: Column, header: boolean, bold: boolean, span = 1): TableCell => {
      const c = typeof content === 'string' ? { text: content } : content;
      return new TableCell({
        width: { size: column.width, type: WidthType.DXA },
        ...(span > 1 ? { columnSpan: span } : {}),
        margins: { top: 40, bottom: 40, left: 80, right: 80 },
        ...(header ? {
          shading: { fill: 'F2F2F2', type: 'clear' as const, color: 'auto' }, verticalAlign: VerticalAlignTable.BOTTOM,
          borders: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000' } },
        } : {}),
        children: [
          ...lines(c.text).map((line) => ({ text: line, italics: c.italics, bold: bold || c.bold })),
          ...(c.more ?? []).map((m) => ({ text: m.text, italics: m.italics, bold: false })),
        ].map((line) => new Paragraph({
          style: header ? STYLE.tableHeading : STYLE.tableText,
          alignment: column.align === 'center' ? AlignmentType.CENTER : column.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          ...(c.indent ? { indent: { left: c.indent * 200 } } : {}),
          children: [new TextRun({ text: line.text, ...(line.italics ? { italics: true } : {}), ...(line.bold ? { bold: true } : {}), ...(size ? { size } : {}) })],
        })),
      });
    };
    const table = new Table({
      width: { size: columns.reduce((sum, c) => sum + c.width, 0), type: WidthType.DXA },
      columnWidths: columns.map((c) => c.width),
      layout: TableLayoutType.FIXED,
      borders: { top: rule, bottom: rule, left: none, right: none, insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' }, insideVertical: none },
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell(c.header, c, true, false)) }),
        ...rows.map((row, r) => new TableRow({
          ...(options.cantSplit ? { cantSplit: true } : {}),
          children: 'span' in row
            ? [cell(row.span, { header: '', width: columns.reduce((sum, c) => sum + c.width, 0) }, false, false, columns.length)]
            : columns.map((c, i) => cell(row[i] ?? '', c, false, Boolean(options.lastRowBold && r === rows.length - 1))),
        })),
      ],
    });
    return [
      new Paragraph({ style: STYLE.caption, keepNext: true, children: [new TextRun({ text: `${label} `, bold: true }), seq(label, this.tables), new TextRun({ text: '. ', bold: true }), new TextRun(caption)] }),
      table,
      options.note
        ? new Paragraph({ style: STYLE.tableNote, children: [new TextRun(options.note)] })
        : new Paragraph({ style: STYLE.tableNote, spacing: { before: 0, after: 120 }, children: [] }),
    ];
  }

  private n(value: number): string {
    return this.number.format(value);
  }

  /**
   * "Two coders coded 4 of the 11 documents independently; Krippendorff's α = 0.81 (nominal;
   * unit: speaker turn)." Coefficients to two decimals, percent agreement to one, in the
   * report's number format (a decimal comma in Indonesian).
   */
  private agreementSentence(a: ReportAgreement): string {
    const s = this.s;
    const coefficient = s.agreementCoefficients[a.coefficient];
    const format = a.coefficient === 'percent'
      ? new Intl.NumberFormat(s.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })
      : new Intl.NumberFormat(s.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const result = a.value === null ? fill(s.agreementUndefined, { coefficient }) : fill(s.agreementValue, { coefficient, value: format.format(a.value) });
    const [one, other] = s.coderNoun;
    const coders = `${s.numberWords[a.coders] ?? this.n(a.coders)} ${this.plural.select(a.coders) === 'one' ? one : other}`;
    const template = a.documents === 1 ? s.agreementSentenceOne : a.shared === a.documents ? s.agreementSentenceAll : s.agreementSentence;
    return fill(template, {
      coders: coders.charAt(0).toUpperCase() + coders.slice(1), shared: this.n(a.shared), documents: this.count(a.documents, 'document'),
      result, unit: s.agreementUnits[a.unit],
    });
  }

  /** "1 document", "11 documents" (Indonesian nouns do not change). */
  private count(value: number, noun: Noun): string {
    const [one, other] = this.s.nouns[noun];
    return `${this.n(value)} ${this.plural.select(value) === 'one' ? one : other}`;
  }

  private day(iso: string): string {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : this.date.format(d);
  }

  private moment(iso: string): string {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : this.time.format(d);
  }
}

/** Paragraphs and table rows the report will have, roughly: what page layout costs grow with. */
function blockCount(model: ReportModel): number {
  const themes = model.themes.reduce((n, t) => n + 8 + t.quotes.length, 0) + 2 * model.themes.length;
  const journal = model.journal?.reduce((n, e) => n + 1 + e.body.split(/\n\s*\n/).length, 0) ?? 0;
  return 40 + model.profile.rows.length + themes + model.codebook.length + journal + (model.audit?.entries.length ?? 0);
}

/** A caption number Word renumbers (SEQ field), written with its value for applications that do not update fields. */
const seq = (label: string, n: number): SimpleField => new SimpleField(`SEQ ${label} \\* ARABIC`, String(n));

function heading(level: 1 | 2 | 3, text: string, pageBreakBefore = false): Paragraph {
  const levels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  return new Paragraph({ heading: levels[level], ...(pageBreakBefore ? { pageBreakBefore: true } : {}), children: [new TextRun(text)] });
}

function para(content: string | ParagraphChild[]): Paragraph {
  return new Paragraph({ children: typeof content === 'string' ? withBreaks(content) : content });
}

/** "**Definition.** text", or the label with an italic "not written yet". */
function labelled(label: string, text: string, missing: string): Paragraph {
  const body = text.trim();
  return para([
    new TextRun({ text: `${label}: `, bold: true }),
    ...(body ? withBreaks(body) : [new TextRun({ text: missing, italics: true })]),
  ]);
}

function quoteParagraph(text: string, attribution: string, time: string | null, keepNext: boolean): Paragraph {
  return new Paragraph({
    style: STYLE.quote,
    ...(keepNext ? { keepNext: true } : {}),
    children: [
      ...withBreaks(quoted(text)),
      ...(time ? [unbroken(` ${time}`, { style: STYLE.attribution })] : []),
      ...(attribution ? [unbroken(` (${attribution})`, { style: STYLE.attribution })] : []),
    ],
  });
}

/**
 * A run whose hyphens between letters or digits do not break a line: "KP-01" stays on one
 * line (Word's and LibreOffice's non-breaking hyphen), rather than "KP-" and "01".
 */
function unbroken(text: string, options: { readonly style?: string } = {}): TextRun {
  const parts = text.split(/(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/u);
  return new TextRun({ ...options, children: parts.flatMap((part, i) => (i ? [new NoBreakHyphen(), part] : [part])) });
}

/** Runs for text with line breaks kept (a quote across two speaker turns stays two lines). */
function withBreaks(text: string): TextRun[] {
  return lines(text).map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

const lines = (text: string): string[] => text.split('\n');
/** Paragraphs of a memo: blank lines separate them. */
const blocks = (text: string): string[] => text.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);

/** "apply a code" as the first words of a table cell: "Apply a code". */
const sentenceCase = (phrase: string | null): string | null => (phrase ? phrase.charAt(0).toLocaleUpperCase() + phrase.slice(1) : null);

/** A sheet column as a header: a common one in the report's language ("city" → "Kota"), others humanised ("years_in_business" → "Years in business"). */
const attributeHeader = (name: string, s: ReportStrings): string => {
  const known = s.attributeNames[name.trim().toLowerCase().replace(/[\s-]+/g, '_')];
  if (known) return known;
  const spaced = name.replace(/[_-]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

/**
 * What an audit entry acted on, in no language: the names quoted in its summary
 * ("Create theme "X"" → "X"), a phase move's phases, an informant's label. The summary's
 * own words are English and stay out of the report.
 */
function subjects(summary: string, s: ReportStrings): string {
  const names = [...summary.matchAll(/"([^"]*)"/g)].map((m) => m[1]!.trim()).filter(Boolean);
  if (names.length) return names.map((n) => `“${n}”`).join(' → ');
  const phase = /phase ([1-6]) to phase ([1-6])/.exec(summary);
  if (phase) return fill(s.phaseMove, { from: phase[1]!, to: phase[2]! });
  return /^(?:Add|Edit|Delete) informant (\S+)$/.exec(summary)?.[1] ?? '';
}

/** A zero-width space after "/" lets "Asosiasi/Pemerintah" wrap at the slash rather than mid-word. */
const breakable = (text: string): string => text.replace(/\//g, '/\u200B');

/**
 * Approximate advance widths of Times New Roman, in em: enough to keep each column at least
 * as wide as its longest word, so that no word is broken mid-word.
 */
function textWidth(text: string, twipsPerEm: number): number {
  let em = 0;
  for (const ch of text) {
    if (ch === '\u200B') continue;
    if (/[ijlft.,;:'!|()\[\]\/\- ]/.test(ch)) em += 0.3;
    else if (/[mwMW]/.test(ch)) em += 0.9;
    else if (/[\p{Lu}]/u.test(ch)) em += 0.72;
    else em += 0.52;
  }
  return Math.ceil(em * twipsPerEm);
}

/** Table text is 9.5 pt (19 half-points): 190 twips to the em; headers are bold, a little wider. */
const TABLE_EM = 190;
const BOLD = 1.1;
/** Cell margins left and right, and room for the rendering's rounding. */
const CELL_PADDING = 160 + 60;

/**
 * Column widths for a table whose columns must each hold their longest word: every column
 * gets that much, the rest of the width goes to the columns with the most text (among `grow`, when given). Columns
 * after the first `fixed` are dropped from the right while even the longest words do not fit.
 */
function fitColumns(headers: readonly string[], rows: readonly (readonly string[])[], width: number, fixed: number, em = TABLE_EM, grow?: readonly number[]): { widths: number[]; kept: number } {
  // Split where a line may break: not at a no-break space.
  const words = (text: string) => text.split(/[ \t\n\u200B]+/).filter(Boolean);
  const need = headers.map((h, i) => Math.max(
    ...words(h).map((w) => textWidth(w, em) * BOLD),
    ...rows.map((r) => Math.max(0, ...words(r[i] ?? '').map((w) => textWidth(w, em)))),
  ) + CELL_PADDING);
  const want = headers.map((h, i) => Math.max(need[i]!, textWidth(h, em) * BOLD + CELL_PADDING, ...rows.map((r) => textWidth(r[i] ?? '', em) + CELL_PADDING)));
  let kept = headers.length;
  while (kept > fixed && need.slice(0, kept).reduce((a, b) => a + b, 0) > width) kept--;
  const min = need.slice(0, kept).map(Math.ceil);
  const extra = want.slice(0, kept).map((w, i) => (grow && !grow.includes(i) ? 0 : Math.max(0, w - min[i]!)));
  const slack = width - min.reduce((a, b) => a + b, 0);
  const totalExtra = extra.reduce((a, b) => a + b, 0);
  const widths = min.map((m, i) => m + (totalExtra > 0 ? Math.floor((Math.max(0, slack) * extra[i]!) / totalExtra) : Math.floor(Math.max(0, slack) / kept)));
  // Rounding leaves a few twips: give them to the widest column so the table spans the text width.
  const rest = width - widths.reduce((a, b) => a + b, 0);
  if (rest > 0) { const widest = widths.indexOf(Math.max(...widths)); widths[widest]! += rest; }
  return { widths, kept };
}
