// Lint is where the layer rules of shared/STYLE.md live, so they hold without anyone remembering them.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util', 'zlib', 'stream'];
const restrict = (patterns, message) => ({ group: patterns, message });

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.cache/**', 'test-output/**', 'docs/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a string-literal union instead of an enum.' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        restrict(['electron', 'react', 'react-dom', 'react/*', 'react-dom/*'], 'src/ is the core: no Electron or React (STYLE.md, Layers).'),
        restrict(['**/main/*', '**/renderer/*'], 'src/ must not depend on main/ or renderer/.'),
      ] }],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/api/contract.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        restrict([...nodeBuiltins, 'better-sqlite3', 'electron', 'react', 'react-dom', 'mammoth', 'docx'], 'src/domain and the contract are pure TypeScript: the renderer imports them.'),
        restrict(['**/store/*', '**/import/*', '**/cli/*', '**/main/*', '**/renderer/*', '**/server/*', '**/handlers/*'], 'src/domain and the contract import only each other.'),
      ] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { patterns: [
        restrict([...nodeBuiltins, 'better-sqlite3', 'electron'], 'The renderer runs in a sandboxed page: no Node, no Electron.'),
        restrict(['**/main/*', '**/src/store/*', '**/src/import/*', '**/src/api/handlers/*', '**/src/api/dispatch', '**/src/api/session', '**/src/cli/*', '**/src/server/*'],
          'The renderer calls only the contract: import from src/domain or src/api/contract.'),
      ] }],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        restrict(['react', 'react-dom', '**/renderer/*'], 'main/ is the Electron shell; the UI lives in renderer/.'),
      ] }],
    },
  },
);
