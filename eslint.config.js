// Lint rules. The import boundaries here are what keep each file in exactly one runtime
// (docs/architecture.md, "Runtimes and layers"): shared/ is platform-free, renderer/ never touches Electron or Node,
// electron/ never reaches into the renderer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import bridgeboard from './scripts/lint/noUiLiterals.js';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs',
  'fs/promises', 'http', 'https', 'net', 'os', 'path', 'process', 'stream', 'tls', 'url',
  'util', 'worker_threads', 'zlib',
];
// Bare built-in names are listed as exact `paths`: as gitignore-style `patterns` they would
// also match our own folders of the same name (shared/crypto).
const noNodePaths = nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available in this runtime.' }));
const noNode = [{ group: ['node:*'], message: 'Node built-ins are not available in this runtime.' }];
const noElectron = [{ group: ['electron', 'electron/*'], message: 'Only electron/ may import Electron.' }];

// The renderer's layers. Features meet only through each other's entry point (index.ts), never
// reach the composition root (session/) or the shell (app/) that compose them, and their
// components write through actions: no .tsx file touches Yjs. core/ and ui/ serve every feature
// and import none. One no-restricted-imports rule per file, so each block lists all it needs.
function rendererLayers() {
  const base = [...noNode, ...noElectron, { group: ['**/electron/**'], message: 'The renderer reaches the main process only through Host.' }];
  const deepFeature = { regex: '^\\.\\./(?!\\.\\.)[^/]+/.+', message: "Import another feature through its entry point ('../board'), not its files." };
  const composers = { regex: '(^|/)(session|app)(/|$)', message: 'Features are composed by session/ and app/; they do not import them.' };
  const anyFeature = { regex: '(^|/)features(/|$)', message: 'core/ and ui/ serve every feature and import none.' };
  const featureFiles = { regex: '(^|/)features/[^/]+/.+', message: 'Import a feature through its entry point (features/board), not its files.' };
  const noYjs = { name: 'yjs', message: "Components call their feature's actions; only actions and services touch Yjs." };
  const rule = (patterns, paths = noNodePaths) => ({ 'no-restricted-imports': ['error', { paths, patterns: [...base, ...patterns] }] });
  return [
    { files: ['renderer/src/features/**/*.ts'], rules: rule([deepFeature, composers]) },
    { files: ['renderer/src/features/**/*.tsx'], rules: rule([deepFeature, composers], [...noNodePaths, noYjs]) },
    { files: ['renderer/src/core/**/*.ts', 'renderer/src/ui/**/*.ts'], rules: rule([anyFeature, composers]) },
    { files: ['renderer/src/core/**/*.tsx', 'renderer/src/ui/**/*.tsx'], rules: rule([anyFeature, composers], [...noNodePaths, noYjs]) },
    { files: ['renderer/src/session/**/*.ts', 'renderer/src/app/**/*.ts'], rules: rule([featureFiles]) },
    { files: ['renderer/src/session/**/*.tsx', 'renderer/src/app/**/*.tsx', 'renderer/src/main.tsx'], rules: rule([featureFiles], [...noNodePaths, noYjs]) },
  ];
}

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'dist-cli', 'release', '.cache', 'test-results', 'playwright-report', 'test/fixtures/docs/makeReleaseV1Docs.ts', 'test/fixtures/charter/makeLayout1Charters.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        paths: noNodePaths,
        patterns: [
          ...noNode,
          ...noElectron,
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ is UI-free.' },
          { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ depends on nothing above it.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: noNodePaths,
        patterns: [...noNode, ...noElectron, { group: ['**/electron/**'], message: 'The renderer reaches the main process only through Host.' }],
      }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
    },
  },
  ...rendererLayers(),
  {
    // What a person reads comes from the catalog (renderer/src/core/i18n), everywhere but the
    // host adapters.
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: [
      'renderer/src/host/**',
    ],
    plugins: { bridgeboard },
    rules: { 'bridgeboard/no-ui-literals': 'error' },
  },
  {
    // The doc's roots are named in one place (shared/doc/roots.ts); everything else asks docRoot.
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts', 'cli/**/*.ts'],
    ignores: ['shared/doc/roots.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.property.name=/^get(Map|Array|Text|XmlFragment)$/]",
        message: "Reach a root of the doc through docRoot (shared/doc/roots.ts), not a name of your own.",
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**'], message: 'electron/ must not import the renderer.' }],
      }],
    },
  },
  {
    files: ['cli/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'test/**/*.{ts,tsx}', 'bench/**/*.{ts,mjs}', '*.config.{js,ts}', '.ci/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
