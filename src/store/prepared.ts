import type Database from 'better-sqlite3';

type Db = Database.Database;

const statements = new WeakMap<Db, Map<string, Database.Statement>>();
/** Callers whose SQL varies (search's filters and limits) would otherwise pile statements up over a long session. */
const STATEMENTS_KEPT = 100;

/**
 * A statement prepared once per connection, for SQL run on hot paths (the undo capture inside
 * every action, every search): compiling it anew each time costs about a millisecond.
 */
export function prepared(db: Db, sql: string): Database.Statement {
  let bySql = statements.get(db);
  if (!bySql) statements.set(db, (bySql = new Map()));
  let statement = bySql.get(sql);
  if (!statement) {
    if (bySql.size >= STATEMENTS_KEPT) bySql.clear();
    bySql.set(sql, (statement = db.prepare(sql)));
  }
  return statement;
}

/** Drops the connection's statements: the tables they name were dropped and made anew. */
export function forgetPrepared(db: Db): void {
  statements.delete(db);
}
