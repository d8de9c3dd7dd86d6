import { defineStrings } from '../../i18n/i18n';

export const startStrings = defineStrings({
  en: {
    tagline: 'Thematic analysis the Braun & Clarke way, with triangulation across informant types.',
    sampleGroup: 'Sample study: eleven interviews on co-creation in Indonesian UMKM, five informant types',
    openWorked: 'Sample study: worked example',
    workedHint: 'Eleven interviews on co-creation in UMKM, already coded: defined themes with exemplar quotes, a theme model, triangulation and a reflexive journal. Read it as a supervisor would read the report.',
    openPractice: 'Sample study: practice copy',
    practiceHint: 'The same eleven transcripts and informant sheet, not yet coded: try every phase yourself.',
    newProject: 'New project…', openProject: 'Open project…', recent: 'Recent projects', noRecent: 'No recent projects.',
    pathLabel: 'Project file', pathHint: 'Browser mode has no file dialogs: type the full path of a .tematik file.',
    pathPlaceholder: '/home/you/research/studi-umkm.tematik', create: 'Create', open: 'Open', cancel: 'Cancel', forget: 'Remove from list',
    projectName: 'Study name (optional)',
  },
  id: {
    tagline: 'Analisis tematik ala Braun & Clarke, dengan triangulasi antarjenis informan.',
    sampleGroup: 'Studi contoh: sebelas wawancara tentang co-creation pada UMKM Indonesia, lima jenis informan',
    openWorked: 'Studi contoh: contoh lengkap',
    workedHint: 'Sebelas wawancara tentang co-creation pada UMKM, sudah dikode: tema terdefinisi dengan kutipan contoh, model tema, triangulasi dan jurnal reflektif. Baca seperti pembimbing membaca laporan.',
    openPractice: 'Studi contoh: salinan latihan',
    practiceHint: 'Sebelas transkrip dan lembar informan yang sama, belum dikode: coba setiap fase sendiri.',
    newProject: 'Proyek baru…', openProject: 'Buka proyek…', recent: 'Proyek terakhir', noRecent: 'Belum ada proyek terakhir.',
    pathLabel: 'Berkas proyek', pathHint: 'Mode peramban tidak punya dialog berkas: ketik path lengkap berkas .tematik.',
    pathPlaceholder: '/home/anda/penelitian/studi-umkm.tematik', create: 'Buat', open: 'Buka', cancel: 'Batal', forget: 'Hapus dari daftar',
    projectName: 'Nama studi (opsional)',
  },
});
