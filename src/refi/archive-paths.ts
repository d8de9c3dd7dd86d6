import { checkEntryName, type SafeZip, type ZipEntry } from './safe-zip';

/** Where a REFI-QDA path attribute (`plainTextPath`, `richTextPath`) leads. */
export type ArchivePath =
  | { readonly kind: 'entry'; readonly entry: ZipEntry; /** Named by something other than internal://. */ readonly byName: boolean }
  /** An internal:// file the archive does not hold. */
  | { readonly kind: 'absent'; readonly looked: string }
  /** A path outside the archive, with no file of its name inside it. */
  | { readonly kind: 'outside'; readonly looked: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/is;

/**
 * Finds the archive entry a path attribute names, reading only the archive. `internal://x`
 * is `sources/x` (NVivo 14 writes `Sources/`; names compare case-insensitively), and one that
 * climbs out of sources/ refuses the whole file, as a crafted archive. Anything else
 * (`relative://x`, `absolute://x`, `file://x`, qc's bare "board_2017.txt", a relative path)
 * is looked up inside sources/: by its relative path, then by its last part; a path that
 * leaves the archive is never followed, only its file name is looked for. A name without an
 * extension (MAXQDA) also finds the file of that name with `extension`.
 */
export function findInArchive(zip: SafeZip, pathAttr: string, extension: '.txt' | '.docx'): ArchivePath {
  const scheme = SCHEME.exec(pathAttr);
  const kind = scheme ? scheme[1]!.toLowerCase() : 'bare';
  const rest = decoded(scheme ? scheme[2]! : pathAttr).replace(/\\/g, '/');
  const lookUp = (name: string): ZipEntry | undefined =>
    zip.entry(name) ?? (/\.[^./]+$/.test(name) ? undefined : zip.entry(`${name}${extension}`));
  if (kind === 'internal') {
    const name = `sources/${rest.replace(/^\/+/, '')}`;
    checkEntryName(name, zip.label);
    const entry = lookUp(name);
    return entry ? { kind: 'entry', entry, byName: false } : { kind: 'absent', looked: name };
  }
  const relative = rest.replace(/^\/+/, '');
  const parts = relative.split('/');
  const inside = kind !== 'absolute' && kind !== 'file' && !/^[a-z]:/i.test(relative) && parts.every((p) => p !== '..' && p !== '');
  const last = parts.at(-1) ?? '';
  const candidates = [
    ...(inside ? [`sources/${relative}`, ...(/^sources\//i.test(relative) ? [relative] : [])] : []),
    ...(last !== '' && last !== '.' && last !== '..' ? [`sources/${last}`] : []),
  ];
  for (const name of candidates) {
    const entry = lookUp(name);
    if (entry) return { kind: 'entry', entry, byName: true };
  }
  return { kind: 'outside', looked: `sources/${last || '…'}` };
}

function decoded(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name; // a literal '%' in the name
  }
}
