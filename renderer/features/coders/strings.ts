import { defineStrings } from '../../i18n/i18n';

export const coderStrings = defineStrings({
  en: {
    title: 'Who is coding?',
    why: 'Several people code this project. Choose who you are: your codings, memos and comments are recorded under your name, and undo takes back only your own changes. This computer remembers your answer for this project.',
    current: 'coding now', codings: '{count} codings',
    someoneElse: 'Someone else', namePlaceholder: 'Your name, e.g. Rina', codeAs: 'Code under this name',
    filterLabel: 'Coders', allCoders: 'all coders', codersShown: 'Codings of {names}', everyone: 'Everyone',
    consensusNote: 'settled disagreements',
    blindOn: 'Blind coding: showing your codings only', blindOff: 'Code blind',
    blindOnTitle: 'Other coders\' codings are hidden here, in the margin and in the codebook counts, until you turn blind coding off. This computer remembers it for this project.',
    blindOffTitle: 'Hide the other coders\' codings while you code: stripes, margin and codebook counts show yours only',
    showEveryone: 'Show others\' codings',
    countsOf: 'counts: {names}', countsOfAll: 'counts: all coders',
  },
  id: {
    title: 'Siapa yang mengode?',
    why: 'Beberapa orang mengode proyek ini. Pilih siapa Anda: pengodean, memo, dan komentar Anda dicatat atas nama Anda, dan urungkan hanya membatalkan perubahan Anda sendiri. Komputer ini mengingat jawaban Anda untuk proyek ini.',
    current: 'sedang mengode', codings: '{count} pengodean',
    someoneElse: 'Orang lain', namePlaceholder: 'Nama Anda, mis. Rina', codeAs: 'Mengode dengan nama ini',
    filterLabel: 'Pengode', allCoders: 'semua pengode', codersShown: 'Pengodean oleh {names}', everyone: 'Semua',
    consensusNote: 'ketidaksepakatan yang diselesaikan',
    blindOn: 'Pengodean buta: hanya menampilkan pengodean Anda', blindOff: 'Mengode buta',
    blindOnTitle: 'Pengodean pengode lain disembunyikan di sini, di margin, dan di hitungan buku kode, sampai Anda mematikan pengodean buta. Komputer ini mengingatnya untuk proyek ini.',
    blindOffTitle: 'Sembunyikan pengodean pengode lain selama Anda mengode: garis, margin, dan hitungan buku kode hanya menampilkan milik Anda',
    showEveryone: 'Tampilkan pengodean orang lain',
    countsOf: 'hitungan: {names}', countsOfAll: 'hitungan: semua pengode',
  },
});
