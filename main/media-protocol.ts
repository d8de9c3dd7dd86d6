import { Readable } from 'node:stream';
import { answerMedia, type MediaCore } from '../src/media/serve';

/** The scheme the renderer plays linked recordings from: `tematik-media://recording/<id>`. */
export const MEDIA_SCHEME = 'tematik-media';

/**
 * The `protocol.handle` handler of `tematik-media://recording/<id>`: the linked recording of that
 * id in the open project, with range requests for seeking, and nothing else (no path is ever read
 * from the address). Pure Node and fetch types, so it runs without Electron; src/media/serve.ts
 * does the checking for this and for browser mode alike.
 */
export function createMediaRequestHandler(core: MediaCore): (request: Request) => Promise<Response> {
  return async (request) => {
    const plain = (status: number, text: string) => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Only GET and HEAD are served.');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad URL.');
    }
    const id = /^\/([^/]+)$/.exec(url.pathname)?.[1];
    if (url.protocol !== `${MEDIA_SCHEME}:` || url.hostname !== 'recording' || id === undefined) return plain(404, 'Not found.');
    const answer = await answerMedia(core, id, request.headers.get('range'), request.method === 'HEAD');
    const body = answer.body === null || typeof answer.body === 'string'
      ? answer.body
      : Readable.toWeb(Readable.from(answer.body)) as ReadableStream<Uint8Array>;
    return new Response(body, { status: answer.status, headers: answer.headers });
  };
}
