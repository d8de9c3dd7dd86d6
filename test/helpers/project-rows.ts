import Database from 'better-sqlite3';

/**
 * Every row of every table of a project file, rowid included, read exactly (64-bit integers as
 * BigInt, blobs as hex, reals to the last digit), with the file's format: for "the two stores hold the same project"
 * checks. The undo history and the audit trail are in it. The search index (search_*) is left out:
 * it is derived data that each image builds for itself; `searchVocabulary` compares what it indexes.
 */
export function projectRows(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
      AND name NOT LIKE 'search\\_%' ESCAPE '\\' ORDER BY name`).pluck().all() as string[];
    const out: Record<string, string> = {
      user_version: String(db.pragma('user_version', { simple: true })),
      application_id: String(db.pragma('application_id', { simple: true })),
    };
    for (const table of tables) {
      const rows = db.prepare(`SELECT rowid AS _rowid, * FROM "${table}" ORDER BY rowid`).safeIntegers(true).raw(true).all() as unknown[][];
      out[table] = JSON.stringify(rows, (_key, value: unknown) => {
        if (typeof value === 'bigint') return `int:${value}`;
        if (typeof value === 'number') return `real:${value}`;
        if (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer') return `blob:${Buffer.from((value as { data: number[] }).data).toString('hex')}`;
        return value;
      });
    }
    return out;
  } finally {
    db.close();
  }
}

/** The search index's vocabulary with its counts: the same words indexed the same number of times. */
export function searchVocabulary(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return JSON.stringify(db.prepare('SELECT term, doc, cnt FROM search_vocab ORDER BY term').raw().all());
  } finally {
    db.close();
  }
}
