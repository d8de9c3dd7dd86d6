import { AlignmentType, LineRuleType, type ICharacterStyleOptions, type IParagraphStyleOptions } from 'docx';
import type { ReportLanguage } from './strings';

/** A4 with 2.5 cm margins, in twips (1/20 pt): what Indonesian universities' thesis guides start from. */
export const PAGE = { width: 11906, height: 16838, margin: 1417 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - 2 * PAGE.margin;
export const TEXT_HEIGHT = PAGE.height - 2 * PAGE.margin;

/** Paragraph and character style ids the report uses; every one is defined in {@link reportStyles}. */
export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  titleDetail: 'TitleDetail',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  tocHeading: 'TOCHeading',
  quote: 'Quote',
  caption: 'Caption',
  figure: 'Figure',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  tableNote: 'TableNote',
  entryHeading: 'EntryHeading',
  footer: 'Footer',
  attribution: 'QuoteAttribution',
} as const;

const FONT = 'Times New Roman';
/** Spelled out: LibreOffice reads a line spacing without a rule as exact, which clips pictures to one line. */
const AUTO = LineRuleType.AUTO;
const INK = '000000';

/**
 * Every paragraph and character style the report uses, defined in full. LibreOffice ignores
 * a style that is used but not defined, and a thesis template recognises Word's built-in
 * styles by their names ("heading 1", "Quote", "caption", "toc 1"), so text pasted into a
 * chapter takes on the chapter's look. Headings carry outline levels so the navigation pane
 * and the table of contents find them in any application.
 */
export function reportStyles(language: ReportLanguage): { paragraphStyles: IParagraphStyleOptions[]; characterStyles: ICharacterStyleOptions[] } {
  const lang = { value: language === 'id' ? 'id-ID' : 'en-GB' };
  const heading = (id: string, name: string, size: number, level: number, before: number, italics = false): IParagraphStyleOptions => ({
    id, name, basedOn: STYLE.normal, next: STYLE.normal, quickFormat: true, uiPriority: 9,
    run: { font: FONT, size, bold: true, italics, color: INK },
    paragraph: { spacing: { before, after: 120, line: 240, lineRule: AUTO }, keepNext: true, keepLines: true, outlineLevel: level },
  });
  const toc = (level: number): IParagraphStyleOptions => ({
    id: `TOC${level}`, name: `toc ${level}`, basedOn: STYLE.normal, next: STYLE.normal, uiPriority: 39, semiHidden: true, unhideWhenUsed: true,
    run: level === 1 ? { bold: true } : {},
    paragraph: { spacing: { before: level === 1 ? 120 : 0, after: 60 }, indent: { left: (level - 1) * 360 } },
  });
  return {
    paragraphStyles: [
      {
        id: STYLE.normal, name: 'Normal', quickFormat: true,
        run: { font: FONT, size: 24, color: INK, language: lang },
        paragraph: { spacing: { after: 120, line: 276, lineRule: AUTO } },
      },
      {
        id: STYLE.title, name: 'Title', basedOn: STYLE.normal, next: STYLE.normal, quickFormat: true, uiPriority: 10,
        run: { font: FONT, size: 44, bold: true },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 2880, after: 240, line: 240, lineRule: AUTO } },
      },
      {
        id: STYLE.subtitle, name: 'Subtitle', basedOn: STYLE.normal, next: STYLE.normal, quickFormat: true, uiPriority: 11,
        run: { size: 30, color: '404040' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 960 } },
      },
      {
        id: STYLE.titleDetail, name: 'Title Page Detail', basedOn: STYLE.normal, next: STYLE.normal,
        run: { size: 24 },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } },
      },
      heading(STYLE.heading1, 'heading 1', 32, 0, 0),
      heading(STYLE.heading2, 'heading 2', 28, 1, 360),
      heading(STYLE.heading3, 'heading 3', 24, 2, 240, true),
      {
        // Not based on heading 1: its outline level would put "Contents" in the contents.
        id: STYLE.tocHeading, name: 'TOC Heading', basedOn: STYLE.normal, next: STYLE.normal, uiPriority: 39, unhideWhenUsed: true,
        run: { size: 32, bold: true },
        paragraph: { spacing: { after: 240 }, keepNext: true },
      },
      toc(1), toc(2), toc(3),
      {
        id: STYLE.quote, name: 'Quote', basedOn: STYLE.normal, next: STYLE.normal, quickFormat: true, uiPriority: 29,
        run: { size: 22, italics: true, color: '262626', language: { value: 'id-ID' } },
        paragraph: { indent: { left: 720, right: 720 }, spacing: { before: 60, after: 160, line: 259, lineRule: AUTO }, keepLines: true },
      },
      {
        id: STYLE.caption, name: 'caption', basedOn: STYLE.normal, next: STYLE.normal, quickFormat: true, uiPriority: 35, unhideWhenUsed: true,
        run: { size: 20 },
        paragraph: { spacing: { before: 120, after: 120, line: 240, lineRule: AUTO } },
      },
      {
        id: STYLE.figure, name: 'Figure', basedOn: STYLE.normal, next: STYLE.caption,
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 0, line: 240, lineRule: AUTO }, keepNext: true },
      },
      {
        id: STYLE.tableText, name: 'Table Text', basedOn: STYLE.normal,
        run: { size: 19 },
        paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: AUTO } },
      },
      {
        id: STYLE.tableHeading, name: 'Table Heading', basedOn: STYLE.tableText,
        run: { bold: true },
        paragraph: { keepNext: true },
      },
      {
        id: STYLE.tableNote, name: 'Table Note', basedOn: STYLE.normal, next: STYLE.normal,
        run: { size: 18, italics: true },
        paragraph: { spacing: { before: 60, after: 240, line: 240, lineRule: AUTO } },
      },
      {
        id: STYLE.entryHeading, name: 'Entry Heading', basedOn: STYLE.normal, next: STYLE.normal,
        run: { size: 22, bold: true },
        paragraph: { spacing: { before: 240, after: 60 }, keepNext: true },
      },
      {
        id: STYLE.footer, name: 'footer', basedOn: STYLE.normal, uiPriority: 99, unhideWhenUsed: true,
        run: { size: 20 },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
      },
    ],
    characterStyles: [
      {
        // The source after a quote is the report's voice, not the informant's: upright, in the report's language.
        id: STYLE.attribution, name: 'Quote Attribution',
        run: { italics: false, color: INK, language: lang },
      },
    ],
  };
}
