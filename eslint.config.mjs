// Lint is where the layer rules of shared/STYLE.md live, so they hold without anyone remembering them.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const restrict = (patterns, message) => ({ group: patterns, message });

// Top-level folders the core must not reach into (a relative import naming one leaves src/).
const outsideCore = '(^|/)(main|renderer|test)/';

// The pure modules the renderer may import: src/domain/**, the contract, what its actions touch and the bridge. They import only
// each other and zod, so nothing they bring along needs Node, Electron or the DOM.
const purePackages = { regex: '^(?!\\.|zod$)', message: 'src/domain, the contract and the bridge are pure TypeScript (the renderer imports them): of the packages, only zod.' };
const pureOnly = (regex) => ({ regex, message: 'src/domain, the contract and the bridge import only each other: the rest of src/ may pull in Node or better-sqlite3.' });

/**
 * What renderer code may import: React, its own files, and from src/ only the pure modules
 * (src/domain/**, src/api/contract, src/api/touches, src/api/bridge). An allowlist, so a new core folder is
 * forbidden until someone decides otherwise. Tests beside the components may add vitest and
 * Testing Library.
 */
const rendererImports = [
  { regex: '(^|/)src/(?!domain/|api/contract$|api/touches$|api/bridge$)', message: 'The renderer imports from src/ only src/domain/**, src/api/contract, src/api/touches and src/api/bridge; reach the rest through the contract (window.tematik.invoke).' },
  { regex: '(^|/)(main|test|dist)/', message: 'The renderer runs in a sandboxed page: it never imports main/, test/ or built files.' },
  { regex: '^(?!\\.|react$|react/|react-dom$|react-dom/|vitest$|@testing-library/)', message: 'The renderer runs in a sandboxed page: of the packages, only React (and vitest and Testing Library in tests) — no Node, no Electron, no core library.' },
];

// The core's own rule for every src/ file; a folder with a rule of its own repeats it (a later block replaces the rule).
const coreImports = [
  restrict(['electron', 'react', 'react-dom', 'react/*', 'react-dom/*'], 'src/ is the core: no Electron or React (STYLE.md, Layers).'),
  { regex: outsideCore, message: 'src/ must not depend on main/, renderer/ or test/.' },
];
const noEnums = { selector: 'TSEnumDeclaration', message: 'Use a string-literal union instead of an enum.' };

/**
 * Handlers reach a project only through the store interface (src/store/project-data.ts), so a
 * second backend (PostgreSQL) implements that interface and the handlers stay as they are.
 */
const viaStoreInterface = 'Handlers reach the project through the store interface: ctx.session.data (src/store/project-data.ts), not SQLite or the modules of src/store.';
const handlerImports = [
  ...coreImports,
  restrict(['better-sqlite3'], viaStoreInterface),
  { regex: '(^|/)store/(?!project-data$|project-files$)', message: viaStoreInterface },
];
const handlerSyntax = [
  noEnums,
  { selector: "MemberExpression[object.property.name='session'][property.name='store']", message: viaStoreInterface },
  { selector: "VariableDeclarator[init.property.name='session'] > ObjectPattern > Property[key.name='store']", message: viaStoreInterface },
];

/**
 * The import writers (a folder of transcripts, a REFI-QDA project, a codebook) write through the
 * store interface too (`data.change`, `tx.imports`), so a second backend runs them as they are.
 */
const writersViaStoreInterface = 'The import writers reach the project through the store interface (ProjectData: data.change, tx.imports in src/store/project-data.ts), not SQLite or the modules of src/store.';
const writerFiles = ['src/import/batch.ts', 'src/refi/write-project.ts', 'src/refi/write-themes.ts', 'src/refi/codebook.ts', 'src/refi/import-journal.ts', 'src/review/import-comments.ts'];
const writerImports = [
  ...coreImports,
  restrict(['better-sqlite3'], writersViaStoreInterface),
  { regex: '(^|/)store/(?!project-data$)', message: writersViaStoreInterface },
];

/**
 * The session and the worker host open projects through the backend chosen in src/store/backends.ts
 * and use what an OpenProject offers (src/store/backend.ts): never SQLite itself. `session.store`,
 * the SQLite file behind the project, is for tests and benchmarks that look into it.
 */
const viaBackend = 'The session and the host open projects through the backend (src/store/backend.ts, chosen in src/store/backends.ts) and use session.project and session.data, not SQLite: session.store is for tests.';
const sessionFiles = ['src/api/session.ts', 'src/api/client.ts', 'src/api/busy.ts', 'src/api/dispatch.ts', 'src/host/**/*.ts', 'src/server/**/*.ts', 'src/team-server/**/*.ts', 'src/cli/**/*.ts'];
const sessionImports = [
  ...coreImports,
  restrict(['better-sqlite3'], viaBackend),
  { regex: '(^|/)store/(sqlite/|project-store$|open$)', message: viaBackend },
];
const sessionSyntax = [
  noEnums,
  { selector: "MemberExpression[object.name='session'][property.name='store']", message: viaBackend },
  { selector: "MemberExpression[object.property.name='session'][property.name='store']", message: viaBackend },
  { selector: "ClassBody MemberExpression[object.type='ThisExpression'][property.name='store']", message: viaBackend },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.cache/**', 'test-output/**', 'docs/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-restricted-syntax': ['error', noEnums],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: coreImports }] },
  },
  {
    files: ['src/api/handlers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: handlerImports }],
      'no-restricted-syntax': ['error', ...handlerSyntax],
    },
  },
  {
    files: writerFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: writerImports }] },
  },
  {
    files: sessionFiles,
    rules: {
      'no-restricted-imports': ['error', { patterns: sessionImports }],
      'no-restricted-syntax': ['error', ...sessionSyntax],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [purePackages, pureOnly('^\\.\\./')] }] },
  },
  {
    files: ['src/api/contract.ts', 'src/api/touches.ts', 'src/api/bridge.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [purePackages, pureOnly('^\\./(?!contract$|touches$|bridge$)|^\\.\\./(?!domain/)')] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts', 'renderer/review-page/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { patterns: rendererImports }],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        restrict(['react', 'react-dom', '**/renderer/*'], 'main/ is the Electron shell; the UI lives in renderer/.'),
        { regex: '(^|/)src/(import|analysis|search|report|refi|export|map|cli)/', message: 'main/ is a thin shell: it reaches the core\'s features through dispatch, not by importing them.' },
      ] }],
    },
  },
);
