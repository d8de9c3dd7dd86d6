import { defineStrings } from '../../i18n/i18n';

export const startStrings = defineStrings({
  en: {
    tagline: 'Thematic analysis the Braun & Clarke way, with triangulation across informant types.',
    openSample: 'Open the sample study', sampleHint: 'Eleven interviews on co-creation in Indonesian UMKM, five informant types.',
    newProject: 'New project…', openProject: 'Open project…', recent: 'Recent projects', noRecent: 'No recent projects.',
    pathLabel: 'Project file', pathHint: 'Browser mode has no file dialogs: type the full path of a .tematik file.',
    pathPlaceholder: '/home/you/research/studi-umkm.tematik', create: 'Create', open: 'Open', cancel: 'Cancel', forget: 'Remove from list',
    projectName: 'Study name (optional)',
  },
  id: {
    tagline: 'Analisis tematik ala Braun & Clarke, dengan triangulasi antarjenis informan.',
    openSample: 'Buka studi contoh', sampleHint: 'Sebelas wawancara tentang co-creation pada UMKM Indonesia, lima jenis informan.',
    newProject: 'Proyek baru…', openProject: 'Buka proyek…', recent: 'Proyek terakhir', noRecent: 'Belum ada proyek terakhir.',
    pathLabel: 'Berkas proyek', pathHint: 'Mode peramban tidak punya dialog berkas: ketik path lengkap berkas .tematik.',
    pathPlaceholder: '/home/anda/penelitian/studi-umkm.tematik', create: 'Buat', open: 'Buka', cancel: 'Batal', forget: 'Hapus dari daftar',
    projectName: 'Nama studi (opsional)',
  },
});
