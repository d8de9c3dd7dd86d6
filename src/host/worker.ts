import { parentPort, workerData } from 'node:worker_threads';
import { retryWhileBusy } from '../api/busy';
import { dispatch, toErrorInfo } from '../api/dispatch';
import { Session, type DialogKind, type Host } from '../api/session';
import type { Progress } from '../domain/types';
import { forgetThreads } from '../store/lock';
import { cancellable, cancelledError, throwIfCancelled } from '../domain/cancellation';
import type { FromWorker, OpenProject, ToWorker, WorkerSetup } from './protocol';

/**
 * The core's thread: it owns the Session and runs `dispatch`, so a long import or report never
 * holds up the window. The host (worker-host.ts) sends it one change at a time.
 */
const port = parentPort!;
const setup = workerData as WorkerSetup;
const post = (message: FromWorker) => port.postMessage(message);
forgetThreads(setup.goneThreads ?? []);

const dialogs = new Map<number, (paths: readonly string[] | null) => void>();
let nextDialog = 1;
/** The dialogs belong to the main thread: ask it, and wait for its answer. */
const choosePaths = (kind: DialogKind) => new Promise<string[] | null>((resolve) => {
  const id = nextDialog++;
  dialogs.set(id, (paths) => resolve(paths ? [...paths] : null));
  post({ type: 'dialog', id, kind });
});

const host: Host = { ...setup.host, ...(setup.dialogs ? { choosePaths } : {}) };
const session = new Session({
  coder: setup.coder, host,
  ...(setup.nativeBinding ? { nativeBinding: setup.nativeBinding } : {}),
  ...(setup.busyPatienceMs !== undefined ? { busyPatienceMs: setup.busyPatienceMs } : {}),
});

const openProject = (): OpenProject | null => (session.isOpen ? { file: session.project.file, readOnly: session.project.readOnly !== null } : null);

/**
 * A change is also cancelled at its next progress report: long jobs report between steps, before
 * their transaction commits or their file is written. The report of the last step (done = total)
 * means the job is finished: a cancel that late is ignored.
 */
function progressOf(id: number): (progress: Progress) => void {
  return (progress) => {
    if (progress.done < progress.total) throwIfCancelled();
    post({ type: 'progress', id, progress });
  };
}

/** Called outside any promise, so a thrown error is uncaught and ends the thread. */
function crash(how: 'exit' | 'throw'): never {
  if (how === 'exit') process.exit(1);
  throw new Error('Crashed on purpose by a test (crashOn).');
}

async function run(message: Extract<ToWorker, { type: 'call' }>): Promise<void> {
  const cancel = new Int32Array(message.cancel);
  const outcome = Atomics.load(cancel, 0) !== 0
    ? { ok: false as const, error: cancelledError().toInfo() }
    : setup.role === 'writer'
      ? await cancellable(cancel, () => dispatch(message.name, message.args, { session, progress: progressOf(message.id) }))
      : await dispatch(message.name, message.args, { session, progress: progressOf(message.id) });
  post({ type: 'done', id: message.id, outcome, project: openProject(), backupPending: session.backupPending });
}

/**
 * The reader opens what the writer has open, read-only, waiting out a moment the writer holds the
 * file busy; failing that it has nothing open, and the host sends every action to the writer.
 */
async function follow(project: OpenProject | null): Promise<void> {
  try {
    if (project) await retryWhileBusy(session, () => session.open(project.file, { readOnly: true }));
    else session.close();
  } catch {
    session.close();
  }
  post({ type: 'followed', project: openProject() });
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'call':
      if (setup.crashOn?.action === message.name && setup.crashOn.how !== 'after') crash(setup.crashOn.how);
      run(message).catch((error: unknown) => {
        post({ type: 'done', id: message.id, outcome: { ok: false, error: toErrorInfo(error) }, project: openProject(), backupPending: session.backupPending });
      }).finally(() => {
        if (setup.crashOn?.action === message.name && setup.crashOn.how === 'after') setTimeout(() => crash('throw'), 20);
      });
      return;
    case 'daily-backup':
      // Never fails: a backup that cannot be made is the notice it returns.
      void session.backUpForToday().then((failure) => post({ type: 'backed-up', id: message.id, failure }));
      return;
    case 'follow':
      void follow(message.project);
      return;
    case 'dialog-answer':
      dialogs.get(message.id)?.(message.paths);
      dialogs.delete(message.id);
      return;
    case 'close':
      session.close();
      post({ type: 'closed' });
  }
});
