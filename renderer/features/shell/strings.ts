import { defineStrings } from '../../i18n/i18n';

export const shellStrings = defineStrings({
  en: {
    appName: 'Tematik',
    phase: 'Phase {n} of 6',
        undo: 'Undo', redo: 'Redo', undoWhat: 'Undo: {what}', redoWhat: 'Redo: {what}', nothingToUndo: 'Nothing to undo', nothingToRedo: 'Nothing to redo',
    undone: 'Undone: {what}', redone: 'Redone: {what}',
    home: 'Project', journal: 'Memos & journal', settings: 'Settings', documents: 'Transcripts', noDocuments: 'No transcripts yet.',
    unassigned: 'Without informant', closeProject: 'Close project', dismiss: 'Dismiss', working: 'Working…',
    language: 'Language', settingsTitle: 'Settings', languageHint: 'The interface language. Transcripts are never translated.',
    codebook: 'Codebook', words: '{n} words', import: 'Import…', export: 'Export…',
    phases: 'Phases & checklist', search: 'Search', themes: 'Themes', map: 'Theme map', triangulation: 'Triangulation',
  },
  id: {
    appName: 'Tematik',
    phase: 'Fase {n} dari 6',
        undo: 'Urungkan', redo: 'Ulangi', undoWhat: 'Urungkan: {what}', redoWhat: 'Ulangi: {what}', nothingToUndo: 'Tidak ada yang bisa diurungkan', nothingToRedo: 'Tidak ada yang bisa diulangi',
    undone: 'Diurungkan: {what}', redone: 'Diulangi: {what}',
    home: 'Proyek', journal: 'Memo & jurnal', settings: 'Pengaturan', documents: 'Transkrip', noDocuments: 'Belum ada transkrip.',
    unassigned: 'Tanpa informan', closeProject: 'Tutup proyek', dismiss: 'Tutup', working: 'Sedang bekerja…',
    language: 'Bahasa', settingsTitle: 'Pengaturan', languageHint: 'Bahasa antarmuka. Transkrip tidak pernah diterjemahkan.',
    codebook: 'Buku kode', words: '{n} kata', import: 'Impor…', export: 'Ekspor…',
    phases: 'Fase & daftar periksa', search: 'Cari', themes: 'Tema', map: 'Peta tema', triangulation: 'Triangulasi',
  },
});
