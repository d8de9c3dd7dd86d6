/** Characters no file name may hold on Windows (the strictest system) and control characters. */
const FORBIDDEN = /[\\/:*?"<>|\x00-\x1f\x7f]+/g;
/** Names Windows reserves whatever the extension ("CON.xlsx" cannot be created there). */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
/** Leaves room for the folder in Windows' 260-character paths and for the extension. */
const MAX_STEM = 120;

/**
 * The file name of a project's export, "Studi UMKM – codebook.xlsx", safe on Windows, macOS
 * and Linux: forbidden characters become "_", leading and trailing dots and spaces go (Windows
 * drops trailing ones silently), reserved device names get a suffix, and the name is cut to a
 * length every system accepts.
 * @param what what the file holds ("codebook"); empty for the whole project
 * @param extension with the dot: ".xlsx"
 */
export function exportFileName(projectName: string, what: string, extension: string): string {
  const clean = (text: string) => text.normalize('NFC').replace(FORBIDDEN, '_').replace(/\s+/g, ' ').replace(/^[.\s]+|[.\s]+$/g, '');
  const project = clean(projectName);
  const part = clean(what);
  let stem = project && part ? `${project} – ${part}` : project || part || 'project';
  if (RESERVED.test(stem)) stem = `${stem}_`;
  if (stem.length > MAX_STEM) stem = [...stem].slice(0, MAX_STEM).join('').replace(/[.\s]+$/, '');
  return `${stem}${extension}`;
}
