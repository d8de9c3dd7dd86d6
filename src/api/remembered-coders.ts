import fs from 'node:fs';
import path from 'node:path';

/**
 * "Who is coding?" is answered once per project on each machine: the answer is kept in the app's
 * data folder, not in the project (which travels to the other coders), keyed by the project's
 * GUID so it follows a project that is moved or renamed. A file copied by hand keeps the GUID, so on
 * this machine it opens as the same coder until someone chooses another; a copy made for another
 * coder (src/team/make-copy.ts) has a GUID of its own and opens as the coder it was made for.
 */
const fileIn = (dataDir: string) => path.join(dataDir, 'coders.json');

/** How many projects' answers are kept; the oldest are forgotten. */
const MAX_PROJECTS = 200;

function readAll(dataDir: string): Record<string, string> {
  try {
    const value = JSON.parse(fs.readFileSync(fileIn(dataDir), 'utf8')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== ''));
  } catch {
    // No list yet, or a damaged one: nobody is remembered, which only means the question is asked again.
    return {};
  }
}

/** The coder this machine last chose for the project, if any. */
export function rememberedCoder(dataDir: string | undefined, projectGuid: string): string | undefined {
  return dataDir ? readAll(dataDir)[projectGuid] : undefined;
}

export function rememberCoder(dataDir: string | undefined, projectGuid: string, name: string): void {
  if (!dataDir) return;
  const all = readAll(dataDir);
  delete all[projectGuid];
  const kept = Object.entries(all).slice(-(MAX_PROJECTS - 1));
  fs.mkdirSync(dataDir, { recursive: true });
  const target = fileIn(dataDir);
  fs.writeFileSync(`${target}.tmp`, JSON.stringify(Object.fromEntries([...kept, [projectGuid, name]]), null, 2));
  fs.renameSync(`${target}.tmp`, target);
}
