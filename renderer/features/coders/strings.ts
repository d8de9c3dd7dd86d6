import { defineStrings } from '../../i18n/i18n';

export const coderStrings = defineStrings({
  en: {
    title: 'Who is coding?',
    why: 'Several people code this project. Choose who you are: your codings, memos and comments are recorded under your name, and undo takes back only your own changes. This computer remembers your answer for this project.',
    current: 'coding now', codings: '{count} codings',
    someoneElse: 'Someone else', namePlaceholder: 'Your name, e.g. Rina', codeAs: 'Code under this name',
  },
  id: {
    title: 'Siapa yang mengode?',
    why: 'Beberapa orang mengode proyek ini. Pilih siapa Anda: pengodean, memo, dan komentar Anda dicatat atas nama Anda, dan urungkan hanya membatalkan perubahan Anda sendiri. Komputer ini mengingat jawaban Anda untuk proyek ini.',
    current: 'sedang mengode', codings: '{count} pengodean',
    someoneElse: 'Orang lain', namePlaceholder: 'Nama Anda, mis. Rina', codeAs: 'Mengode dengan nama ini',
  },
});
