import { XMLValidator } from 'fast-xml-parser';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boxesOverlap, segmentHitsBox, type Box, type Point } from '../../../src/domain/map-geometry';
import type { ThemeMap } from '../../../src/domain/types';
import { MIN_LINK_LENGTH, figureLayout, lineLength, type FigureLayout } from '../../../src/map/figure-layout';
import { themeMapSvg } from '../../../src/map/svg';
import { MIN_TEXT_PT, pageScale, printableLayout, printedTextPt, themeFigure } from '../../../src/report/figure';
import { labelClashes } from '../../helpers/figure-checks';
import { docxParts } from '../report/docx-parts';
import { newProject } from '../../helpers/temp-project';
import { crowded, link, theme } from './crowded-map';

const hits = (points: readonly Point[], box: Box) => points.slice(1).some((p, i) => segmentHitsBox(points[i]!, p, box));
const shrink = (b: Box, m: number): Box => ({ x: b.x + m, y: b.y + m, w: b.w - 2 * m, h: b.h - 2 * m });

function expectPrintable(layout: FigureLayout): void {
  const themes = layout.nodes.filter((n) => n.kind === 'theme');
  const drawn = layout.lines.filter((l) => l.kind !== 'code');
  for (const line of drawn) {
    const ends = line.kind === 'parent' ? [line.id, crowded.themes.find((t) => t.id === line.id)?.parentId] : [];
    const own = layout.nodes.filter((n) => n.kind === 'theme' && ends.includes(n.id as never));
    // No box on a line: the line enters no box except (at its border) the two it joins.
    for (const node of layout.nodes) {
      if (own.includes(node)) continue;
      const touching = [line.start, line.end].some((p) => p.x >= node.box.x - 1 && p.x <= node.box.x + node.box.w + 1 && p.y >= node.box.y - 1 && p.y <= node.box.y + node.box.h + 1);
      if (!touching) expect(hits(line.polyline, node.box), `line ${line.kind} ${line.id} through node ${node.id}`).toBe(false);
      else expect(hits(line.polyline, shrink(node.box, 3)), `line ${line.kind} ${line.id} into node ${node.id}`).toBe(false);
    }
    if (line.label) {
      // Beside its own line, struck through by none, and clear of every node.
      for (const other of drawn) expect(hits(other.polyline, line.label.box), `label ${line.label.text} on line ${other.id}`).toBe(false);
      for (const node of layout.nodes) expect(boxesOverlap(line.label.box, node.box), `label ${line.label.text} on node ${node.id}`).toBe(false);
    }
    // No stub: every line between two themes is long enough to read.
    if (line.kind !== 'code') expect(lineLength(line.polyline), `length of ${line.kind} ${line.id}`).toBeGreaterThanOrEqual(line.kind === 'parent' ? MIN_LINK_LENGTH - 8 : MIN_LINK_LENGTH - 1);
  }
  for (let i = 0; i < themes.length; i++) for (let j = i + 1; j < themes.length; j++) expect(boxesOverlap(themes[i]!.box, themes[j]!.box)).toBe(false);
}

describe('the exported theme map figure', () => {
  it('keeps every box off the lines, every label off its line, and no link a stub', () => {
    const layout = figureLayout(crowded, { title: 'Co-creation dan daya saing UMKM' });
    expect(layout.spread).toBeGreaterThan(1);
    expectPrintable(layout);
    // Straight through "Loyalitas pelanggan" was the short way: H1 bends around it.
    expect(layout.lines.find((l) => l.kind === 'link' && l.id === 1)!.control).not.toBeNull();
  });

  it('keeps the same rules with text grown for print', () => {
    expectPrintable(figureLayout(crowded, { textScale: 1.8 }));
  });

  it('ends a mediator and a moderator of one link at points far enough apart that both arrowheads show', () => {
    const layout = figureLayout(crowded);
    const [mediator, moderator] = [3, 4].map((id) => layout.lines.find((l) => l.kind === 'link' && l.id === id)!);
    expect(Math.hypot(mediator!.end.x - moderator!.end.x, mediator!.end.y - moderator!.end.y)).toBeGreaterThanOrEqual(24);
    const svg = themeMapSvg(crowded);
    expect(svg).toMatch(/<marker id="arrow-moderates"[^>]*markerUnits="userSpaceOnUse"/);
    expect(svg).toMatch(/data-kind="moderates"[^>]*marker-end="url\(#arrow-moderates\)"/);
  });

  it('wraps a long code name onto lines instead of cutting it', () => {
    const layout = figureLayout(crowded);
    const code = layout.nodes.find((n) => n.kind === 'code' && n.id === 11)!;
    expect(code.lines.length).toBeGreaterThan(2);
    expect(code.lines.map((l) => l.text).join(' ')).toBe(crowded.codes[0]!.name);
    const last = code.lines[code.lines.length - 1]!;
    expect(last.y).toBeLessThan(code.box.y + code.box.h);
  });

  it('draws the sub-theme → theme connector and explains it in the legend', () => {
    const svg = themeMapSvg(crowded);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/<path class="parent" data-id="6"/);
    expect(svg).toContain('sub-theme of');
  });

  it('speaks Indonesian in the legend and the status badges with --lang id', () => {
    const svg = themeMapSvg({ ...crowded, themes: crowded.themes.map((t, i) => ({ ...t, status: (['candidate', 'reviewed', 'defined', 'discarded'] as const)[i % 4]! })) }, { language: 'id' });
    for (const word of ['memengaruhi', 'memediasi', 'memoderasi', 'bertentangan dengan', 'bagian dari', 'berkaitan dengan', 'subtema dari', 'kandidat', 'sudah ditinjau', 'terdefinisi', 'dibuang']) {
      expect(svg).toContain(`>${word}<`);
    }
    for (const word of ['influences', 'mediates', 'moderates', 'contradicts', 'part of', 'associated with', 'sub-theme of', 'candidate', 'reviewed', 'defined', 'discarded']) {
      expect(svg).not.toContain(`>${word}<`);
    }
  });

  it('puts no label over a box or another label when linked themes are placed almost touching', () => {
    // Two themes side by side with a sliver between them, a long label on their link, and a
    // third theme just above and below the gap: there is no room beside the line as placed.
    const touching: ThemeMap = {
      themes: [
        theme(1, 'Praktik co-creation lewat platform digital', 0, 0),
        theme(2, 'Menyeimbangkan permintaan dengan kapasitas produksi', 206, 4),
        theme(3, 'Dukungan pemerintah', 100, -78),
        theme(4, 'Loyalitas pelanggan', 110, 80),
      ],
      codes: [],
      links: [
        link(1, 1, 2, 'associated-with', 'pelatihan belum menjawab kapasitas produksi yang sebenarnya'),
        link(2, 3, 4, 'influences', 'dukungan yang tepat menumbuhkan kesetiaan'),
      ],
    };
    for (const language of ['en', 'id'] as const) {
      const plain = figureLayout(touching, { language });
      expect(labelClashes(plain), `export, ${language}`).toEqual([]);
      const report = printableLayout(touching, language);
      expect(labelClashes(report), `report, ${language}`).toEqual([]);
      expect(printedTextPt(report)).toBeGreaterThanOrEqual(MIN_TEXT_PT);
      // The researcher's arrangement is kept: left stays left, above stays above.
      const at = (layout: FigureLayout, id: number) => layout.nodes.find((n) => n.kind === 'theme' && n.id === id)!.box;
      for (const layout of [plain, report]) {
        expect(at(layout, 1).x).toBeLessThan(at(layout, 2).x);
        expect(at(layout, 3).y).toBeLessThan(at(layout, 1).y);
        expect(at(layout, 4).y).toBeGreaterThan(at(layout, 2).y);
      }
    }
  });

  it('finds room for every label of a tightly packed grid of labelled links, with text at 8 pt in the report', () => {
    // Nine themes placed in rows almost touching, every neighbour linked with a label longer than the gap.
    const grid: ThemeMap = {
      themes: Array.from({ length: 9 }, (_, i) => theme(i + 1, `Tema nomor ${i + 1} tentang sesuatu yang cukup panjang`, (i % 3) * 215, Math.floor(i / 3) * 90)),
      codes: [],
      links: Array.from({ length: 9 }, (_, i) => i).flatMap((i) => [
        ...(i % 3 < 2 ? [link(100 + i, i + 1, i + 2, 'associated-with', `label panjang sekali nomor ${i} di sini`)] : []),
        ...(i < 6 ? [link(200 + i, i + 1, i + 4, 'influences', `pengaruh ${i} yang panjang`)] : []),
      ]),
    };
    expect(labelClashes(figureLayout(grid))).toEqual([]);
    const report = printableLayout(grid, 'en');
    expect(labelClashes(report)).toEqual([]);
    expect(printedTextPt(report)).toBeGreaterThanOrEqual(MIN_TEXT_PT);
  });

  it('keeps text at 8 pt or more at the report’s print size, even for a wide model', () => {
    const chain: ThemeMap = {
      themes: Array.from({ length: 7 }, (_, i) => theme(i + 1, `Tema nomor ${i + 1} dari rantai panjang`, i * 300, (i % 2) * 150)),
      codes: [],
      links: Array.from({ length: 6 }, (_, i) => link(i + 1, i + 1, i + 2, 'influences', `H${i + 1}`)),
    };
    // At natural size the drawing is about 2,000 px wide: shrunk to the page its 11 px text would be about 3 pt.
    expect(printedTextPt(figureLayout(chain))).toBeLessThan(MIN_TEXT_PT);
    const layout = printableLayout(chain, 'en');
    expect(printedTextPt(layout)).toBeGreaterThanOrEqual(MIN_TEXT_PT);
    expect(layout.nodes.flatMap((n) => n.lines).every((t) => t.size >= layout.smallestFont)).toBe(true);
  });

  it('gives the Word report a figure in its language with no text under 8 pt as the report prints it', async () => {
    const client = await newProject();
    const ids = [];
    for (const name of ['Praktik co-creation', 'Loyalitas pelanggan', 'Keunggulan bersaing', 'Peran komunitas', 'Dukungan pemerintah']) ids.push((await client.invoke('themes.create', { name })).id);
    for (let i = 0; i + 1 < ids.length; i++) await client.invoke('themeLinks.create', { fromThemeId: ids[i]!, toThemeId: ids[i + 1]!, kind: 'influences' });
    await client.invoke('map.resetLayout', {});
    const figure = themeFigure(client.session.store.db, new Set(ids.map(Number)), '', (t) => t, 'id')!;
    expect(figure.png.subarray(1, 4).toString()).toBe('PNG');
    expect(figure.smallestTextPt).toBeGreaterThanOrEqual(MIN_TEXT_PT);

    // The report itself: the image's printed width (EMU, 12,700 to the point) against the drawing's width.
    const file = `${client.dir}/laporan.docx`;
    await client.invoke('report.word', { path: file, language: 'id' });
    const xml = docxParts(fs.readFileSync(file)).text('word/document.xml');
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml);
    expect(extent).not.toBeNull();
    const printedWidthPt = Number(extent![1]) / 12_700;
    const smallestFontPx = figure.smallestTextPt / (0.75 * pageScale(figure.width, figure.height));
    expect(smallestFontPx * printedWidthPt / figure.width).toBeGreaterThanOrEqual(MIN_TEXT_PT - 0.05);
  });
});
