import { defineMessages } from '../domain/text';

/** What de-identifying says to the user, in both languages (glossary: src/domain/text.ts). */
export const say = defineMessages({
  en: {
    stale: 'The transcripts or the names to hide changed since the preview was made, so nothing was replaced. Preview again and apply what it shows.',
    unknownName: 'There is no name "{id}" in the preview (the list of names changed since). Preview again; nothing was replaced.',
    nothingToApply: 'No hit is left to replace: every hit or name was left out. Tick at least one hit, or preview again; nothing was changed.',
    outExists: '{file} already exists. Choose a new file name for the de-identified copy; nothing was written.',
    outIsProject: 'The de-identified copy cannot be written over the open project. Choose another file name.',
    outFolder: 'The de-identified copy cannot be written in {folder}: {reason} Choose another folder; the project is unchanged.',
    noAttribute: 'The project has no attribute "{name}", so its values cannot be withheld. Attributes: {known}. Nothing was written.',
    shareName: '{name} (de-identified)',
    summaryApply: 'De-identify {count} name(s) in {documents} transcript(s)',
  },
  id: {
    stale: 'Transkrip atau nama yang disamarkan berubah sejak pratinjau dibuat, jadi tidak ada yang diganti. Buat pratinjau lagi lalu terapkan apa yang ditampilkannya.',
    unknownName: 'Tidak ada nama "{id}" di pratinjau (daftar namanya berubah sejak itu). Buat pratinjau lagi; tidak ada yang diganti.',
    nothingToApply: 'Tidak ada temuan yang tersisa untuk diganti: semua temuan atau nama dikecualikan. Centang sedikitnya satu temuan, atau buat pratinjau lagi; tidak ada yang diubah.',
    outExists: '{file} sudah ada. Pilih nama berkas baru untuk salinan yang identitasnya disamarkan; tidak ada yang ditulis.',
    outIsProject: 'Salinan yang identitasnya disamarkan tidak dapat ditulis menimpa proyek yang sedang terbuka. Pilih nama berkas lain.',
    outFolder: 'Salinan yang identitasnya disamarkan tidak dapat ditulis di {folder}: {reason} Pilih folder lain; proyek tidak berubah.',
    noAttribute: 'Proyek ini tidak punya atribut "{name}", jadi nilainya tidak dapat disembunyikan. Atribut yang ada: {known}. Tidak ada yang ditulis.',
    shareName: '{name} (identitas disamarkan)',
    summaryApply: 'Menyamarkan {count} nama di {documents} transkrip',
  },
});
