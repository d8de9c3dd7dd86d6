import { describe, expect, it } from 'vitest';
import type { CodeId, ThemeId } from '../../../src/domain/ids';
import type { Theme, ThemeStatus } from '../../../src/domain/types';
import {
  attributionExample, clampQuotes, csvArgs, DEFAULT_OPTIONS, defaultThemeSelection, parseRememberedOptions, reportArgs, reportThemes, selectThemes, themeMapFileName,
  type ReportForm,
} from './export-options';

const theme = (id: number, name: string, status: ThemeStatus, parentId: number | null = null): Theme => ({
  id: id as ThemeId, parentId: parentId as ThemeId | null, name, definition: '', scope: '', status, colour: '#4e79a7',
  exemplarCodingId: null, codeIds: [] as CodeId[], convergence: null, convergenceReason: '', finding: '',
});

const THEMES = [
  theme(1, 'Co-creation', 'defined'),
  theme(2, 'Harga', 'reviewed'),
  theme(3, 'Komunitas', 'candidate', 1),
  theme(4, 'Lama', 'discarded'),
  theme(5, 'Di bawah yang dibuang', 'defined', 4),
  theme(6, 'Sub dari kandidat', 'candidate', 2),
  theme(7, 'Sub-sub', 'candidate', 3),
];

const form = (changes: Partial<ReportForm>): ReportForm => ({ themeIds: new Set(), quotesPerTheme: 3, language: 'en', pseudonymise: true, journal: false, audit: false, attribution: 'label-type', agreement: null, timestamps: false, ...changes });

describe('reportThemes', () => {
  it('puts sub-themes under their parent, leaves discarded themes out and lifts their sub-themes to the top', () => {
    expect(reportThemes(THEMES).map((r) => [r.id, r.parentId, r.depth])).toEqual([[1, null, 0], [3, 1, 1], [7, 3, 2], [2, null, 0], [6, 2, 1], [5, null, 0]]);
  });

  it('still lists themes caught in a parent cycle, once each', () => {
    const rows = reportThemes([theme(1, 'A', 'candidate', 2), theme(2, 'B', 'candidate', 1)]);
    expect(rows.map((r) => r.id).sort()).toEqual([1, 2]);
  });
});

describe('theme selection', () => {
  const rows = reportThemes(THEMES);
  it('starts with the defined themes and their sub-themes, as the core does', () => {
    expect([...defaultThemeSelection(rows)]).toEqual([1, 3, 7, 5]);
  });

  it('starts with every theme in play when none is defined yet', () => {
    const early = reportThemes([theme(1, 'A', 'candidate'), theme(2, 'B', 'reviewed'), theme(3, 'C', 'discarded')]);
    expect([...defaultThemeSelection(early)]).toEqual([1, 2]);
  });

  it('offers all defined, all and none', () => {
    expect([...selectThemes(rows, 'defined')]).toEqual([1, 3, 7, 5]);
    expect([...selectThemes(rows, 'all')]).toEqual([1, 3, 7, 2, 6, 5]);
    expect(selectThemes(rows, 'none').size).toBe(0);
  });
});

describe('reportArgs', () => {
  const rows = reportThemes(THEMES);
  it('passes the ticked themes in the checklist order with every option, and no path (the file comes back to download)', () => {
    expect(reportArgs(form({ themeIds: new Set([6, 2, 1]), quotesPerTheme: 5, language: 'id', journal: true }), rows))
      .toEqual({ themeIds: [1, 2, 6], quotesPerTheme: 5, language: 'id', pseudonymise: true, journal: true, audit: false, attribution: 'label-type' });
  });

  it('asks for the agreement paragraph only when a coefficient is chosen', () => {
    expect(reportArgs(form({ themeIds: new Set([1]), agreement: { coefficient: 'alpha', unit: 'turn' } }), rows)).toMatchObject({ agreement: { coefficient: 'alpha', unit: 'turn' } });
    expect(reportArgs(form({ themeIds: new Set([1]) }), rows)).not.toHaveProperty('agreement');
  });

  it('drops ids of themes no longer offered, and asks for a theme when none is left', () => {
    expect(reportArgs(form({ themeIds: new Set([4, 3]) }), rows)).toMatchObject({ themeIds: [3] });
    expect(reportArgs(form({ themeIds: new Set([4]) }), rows)).toEqual({ missing: 'themes' });
  });

  it('leaves the themes to the core in a project without any', () => {
    expect(reportArgs(form({ quotesPerTheme: 42, attribution: 'pseudonym-type' }), [])).toEqual({ quotesPerTheme: 10, language: 'en', pseudonymise: true, journal: false, audit: false, attribution: 'pseudonym-type' });
    // Recording times after quotes are asked for only when ticked.
    expect(reportArgs(form({ timestamps: true }), [])).toMatchObject({ timestamps: true });
  });
});

describe('clampQuotes', () => {
  it('keeps a typed count within 0–10, whole, with 3 for nonsense', () => {
    expect(clampQuotes('7')).toBe(7);
    expect(clampQuotes(-2)).toBe(0);
    expect(clampQuotes('15')).toBe(10);
    expect(clampQuotes(2.6)).toBe(3);
    expect(clampQuotes('')).toBe(3);
    expect(clampQuotes('abc')).toBe(3);
  });
});

describe('parseRememberedOptions', () => {
  it('reads saved options field by field, falling back for anything wrong', () => {
    expect(parseRememberedOptions(JSON.stringify({ quotesPerTheme: 5, pseudonymise: false, journal: true, audit: 'yes', attribution: 'label' })))
      .toEqual({ quotesPerTheme: 5, pseudonymise: false, journal: true, audit: false, attribution: 'label', agreement: null, timestamps: false });
    expect(parseRememberedOptions(JSON.stringify({ agreement: { coefficient: 'alpha', unit: 'sentence' } })).agreement).toEqual({ coefficient: 'alpha', unit: 'sentence' });
    expect(parseRememberedOptions(JSON.stringify({ agreement: { coefficient: 'holsti', unit: 'turn' } })).agreement).toBeNull();
    expect(parseRememberedOptions(JSON.stringify({ agreement: { coefficient: 'alpha', unit: 'page' } })).agreement).toBeNull();
    expect(parseRememberedOptions(JSON.stringify({ attribution: 'name' })).attribution).toBe('label-type');
    expect(parseRememberedOptions(JSON.stringify({ quotesPerTheme: 99 })).quotesPerTheme).toBe(10);
  });

  it('starts safe: names pseudonymised, no appendices', () => {
    expect(parseRememberedOptions(null)).toEqual(DEFAULT_OPTIONS);
    expect(parseRememberedOptions('{not json')).toEqual(DEFAULT_OPTIONS);
    expect(parseRememberedOptions('null')).toEqual(DEFAULT_OPTIONS);
    expect(DEFAULT_OPTIONS).toEqual({ quotesPerTheme: 3, pseudonymise: true, journal: false, audit: false, attribution: 'label-type', agreement: null, timestamps: false });
    expect(attributionExample('label-type', 'id')).toBe('(Informan P-01, Pemilik UMKM)');
    expect(attributionExample('pseudonym-type', 'en')).toBe('(Informant 1, Pemilik UMKM)');
    expect(attributionExample('label', 'id')).toBe('(P-01)');
  });
});

describe('csvArgs', () => {
  it('asks for each table as its view shows it', () => {
    expect(csvArgs('codebook')).toEqual({ table: 'codebook' });
    expect(csvArgs('informants')).toEqual({ table: 'informants' });
    expect(csvArgs('triangulation')).toEqual({ table: 'triangulation', rows: 'themes', groupBy: { kind: 'type' } });
    expect(csvArgs('cooccurrence')).toEqual({ table: 'cooccurrence', scope: 'overlap' });
  });
});

describe('themeMapFileName', () => {
  it('makes a portable name from the project name', () => {
    expect(themeMapFileName('Contoh — Co-creation dan daya saing UMKM')).toBe('contoh-co-creation-dan-daya-saing-umkm-theme-map.svg');
    expect(themeMapFileName('Études: Kopi/Teh?')).toBe('etudes-kopi-teh-theme-map.svg');
    expect(themeMapFileName('')).toBe('theme-map.svg');
    expect(themeMapFileName('a'.repeat(59) + ' b')).toBe(`${'a'.repeat(59)}-theme-map.svg`);
  });
});
