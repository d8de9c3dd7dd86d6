import { Worker } from 'node:worker_threads';
import { workerScript } from '../fs/worker-script';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol';

/** How long a worker may take to close its project before it is ended anyway. */
const CLOSE_PATIENCE_MS = 5_000;

/**
 * One worker thread running worker.ts. An exit the host did not ask for (an uncaught error,
 * `process.exit`, running out of memory) is reported through `onCrash`; restarting is the host's call.
 */
export class CoreThread {
  private worker: Worker;
  private stopping = false;

  constructor(private setup: WorkerSetup, private readonly onMessage: (message: FromWorker) => void, private readonly onCrash: (code: number) => void) {
    this.worker = this.start();
  }

  post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  /** The thread id of the current worker: the owner named in the project locks it takes. */
  get threadId(): number {
    return this.worker.threadId;
  }

  /** A fresh worker in place of one that stopped, told which threads of the process are gone. */
  restart(goneThreads: readonly number[]): void {
    this.setup = { ...this.setup, goneThreads };
    this.worker = this.start();
  }

  /** Asks the worker to close its project, then ends it. */
  async stop(): Promise<void> {
    this.stopping = true;
    const worker = this.worker;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, CLOSE_PATIENCE_MS);
      const done = () => { clearTimeout(timer); resolve(); };
      worker.on('message', (message: FromWorker) => { if (message.type === 'closed') done(); });
      worker.once('exit', done);
      worker.postMessage({ type: 'close' } satisfies ToWorker);
    });
    await worker.terminate();
  }

  private start(): Worker {
    const { file, execArgv } = workerScript(__dirname, __filename, 'worker');
    const worker = new Worker(file, { execArgv, workerData: this.setup });
    worker.on('message', (message: FromWorker) => {
      if (this.worker === worker) this.onMessage(message);
    });
    // Always listened to: an 'error' event nobody hears would take the whole process down. The exit follows it.
    worker.on('error', () => undefined);
    worker.on('exit', (code) => {
      if (this.worker === worker && !this.stopping) this.onCrash(code);
    });
    return worker;
  }
}
