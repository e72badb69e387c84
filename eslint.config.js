// Lint rules that enforce the layering of ARCHITECTURE.md mechanically (plus typescript-eslint basics).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'url', 'zlib', 'stream', 'worker_threads'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.tsbuild/**', 'dist/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: restrict(
      [...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3', '**/electron/**', '**/renderer/**', '**/workers/**', '@deck.gl/*', 'ag-grid-*', 'zustand', 'comlink'],
      'shared/ is pure TypeScript: no DOM, Node, Electron or UI imports, and nothing outside shared/.',
    ),
  },
  {
    files: ['workers/**/*.ts'],
    languageOptions: { globals: globals.worker },
    rules: restrict([...nodeBuiltins, 'electron', 'react', 'better-sqlite3', '**/electron/**', '**/renderer/**'], 'workers/ import only shared/ (and comlink).'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: restrict([...nodeBuiltins, 'electron', 'better-sqlite3', '**/electron/**', '**/workers/*'], 'renderer/ imports shared/ only; it reaches workers via new Worker(new URL(...)) and the Node side via the API.'),
  },
  {
    files: ['electron/services/**/*.ts', 'electron/db/**/*.ts', 'electron/server/**/*.ts', 'electron/cli/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(['electron', '**/renderer/**', '**/workers/**', '**/electron/main/**', '**/electron/preload/**'], 'Only electron/main and electron/preload import electron; services stay plain Node.'),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(['**/renderer/**', '**/workers/**'], 'The Electron shell does not import UI code.'),
  },
  {
    // SQL lives in electron/db repositories: services, the CLI, the server and the shell call functions there
    // (they may still group those calls in a transaction).
    files: ['electron/services/**/*.ts', 'electron/server/**/*.ts', 'electron/cli/**/*.ts', 'electron/main/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(prepare|pragma)$/]", message: 'SQL belongs in electron/db: add or use a repository function there.' },
        { selector: "CallExpression[callee.property.name='exec'][callee.object.name=/^(db|database|stage|file)$/]", message: 'SQL belongs in electron/db: add or use a repository function there.' },
      ],
    },
  },
  { files: ['test/**/*.{ts,tsx}', 'scripts/**/*.mjs', 'bin/**/*.mjs', '*.config.{ts,js}'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
);
