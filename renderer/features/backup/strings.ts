import { defineStrings } from '../../i18n/i18n';

export const backupStrings = defineStrings({
  en: {
    backUpNow: 'Back up now', restoreFromBackup: 'Restore from backup…', backedUp: 'Backed up: {file}',
    title: 'Restore from backup', keptIn: 'Backups of {file} are kept in {folder}.', loading: 'Reading the backups…',
    none: 'No backups yet. Tematik makes one on each day you work on the project, before it upgrades the project\'s format, and before a restore or a merge; "Back up now" makes one at once.',
    when: 'Made', kind: 'Kind', documents: 'Transcripts', codings: 'Codings', size: 'Size', restore: 'Restore', restoreThis: 'Restore the backup of {when}',
    unknown: '?', close: 'Close', cancel: 'Cancel', back: 'Back',
    kindDaily: 'Daily', kindManual: 'Backed up by hand', kindMigration: 'Before a format upgrade', kindBeforeRestore: 'Before a restore', kindBeforeMerge: 'Before a merge',
    confirmTitle: 'Restore the backup of {when}?',
    confirmReplace: 'The project will be replaced by this backup ({documents} transcripts, {codings} codings). Whatever was changed after {when} will no longer be in it.',
    confirmKept: 'The current file is kept as a backup too ("Before a restore"), so you can go back to it from this list.',
    confirmRestore: 'Restore', restoring: 'Restoring…',
    limits: 'Tematik keeps the last {daily} daily backups, {manual} made by hand, and {other} of each other kind.',
  },
  id: {
    backUpNow: 'Cadangkan sekarang', restoreFromBackup: 'Pulihkan dari cadangan…', backedUp: 'Dicadangkan: {file}',
    title: 'Pulihkan dari cadangan', keptIn: 'Cadangan {file} disimpan di {folder}.', loading: 'Membaca cadangan…',
    none: 'Belum ada cadangan. Tematik membuatnya setiap hari Anda mengerjakan proyek, sebelum memperbarui format proyek, dan sebelum pemulihan atau penggabungan; "Cadangkan sekarang" langsung membuatnya.',
    when: 'Dibuat', kind: 'Jenis', documents: 'Transkrip', codings: 'Pengodean', size: 'Ukuran', restore: 'Pulihkan', restoreThis: 'Pulihkan cadangan {when}',
    unknown: '?', close: 'Tutup', cancel: 'Batal', back: 'Kembali',
    kindDaily: 'Harian', kindManual: 'Dicadangkan manual', kindMigration: 'Sebelum pembaruan format', kindBeforeRestore: 'Sebelum pemulihan', kindBeforeMerge: 'Sebelum penggabungan',
    confirmTitle: 'Pulihkan cadangan {when}?',
    confirmReplace: 'Proyek akan diganti dengan cadangan ini ({documents} transkrip, {codings} pengodean). Apa pun yang diubah setelah {when} tidak akan ada lagi di dalamnya.',
    confirmKept: 'Berkas saat ini juga disimpan sebagai cadangan ("Sebelum pemulihan"), jadi Anda dapat kembali ke sana dari daftar ini.',
    confirmRestore: 'Pulihkan', restoring: 'Memulihkan…',
    limits: 'Tematik menyimpan {daily} cadangan harian terakhir, {manual} cadangan manual, dan {other} dari setiap jenis lainnya.',
  },
});
