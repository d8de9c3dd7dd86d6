import Database from 'better-sqlite3';

/**
 * Every table of a project file as text, for "undo left everything as it was" checks. The undo
 * history and audit trail are left out (undo records itself there), and so are the search index's
 * row ids: the index is derived data, rebuilt for a changed document under new ids, so its units
 * are compared by what they hold and its FTS table by the vocabulary it indexes.
 */
export function dumpTables(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
      AND name NOT LIKE 'search\\_fts%' ESCAPE '\\' AND name NOT IN ('history_steps', 'history_ops', 'history_capture', 'audit_log', 'search_vocab')
      ORDER BY name`).pluck().all() as string[];
    const dump: Record<string, string> = {};
    for (const table of tables) {
      const columns = (db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(table) as string[])
        .filter((c) => !(table === 'search_units' && c === 'id'));
      const list = columns.map((c) => `"${c}"`).join(', ');
      const rows = db.prepare(`SELECT ${list} FROM "${table}" ORDER BY ${list}`).raw().all();
      dump[table] = JSON.stringify(rows);
    }
    dump.search_vocab = JSON.stringify(db.prepare('SELECT term, doc, cnt FROM search_vocab ORDER BY term').raw().all());
    return dump;
  } finally {
    db.close();
  }
}
