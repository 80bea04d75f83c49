/**
 * Vite config of the renderer (web mode: `npm run web`, `npm run build:web` → dist/web).
 * The PDF worker bundles pdfmake from its sources (notes/pdf-tagging.md): Node built-ins are
 * mapped with exact-match aliases to the same browser fallbacks pdfmake's own build uses.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const repoRoot = here('..');
const nm = (p: string) => here(`../node_modules/${p}`);

// Exact-match aliases: a plain string alias for `util` would also rewrite `util/…` elsewhere.
const nodeFallbacks = [
  // core/pdf loads pdfmake's compiled classes (pdfmake/js/*); the browser bundles their sources.
  { find: /^pdfmake\/js\/(.*)$/, replacement: `${nm('pdfmake/src')}/$1.js` },
  { find: /^fs$/, replacement: nm('pdfmake/src/virtual-fs.js') },
  { find: /^buffer$/, replacement: nm('buffer/index.js') },
  { find: /^stream$/, replacement: nm('stream-browserify/index.js') },
  { find: /^zlib$/, replacement: nm('browserify-zlib/lib/index.js') },
  { find: /^util$/, replacement: nm('util/util.js') },
  { find: /^assert$/, replacement: nm('assert/build/assert.js') },
  { find: /^events$/, replacement: nm('events/events.js') },
  { find: /^process$/, replacement: nm('process/browser.js') },
];

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  resolve: {
    alias: nodeFallbacks,
    // Two copies of Yjs or Lexical in one bundle break instanceof checks and node registries.
    dedupe: ['yjs', 'lexical', '@lexical/yjs', 'react', 'react-dom'],
  },
  worker: { format: 'es' },
  server: { fs: { allow: [repoRoot] } },
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
  },
});
