import fs from 'node:fs';
import path from 'node:path';
import type { RecentProject } from '../domain/types';

const MAX_RECENT = 10;
const fileIn = (dataDir: string) => path.join(dataDir, 'recent-projects.json');

/** Recent projects that still exist, newest first. A damaged list is treated as empty, never as an error. */
export function readRecent(dataDir: string | undefined): RecentProject[] {
  if (!dataDir) return [];
  try {
    const list = JSON.parse(fs.readFileSync(fileIn(dataDir), 'utf8')) as RecentProject[];
    return Array.isArray(list) ? list.filter((p) => typeof p.path === 'string' && fs.existsSync(p.path)) : [];
  } catch {
    return [];
  }
}

export function rememberRecent(dataDir: string | undefined, project: { path: string; name: string }): void {
  if (!dataDir) return;
  const list = [{ path: project.path, name: project.name, openedAt: new Date().toISOString() }, ...readRecent(dataDir).filter((p) => p.path !== project.path)];
  writeRecent(dataDir, list.slice(0, MAX_RECENT));
}

export function forgetRecent(dataDir: string | undefined, file: string): void {
  if (dataDir) writeRecent(dataDir, readRecent(dataDir).filter((p) => p.path !== file));
}

function writeRecent(dataDir: string, list: RecentProject[]): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const target = fileIn(dataDir);
  fs.writeFileSync(`${target}.tmp`, JSON.stringify(list, null, 2));
  fs.renameSync(`${target}.tmp`, target);
}
