import type { CodeId, ThemeId, ThemeLinkId } from '../../../src/domain/ids';
import type { ThemeLink, ThemeMap } from '../../../src/domain/types';

type MapTheme = ThemeMap['themes'][number];

export const theme = (id: number, name: string, x: number, y: number, extra: Partial<MapTheme> = {}): MapTheme => ({
  id: id as ThemeId, parentId: null, name, definition: '', scope: '', status: 'candidate', colour: '#2f7d6d', exemplarCodingId: null,
  codeIds: [], convergence: null, convergenceReason: '', finding: '', x, y, pinned: true, ...extra,
});
export const link = (id: number, from: number, to: number | null, kind: ThemeLink['kind'] = 'influences', label = '', toLink: number | null = null): ThemeLink => ({
  id: id as ThemeLinkId, fromThemeId: from as ThemeId, toThemeId: to as ThemeId | null, toLinkId: toLink as ThemeLinkId | null, kind, label,
});

/**
 * A model drawn the way a hurried researcher leaves it: a chain whose first link runs straight
 * through the middle theme, two themes almost touching, a mediator and a moderator on one link,
 * a sub-theme, and codes with long names.
 */
export const crowded: ThemeMap = {
  themes: [
    theme(1, 'Praktik co-creation lewat platform digital', 0, 0, { codeIds: [11 as CodeId, 12 as CodeId] }),
    theme(2, 'Loyalitas pelanggan', 300, 0),
    theme(3, 'Keunggulan bersaing atas merek besar', 600, 0),
    theme(4, 'Peran komunitas pelanggan', 300, -150),
    theme(5, 'Kapasitas produksi', 205, 80),
    theme(6, 'Polling dan ulasan di Instagram', 0, 160, { parentId: 1 as ThemeId }),
  ],
  codes: [
    { id: 11 as CodeId, name: 'Polling warna produk lewat Instagram Story setiap bulan bersama pelanggan setia', colour: '#2f5d9e', codingCount: 3, x: -60, y: -60, pinned: true },
    { id: 12 as CodeId, name: 'Rasa ikut memiliki', colour: '#2f5d9e', codingCount: 2, x: 100, y: -60, pinned: true },
  ],
  links: [
    link(1, 1, 3, 'influences', 'H1'),
    link(2, 1, 2, 'influences', 'H2'),
    link(3, 4, null, 'mediates', 'H3', 1),
    link(4, 5, null, 'moderates', '', 1),
    link(5, 2, 5, 'contradicts'),
  ],
};

