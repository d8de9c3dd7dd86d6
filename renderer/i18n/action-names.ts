import { defineStrings, translate, type Language } from './i18n';

/**
 * What each undoable contract action did, as a short phrase in the interface language:
 * the undo and redo buttons name the step ("Undo: apply a code") in words the researcher
 * reads, and keep the store's English summary as the detail.
 */
export const actionNames = defineStrings({
  en: {
    'project.update': 'edit the project details', 'project.setPhase': 'move to another phase',
    'informantTypes.create': 'add an informant type', 'informantTypes.update': 'edit an informant type', 'informantTypes.delete': 'delete an informant type',
    'informants.create': 'add an informant', 'informants.update': 'edit an informant', 'informants.delete': 'delete an informant',
    'documents.rename': 'rename a transcript', 'documents.assign': 'assign a transcript to informants', 'documents.delete': 'delete a transcript',
    'documents.setSpeaker': 'say who a speaker is', 'documents.swapRoles': 'swap interviewer and informant',
    'hotkeys.set': 'pin a key to a code', 'board.moveCode': 'move a code to another theme',
    import: 'import transcripts',
    'codes.create': 'create a code', 'codes.update': 'edit a code', 'codes.move': 'move a code in the codebook', 'codes.merge': 'merge two codes', 'codes.delete': 'delete a code',
    'codings.apply': 'apply a code', 'codings.remove': 'remove a coding', 'codings.recode': 'recode a passage', 'search.code': 'code search hits',
    'memos.create': 'write a memo', 'memos.update': 'edit a memo', 'memos.delete': 'delete a memo',
    'themes.create': 'create a theme', 'themes.update': 'edit a theme', 'themes.addCodes': 'add codes to a theme', 'themes.removeCodes': 'take codes out of a theme',
    'themes.delete': 'delete a theme', 'themes.split': 'split a theme', 'themes.merge': 'merge two themes', 'themes.setConvergence': 'record a convergence judgement',
    'themeLinks.create': 'link themes', 'themeLinks.update': 'edit a link', 'themeLinks.delete': 'delete a link',
    'map.move': 'move nodes on the map', 'map.resetLayout': 'reset the map layout',
    'comments.add': 'comment', 'comments.resolve': 'resolve a comment', 'phases.check': 'tick a checklist item',
    'refi.importProject': 'import a REFI-QDA project', 'refi.importCodebook': 'import a codebook',
    unknown: 'the last change',
  },
  id: {
    'project.update': 'mengubah detail proyek', 'project.setPhase': 'berpindah fase',
    'informantTypes.create': 'menambah jenis informan', 'informantTypes.update': 'mengubah jenis informan', 'informantTypes.delete': 'menghapus jenis informan',
    'informants.create': 'menambah informan', 'informants.update': 'mengubah informan', 'informants.delete': 'menghapus informan',
    'documents.rename': 'mengganti nama transkrip', 'documents.assign': 'menautkan transkrip ke informan', 'documents.delete': 'menghapus transkrip',
    'documents.setSpeaker': 'menetapkan siapa pembicara', 'documents.swapRoles': 'menukar pewawancara dan informan',
    'hotkeys.set': 'menyematkan tombol pada kode', 'board.moveCode': 'memindahkan kode ke tema lain',
    import: 'mengimpor transkrip',
    'codes.create': 'membuat kode', 'codes.update': 'mengubah kode', 'codes.move': 'memindah kode di buku kode', 'codes.merge': 'menggabungkan dua kode', 'codes.delete': 'menghapus kode',
    'codings.apply': 'menerapkan kode', 'codings.remove': 'menghapus pengodean', 'codings.recode': 'mengganti kode sebuah kutipan', 'search.code': 'mengode hasil pencarian',
    'memos.create': 'menulis memo', 'memos.update': 'mengubah memo', 'memos.delete': 'menghapus memo',
    'themes.create': 'membuat tema', 'themes.update': 'mengubah tema', 'themes.addCodes': 'menambah kode ke tema', 'themes.removeCodes': 'mengeluarkan kode dari tema',
    'themes.delete': 'menghapus tema', 'themes.split': 'memecah tema', 'themes.merge': 'menggabungkan dua tema', 'themes.setConvergence': 'mencatat penilaian konvergensi',
    'themeLinks.create': 'menautkan tema', 'themeLinks.update': 'mengubah tautan', 'themeLinks.delete': 'menghapus tautan',
    'map.move': 'memindah simpul di peta', 'map.resetLayout': 'mengatur ulang tata letak peta',
    'comments.add': 'menulis komentar', 'comments.resolve': 'menandai komentar selesai', 'phases.check': 'mencentang daftar periksa',
    'refi.importProject': 'mengimpor proyek REFI-QDA', 'refi.importCodebook': 'mengimpor buku kode',
    unknown: 'perubahan terakhir',
  },
});

type ActionKey = keyof typeof actionNames.en;
const isKnown = (action: string): action is ActionKey => Object.hasOwn(actionNames.en, action);

/** The phrase for a contract action in `language`; an action this table does not know yet reads as "the last change". */
export function actionPhrase(action: string | null | undefined, language: Language): string {
  return translate(actionNames, language)(action && isKnown(action) ? action : 'unknown');
}
