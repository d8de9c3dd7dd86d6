import { busyError } from '../store/failures';
import type { Session } from './session';

/**
 * How long, in all, an action waits for another process's write before the user is told the
 * project is busy. Another Tematik never writes the same project (the lock), so the wait is for
 * a reader's moment or a tool outside Tematik (a backup program, an SQLite browser).
 */
export const BUSY_PATIENCE_MS = 10_000;

const FIRST_PAUSE_MS = 50;
const LONGEST_PAUSE_MS = 250;

/**
 * Runs an action, and while SQLite answers "busy" runs it again after a pause that does not block:
 * the event loop goes on serving other requests (the browser-mode server, the Electron main
 * process) meanwhile. SQLite's own wait is kept short (BUSY_TIMEOUT_MS in src/store/open.ts).
 * An action that committed anything before it got "busy" is not run again: that part would be done twice.
 */
export async function retryWhileBusy<T>(session: Session, attempt: () => T | Promise<T>): Promise<T> {
  const deadline = Date.now() + (session.options.busyPatienceMs ?? BUSY_PATIENCE_MS);
  let pause = FIRST_PAUSE_MS;
  for (;;) {
    const mark = session.writeMark;
    try {
      return await attempt();
    } catch (error) {
      if (!session.isBusy(error) || session.writeMark !== mark) throw error;
      if (Date.now() + pause > deadline) throw busyError();
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
    }
  }
}
