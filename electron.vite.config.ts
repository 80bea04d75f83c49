/**
 * Builds the desktop app with electron-vite: main (ESM, plus the PDF export utility process
 * entry), the preload (CommonJS: a sandboxed preload cannot be an ES module) and the renderer —
 * the app engineer's Vite app, reused from renderer/vite.config.ts with only its output folder
 * changed. Output in out/{main,preload,renderer}; `npm start` builds and launches it.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import renderer from './renderer/vite.config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: here('out/main'),
      rollupOptions: {
        input: {
          index: here('electron/main/index.ts'),
          exportWorker: here('electron/main/export/worker.ts'),
          workshopWorker: here('electron/main/workshop/worker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
    resolve: { dedupe: ['yjs'] },
  },
  preload: {
    build: {
      outDir: here('out/preload'),
      rollupOptions: {
        input: { index: here('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...renderer,
    build: {
      ...renderer.build,
      outDir: here('out/renderer'),
      emptyOutDir: true,
      rollupOptions: {
        ...renderer.build?.rollupOptions,
        input: { index: here('renderer/index.html') },
      },
    },
  },
});
