import fs from 'node:fs';
import path from 'node:path';
import type { Recording, RecordingStatusKind } from '../domain/recordings';
import { fingerprintOf } from './fingerprint';

export interface Located {
  readonly status: RecordingStatusKind;
  readonly path: string | null;
  readonly lookedAt: readonly string[];
  readonly differs: string | null;
}

/**
 * The places a linked recording may be, in order: its path relative to the project (the folder
 * moved with the project, or was copied to another computer), the absolute path it was linked
 * from, then a file of the same name beside the project (the recordings were put next to it).
 */
export function candidatePaths(recording: Pick<Recording, 'relativePath' | 'absolutePath' | 'fileName'>, projectFile: string): string[] {
  const folder = path.dirname(path.resolve(projectFile));
  const places = [
    recording.relativePath !== null ? path.resolve(folder, recording.relativePath) : null,
    recording.absolutePath,
    path.join(folder, recording.fileName),
  ];
  return [...new Set(places.filter((p): p is string => p !== null))];
}

/** The file at `file` when it is a regular file of that size and fingerprint; 'differs' when a file is there with other content. */
function check(file: string, size: number, fingerprint: string): 'same' | 'differs' | 'absent' {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return 'absent';
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return 'differs';
    return stat.size === size && fingerprintOf(fd, size) === fingerprint ? 'same' : 'differs';
  } catch {
    return 'absent';
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Where a linked recording is now. A file is taken only when its size and fingerprint are the
 * linked file's, so a different interview of the same name, or a path replaced by a link to
 * another file, is never played as this transcript's recording.
 */
export function locateRecording(recording: Recording, projectFile: string): Located {
  if (recording.embedded) return { status: 'embedded', path: null, lookedAt: [], differs: null };
  const lookedAt = candidatePaths(recording, projectFile);
  let differs: string | null = null;
  for (const place of lookedAt) {
    const found = check(place, recording.size, recording.fingerprint);
    if (found === 'same') {
      const where = path.resolve(place) === recording.absolutePath ? 'found' : 'moved';
      return { status: where, path: place, lookedAt, differs: null };
    }
    if (found === 'differs') differs ??= place;
  }
  return { status: 'missing', path: null, lookedAt, differs };
}
