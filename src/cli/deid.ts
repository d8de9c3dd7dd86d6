import type { Invoke } from '../api/contract';
import type { DeidApplyResult, DeidPreview, ShareResult } from '../domain/deid';
import { TematikError } from '../domain/errors';
import { defineMessages, type Language } from '../domain/text';

const say = defineMessages({
  en: {
    namesHead: 'Names looked for ({count}): name → what it becomes, hits',
    name: '  {id}  "{name}" ({kind}) → "{replacement}": {hits}',
    hitsHead: 'Hits ({count}):',
    hit: '  {id}  {title}{turn}: …{before}[{text} → {replacement}]{after}…',
    turn: ', turn {seq} ({speaker})',
    noHits: 'No name was found in the transcripts.',
    suspectsHead: 'Still looks like a name (a capitalised word after an honorific no name covers): add it to the names to hide if it is one.',
    suspect: '  "{word}" ({count}×), first in "{where}": …{context}…',
    applyHint: 'Apply with: tematik deid-apply <project> [--skip-name ID]… [--skip-hit ID]…',
    applied: 'Replaced {replaced} name(s) in {documents} transcript(s) as one step ({codings} coding(s) adjusted). The key holds each real name and its pseudonym: tematik deid-key <project> --out key.csv. Undo with: tematik undo <project>',
    noName: 'No name "{name}" in the list the finder uses. See tematik deid-find <project>.',
    shared: 'Wrote the de-identified copy to {path}{qdpx}. Report: {report}',
    sharedQdpx: ' and {path}',
  },
  id: {
    namesHead: 'Nama yang dicari ({count}): nama → penggantinya, temuan',
    name: '  {id}  "{name}" ({kind}) → "{replacement}": {hits}',
    hitsHead: 'Temuan ({count}):',
    hit: '  {id}  {title}{turn}: …{before}[{text} → {replacement}]{after}…',
    turn: ', giliran bicara {seq} ({speaker})',
    noHits: 'Tidak ada nama yang ditemukan di transkrip.',
    suspectsHead: 'Masih tampak seperti nama (kata berhuruf kapital sesudah sapaan yang tidak tercakup nama mana pun): tambahkan ke nama yang disamarkan bila memang nama.',
    suspect: '  "{word}" ({count}×), pertama di "{where}": …{context}…',
    applyHint: 'Terapkan dengan: tematik deid-apply <proyek> [--skip-name ID]… [--skip-hit ID]…',
    applied: '{replaced} nama di {documents} transkrip diganti dalam satu langkah ({codings} pengodean disesuaikan). Kunci menyimpan setiap nama asli dan samarannya: tematik deid-key <proyek> --out kunci.csv. Urungkan dengan: tematik undo <proyek>',
    noName: 'Tidak ada nama "{name}" di daftar yang dipakai pencari. Lihat tematik deid-find <proyek>.',
    shared: 'Salinan yang identitasnya disamarkan ditulis ke {path}{qdpx}. Laporan: {report}',
    sharedQdpx: ' dan {path}',
  },
});

/** `tematik deid-find`: the names, every hit with its context and what it becomes, and the possible names left. */
export function previewText(preview: DeidPreview, language: Language): string {
  const t = (key: Parameters<typeof say>[0], params?: Parameters<typeof say>[1]): string => say(key, params)[language];
  const lines = [t('namesHead', { count: preview.names.length }), ...preview.names.map((n) => t('name', { id: n.id, name: n.name, kind: n.kind, replacement: n.replacement, hits: n.hits }))];
  lines.push('');
  if (preview.hits.length === 0) lines.push(t('noHits'));
  else {
    lines.push(t('hitsHead', { count: preview.hits.length }));
    for (const h of preview.hits) {
      lines.push(t('hit', {
        id: h.id, title: h.documentTitle, turn: h.turnSeq === null ? '' : t('turn', { seq: String(h.turnSeq), speaker: h.speaker ?? '' }),
        before: h.before, text: h.text, replacement: h.replacement, after: h.after,
      }));
    }
  }
  if (preview.suspects.length) {
    lines.push('', t('suspectsHead'), ...preview.suspects.map((s) => t('suspect', { word: s.word, count: s.count, where: s.where, context: s.context })));
  }
  if (preview.hits.length) lines.push('', t('applyHint'));
  return lines.join('\n');
}

/**
 * `tematik deid-apply`: previews and applies at once, leaving out the names given by id
 * ("informant:3") or as written, and the hits given by id.
 */
export async function applyCommand(invoke: Invoke, options: { skipNames: readonly string[]; skipHits: readonly string[]; placeholder?: string | undefined; language: Language }): Promise<{ value: DeidApplyResult; text: string }> {
  const preview = await invoke('deid.preview', options.placeholder ? { placeholder: options.placeholder } : {});
  const skipNames = options.skipNames.map((given) => {
    const found = preview.names.find((n) => n.id === given) ?? preview.names.find((n) => n.name.toLocaleLowerCase() === given.trim().toLocaleLowerCase());
    if (!found) throw new TematikError('invalid_args', say('noName', { name: given }));
    return found.id;
  });
  const value = await invoke('deid.apply', {
    fingerprint: preview.fingerprint, skipNames, skipHits: [...options.skipHits], ...(options.placeholder ? { placeholder: options.placeholder } : {}),
  });
  return { value, text: say('applied', { replaced: value.replaced, documents: value.documents, codings: value.codingsChanged })[options.language] };
}

export function shareText(result: ShareResult, language: Language): string {
  const qdpx = result.qdpxPath ? say('sharedQdpx', { path: result.qdpxPath })[language] : '';
  return `${say('shared', { path: result.path, qdpx, report: result.reportPath })[language]}\n\n${result.report}`;
}
