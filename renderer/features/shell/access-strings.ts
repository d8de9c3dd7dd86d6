import { defineStrings } from '../../i18n/i18n';

/** Who may write the project: the read-only banner, the "open read-only?" question, the file check. */
export const accessStrings = defineStrings({
  en: {
    offerTitle: 'The project is in use', openReadOnly: 'Open read-only', cancel: 'Cancel',
    offerHint: 'Read-only, everything can be read, searched and exported, and nothing you do changes the file.',
    readOnly: 'Read-only',
    reason_requested: 'You opened this project read-only.',
    reason_locked: 'Another Tematik window or the command line has this project open for writing.',
    reason_damaged: 'The project file is damaged.',
    reason_read_only_media: 'This folder or disk cannot be written.',
    reason_disk_full: 'The disk is full.',
    openForWriting: 'Open for writing', check: 'Check project file…', export: 'Export…', dismiss: 'Dismiss',
    checkTitle: 'Check project file', checking: 'Checking every page of the project file… A large project takes a few seconds.',
    checkIntro: 'SQLite reads every page of {file} and checks that the tables and their indexes agree.',
    checkProblems: 'What SQLite reported ({n})', close: 'Close',
    importReadOnly: 'The project is open read-only: nothing can be imported.',
  },
  id: {
    offerTitle: 'Proyek sedang dipakai', openReadOnly: 'Buka hanya-baca', cancel: 'Batal',
    offerHint: 'Dalam mode hanya-baca semuanya dapat dibaca, dicari dan diekspor, dan apa pun yang Anda lakukan tidak mengubah berkas.',
    readOnly: 'Hanya-baca',
    reason_requested: 'Anda membuka proyek ini dalam mode hanya-baca.',
    reason_locked: 'Jendela Tematik lain atau baris perintah sedang membuka proyek ini untuk ditulisi.',
    reason_damaged: 'Berkas proyek rusak.',
    reason_read_only_media: 'Folder atau disk ini tidak dapat ditulisi.',
    reason_disk_full: 'Disk sudah penuh.',
    openForWriting: 'Buka untuk ditulisi', check: 'Periksa berkas proyek…', export: 'Ekspor…', dismiss: 'Tutup',
    checkTitle: 'Periksa berkas proyek', checking: 'Memeriksa setiap halaman berkas proyek… Proyek besar memerlukan beberapa detik.',
    checkIntro: 'SQLite membaca setiap halaman {file} dan memeriksa bahwa tabel dan indeksnya cocok.',
    checkProblems: 'Laporan SQLite ({n})', close: 'Tutup',
    importReadOnly: 'Proyek dibuka dalam mode hanya-baca: tidak ada yang dapat diimpor.',
  },
});
