// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Node built-ins and network/UI packages that the pure document core must never import. */
const forbiddenInCore = [
  'react',
  'react-dom',
  'react-dom/*',
  'electron',
  'fs',
  'fs/*',
  'node:*',
  'path',
  'os',
  'child_process',
  'net',
  'http',
  'https',
  'ws',
  'y-indexeddb',
  '@hocuspocus/*',
  'pdfmake/build/*',
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'out', 'docs', 'coverage', 'templates/schema'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: false },
      globals: { console: 'readonly', process: 'readonly' },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    // Plain Node scripts (icon rendering) that also pass callbacks into a browser page.
    files: ['**/*.mjs', 'bin/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: forbiddenInCore,
              message:
                'core/ is the pure document: no UI, DOM, Electron, file system or network code (STYLE.md §1).',
            },
            {
              group: ['**/electron/**', '**/renderer/**', '**/server/**'],
              message: 'core/ may not import from the shells that use it.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'core/ runs without a DOM.' },
        { name: 'document', message: 'core/ runs without a DOM.' },
        { name: 'localStorage', message: 'core/ runs without a DOM.' },
        { name: 'fetch', message: 'core/ does no network IO.' },
        { name: 'Buffer', message: 'core/ uses Uint8Array; Buffer is Node-only.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', '**/electron/**'],
              // The preload's API type is declared once, in the shell; only types may cross.
              allowTypeImports: true,
              message: 'renderer/ talks to the shell only through its platform interface.',
            },
            {
              group: ['pdfmake'],
              message:
                'The bare pdfmake import is the pre-built bundle that hides the classes the tagging layer needs.',
            },
          ],
        },
      ],
    },
  },
);
