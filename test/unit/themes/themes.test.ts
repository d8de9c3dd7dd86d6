import { XMLValidator } from 'fast-xml-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LocalClient } from '../../../src/api/client';
import type { CodeId, DocumentId } from '../../../src/domain/ids';
import { addDocument } from '../../helpers/documents';
import { newProject } from '../../helpers/temp-project';

const TEXT = [
  'Kami polling warna lewat Instagram Story setiap bulan.',
  'Pelanggan jadi merasa ikut memiliki produk kami.',
  'Kapasitas produksi kami terbatas, penjahit cuma tiga.',
  'Komunitas bantu promosi dari mulut ke mulut.',
].join('\n');

describe('themes the Braun & Clarke way', () => {
  let client: LocalClient;
  let doc: DocumentId;
  const codes: Record<string, CodeId> = {};
  const invoke: LocalClient['invoke'] = (name, args) => client.invoke(name, args);
  const codingCount = () => client.session.store.db.prepare('SELECT count(*) FROM codings').pluck().get();

  beforeEach(async () => {
    client = await newProject();
    doc = await addDocument(client, 'P-01', TEXT);
    for (const [name, passage] of [['polling', 'polling warna'], ['rasa memiliki', 'ikut memiliki'], ['kapasitas', 'Kapasitas produksi'], ['word of mouth', 'mulut ke mulut']] as const) {
      const start = TEXT.indexOf(passage);
      codes[name] = (await invoke('codings.apply', { documentId: doc, start, end: start + passage.length, codeName: name })).codeId;
    }
  });

  it('moves candidate → reviewed → defined only with evidence, definition and scope', async () => {
    const empty = await invoke('themes.create', { name: 'Tanpa bukti' });
    await expect(invoke('themes.update', { id: empty.id, status: 'reviewed' })).rejects.toThrow(/has no coded extracts yet/);
    const theme = await invoke('themes.create', { name: 'Co-creation digital', codeIds: [codes['polling']!] });
    await expect(invoke('themes.update', { id: theme.id, status: 'defined' })).rejects.toThrow(/it can become reviewed or discarded, not defined/);
    await invoke('themes.update', { id: theme.id, status: 'reviewed' });
    await expect(invoke('themes.update', { id: theme.id, status: 'defined' })).rejects.toThrow(/needs a definition and a scope/);
    const defined = await invoke('themes.update', { id: theme.id, definition: 'Pelanggan ikut merancang lewat media sosial', scope: 'Bukan promosi satu arah', status: 'defined' });
    expect(defined.status).toBe('defined');
    await invoke('themes.update', { id: theme.id, status: 'discarded' });
    await expect(invoke('themes.update', { id: theme.id, status: 'defined' })).rejects.toThrow(/discarded; it can become candidate/);
    expect((await invoke('themes.update', { id: theme.id, status: 'candidate' })).status).toBe('candidate');
  });

  it('accepts as exemplar only an extract of the theme', async () => {
    const theme = await invoke('themes.create', { name: 'Loyalitas', codeIds: [codes['rasa memiliki']!] });
    const [own] = await invoke('codings.forCode', { codeId: codes['rasa memiliki']! });
    const [other] = await invoke('codings.forCode', { codeId: codes['kapasitas']! });
    await expect(invoke('themes.update', { id: theme.id, exemplarCodingId: other!.id })).rejects.toThrow(/must be an extract coded with one of the theme's codes/);
    expect((await invoke('themes.update', { id: theme.id, exemplarCodingId: own!.id })).exemplarCodingId).toBe(own!.id);
  });

  it('splits and merges themes without losing a coding, a link or a comment', async () => {
    const big = await invoke('themes.create', { name: 'Praktik co-creation', codeIds: [codes['polling']!, codes['rasa memiliki']!, codes['word of mouth']!] });
    const other = await invoke('themes.create', { name: 'Tantangan', codeIds: [codes['kapasitas']!] });
    await invoke('themeLinks.create', { fromThemeId: big.id, toThemeId: other.id, kind: 'influences' });
    await invoke('comments.add', { target: { kind: 'theme', id: big.id }, body: 'Apakah ini terlalu luas?' });
    const before = codingCount();

    const split = await invoke('themes.split', { id: big.id, name: 'Peran komunitas', codeIds: [codes['word of mouth']!] });
    expect(split.codeIds).toEqual([codes['word of mouth']]);
    expect((await invoke('themes.review', { id: big.id })).theme.codeIds).toEqual([codes['polling'], codes['rasa memiliki']]);
    await expect(invoke('themes.split', { id: big.id, name: 'x', codeIds: [codes['kapasitas']!] })).rejects.toThrow(/Only codes of "Praktik co-creation"/);

    const merged = await invoke('themes.merge', { sourceId: big.id, targetId: split.id });
    expect([...merged.codeIds].sort()).toEqual([codes['polling'], codes['rasa memiliki'], codes['word of mouth']].sort());
    expect(codingCount()).toBe(before);
    const links = await invoke('themeLinks.list', {});
    expect(links).toMatchObject([{ fromThemeId: split.id, toThemeId: other.id, kind: 'influences' }]);
    expect((await invoke('comments.list', { target: { kind: 'theme', id: split.id } })).map((c) => c.body)).toEqual(['Apakah ini terlalu luas?']);
    expect((await invoke('themes.list', {})).map((t) => t.name).sort()).toEqual(['Peran komunitas', 'Tantangan']);
    const audit = (await invoke('audit.list', {})).map((a) => a.summary);
    expect(audit).toContain('Merge theme "Praktik co-creation" into "Peran komunitas"');

    await invoke('history.undo', {});
    expect((await invoke('themes.list', {})).map((t) => t.name).sort()).toEqual(['Peran komunitas', 'Praktik co-creation', 'Tantangan']);
  });

  it('reviews a theme: evidence by type and informant, weak codes, codes in no theme', async () => {
    const type = await invoke('informantTypes.create', { name: 'Pemilik UMKM' });
    const owner = await invoke('informants.create', { label: 'P-01', typeId: type.id });
    await invoke('documents.assign', { id: doc, informantIds: [owner.id] });
    const theme = await invoke('themes.create', { name: 'Co-creation digital', codeIds: [codes['polling']!, codes['rasa memiliki']!] });
    const review = await invoke('themes.review', { id: theme.id });
    expect(review.support).toEqual([{ type: 'Pemilik UMKM', colour: type.colour, informants: 1, totalInformants: 1, extracts: 2, notInterviewed: [] }]);
    expect(review.groups).toMatchObject([{ type: 'Pemilik UMKM', informants: [{ label: 'P-01', extracts: [{ quote: 'polling warna' }, { quote: 'ikut memiliki' }] }] }]);
    expect(review.weakCodes.map((w) => [w.code.name, w.reason])).toEqual([['polling', 'few-extracts'], ['rasa memiliki', 'few-extracts']]);
    expect((await invoke('codes.unthemed', {})).map((c) => c.name).sort()).toEqual(['kapasitas', 'word of mouth']);
  });

  it('records a convergence judgement with its reason, undoably', async () => {
    const theme = await invoke('themes.create', { name: 'Dukungan pemerintah', codeIds: [codes['kapasitas']!] });
    const judged = await invoke('themes.setConvergence', { id: theme.id, convergence: 'silence', reason: 'Konsumen tidak menyinggung pelatihan dari dinas.' });
    expect([judged.convergence, judged.convergenceReason]).toEqual(['silence', 'Konsumen tidak menyinggung pelatihan dari dinas.']);
    await invoke('history.undo', {});
    expect((await invoke('themes.list', {}))[0]!.convergence).toBeNull();
  });
});

describe('the theme model', () => {
  it('draws "open innovation mediates innovation intensity → marketing performance" as a layered map and valid SVG', async () => {
    const client = await newProject();
    const make = (name: string) => client.invoke('themes.create', { name });
    const intensity = await make('Intensitas inovasi');
    const open = await make('Open innovation');
    const performance = await make('Kinerja pemasaran non-finansial');
    const direct = await client.invoke('themeLinks.create', { fromThemeId: intensity.id, toThemeId: performance.id, kind: 'influences', label: 'H1' });
    await client.invoke('themeLinks.create', { fromThemeId: open.id, toLinkId: direct.id, kind: 'mediates', label: 'H2' });
    await expect(client.invoke('themeLinks.create', { fromThemeId: intensity.id, toLinkId: direct.id, kind: 'mediates' })).rejects.toThrow(/must be a third theme/);
    await expect(client.invoke('themeLinks.create', { fromThemeId: open.id, toThemeId: open.id, kind: 'influences' })).rejects.toThrow(/cannot be linked to itself/);

    // Links keep the map as it was; the automatic layout arranges the model when asked.
    await client.invoke('map.resetLayout', {});
    const map = await client.invoke('map.get', {});
    const at = new Map(map.themes.map((t) => [t.name, t]));
    // Chain left to right, the mediator above the link it mediates.
    expect(at.get('Intensitas inovasi')!.x).toBeLessThan(at.get('Open innovation')!.x);
    expect(at.get('Open innovation')!.x).toBeLessThan(at.get('Kinerja pemasaran non-finansial')!.x);
    expect(at.get('Open innovation')!.y).toBeLessThan(at.get('Kinerja pemasaran non-finansial')!.y);

    await client.invoke('map.move', { themes: [{ id: open.id, x: 500.4, y: 20 }] });
    const moved = (await client.invoke('map.get', {})).themes.find((t) => t.id === open.id)!;
    expect([moved.x, moved.y, moved.pinned]).toEqual([500, 20, true]);
    await expect(client.invoke('map.move', { themes: [{ id: 999 as never, x: 1, y: 1 }] })).rejects.toThrow(/theme 999/);

    const { svg } = await client.invoke('export.themeMap', {});
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('Open innovation');
    expect(svg.match(/class="link"/g)).toHaveLength(2);
    expect(svg).toContain('data-kind="mediates"');
    expect(svg).toContain('>H2<');
  });

  it('draws "co-creation → customer loyalty → competitive advantage" and exports PNG', async () => {
    const client = await newProject();
    const names = ['Co-creation', 'Loyalitas pelanggan', 'Keunggulan bersaing'];
    const ids = [];
    for (const name of names) ids.push((await client.invoke('themes.create', { name })).id);
    await client.invoke('themeLinks.create', { fromThemeId: ids[0]!, toThemeId: ids[1]!, kind: 'influences' });
    await client.invoke('themeLinks.create', { fromThemeId: ids[1]!, toThemeId: ids[2]!, kind: 'influences' });
    await client.invoke('map.resetLayout', {});
    const map = await client.invoke('map.get', {});
    const xs = names.map((n) => map.themes.find((t) => t.name === n)!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(map.themes.map((t) => t.y)).size).toBe(1);

    const file = `${client.dir}/model.png`;
    await client.invoke('export.themeMap', { path: file, format: 'png' });
    const png = (await import('node:fs')).readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(1000); // width at print scale
  });
});

describe('the theme map layout', () => {
  it('gives each model its own rows, sub-themes under their parent, and then keeps every node where it is drawn', async () => {
    const client = await newProject();
    const id = async (name: string, parentId?: number) => (await client.invoke('themes.create', { name, ...(parentId ? { parentId } : {}) })).id;
    const [x, m, y, a, b, c] = [await id('Intensitas inovasi'), await id('Open innovation'), await id('Kinerja pemasaran'), await id('Co-creation'), await id('Loyalitas'), await id('Keunggulan bersaing')];
    const direct = await client.invoke('themeLinks.create', { fromThemeId: x, toThemeId: y, kind: 'influences' });
    await client.invoke('themeLinks.create', { fromThemeId: m, toLinkId: direct.id, kind: 'mediates' });
    await client.invoke('themeLinks.create', { fromThemeId: a, toThemeId: b, kind: 'influences' });
    await client.invoke('themeLinks.create', { fromThemeId: b, toThemeId: c, kind: 'influences' });
    await client.invoke('map.resetLayout', {});
    const sub = await id('Polling Instagram', a);
    const map = await client.invoke('map.get', {});
    const at = (theme: number) => map.themes.find((t) => t.id === theme)!;
    const first = [x, m, y].map((t) => at(t).y);
    const second = [a, b, c].map((t) => at(t).y);
    expect(Math.min(...second)).toBeGreaterThan(Math.max(...first) + 72);
    expect(at(sub).y).toBeGreaterThan(at(a).y);

    // Moving one theme by hand leaves every other node where the researcher saw it.
    await client.invoke('map.move', { themes: [{ id: a, x: 900, y: 900 }] });
    const moved = await client.invoke('map.get', {});
    for (const theme of map.themes.filter((t) => t.id !== a)) {
      expect(moved.themes.find((t) => t.id === theme.id)).toMatchObject({ x: Math.round(theme.x), y: Math.round(theme.y), pinned: true });
    }
    // A new sub-theme of the moved theme goes under it, where nothing else is.
    const late = await id('Ulasan pelanggan', a);
    const after = (await client.invoke('map.get', {})).themes.find((t) => t.id === late)!;
    expect(after.y).toBeGreaterThan(900);
    expect(Math.abs(after.x - 900)).toBeLessThan(300);
  });
});

describe('comments and the phase checklist', () => {
  it('keeps a resolvable comment thread with author and date', async () => {
    const client = await newProject('Supervisor');
    const theme = await client.invoke('themes.create', { name: 'Kemitraan' });
    const comment = await client.invoke('comments.add', { target: { kind: 'theme', id: theme.id }, body: 'Definisinya masih kabur.' });
    expect(comment).toMatchObject({ author: 'Supervisor', resolvedAt: null, body: 'Definisinya masih kabur.' });
    const resolved = await client.invoke('comments.resolve', { id: comment.id, resolved: true });
    expect(resolved.resolvedBy).toBe('Supervisor');
    expect(resolved.resolvedAt).not.toBeNull();
    await expect(client.invoke('comments.add', { target: { kind: 'link', id: 5 as never }, body: 'x' })).rejects.toThrow(/does not exist; the comment was not saved/);
  });

  it('ticks checklist items of a phase and refuses unknown ones', async () => {
    const client = await newProject();
    const checks = await client.invoke('phases.check', { phase: 1, item: 'read-all', done: true });
    expect(checks).toMatchObject([{ phase: 1, item: 'read-all', by: 'Peneliti A' }]);
    await expect(client.invoke('phases.check', { phase: 1, item: 'nonsense', done: true })).rejects.toThrow(/Phase 1 has no checklist item "nonsense"/);
    expect(await client.invoke('phases.check', { phase: 1, item: 'read-all', done: false })).toEqual([]);
  });
});
