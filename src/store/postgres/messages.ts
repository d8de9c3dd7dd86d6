import { defineMessages } from '../../domain/text';

/** What the PostgreSQL store tells the user, in both languages. */
export const say = defineMessages({
  en: {
    noProject: 'There is no team project {id} in this database: it was deleted, or the number is wrong. Ask the project\'s owner for its address, or publish the project again.',
    notTeamName: '"{name}" is not a team project: the team server opens projects by number (team:<number>).',
    locked: 'Team project {id} is open in another Tematik server process using the same database. One server process serves a project at a time: stop the other server, or work through it.',
    newer: 'Team project {id} was written by a newer version of Tematik (project format {version}; this server reads up to {supported}). Update the Tematik server; the project has not been changed.',
    notAsMade: 'Team project {id} in the database is not as Tematik writes it (its tables differ from format {version}): it cannot be opened. Restore the database from its last backup (pg_dump), or publish the project again from a copy of the file.',
    notAsMadeFile: '{file} is not a project as Tematik makes it: its tables or indexes differ from those of a Tematik project of this version. Open it in Tematik and save a copy (Project › Save a copy), or export it as REFI-QDA and import that into a new project.',
    damagedFile: 'Cannot publish {file}: {problem}',
    readOnlyFile: 'Cannot publish {file}: it could not be opened for writing here, which checking and updating it needs ({reason}). Copy it to a folder of your own and publish that copy.',
    writeFailed: 'The change could not be saved in the team server\'s database ({detail}), so it was not kept: team project {id} is as it was before it. Open the project again and repeat the change; if this keeps happening, tell the server\'s administrator.',
    closedAfterFailure: 'Team project {id} was closed because a change could not be saved in the server\'s database. Open it again: it opens as the database has it.',
    outExists: 'Cannot write the copy to {file}: a file with that name already exists. Choose another name, or move the existing file away first.',
    exists: 'Team project {id} exists in the database already: publishing does not write over a project. Publish it as a new project, or delete the old one first.',
    nul: 'Row {rowid} of {table} has a NUL character (U+0000) in {column}, which the team server\'s database cannot store. Remove that invisible character (it comes with text pasted from some programs) and try again.',
    notKept: 'The change was not kept, and team project {id} is as it was before it: open it again.',
    noCreate: 'A team project is made on the team server (Projects › New project, or "tematik publish"), not at "{name}".',
  },
  id: {
    noProject: 'Tidak ada proyek tim {id} di basis data ini: proyek itu sudah dihapus, atau nomornya salah. Tanyakan alamatnya kepada pemilik proyek, atau terbitkan lagi proyeknya.',
    notTeamName: '"{name}" bukan proyek tim: server tim membuka proyek menurut nomornya (team:<nomor>).',
    locked: 'Proyek tim {id} sedang dibuka oleh proses server Tematik lain yang memakai basis data yang sama. Satu proyek dilayani oleh satu proses server pada satu waktu: hentikan server yang lain, atau bekerjalah melaluinya.',
    newer: 'Proyek tim {id} ditulis oleh Tematik versi yang lebih baru (format proyek {version}; server ini hanya dapat membaca sampai {supported}). Perbarui server Tematik; proyek tidak diubah.',
    notAsMade: 'Proyek tim {id} di basis data tidak seperti yang ditulis Tematik (tabelnya berbeda dari format {version}): proyek tidak dapat dibuka. Pulihkan basis data dari cadangan terakhirnya (pg_dump), atau terbitkan lagi proyeknya dari salinan berkas.',
    notAsMadeFile: '{file} bukan proyek seperti yang dibuat Tematik: tabel atau indeksnya berbeda dari proyek Tematik versi ini. Buka di Tematik lalu simpan salinannya (Proyek › Simpan salinan), atau ekspor sebagai REFI-QDA lalu impor ke proyek baru.',
    damagedFile: 'Tidak dapat menerbitkan {file}: {problem}',
    readOnlyFile: 'Tidak dapat menerbitkan {file}: berkas itu tidak dapat dibuka untuk ditulis di sini, padahal memeriksa dan memperbaruinya memerlukan itu ({reason}). Salin ke folder Anda sendiri lalu terbitkan salinan itu.',
    writeFailed: 'Perubahan tidak dapat disimpan di basis data server tim ({detail}), jadi tidak disimpan: proyek tim {id} tetap seperti sebelum perubahan itu. Buka lagi proyeknya lalu ulangi perubahannya; jika ini terus terjadi, beri tahu administrator server.',
    closedAfterFailure: 'Proyek tim {id} ditutup karena sebuah perubahan tidak dapat disimpan di basis data server. Buka lagi: proyek dibuka seperti yang ada di basis data.',
    outExists: 'Tidak dapat menulis salinan ke {file}: sudah ada berkas dengan nama itu. Pilih nama lain, atau pindahkan dulu berkas yang ada.',
    exists: 'Proyek tim {id} sudah ada di basis data: menerbitkan tidak menimpa proyek. Terbitkan sebagai proyek baru, atau hapus dulu proyek yang lama.',
    nul: 'Baris {rowid} pada {table} berisi karakter NUL (U+0000) di {column}, yang tidak dapat disimpan oleh basis data server tim. Hapus karakter tak terlihat itu (biasanya terbawa dari teks yang ditempel dari program tertentu) lalu coba lagi.',
    notKept: 'Perubahan itu tidak disimpan, dan proyek tim {id} tetap seperti sebelumnya: buka lagi proyeknya.',
    noCreate: 'Proyek tim dibuat di server tim (Proyek › Proyek baru, atau "tematik publish"), bukan di "{name}".',
  },
});
