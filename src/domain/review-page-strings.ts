/**
 * The review page's own words, in both languages (statuses, link kinds and judgements are
 * added from the map's and the report's words by src/review/page-strings.ts). Pure data: the
 * page's script imports the key type.
 */
export const REVIEW_PAGE_EN = {
  packageTitle: 'Review package', madeOn: 'Made on {date}', pseudonymised: 'Informants pseudonymised', realNames: 'Informants under their real names',
  sections: 'Sections', tab_map: 'Theme map', tab_triangulation: 'Triangulation', tab_codebook: 'Codebook', tab_phases: 'Phases and journal',
  mapLabel: 'Theme map: each theme and link is a button', mapTools: 'Map tools', zoomIn: 'Zoom in', zoomOut: 'Zoom out', fit: 'Fit', fitTitle: 'Show the whole map',
  mapHint: 'Drag to move, wheel or + and − to zoom; click a theme or link to read it.', legend: 'Legend',
  panelEmpty: 'Click a theme or a link on the map to read its definition, evidence and comments here.', close: 'Close',
  theme: 'Theme', link: 'Link', definition: 'Definition', scope: 'What it is not', finding: 'Main finding', parent: 'Sub-theme of', subThemes: 'Sub-themes',
  links: 'Links', codes: 'Codes', support: 'Support by informant type', quotes: 'Exemplar quotes', comments: 'Comments', none: 'not written yet',
  noQuotes: 'No quote from an informant yet.', informantType: 'Informant type', informants: 'Informants', extracts: 'Extracts', silent: 'silent',
  label: 'Label', from: 'From', to: 'To',
  comment: 'Comment', addComment: 'Add comment', cancel: 'Cancel', remove: 'Remove', you: 'You', newComment: 'new', commentOn: 'Comment on {target}',
  resolvedBy: 'resolved by {who}, {when}', yourName: 'Your name', ok: 'OK', nameNeeded: 'Write your name: the researcher sees it with each comment.',
  nameWhy: 'The researcher sees it with each comment. This browser remembers it, and your comments, for this file.',
  nameWhySession: 'The researcher sees it with each comment. This browser keeps nothing for a file opened this way: save your comments before you close the page.',
  saveComments: 'Save comments', saveCommentsN: 'Save comments ({n} new)', reviewingAs: 'Reviewing as {name}',
  saved: 'Saved {file}. Send this file to the researcher: they import it into the project.',
  triangulationLine: 'Informants of each type who support each theme, of those interviewed, and their extracts. Click a cell to read the extracts behind it.',
  convergence: 'Convergence', suggested: 'suggested: {judgement}', cellTitle: '{theme} — {type}', cellLine: '{informants} of {total} informants, {extracts}',
  silentCell: 'No informant of this type speaks to this theme (silence).', notInterviewed: 'Not interviewed, so in no count and never silent —',
  extractOne: '{n} extract', extractMany: '{n} extracts', informantOne: '{n} informant', informantMany: '{n} informants', noExtracts: 'No extracts.',
  noThemes: 'The project has no themes yet.', phasesTitle: 'Phases of the analysis', journalTitle: 'Reflexive journal',
  phase_completed: 'completed', phase_current: 'current phase', phase_todo: 'to come', noJournal: 'The researcher included no journal entries.',
  untitled: 'Untitled entry', inPhase: 'phase {n}',
  unsaved: 'Some comments are not saved yet. Save them first with “Save comments”.',
};

/** A word of the page, by key. */
export type ReviewPageStringKey = keyof typeof REVIEW_PAGE_EN;

/** The strings a package carries: the page's own, and statuses, kinds and judgements by `status_…`, `kind_…`, `convergence_…`. */
export type ReviewPageStrings = Readonly<Record<ReviewPageStringKey, string>> & Readonly<Record<string, string | undefined>>;

export const REVIEW_PAGE_ID: Readonly<Record<ReviewPageStringKey, string>> = {
  packageTitle: 'Paket telaah', madeOn: 'Dibuat {date}', pseudonymised: 'Nama informan disamarkan', realNames: 'Informan dengan nama aslinya',
  sections: 'Bagian', tab_map: 'Peta tema', tab_triangulation: 'Triangulasi', tab_codebook: 'Buku kode', tab_phases: 'Fase dan jurnal',
  mapLabel: 'Peta tema: setiap tema dan hubungan adalah tombol', mapTools: 'Alat peta', zoomIn: 'Perbesar', zoomOut: 'Perkecil', fit: 'Pas', fitTitle: 'Tampilkan seluruh peta',
  mapHint: 'Seret untuk menggeser, roda tetikus atau + dan − untuk memperbesar; klik tema atau hubungan untuk membacanya.', legend: 'Keterangan',
  panelEmpty: 'Klik tema atau hubungan pada peta untuk membaca definisi, bukti, dan komentarnya di sini.', close: 'Tutup',
  theme: 'Tema', link: 'Hubungan', definition: 'Definisi', scope: 'Batasan (apa yang bukan)', finding: 'Temuan utama', parent: 'Subtema dari', subThemes: 'Subtema',
  links: 'Hubungan', codes: 'Kode', support: 'Dukungan per jenis informan', quotes: 'Kutipan contoh', comments: 'Komentar', none: 'belum ditulis',
  noQuotes: 'Belum ada kutipan dari informan.', informantType: 'Jenis informan', informants: 'Informan', extracts: 'Kutipan', silent: 'diam',
  label: 'Label', from: 'Dari', to: 'Ke',
  comment: 'Komentari', addComment: 'Tambah komentar', cancel: 'Batal', remove: 'Hapus', you: 'Anda', newComment: 'baru', commentOn: 'Komentar tentang {target}',
  resolvedBy: 'diselesaikan oleh {who}, {when}', yourName: 'Nama Anda', ok: 'OK', nameNeeded: 'Tulis nama Anda: peneliti melihatnya pada setiap komentar.',
  nameWhy: 'Peneliti melihatnya pada setiap komentar. Peramban ini mengingatnya, beserta komentar Anda, untuk berkas ini.',
  nameWhySession: 'Peneliti melihatnya pada setiap komentar. Peramban ini tidak menyimpan apa pun untuk berkas yang dibuka dengan cara ini: simpan komentar Anda sebelum menutup halaman.',
  saveComments: 'Simpan komentar', saveCommentsN: 'Simpan komentar ({n} baru)', reviewingAs: 'Menelaah sebagai {name}',
  saved: '{file} tersimpan. Kirim berkas ini kepada peneliti: peneliti mengimpornya ke proyek.',
  triangulationLine: 'Informan tiap jenis yang mendukung setiap tema, dari yang diwawancarai, beserta kutipannya. Klik sel untuk membaca kutipan di baliknya.',
  convergence: 'Konvergensi', suggested: 'saran: {judgement}', cellTitle: '{theme} — {type}', cellLine: '{informants} dari {total} informan, {extracts}',
  silentCell: 'Tidak ada informan jenis ini yang berbicara tentang tema ini (diam).', notInterviewed: 'Belum diwawancarai, jadi tidak dihitung dan tidak pernah dianggap diam —',
  extractOne: '{n} kutipan', extractMany: '{n} kutipan', informantOne: '{n} informan', informantMany: '{n} informan', noExtracts: 'Tidak ada kutipan.',
  noThemes: 'Proyek ini belum memiliki tema.', phasesTitle: 'Fase analisis', journalTitle: 'Jurnal reflektif',
  phase_completed: 'selesai', phase_current: 'fase saat ini', phase_todo: 'berikutnya', noJournal: 'Peneliti tidak menyertakan entri jurnal.',
  untitled: 'Entri tanpa judul', inPhase: 'fase {n}',
  unsaved: 'Ada komentar yang belum disimpan. Simpan dulu dengan “Simpan komentar”.',
};
