#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { rendererDir, sampleStudyDir, userDataDir } from './paths';
import { startWebServer } from './web-server';

/** `npm run web`: serves the built renderer and the handler table on 127.0.0.1. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, project: { type: 'string' }, 'data-dir': { type: 'string' }, coder: { type: 'string' } },
    strict: true,
  });
  const server = await startWebServer({
    staticDir: rendererDir(),
    port: values.port ? Number(values.port) : 0,
    coder: values.coder ?? process.env['TEMATIK_CODER'] ?? 'researcher',
    host: { kind: 'browser', dataDir: values['data-dir'] ?? userDataDir(), sampleDir: sampleStudyDir() },
    ...(values.project ? { project: values.project } : {}),
  });
  process.stdout.write(`Tematik (browser mode) is running. Open:\n  ${server.url}\nPress Ctrl+C to stop.\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`tematik web: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
