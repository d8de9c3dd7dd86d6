import type { ActionName, Outcome } from '../../src/api/contract';

/**
 * One browser logged in to a team server, over real HTTP: it keeps the session cookie and the
 * CSRF token as the page does, and sends the Origin header a browser sends.
 */
export class TeamBrowser {
  cookie = '';
  csrf = '';
  session = '';
  /** The Set-Cookie header of the last login. */
  setCookie = '';

  constructor(readonly origin: string) {}

  async login(login: string, password: string): Promise<Response> {
    const response = await fetch(`${this.origin}/api/team/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: this.origin }, body: JSON.stringify({ login, password }),
    });
    if (response.ok) {
      this.setCookie = response.headers.getSetCookie()[0] ?? '';
      this.cookie = this.setCookie.split(';', 1)[0]!;
      const body = await response.clone().json() as { csrf: string; session: string };
      this.csrf = body.csrf;
      this.session = body.session;
    }
    return response;
  }

  /** A request as the page makes it: cookie, CSRF header (off with `csrf: false`) and Origin. */
  request(method: string, route: string, options: { json?: unknown; body?: Buffer | string; headers?: Record<string, string>; csrf?: boolean } = {}): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookie, origin: this.origin, ...(options.csrf === false ? {} : { 'x-csrf-token': this.csrf }) };
    let body: string | Buffer | undefined = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    return fetch(`${this.origin}${route}`, { method, headers: { ...headers, ...options.headers }, ...(body !== undefined ? { body } : {}) });
  }

  async invoke(projectId: number, name: ActionName, args: unknown = {}): Promise<{ status: number; outcome: Outcome<ActionName> }> {
    const response = await this.request('POST', `/api/team/projects/${projectId}/invoke`, { json: { name, args } });
    return { status: response.status, outcome: await response.json() as Outcome<ActionName> };
  }

  /** The action's value; throws with the server's message when it failed. */
  async value<T>(projectId: number, name: ActionName, args: unknown = {}): Promise<T> {
    const { outcome } = await this.invoke(projectId, name, args);
    if (!outcome.ok) throw new Error(`${name} failed: ${outcome.error.message}`);
    return outcome.value as T;
  }

  async upload(file: Buffer, name: string): Promise<string> {
    const response = await this.request('POST', '/api/team/uploads', { body: file, headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) } });
    if (!response.ok) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
    return (await response.json() as { upload: string }).upload;
  }

  /** Opens the project's event stream; `next` waits for the next event of a kind (or rejects after `ms`). */
  async events(projectId: number): Promise<EventStream> {
    const controller = new AbortController();
    const response = await fetch(`${this.origin}/api/team/projects/${projectId}/events`, { headers: { cookie: this.cookie }, signal: controller.signal });
    if (response.status !== 200 || !response.body) throw new Error(`events: ${response.status}`);
    return new EventStream(response.body.getReader(), controller);
  }
}

export interface ServerEvent {
  readonly event: string;
  readonly data: unknown;
}

export class EventStream {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  private readonly queued: ServerEvent[] = [];
  /** A read still waiting when a wait timed out: the next wait takes its chunk. */
  private pending: ReturnType<ReadableStreamDefaultReader<Uint8Array>["read"]> | null = null;

  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>, private readonly controller: AbortController) {}

  /** The next event named `event`, skipping others; rejects when none comes within `ms`. */
  async next(event: string, ms: number): Promise<ServerEvent> {
    const deadline = Date.now() + ms;
    for (;;) {
      const at = this.queued.findIndex((e) => e.event === event);
      if (at >= 0) return this.queued.splice(at, 1)[0]!;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no "${event}" event within ${ms} ms`);
      let timer: NodeJS.Timeout | undefined;
      this.pending ??= this.reader.read();
      const chunk = await Promise.race([
        this.pending,
        new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), left); }),
      ]).finally(() => clearTimeout(timer));
      if (chunk === null) continue;
      this.pending = null;
      if (chunk.done) throw new Error('the event stream ended');
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = this.buffer.indexOf('\n\n')) >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (name && data !== undefined) this.queued.push({ event: name, data: JSON.parse(data) as unknown });
      }
    }
  }

  /** The events of a kind already read from the stream and not yet taken by `next`. */
  received(event: string): readonly ServerEvent[] {
    return this.queued.filter((e) => e.event === event);
  }

  close(): void {
    this.controller.abort();
  }
}
