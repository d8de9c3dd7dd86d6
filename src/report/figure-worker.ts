import { parentPort } from 'node:worker_threads';
import type { ThemeMap } from '../domain/types';
import type { FigureLanguage } from '../map/strings';
import { drawFigure, type Figure } from './figure';

/**
 * The script of the worker thread that draws a report's figure (see figure-in-worker.ts): the
 * layout and the PNG are pure computation on a map the report already read and renamed.
 */

export interface FigureJob {
  readonly map: ThemeMap;
  readonly language: FigureLanguage;
  readonly title: string;
}

export type FigureAnswer =
  | { readonly ok: true; readonly figure: Figure }
  | { readonly ok: false; readonly message: string; readonly stack: string | undefined };

const port = parentPort;
if (port) {
  port.once('message', (job: FigureJob) => {
    let answer: FigureAnswer;
    try {
      answer = { ok: true, figure: drawFigure(job.map, job.language, job.title) };
    } catch (error) {
      answer = { ok: false, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
    }
    port.postMessage(answer);
  });
}
