import type Database from 'better-sqlite3';
import lunr from 'lunr';
import type { CodeId, MemoId } from '../domain/ids';
import { analyse } from './tokens';

type Db = Database.Database;

/**
 * Codes and memos resembling a few words, typos forgiven: lunr's edit-distance matching
 * and ranking suit this small collection (hundreds of names), where FTS5 offers no fuzziness.
 * Built per call: a codebook indexes in a few milliseconds, and so is never stale.
 */
export function similar(db: Db, text: string): { codes: { id: CodeId; name: string; score: number }[]; memos: { id: MemoId; title: string; score: number }[] } {
  const codes = db.prepare('SELECT id, name, description FROM codes').all() as { id: CodeId; name: string; description: string }[];
  const memos = db.prepare(`SELECT id, title, body FROM memos`).all() as { id: MemoId; title: string; body: string }[];
  const terms = (value: string) => analyse(value).map((t) => t.stem).join(' ');
  const index = lunr(function build() {
    // Our own stems go in and out as they are: no lunr stemming or stop words on top.
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('ref');
    this.field('name', { boost: 3 });
    this.field('text');
    for (const c of codes) this.add({ ref: `c${c.id}`, name: terms(c.name), text: terms(c.description) });
    for (const m of memos) this.add({ ref: `m${m.id}`, name: terms(m.title), text: terms(m.body) });
  });
  const words = analyse(text).map((t) => t.stem).filter((w) => w.length > 1);
  if (words.length === 0) return { codes: [], memos: [] };
  const results = index.query((q) => {
    for (const word of words) {
      q.term(word, { boost: 10 });
      q.term(word, { wildcard: lunr.Query.wildcard.TRAILING, boost: 3 });
      if (word.length > 3) q.term(word, { editDistance: word.length > 6 ? 2 : 1, boost: 1 });
    }
  });
  const codeById = new Map(codes.map((c) => [`c${c.id}`, c]));
  const memoById = new Map(memos.map((m) => [`m${m.id}`, m]));
  return {
    codes: results.filter((r) => codeById.has(r.ref)).slice(0, 10).map((r) => ({ id: codeById.get(r.ref)!.id, name: codeById.get(r.ref)!.name, score: r.score })),
    memos: results.filter((r) => memoById.has(r.ref)).slice(0, 10).map((r) => {
      const memo = memoById.get(r.ref)!;
      return { id: memo.id, title: memo.title || memo.body.slice(0, 60), score: r.score };
    }),
  };
}
