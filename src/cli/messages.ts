import { defineMessages } from '../domain/text';

/** What the CLI itself refuses, beyond what the actions it calls say. */
export const say = defineMessages({
  en: {
    noInformantType: 'No informant type "{type}". See "tematik list <project> types".',
    noInformant: 'No informant labelled "{label}". See "tematik list <project> informants".',
    noDocument: 'No document "{ref}". See "tematik list <project> documents" for ids and titles.',
    passageMissing: 'The passage "{passage}" does not occur in "{title}". Copy it exactly, or use --start/--end.',
    passageRepeated: 'The passage occurs more than once in "{title}". Make it longer, or use --start/--end.',
    noBackupToRestore: 'There is no backup of {project} that this Tematik can restore. See "tematik backups {project}".',
  },
  id: {
    noInformantType: 'Tidak ada jenis informan "{type}". Lihat "tematik list <project> types".',
    noInformant: 'Tidak ada informan berlabel "{label}". Lihat "tematik list <project> informants".',
    noDocument: 'Tidak ada transkrip "{ref}". Lihat id dan judulnya dengan "tematik list <project> documents".',
    passageMissing: 'Bagian teks "{passage}" tidak ada di "{title}". Salin persis, atau pakai --start/--end.',
    passageRepeated: 'Bagian teks itu muncul lebih dari sekali di "{title}". Perpanjang kutipannya, atau pakai --start/--end.',
    noBackupToRestore: 'Tidak ada cadangan {project} yang dapat dipulihkan oleh Tematik versi ini. Lihat "tematik backups {project}".',
  },
});
