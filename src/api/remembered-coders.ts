import fs from 'node:fs';
import path from 'node:path';

/**
 * "Who is coding?" is answered once per project on each machine: the answer is kept in the app's
 * data folder, not in the project (which travels to the other coders), keyed by the project's
 * GUID so it follows a project that is moved or renamed. A file copied by hand keeps the GUID, so on
 * this machine it opens as the same coder until someone chooses another; a copy made for another
 * coder (src/team/make-copy.ts) has a GUID of its own and opens as the coder it was made for.
 * Blind mode is kept the same way: it is this coder's way of working on this computer, not a property
 * of the project.
 */
const CODERS_FILE = 'coders.json';
const BLIND_FILE = 'blind-coding.json';

/** How many projects' answers are kept; the oldest are forgotten. */
const MAX_PROJECTS = 200;

function readAll<T>(dataDir: string, file: string, valid: (value: unknown) => value is T): Record<string, T> {
  try {
    const value = JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, T] => valid(entry[1])));
  } catch {
    // No list yet, or a damaged one: nothing is remembered, which only means the question is asked again.
    return {};
  }
}

/** Puts the project's answer last (the newest), forgetting the oldest beyond MAX_PROJECTS; `undefined` forgets it. */
function writeOne<T>(dataDir: string, file: string, valid: (value: unknown) => value is T, projectGuid: string, value: T | undefined): void {
  const all = readAll(dataDir, file, valid);
  delete all[projectGuid];
  const kept: [string, T][] = Object.entries(all).slice(-(MAX_PROJECTS - 1));
  if (value !== undefined) kept.push([projectGuid, value]);
  fs.mkdirSync(dataDir, { recursive: true });
  const target = path.join(dataDir, file);
  fs.writeFileSync(`${target}.tmp`, JSON.stringify(Object.fromEntries(kept), null, 2));
  fs.renameSync(`${target}.tmp`, target);
}

const isName = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isTrue = (value: unknown): value is true => value === true;

/** The coder this machine last chose for the project, if any. */
export function rememberedCoder(dataDir: string | undefined, projectGuid: string): string | undefined {
  return dataDir ? readAll(dataDir, CODERS_FILE, isName)[projectGuid] : undefined;
}

export function rememberCoder(dataDir: string | undefined, projectGuid: string, name: string): void {
  if (dataDir) writeOne(dataDir, CODERS_FILE, isName, projectGuid, name);
}

/** Whether blind mode was on when this machine last coded the project. */
export function rememberedBlind(dataDir: string | undefined, projectGuid: string): boolean {
  return dataDir ? readAll(dataDir, BLIND_FILE, isTrue)[projectGuid] === true : false;
}

/** Only projects coded blind are listed: off is the default. */
export function rememberBlind(dataDir: string | undefined, projectGuid: string, blind: boolean): void {
  if (dataDir) writeOne(dataDir, BLIND_FILE, isTrue, projectGuid, blind ? true : undefined);
}
