// electron-builder exports no BeforePackContext; AfterPackContext is the same PackContext type.
import { Arch, type AfterPackContext, type Configuration } from 'electron-builder';
import { ELECTRON_BINDING, PACKAGED_BINDING } from './main/native/paths';
import { verifyElectronBinding } from './main/native/verify';

/**
 * Refuses to package without a verified Electron build of better-sqlite3 for the target
 * platform and architecture: electron-builder only warns about a missing extraResources file,
 * and would ship a Node build (or another platform's) without a word.
 */
export function checkNativeModule(context: Pick<AfterPackContext, 'electronPlatformName' | 'arch'> & { readonly packager: { readonly projectDir: string } }): void {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const verdict = verifyElectronBinding(context.packager.projectDir, { platform, arch: Arch[context.arch] ?? `arch ${String(context.arch)}` });
  if (!verdict.ok) throw new Error(verdict.message);
}

/**
 * electron-builder configuration, loaded by electron-builder 26 itself (it imports .ts configs
 * with jiti): `electron-builder --config electron.config.ts`. Run it after `npm run build` and
 * dist/main/native/rebuild-for-electron.js, which makes and verifies the Electron build of
 * better-sqlite3 that extraResources ships; beforePack checks that build again.
 */
const config: Configuration = {
  appId: 'org.tematik.app',
  productName: 'Tematik',
  copyright: 'Copyright © Tematik contributors (MIT licence)',
  // The default output folder is dist/, which is tsc's and vite's: installers go elsewhere.
  directories: { output: 'release', buildResources: 'build' },
  files: [
    'dist/**/*',
    'package.json',
    '!dist/test/**',
    // The native-module build and check scripts run before packaging, never in the app.
    '!dist/main/native/{rebuild-for-electron,abi-check,electron-build,verify}.js*',
    // Node's build of better-sqlite3 (and its C sources) stay out: the app loads the Electron
    // build from resources/native through `nativeBinding`.
    '!node_modules/better-sqlite3/{build,deps,src}/**',
    '!node_modules/better-sqlite3/binding.gyp',
  ],
  extraResources: [
    { from: 'test/fixtures/sample-study', to: 'sample-study' },
    { from: ELECTRON_BINDING, to: PACKAGED_BINDING },
  ],
  asar: true,
  // We rebuild native modules ourselves: electron-builder's rebuild inherits npm's nodedir
  // setting and silently compiles against Node's headers (shared/STACK.md).
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  beforePack: checkNativeModule,
  fileAssociations: [
    { ext: 'tematik', name: 'Tematik project', description: 'Tematik thematic-analysis project', mimeType: 'application/x-tematik', role: 'Editor' },
  ],
  // Electron's own hardening switches: the shipped binary cannot be turned into a plain Node
  // (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect) or made to load code from outside app.asar.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Education',
    maintainer: 'Tematik contributors',
    synopsis: 'Qualitative thematic analysis with source triangulation',
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.education' },
};

export default config;
