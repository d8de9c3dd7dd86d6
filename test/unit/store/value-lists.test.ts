import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTE_TYPES, COMMENT_TARGET_KINDS, CONVERGENCES, MEMO_KINDS, SOURCE_FORMATS, SPEAKER_ROLES, THEME_LINK_KINDS, THEME_STATUSES } from '../../../src/domain/types';
import { newProject } from '../../helpers/temp-project';

/** Every text `CHECK (column IN ('a', 'b'))` of the schema, as `table.column` → its values in order. */
function checkLists(file: string): Map<string, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL`).all() as { name: string; sql: string }[];
    const lists = new Map<string, string[]>();
    for (const { name, sql } of tables) {
      for (const match of sql.matchAll(/CHECK\s*\(\s*"?(\w+)"?\s+IN\s*\(([^)]*)\)\s*\)/gi)) {
        const values = [...match[2]!.matchAll(/'([^']*)'/g)].map((v) => v[1]!);
        // Flags such as `in_vivo IN (0, 1)` are booleans, not value lists.
        if (values.length > 0) lists.set(`${name}.${match[1]}`, values);
      }
    }
    return lists;
  } finally {
    db.close();
  }
}

/** The value lists the TypeScript side defines once (src/domain/types.ts), by the column that stores them. */
const SHARED: Readonly<Record<string, readonly string[]>> = {
  'themes.status': THEME_STATUSES,
  'themes.convergence': CONVERGENCES,
  'theme_links.kind': THEME_LINK_KINDS,
  'documents.format': SOURCE_FORMATS,
  'turns.role': SPEAKER_ROLES,
  'memos.kind': MEMO_KINDS,
  'attributes.value_type': ATTRIBUTE_TYPES,
  'comments.unplaced_kind': COMMENT_TARGET_KINDS,
};

/** Lists that only the store's own bookkeeping writes and no user sees. */
const INTERNAL = ['search_dirty.kind', 'history_ops.op'];

describe('the SQL CHECK lists of a new project', () => {
  it('are exactly the TypeScript value lists, in the same order', async () => {
    const project = await newProject();
    const lists = checkLists(project.file);
    for (const [column, values] of Object.entries(SHARED)) expect({ column, values: lists.get(column) }).toEqual({ column, values: [...values] });
  });

  it('has no CHECK list that is neither a shared value list nor internal bookkeeping', async () => {
    const project = await newProject();
    // A new CHECK list must be tied to a list in src/domain/types.ts (above) or named internal on purpose.
    expect([...checkLists(project.file).keys()].sort()).toEqual([...Object.keys(SHARED), ...INTERNAL].sort());
  });
});
