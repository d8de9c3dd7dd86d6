/**
 * The better-sqlite3 binary this thread loads. In the app it is the build for Electron's runtime
 * (main/main.ts finds it; the one npm installs is built for Node, and Electron refuses to load it),
 * set once when the SQLite backend is made; elsewhere none is set and better-sqlite3 finds its own.
 * Every connection this thread opens — the project, a backup it lists or restores, a coder's copy,
 * the in-memory reference schema — goes through `withBinding`, or it would fail in the app only.
 */
let binding: string | undefined;

export function useNativeBinding(path: string | undefined): void {
  binding = path;
}

/** `options` with the thread's binary, when one was set. */
export function withBinding<T extends object>(options: T): T & { nativeBinding?: string } {
  return binding === undefined ? options : { ...options, nativeBinding: binding };
}
