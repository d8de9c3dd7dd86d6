import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * Proof that a native module was compiled for Electron and not for the Node running this
 * check. Packaging once compiled better-sqlite3 against Node's headers while recording
 * Electron's ABI (the nodedir trap, shared/STACK.md): the app then fails only on the user's
 * machine. A module built for Electron must be refused by plain Node with a NODE_MODULE_VERSION
 * error naming another number; one that loads was built against Node's headers.
 */
export type AbiVerdict =
  | { readonly ok: true; readonly abi: number; readonly message: string }
  | { readonly ok: false; readonly reason: 'missing' | 'stale' | 'built-for-node' | 'wrong-abi' | 'unverified'; readonly message: string };

/** What was observed about the binary. */
export interface AbiEvidence {
  readonly file: string;
  /** Plain Node's error on `process.dlopen` of the file; null when it loaded. */
  readonly loadError: string | null;
  /** The N of the binary's `node_register_module_v<N>` export, which the headers it was compiled with decide. */
  readonly registeredAbi: number | null;
}

export interface AbiExpectation {
  /** `process.versions.modules` of the Node running the check. */
  readonly nodeAbi: number;
  /** Electron's NODE_MODULE_VERSION (node_modules/electron/abi_version), when known. */
  readonly electronAbi: number | null;
}

/** The ABI a module was compiled for, from Node's "compiled against … NODE_MODULE_VERSION N. This version … requires …" error. */
export function compiledAbiFromError(message: string): number | null {
  const match = /NODE_MODULE_VERSION (\d+)/.exec(message);
  return match?.[1] ? Number(match[1]) : null;
}

/** The ABI in the binary's registration symbol, read from its bytes without loading it. */
export function registeredAbi(bytes: Uint8Array): number | null {
  const match = /node_register_module_v(\d+)/.exec(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
  return match?.[1] ? Number(match[1]) : null;
}

/** Judges the evidence; pure, so every branch is tested with real and made-up error messages. */
export function judgeElectronBinary(evidence: AbiEvidence, expected: AbiExpectation): AbiVerdict {
  const { file, loadError } = evidence;
  const wanted = expected.electronAbi === null ? "Electron's" : `Electron's (NODE_MODULE_VERSION ${expected.electronAbi})`;
  const nodeBuild = (how: string): AbiVerdict => ({
    ok: false, reason: 'built-for-node',
    message: `${file} ${how}, so it was compiled against Node's headers, not ${wanted}. `
      + 'This is the nodedir trap: npm passes "nodedir" from ~/.npmrc (or npm_config_nodedir / NODEDIR) to node-gyp, which then ignores --target. '
      + 'The Electron app could not load it. The build was deleted; run "npm start" again, and if this repeats remove nodedir from ~/.npmrc.',
  });
  if (loadError === null) return nodeBuild(`loads under plain Node ${process.version} (NODE_MODULE_VERSION ${expected.nodeAbi})`);

  const compiled = compiledAbiFromError(loadError);
  if (compiled !== null) {
    if (compiled === expected.nodeAbi) return nodeBuild(`reports NODE_MODULE_VERSION ${compiled}, the same as this Node`);
    if (expected.electronAbi !== null && compiled !== expected.electronAbi) {
      return {
        ok: false, reason: 'wrong-abi',
        message: `${file} was compiled for NODE_MODULE_VERSION ${compiled}, but the installed Electron needs ${expected.electronAbi}: it is a build for another Electron version. Delete it and run "npm start" to rebuild.`,
      };
    }
    return { ok: true, abi: compiled, message: `${file} is built for NODE_MODULE_VERSION ${compiled} (plain Node refuses it, as it must).` };
  }

  // Some platforms refuse a foreign module earlier, for a missing symbol; the registration symbol still tells whose headers built it.
  if (evidence.registeredAbi !== null) {
    if (evidence.registeredAbi === expected.nodeAbi) return nodeBuild(`registers itself as node_register_module_v${evidence.registeredAbi}`);
    if (expected.electronAbi !== null && evidence.registeredAbi === expected.electronAbi) {
      return { ok: true, abi: evidence.registeredAbi, message: `${file} registers itself for NODE_MODULE_VERSION ${evidence.registeredAbi} (plain Node refuses it: ${firstLine(loadError)}).` };
    }
  }
  return {
    ok: false, reason: 'unverified',
    message: `Could not confirm that ${file} is built for Electron: plain Node refused it with "${firstLine(loadError)}" rather than a NODE_MODULE_VERSION mismatch. Delete ${file} and run "npm start" to rebuild.`,
  };
}

const firstLine = (text: string): string => text.split('\n', 1)[0] ?? text;

// Run in a child process: a module that loads cannot be unloaded, and Windows cannot delete a loaded DLL.
const LOADER = 'try { process.dlopen({ exports: {} }, process.argv[1]); } catch (error) { process.stdout.write(String(error && error.message)); process.exit(3); }';

/** Tries to load `file` in a fresh plain-Node process: null when it loads, otherwise why it did not. */
export function loadErrorUnderNode(file: string, nodeExecutable = process.execPath): string | null {
  const run = spawnSync(nodeExecutable, ['-e', LOADER, file], { encoding: 'utf8', timeout: 60_000 });
  if (run.error) return `could not start ${nodeExecutable}: ${run.error.message}`;
  if (run.status === 0) return null;
  if (run.status === 3) return run.stdout;
  return `plain Node exited with ${run.signal ?? `code ${String(run.status)}`} while loading it. ${run.stderr}`.trim();
}

/** Gathers the evidence for `file` and judges it. */
export function checkElectronBinary(file: string, expected: AbiExpectation): AbiVerdict {
  if (!fs.existsSync(file)) return { ok: false, reason: 'missing', message: `${file} does not exist: the Electron build of better-sqlite3 has not been made. Run "npm start".` };
  return judgeElectronBinary({ file, loadError: loadErrorUnderNode(file), registeredAbi: registeredAbi(fs.readFileSync(file)) }, expected);
}
