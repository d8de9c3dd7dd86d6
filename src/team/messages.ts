import type { Reanchoring } from '../domain/team';
import { defineMessages, type Language } from '../domain/text';
import { MAX_DIFFERENCES } from '../edit/align';

/** What copying and merging say to the user, in both languages (glossary: src/domain/text.ts). */
export const say = defineMessages({
  en: {
    notAProject: '{file} is not a Tematik project, so it cannot be merged. Choose the .tematik file the other coder sent you; nothing was changed.',
    cannotOpen: '{file} cannot be merged: {reason} Nothing was changed.',
    damaged: '{file} is damaged, so it cannot be merged safely. Ask the coder for a fresh copy (or one of its backups); nothing was changed.',
    badRow: '{file} cannot be merged: row {row} of its {table} is not as Tematik writes it ({detail}). The file may be damaged or made by another program; nothing was changed.',
    badRange: '{file} cannot be merged: a coding in "{title}" ({start}–{end}) lies outside that transcript\'s text. The file may be damaged; nothing was changed.',
    sameFile: '{file} is the open project itself. Choose the copy the other coder sent you.',
    unresolved: 'The merge has {count} conflict(s) still to settle: {list}. Choose how to settle each (in the merge dialog, or with --resolve), then merge again; nothing was changed.',
    unknownConflict: 'There is no conflict "{key}" in this merge (the project or the copy changed since the plan was made). Show the plan again and choose anew; nothing was changed.',
    badChoice: '"{choice}" does not settle conflict "{key}"; choose one of: {choices}. Nothing was changed.',
    outExists: '{file} already exists. Choose a new file name for the copy; nothing was written.',
    outIsProject: 'The copy cannot be written over the open project. Choose another file name.',
    outFolder: 'The copy cannot be written in {folder}: {reason} Choose another folder; the project is unchanged.',
    copyName: '{name} (copy for {coder})',
    journalTitle: 'Merged {file}',
    journalHead: 'Merged the copy {file} ("{name}"). What came in, and how conflicts were settled:',
    journalCodings: 'Codings of {coder}: {added} added, {already} already in the project.',
    journalCodes: 'Codes added: {count}{list}.',
    journalRenamed: 'Codes renamed as in the copy: {count}.',
    journalDeleted: 'Codes deleted as in the copy: {count}.',
    journalCoders: 'New coders: {list}.',
    journalDocuments: 'Transcripts added: {documents}; informants added: {informants}.',
    journalMemos: 'Memos added: {memos}; comments added: {comments}.',
    journalLeftOut: 'Codings of the copy left out by the choices below: {count}.',
    journalConflict: 'Conflict: {subject} ({kind}), settled: {choice}.',
    reanchorCounts: 'Codings of transcripts whose text differs: {aligned} carried to the same words through an alignment of the two texts, {found} placed where their text occurs once, {unplaced} not placed.',
    reanchorNotAligned: '"{title}" differs from the copy in more than {limit} places, too many to align: its codings were only placed where their text occurs once.',
    reanchorUnplaced: 'Not placed (its words are gone from the project\'s text): code {code}, coder {coder}, "{document}" at {start} in the copy: "{quote}".',
  },
  id: {
    notAProject: '{file} bukan proyek Tematik, jadi tidak dapat digabungkan. Pilih berkas .tematik yang dikirim pengode lain; tidak ada yang diubah.',
    cannotOpen: '{file} tidak dapat digabungkan: {reason} Tidak ada yang diubah.',
    damaged: '{file} rusak, jadi tidak dapat digabungkan dengan aman. Mintalah salinan baru (atau salah satu cadangannya) dari pengode itu; tidak ada yang diubah.',
    badRow: '{file} tidak dapat digabungkan: baris {row} dari {table} tidak seperti yang ditulis Tematik ({detail}). Berkas itu mungkin rusak atau dibuat program lain; tidak ada yang diubah.',
    badRange: '{file} tidak dapat digabungkan: sebuah pengodean di "{title}" ({start}–{end}) berada di luar teks transkrip itu. Berkas itu mungkin rusak; tidak ada yang diubah.',
    sameFile: '{file} adalah proyek yang sedang dibuka. Pilih salinan yang dikirim pengode lain.',
    unresolved: 'Penggabungan ini masih punya {count} konflik yang harus diselesaikan: {list}. Pilih cara menyelesaikan masing-masing (di dialog penggabungan, atau dengan --resolve), lalu gabungkan lagi; tidak ada yang diubah.',
    unknownConflict: 'Tidak ada konflik "{key}" dalam penggabungan ini (proyek atau salinannya berubah sejak rencana dibuat). Tampilkan rencananya lagi dan pilih ulang; tidak ada yang diubah.',
    badChoice: '"{choice}" tidak menyelesaikan konflik "{key}"; pilih salah satu dari: {choices}. Tidak ada yang diubah.',
    outExists: '{file} sudah ada. Pilih nama berkas baru untuk salinannya; tidak ada yang ditulis.',
    outIsProject: 'Salinan tidak dapat ditulis menimpa proyek yang sedang dibuka. Pilih nama berkas lain.',
    outFolder: 'Salinan tidak dapat ditulis di {folder}: {reason} Pilih folder lain; proyek tidak berubah.',
    copyName: '{name} (salinan untuk {coder})',
    journalTitle: 'Penggabungan {file}',
    journalHead: 'Salinan {file} ("{name}") digabungkan. Yang masuk, dan cara konflik diselesaikan:',
    journalCodings: 'Pengodean {coder}: {added} ditambahkan, {already} sudah ada di proyek.',
    journalCodes: 'Kode ditambahkan: {count}{list}.',
    journalRenamed: 'Kode yang namanya diganti seperti di salinan: {count}.',
    journalDeleted: 'Kode yang dihapus seperti di salinan: {count}.',
    journalCoders: 'Pengode baru: {list}.',
    journalDocuments: 'Transkrip ditambahkan: {documents}; informan ditambahkan: {informants}.',
    journalMemos: 'Memo ditambahkan: {memos}; komentar ditambahkan: {comments}.',
    journalLeftOut: 'Pengodean dari salinan yang dilewati karena pilihan di bawah: {count}.',
    journalConflict: 'Konflik: {subject} ({kind}), diselesaikan: {choice}.',
    reanchorCounts: 'Pengodean transkrip yang teksnya berbeda: {aligned} dibawa ke kata-kata yang sama melalui penjajaran kedua teks, {found} ditempatkan di tempat teksnya muncul sekali, {unplaced} tidak dapat ditempatkan.',
    reanchorNotAligned: '"{title}" berbeda dari salinannya di lebih dari {limit} tempat, terlalu banyak untuk dijajarkan: pengodeannya hanya ditempatkan di tempat teksnya muncul sekali.',
    reanchorUnplaced: 'Tidak ditempatkan (kata-katanya sudah tidak ada di teks proyek): kode {code}, pengode {coder}, "{document}" posisi {start} di salinan: "{quote}".',
  },
});

/**
 * How the codings of transcripts whose text differs were (or would be) placed, a line each: the
 * counts, the transcripts too different to align, every coding not placed. Empty when no transcript
 * was reanchored. The journal and the CLI say it the same way.
 */
export function reanchoringLines(reanchoring: Reanchoring, language: Language): string[] {
  const { aligned, found, unplaced, notAligned } = reanchoring;
  if (aligned + found + unplaced.length === 0 && notAligned.length === 0) return [];
  return [
    say('reanchorCounts', { aligned, found, unplaced: unplaced.length })[language],
    ...notAligned.map((title) => say('reanchorNotAligned', { title, limit: MAX_DIFFERENCES })[language]),
    ...unplaced.map((u) => say('reanchorUnplaced', { code: u.code, coder: u.coder, document: u.document, start: String(u.start), quote: u.quote })[language]),
  ];
}
