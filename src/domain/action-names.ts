/**
 * What each recorded contract action did, as a short phrase in English and Bahasa Indonesia,
 * lower-case so it reads inside a sentence: the undo button says "Undo: apply a code", the
 * report's audit appendix "Apply a code". One table for both, so a new action is named once.
 */
const PHRASES = {
  en: {
    'project.update': 'edit the project details', 'project.setPhase': 'move to another phase',
    'informantTypes.create': 'add an informant type', 'informantTypes.update': 'edit an informant type', 'informantTypes.delete': 'delete an informant type',
    'informants.create': 'add an informant', 'informants.update': 'edit an informant', 'informants.delete': 'delete an informant',
    'documents.rename': 'rename a transcript', 'documents.assign': 'assign a transcript to informants', 'documents.delete': 'delete a transcript',
    'documents.setSpeaker': 'say who a speaker is', 'documents.swapRoles': 'swap interviewer and informant',
    'documents.editText': 'edit a transcript', 'documents.replaceText': 'replace a transcript with a corrected version', 'documents.splitTurn': 'split a speaker turn', 'documents.joinTurns': 'join two speaker turns',
    'documents.setTurnSpeaker': 'change a turn\'s speaker',
    import: 'import transcripts', 'import.files': 'import transcripts', 'import.folder': 'import transcripts',
    'codes.create': 'create a code', 'codes.update': 'edit a code', 'codes.move': 'move a code in the codebook', 'codes.merge': 'merge two codes', 'codes.delete': 'delete a code',
    'hotkeys.set': 'pin a key to a code',
    'codings.apply': 'apply a code', 'codings.remove': 'remove a coding', 'codings.recode': 'recode a passage', 'codings.resolve': 'settle a disagreement', 'search.code': 'code search hits',
    'memos.create': 'write a memo', 'memos.update': 'edit a memo', 'memos.delete': 'delete a memo',
    'themes.create': 'create a theme', 'themes.update': 'edit a theme', 'themes.addCodes': 'add codes to a theme', 'themes.removeCodes': 'take codes out of a theme',
    'themes.delete': 'delete a theme', 'themes.split': 'split a theme', 'themes.merge': 'merge two themes', 'themes.setConvergence': 'record a convergence judgement',
    'board.moveCode': 'move a code to another theme',
    'themeLinks.create': 'link themes', 'themeLinks.update': 'edit a link', 'themeLinks.delete': 'delete a link',
    'map.move': 'arrange the theme map', 'map.resetLayout': 'reset the map layout',
    'comments.add': 'comment', 'comments.resolve': 'resolve a comment', 'comments.importReview': 'import a supervisor\'s comments', 'phases.check': 'tick a checklist item',
    'redactions.add': 'mark a name to hide', 'redactions.update': 'edit a name to hide', 'redactions.remove': 'unmark a name to hide',
    'deid.apply': 'de-identify the transcripts',
    'coders.add': 'add a coder', 'coders.rename': 'rename a coder', 'coders.setColour': 'change a coder\'s colour',
    'refi.importProject': 'import a REFI-QDA project', 'refi.importCodebook': 'import a codebook',
    'taguette.importCodebook': 'import a Taguette codebook',
    'team.merge': 'merge a coder\'s copy',
    'recordings.link': 'link a recording', 'recordings.unlink': 'unlink a recording', 'turns.setTime': 'set a turn\'s time',
  },
  id: {
    'project.update': 'mengubah detail proyek', 'project.setPhase': 'berpindah fase',
    'informantTypes.create': 'menambah jenis informan', 'informantTypes.update': 'mengubah jenis informan', 'informantTypes.delete': 'menghapus jenis informan',
    'informants.create': 'menambah informan', 'informants.update': 'mengubah informan', 'informants.delete': 'menghapus informan',
    'documents.rename': 'mengganti nama transkrip', 'documents.assign': 'menautkan transkrip ke informan', 'documents.delete': 'menghapus transkrip',
    'documents.setSpeaker': 'menetapkan siapa pembicara', 'documents.swapRoles': 'menukar pewawancara dan informan',
    'documents.editText': 'menyunting transkrip', 'documents.replaceText': 'mengganti transkrip dengan versi perbaikan', 'documents.splitTurn': 'memecah giliran bicara', 'documents.joinTurns': 'menggabungkan dua giliran bicara',
    'documents.setTurnSpeaker': 'mengganti pembicara sebuah giliran',
    import: 'mengimpor transkrip', 'import.files': 'mengimpor transkrip', 'import.folder': 'mengimpor transkrip',
    'codes.create': 'membuat kode', 'codes.update': 'mengubah kode', 'codes.move': 'memindah kode di buku kode', 'codes.merge': 'menggabungkan dua kode', 'codes.delete': 'menghapus kode',
    'hotkeys.set': 'menyematkan tombol pada kode',
    'codings.apply': 'menerapkan kode', 'codings.remove': 'menghapus pengodean', 'codings.recode': 'mengganti kode sebuah kutipan', 'codings.resolve': 'menyelesaikan ketidaksepakatan', 'search.code': 'mengode hasil pencarian',
    'memos.create': 'menulis memo', 'memos.update': 'mengubah memo', 'memos.delete': 'menghapus memo',
    'themes.create': 'membuat tema', 'themes.update': 'mengubah tema', 'themes.addCodes': 'menambah kode ke tema', 'themes.removeCodes': 'mengeluarkan kode dari tema',
    'themes.delete': 'menghapus tema', 'themes.split': 'memecah tema', 'themes.merge': 'menggabungkan dua tema', 'themes.setConvergence': 'mencatat penilaian konvergensi',
    'board.moveCode': 'memindahkan kode ke tema lain',
    'themeLinks.create': 'menautkan tema', 'themeLinks.update': 'mengubah tautan', 'themeLinks.delete': 'menghapus tautan',
    'map.move': 'menata peta tema', 'map.resetLayout': 'mengatur ulang tata letak peta',
    'comments.add': 'menulis komentar', 'comments.resolve': 'menandai komentar selesai', 'comments.importReview': 'mengimpor komentar pembimbing', 'phases.check': 'mencentang daftar periksa',
    'redactions.add': 'menandai nama untuk disamarkan', 'redactions.update': 'mengubah nama yang disamarkan', 'redactions.remove': 'membatalkan penyamaran nama',
    'deid.apply': 'menyamarkan identitas dalam transkrip',
    'coders.add': 'menambahkan pengode', 'coders.rename': 'mengganti nama pengode', 'coders.setColour': 'mengubah warna pengode',
    'refi.importProject': 'mengimpor proyek REFI-QDA', 'refi.importCodebook': 'mengimpor buku kode',
    'taguette.importCodebook': 'mengimpor buku kode Taguette',
    'team.merge': 'menggabungkan salinan pengode',
    'recordings.link': 'menautkan rekaman', 'recordings.unlink': 'melepas rekaman', 'turns.setTime': 'menetapkan waktu giliran',
  },
} as const satisfies Record<'en' | 'id', Record<string, string>>;

type Action = keyof typeof PHRASES.en;

/** The phrase for a recorded action in `language`, or null for an action this table does not know. */
export function actionPhrase(action: string | null | undefined, language: 'en' | 'id'): string | null {
  return action && Object.hasOwn(PHRASES.en, action) ? PHRASES[language][action as Action] : null;
}
