import type { LocalClient } from '../../../src/api/client';
import type { ThemeId } from '../../../src/domain/ids';
import { addDocument } from '../../helpers/documents';

/** Text that breaks out of HTML, script blocks, attributes, CDATA and JavaScript strings if anything is not escaped. */
export const HOSTILE = '<script>alert(1)</script></script></textarea>"\'><img src=x onerror=alert(2)>]]><!-- \u2028\u2029 & &amp; 😀 ${1}';

/** A project with the hostile text in every field a review package shows. */
export async function hostileProject(client: LocalClient): Promise<{ themeId: ThemeId; quote: string }> {
  const invoke: LocalClient['invoke'] = (name, args) => client.invoke(name, args);
  await invoke('project.update', { name: `Studi ${HOSTILE}`, description: HOSTILE });
  const type = await invoke('informantTypes.create', { name: `Jenis ${HOSTILE}` });
  const informant = await invoke('informants.create', { label: 'P-01', name: `Nama ${HOSTILE}`, typeId: type.id });
  const quote = `Kata informan ${HOSTILE} selesai.`;
  const doc = await addDocument(client, `Transkrip ${HOSTILE}`, `${quote}\nBaris kedua.`);
  await invoke('documents.assign', { id: doc, informantIds: [informant.id] });
  const { codeId } = await invoke('codings.apply', { documentId: doc, start: 0, end: quote.length, codeName: `Kode ${HOSTILE}` });
  await invoke('codes.update', { id: codeId, description: HOSTILE });
  const theme = await invoke('themes.create', { name: `Tema ${HOSTILE}`, codeIds: [codeId] });
  const other = await invoke('themes.create', { name: 'Tema kedua', codeIds: [codeId] });
  await invoke('themes.update', { id: theme.id, definition: HOSTILE, scope: HOSTILE, finding: HOSTILE });
  await invoke('themes.setConvergence', { id: theme.id, convergence: 'dissonance', reason: HOSTILE });
  await invoke('themeLinks.create', { fromThemeId: theme.id, toThemeId: other.id, kind: 'contradicts', label: HOSTILE });
  await invoke('comments.add', { target: { kind: 'theme', id: theme.id }, body: HOSTILE });
  await invoke('memos.create', { kind: 'journal', title: HOSTILE, body: HOSTILE, target: { kind: 'project' } });
  return { themeId: theme.id, quote };
}
