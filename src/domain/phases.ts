import type { Phase } from './types';

/** One item of a phase's checklist, in both interface languages. */
export interface ChecklistItem {
  readonly key: string;
  readonly en: string;
  readonly id: string;
}

/**
 * Each Braun & Clarke (2006; 2021) phase with a short checklist drawn from their
 * phases and 15-point checklist of good thematic analysis. Ticking items is a
 * reminder, not a gate: moving phase stays the researcher's choice.
 */
export const PHASE_CHECKLISTS: Readonly<Record<Phase, readonly ChecklistItem[]>> = {
  1: [
    { key: 'read-all', en: 'Read (and re-read) every transcript actively, as data, not just as information', id: 'Baca (dan baca ulang) setiap transkrip secara aktif, sebagai data, bukan sekadar informasi' },
    { key: 'check-transcripts', en: 'Check the transcripts against the recordings for accuracy', id: 'Periksa akurasi transkrip terhadap rekaman' },
    { key: 'first-ideas', en: 'Note first ideas and questions in the journal', id: 'Catat ide dan pertanyaan awal di jurnal' },
    { key: 'position', en: 'Write a reflexive entry on your own position toward the informants and topic', id: 'Tulis catatan refleksif tentang posisi Anda terhadap informan dan topik' },
  ],
  2: [
    { key: 'whole-dataset', en: 'Code the whole data set, giving each transcript equal attention', id: 'Kode seluruh data, dengan perhatian yang sama untuk setiap transkrip' },
    { key: 'inclusive', en: 'Code inclusively: keep enough context around each extract', id: 'Kode secara inklusif: sertakan konteks secukupnya di sekitar setiap kutipan' },
    { key: 'describe-codes', en: 'Describe each code so a teammate could apply it the same way', id: 'Deskripsikan setiap kode agar rekan tim dapat menerapkannya dengan cara yang sama' },
    { key: 'tidy-codebook', en: 'Tidy the codebook: merge duplicates, split codes that are too broad', id: 'Rapikan buku kode: gabungkan duplikat, pecah kode yang terlalu luas' },
  ],
  3: [
    { key: 'cluster', en: 'Gather codes into candidate themes', id: 'Kumpulkan kode menjadi tema kandidat' },
    { key: 'organising-concept', en: 'Give each candidate theme a central organising concept', id: 'Beri setiap tema kandidat satu konsep pengorganisasi utama' },
    { key: 'unthemed', en: 'Decide for each code left outside a theme: set aside, or fit it somewhere', id: 'Putuskan untuk setiap kode di luar tema: disisihkan, atau dimasukkan ke suatu tema' },
    { key: 'first-map', en: 'Draw a first theme map', id: 'Gambar peta tema pertama' },
  ],
  4: [
    { key: 'extracts-cohere', en: 'Level 1: read each theme\'s extracts; do they form a coherent pattern?', id: 'Tingkat 1: baca kutipan setiap tema; apakah membentuk pola yang koheren?' },
    { key: 'against-dataset', en: 'Level 2: do the themes work against the whole data set?', id: 'Tingkat 2: apakah tema-tema itu berlaku untuk keseluruhan data?' },
    { key: 'boundaries', en: 'Themes are distinct: no two themes largely overlap', id: 'Tema saling berbeda: tidak ada dua tema yang sebagian besar tumpang tindih' },
    { key: 'triangulate', en: 'Compare what each informant type says (source triangulation)', id: 'Bandingkan apa yang dikatakan tiap jenis informan (triangulasi sumber)' },
  ],
  5: [
    { key: 'define', en: 'Write a definition and scope ("what it is not") for each theme', id: 'Tulis definisi dan batasan ("apa yang bukan") untuk setiap tema' },
    { key: 'name', en: 'Give each theme a concise, informative name', id: 'Beri setiap tema nama yang ringkas dan informatif' },
    { key: 'exemplars', en: 'Choose exemplar extracts for each theme', id: 'Pilih kutipan contoh untuk setiap tema' },
    { key: 'story', en: 'Say how the themes fit together into the overall story', id: 'Jelaskan bagaimana tema-tema membentuk cerita keseluruhan' },
  ],
  6: [
    { key: 'vivid', en: 'Pick vivid extracts that capture the essence of each theme', id: 'Pilih kutipan yang hidup dan menangkap inti setiap tema' },
    { key: 'argument', en: 'Relate the analysis to the research question and the literature', id: 'Kaitkan analisis dengan pertanyaan penelitian dan literatur' },
    { key: 'counts-support', en: 'Use counts to support interpretation, never to replace it', id: 'Gunakan hitungan untuk mendukung interpretasi, bukan menggantikannya' },
    { key: 'report-checked', en: 'Export the report and read it through once', id: 'Ekspor laporan dan baca sekali lagi secara menyeluruh' },
  ],
};
