/** A quoted SQL identifier (a table or column name), for SQLite and PostgreSQL alike. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
