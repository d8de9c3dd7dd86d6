import type { LocalClient } from '../../../src/api/client';
import type { CodeId, ThemeId } from '../../../src/domain/ids';
import { newProject, SAMPLE_SHEET, SAMPLE_STUDY } from '../../helpers/temp-project';

export interface ReportStudy {
  readonly client: LocalClient & { readonly file: string; readonly dir: string };
  readonly codes: Readonly<Record<string, CodeId>>;
  /** The exemplar chosen for the digital theme: a consumer's extract (K-01). */
  readonly exemplarQuote: string;
  readonly themes: Readonly<Record<'digital' | 'preorder' | 'capacity' | 'community' | 'price', ThemeId>>;
}

/**
 * The sample study imported with its informant sheet, coded the way a researcher would
 * start (search hits coded by sentence), with themes in every state: defined with a sub-theme,
 * defined and judged, a candidate, a discarded one; phase moves (one back) in the journal.
 */
export async function reportStudy(): Promise<ReportStudy> {
  const client = await newProject();
  const invoke: LocalClient['invoke'] = (name, args) => client.invoke(name, args);
  await invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
  const codes: Record<string, CodeId> = {};
  for (const [query, codeName] of [
    ['polling', 'polling di media sosial'], ['pre-order', 'pre-order sebagai uji pasar'], ['kapasitas', 'kapasitas produksi'],
    ['komunitas', 'peran komunitas'], ['pelatihan', 'pelatihan dari pemerintah'], ['harga', 'harga'],
  ] as const) {
    codes[codeName] = (await invoke('search.code', { query, unit: 'sentence', codeName })).codeId;
  }
  await invoke('codes.update', { id: codes['polling di media sosial']!, description: 'Pelanggan memilih warna, rasa atau kemasan lewat polling Instagram Story, TikTok live atau grup WhatsApp.' });
  // The self-introduction of a community member names him: pseudonymisation must reach inside quotes.
  codes['perkenalan anggota'] = (await invoke('search.code', { query: 'Dimas', unit: 'turn', codeName: 'perkenalan anggota' })).codeId;
  const child = await invoke('codes.create', { name: 'polling warna', parentId: codes['polling di media sosial']!, description: 'Polling khusus pilihan warna produk.' });
  codes['polling warna'] = child.id;

  const define = async (id: ThemeId, definition: string, scope: string) => {
    await invoke('themes.update', { id, status: 'reviewed' });
    await invoke('themes.update', { id, definition, scope, status: 'defined' });
  };
  const digital = (await invoke('themes.create', { name: 'Co-creation lewat platform digital', codeIds: [codes['polling di media sosial']!] })).id;
  const preorder = (await invoke('themes.create', { name: 'Pre-order sebagai uji pasar', parentId: digital, codeIds: [codes['pre-order sebagai uji pasar']!] })).id;
  const capacity = (await invoke('themes.create', { name: 'Kapasitas produksi membatasi co-creation', codeIds: [codes['kapasitas produksi']!] })).id;
  const community = (await invoke('themes.create', { name: 'Komunitas sebagai penggerak word of mouth', codeIds: [codes['peran komunitas']!, codes['pelatihan dari pemerintah']!, codes['perkenalan anggota']!] })).id;
  const price = (await invoke('themes.create', { name: 'Harga bersaing', codeIds: [codes['harga']!] })).id;
  await define(digital, 'Pelanggan ikut memilih dan merancang produk lewat polling, live dan grup pesan; pemilik memutuskan.', 'Bukan promosi satu arah dan bukan sekadar ulasan setelah membeli.');
  await define(preorder, 'Pesanan di muka dipakai untuk mengukur minat sebelum produksi.', 'Bukan sistem pembayaran cicilan.');
  await define(capacity, 'Ide pelanggan melampaui kemampuan produksi usaha mikro: penjahit, bahan baku, modal.', 'Bukan keluhan umum tentang modal yang tidak terkait co-creation.');
  await invoke('themes.update', { id: price, status: 'discarded' });
  const exemplar = (await invoke('codings.forCode', { codeId: codes['polling di media sosial']! })).find((e) => e.informantLabels.includes('K-01'))!;
  await invoke('themes.update', { id: digital, exemplarCodingId: exemplar.id });
  const introduction = (await invoke('codings.forCode', { codeId: codes['perkenalan anggota']! })).find((e) => e.quote.includes('Sruput'))!;
  await invoke('themes.update', { id: community, exemplarCodingId: introduction.id });
  await invoke('themes.setConvergence', { id: digital, convergence: 'partial', reason: 'Pemilik dan konsumen menyebut polling; ahli pemasaran menilainya baru sebatas feedback.' });
  await invoke('themeLinks.create', { fromThemeId: capacity, toThemeId: digital, kind: 'moderates', label: 'membatasi' });
  await invoke('themeLinks.create', { fromThemeId: community, toThemeId: digital, kind: 'influences' });

  for (const [phase, note] of [[2, 'Semua transkrip sudah dibaca dua kali.'], [3, ''], [4, ''], [3, 'Tema kapasitas terlalu luas; kembali menyusun tema.'], [4, ''], [5, '']] as const) {
    await invoke('project.setPhase', { phase, note });
  }
  await invoke('memos.create', { kind: 'journal', title: 'Posisi peneliti', body: 'Saya pernah bekerja di UMKM fashion, jadi cenderung bersimpati pada pemilik.\n\nWawancara dengan Rani Puspitasari (K-03) mengingatkan saya untuk hati-hati membaca keluhan konsumen.', target: { kind: 'project' } });
  return { client, codes, exemplarQuote: exemplar.quote, themes: { digital, preorder, capacity, community, price } };
}
