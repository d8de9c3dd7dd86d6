import { describe, expect, it } from 'vitest';
import type { ThemeMap } from '../../../src/domain/types';
import { boxesOverlap, codeBox, themeBox } from '../../../src/domain/map-geometry';
import { addDocument } from '../../helpers/documents';
import { newProject } from '../../helpers/temp-project';

type Client = Awaited<ReturnType<typeof newProject>>;

const positions = (map: ThemeMap) => new Map(map.themes.map((t) => [t.id as number, { x: Math.round(t.x), y: Math.round(t.y) }]));

/** Every pair of drawn nodes apart: no theme or code box on another. */
function expectNoOverlap(map: ThemeMap): void {
  const boxes = [...map.themes.map((t) => ({ name: t.name, box: themeBox(t) })), ...map.codes.map((c) => ({ name: c.name, box: codeBox(c, c.name) }))];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      expect(boxesOverlap(boxes[i]!.box, boxes[j]!.box), `${boxes[i]!.name} on ${boxes[j]!.name}`).toBe(false);
    }
  }
}

async function study(): Promise<{ client: Client; ids: Record<string, number> }> {
  const client = await newProject();
  const ids: Record<string, number> = {};
  for (const name of ['Co-creation', 'Loyalitas pelanggan', 'Keunggulan bersaing', 'Peran komunitas', 'Dukungan pemerintah']) {
    ids[name] = (await client.invoke('themes.create', { name })).id;
  }
  return { client, ids };
}

describe('the theme map keeps what the researcher placed', () => {
  it('a new link moves no theme, whether placed by hand or drawn by the automatic layout', async () => {
    const { client, ids } = await study();
    await client.invoke('map.move', { themes: [{ id: ids['Peran komunitas']! as never, x: 820, y: 430 }] });
    const placed = positions(await client.invoke('map.get', {}));
    expect(placed.get(ids['Peran komunitas']!)).toEqual({ x: 820, y: 430 });

    await client.invoke('themeLinks.create', { fromThemeId: ids['Co-creation']! as never, toThemeId: ids['Loyalitas pelanggan']! as never, kind: 'influences', label: 'H1' });
    await client.invoke('themeLinks.create', { fromThemeId: ids['Loyalitas pelanggan']! as never, toThemeId: ids['Keunggulan bersaing']! as never, kind: 'influences' });
    expect(positions(await client.invoke('map.get', {}))).toEqual(placed);
  });

  it('a first link on a map nobody arranged keeps the drawing as it was, and undo leaves it so', async () => {
    const { client, ids } = await study();
    const drawn = positions(await client.invoke('map.get', {}));
    const link = await client.invoke('themeLinks.create', { fromThemeId: ids['Co-creation']! as never, toThemeId: ids['Dukungan pemerintah']! as never, kind: 'influences' });
    const after = await client.invoke('map.get', {});
    expect(positions(after)).toEqual(drawn);
    expect(after.themes.every((t) => t.pinned)).toBe(true);
    await client.invoke('themeLinks.update', { id: link.id, kind: 'moderates' });
    await client.invoke('themeLinks.delete', { id: link.id });
    expect(positions(await client.invoke('map.get', {}))).toEqual(drawn);
    await client.invoke('history.undo', {});
    await client.invoke('history.undo', {});
    await client.invoke('history.undo', {});
    expect(positions(await client.invoke('map.get', {}))).toEqual(drawn);
  });

  it('places a new theme and a new sub-theme where nothing is, without moving the placed ones', async () => {
    const { client, ids } = await study();
    // The researcher crowds the themes into one corner.
    const moves = Object.values(ids).map((id, i) => ({ id: id as never, x: 100 + (i % 2) * 230, y: 100 + Math.floor(i / 2) * 100 }));
    await client.invoke('map.move', { themes: moves });
    const placed = positions(await client.invoke('map.get', {}));
    const sub = await client.invoke('themes.create', { name: 'Polling Instagram', parentId: ids['Co-creation']! as never });
    const fresh = await client.invoke('themes.create', { name: 'Kapasitas produksi' });
    const map = await client.invoke('map.get', {});
    for (const [id, p] of placed) expect(positions(map).get(id)).toEqual(p);
    expectNoOverlap(map);
    const parent = map.themes.find((t) => t.id === ids['Co-creation'])!;
    const child = map.themes.find((t) => t.id === sub.id)!;
    expect(child.y).toBeGreaterThan(parent.y);
    expect(map.themes.find((t) => t.id === fresh.id)!.pinned).toBe(false);
    // Creating a link afterwards stores the new ones where they were drawn.
    const drawn = positions(map);
    await client.invoke('themeLinks.create', { fromThemeId: fresh.id, toThemeId: ids['Loyalitas pelanggan']! as never, kind: 'associated-with' });
    expect(positions(await client.invoke('map.get', {}))).toEqual(drawn);
  });

  it('runs the automatic layout when asked, and codes with long names fan out clear of every theme', async () => {
    const { client, ids } = await study();
    await client.invoke('map.move', { themes: [{ id: ids['Co-creation']! as never, x: 1500, y: 1500 }] });
    await client.invoke('themeLinks.create', { fromThemeId: ids['Co-creation']! as never, toThemeId: ids['Loyalitas pelanggan']! as never, kind: 'influences' });
    await client.invoke('map.resetLayout', {});
    const map = await client.invoke('map.get', {});
    const at = (name: string) => map.themes.find((t) => t.name === name)!;
    expect(at('Co-creation').x).toBeLessThan(at('Loyalitas pelanggan').x);
    expect(at('Co-creation').y).toBe(at('Loyalitas pelanggan').y);
    expectNoOverlap(map);

    const text = 'Kami polling warna lewat Instagram Story setiap bulan, pelanggan ikut memilih produk baru kami.';
    const doc = await addDocument(client, 'P-01', text);
    const names = ['Polling warna produk lewat Instagram Story setiap bulan', 'Rasa ikut memiliki', 'Pelanggan memilih produk baru bersama pemilik usaha'];
    const codeIds = [];
    for (const [i, name] of names.entries()) codeIds.push((await client.invoke('codings.apply', { documentId: doc, start: i * 10, end: i * 10 + 8, codeName: name })).codeId);
    await client.invoke('themes.addCodes', { id: ids['Co-creation']! as never, codeIds });
    await client.invoke('themes.addCodes', { id: ids['Loyalitas pelanggan']! as never, codeIds: [codeIds[1]!] });
    const withCodes = await client.invoke('map.get', { includeCodes: true });
    expect(withCodes.codes).toHaveLength(3);
    expectNoOverlap(withCodes);
    const long = withCodes.codes.find((c) => c.name.startsWith('Pelanggan'))!;
    expect(codeBox(long, long.name).h).toBeGreaterThan(codeBox(long, 'Rasa').h);
  });
});
