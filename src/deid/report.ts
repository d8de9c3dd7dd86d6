import type { DeidSuspect, ShareCount } from '../domain/deid';
import { defineMessages, type Language } from '../domain/text';

const say = defineMessages({
  en: {
    title: 'De-identified copy of a Tematik project',
    copy: 'Copy: {path}',
    qdpx: 'REFI-QDA: {path}',
    keep: 'This report lists the real names that were replaced. Keep it with the project; do not send it with the copy.',
    replaced: 'Replaced ({total} in all):',
    line: '- "{name}" → "{replacement}": {total}',
    inDocument: '    {title}: {count}',
    elsewhere: '    elsewhere (speaker labels, memos, journal, comments, codes, themes, informants, attributes, titles): {count}',
    noneReplaced: 'No name was found anywhere in the project.',
    suspects: 'Still looks like a name (a capitalised word after an honorific that no name covers). Add it to the names to hide if it is one, and share again:',
    suspect: '- "{word}" ({count}×), first in "{where}": …{context}…',
    noSuspects: 'Nothing else looks like a name after an honorific.',
    leftOut: 'Left out of the copy: the de-identification key, the list of names to hide, the undo history and the audit trail. The search index was rebuilt from the de-identified text.',
  },
  id: {
    title: 'Salinan proyek Tematik yang identitasnya disamarkan',
    copy: 'Salinan: {path}',
    qdpx: 'REFI-QDA: {path}',
    keep: 'Laporan ini memuat nama asli yang diganti. Simpan bersama proyek; jangan kirimkan bersama salinannya.',
    replaced: 'Diganti ({total} seluruhnya):',
    line: '- "{name}" → "{replacement}": {total}',
    inDocument: '    {title}: {count}',
    elsewhere: '    di tempat lain (label pembicara, memo, jurnal, komentar, kode, tema, informan, atribut, judul): {count}',
    noneReplaced: 'Tidak ada nama yang ditemukan di mana pun dalam proyek.',
    suspects: 'Masih tampak seperti nama (kata berhuruf kapital sesudah sapaan yang tidak tercakup nama mana pun). Tambahkan ke nama yang disamarkan bila memang nama, lalu bagikan lagi:',
    suspect: '- "{word}" ({count}×), pertama di "{where}": …{context}…',
    noSuspects: 'Tidak ada lagi yang tampak seperti nama sesudah sapaan.',
    leftOut: 'Tidak disertakan dalam salinan: kunci penyamaran, daftar nama yang disamarkan, riwayat urungkan, dan jejak audit. Indeks pencarian dibuat ulang dari teks yang sudah disamarkan.',
  },
});

/** The report written beside a de-identified copy and shown to the user: what was replaced, per name and transcript, and what still looks like a name. */
export function shareReport(outcome: { path: string; qdpxPath: string | null; counts: readonly ShareCount[]; suspects: readonly DeidSuspect[] }, language: Language): string {
  const t = (key: Parameters<typeof say>[0], params?: Parameters<typeof say>[1]) => say(key, params)[language];
  const lines = [t('title'), '', t('copy', { path: outcome.path })];
  if (outcome.qdpxPath) lines.push(t('qdpx', { path: outcome.qdpxPath }));
  lines.push('', t('keep'), '');
  const total = outcome.counts.reduce((sum, c) => sum + c.total, 0);
  if (outcome.counts.length === 0) lines.push(t('noneReplaced'));
  else {
    lines.push(t('replaced', { total }));
    for (const c of outcome.counts) {
      lines.push(t('line', { name: c.name, replacement: c.replacement, total: c.total }));
      for (const [title, count] of Object.entries(c.documents)) lines.push(t('inDocument', { title, count }));
      if (c.elsewhere) lines.push(t('elsewhere', { count: c.elsewhere }));
    }
  }
  lines.push('');
  if (outcome.suspects.length === 0) lines.push(t('noSuspects'));
  else {
    lines.push(t('suspects'));
    for (const s of outcome.suspects) lines.push(t('suspect', { word: s.word, count: s.count, where: s.where, context: s.context }));
  }
  lines.push('', t('leftOut'), '');
  return lines.join('\n');
}
