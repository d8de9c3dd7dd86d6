import { Worker } from 'node:worker_threads';
import type { ThemeMap } from '../domain/types';
import { workerScript } from '../fs/worker-script';
import type { FigureLanguage } from '../map/strings';
import type { Figure } from './figure';
import type { FigureAnswer, FigureJob } from './figure-worker';

/**
 * Draws a report's figure in a worker thread of its own, so that its layout and PNG (0.8 s for
 * 100 themes) run beside the gathering of quotes instead of after it. The thread starts per
 * report (about 80 ms) and ends with its answer: reports are rare, and a thread kept idle would
 * hold the rasteriser's memory. A failure in the thread is the report's failure, as it would be
 * on the main thread.
 */
export function drawFigureInWorker(map: ThemeMap, language: FigureLanguage, title = ''): Promise<Figure> {
  const { file, execArgv } = workerScript(__dirname, __filename, 'figure-worker');
  const worker = new Worker(file, { execArgv });
  return new Promise<Figure>((resolve, reject) => {
    let answered = false;
    worker.once('message', (answer: FigureAnswer) => {
      answered = true;
      void worker.terminate();
      if (answer.ok) resolve({ ...answer.figure, png: Buffer.from(answer.figure.png.buffer, answer.figure.png.byteOffset, answer.figure.png.byteLength) });
      else reject(Object.assign(new Error(answer.message), { stack: answer.stack }));
    });
    // Always listened to: an 'error' event nobody hears would take the whole process down.
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`The thread drawing the report's figure stopped (exit code ${code}) before answering.`));
    });
    worker.postMessage({ map, language, title } satisfies FigureJob);
  });
}
