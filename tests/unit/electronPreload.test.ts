/**
 * The preload as the sandbox runs it: bundled to CommonJS, executed in a bare VM context whose
 * only module is a recording stand-in for `electron`. Checks what the renderer can reach: one
 * named function per contract operation and one subscription per event — never `ipcRenderer`.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { IPC_OPERATIONS } from '../../electron/shared/contract';

const PRELOAD = fileURLToPath(new URL('../../electron/preload/index.ts', import.meta.url));

let code: string;
let exposed: Record<string, unknown> = {};
const invoked: unknown[][] = [];
const listeners = new Map<string, (...args: unknown[]) => void>();
const required: string[] = [];

beforeAll(async () => {
  // tsx's esbuild, as in the crash test: a CommonJS bundle like electron-vite's preload output.
  const requireFromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
  const esbuild = requireFromTsx('esbuild') as {
    build(o: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
  };
  const result = await esbuild.build({
    entryPoints: [PRELOAD],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    write: false,
    logLevel: 'error',
  });
  code = result.outputFiles[0]!.text;
  const electron = {
    contextBridge: {
      exposeInMainWorld: (name: string, api: Record<string, unknown>) => {
        if (name === 'linjaus') exposed = api;
      },
    },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => void invoked.push(args),
      on: (channel: string, listener: (...args: unknown[]) => void) =>
        void listeners.set(channel, listener),
      off: (channel: string) => void listeners.delete(channel),
    },
  };
  const module = { exports: {} };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require "${name}"`);
  };
  vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });
});

describe('preload', () => {
  it('requires nothing but electron, as a sandboxed preload must', () => {
    expect([...new Set(required)]).toEqual(['electron']);
  });

  it('exposes one function per contract operation and one subscription per event, nothing else', () => {
    const events = [
      'onMenuCommand',
      'onDocumentUpdate',
      'onPdfProgress',
      'onShowDocument',
      'onFlushRequest',
    ];
    expect(Object.keys(exposed).sort()).toEqual([...IPC_OPERATIONS, ...events].sort());
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function');
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });

  it('sends each call on its own channel with the arguments as given', async () => {
    const update = new Uint8Array([1, 2]);
    await (exposed.documentAppend as (a: unknown) => Promise<unknown>)({
      documentId: 'd1',
      update,
    });
    expect(invoked.at(-1)).toEqual(['linjaus:documentAppend', { documentId: 'd1', update }]);
  });

  it('gives listeners only the payload, never the IPC event with its sender', () => {
    const received: unknown[][] = [];
    const stop = (exposed.onMenuCommand as (l: (...a: unknown[]) => void) => () => void)(
      (...args) => received.push(args),
    );
    listeners.get('linjaus-event:menuCommand')?.(
      { sender: 'the IPC event' },
      { command: 'edit.undo' },
    );
    expect(received).toEqual([[{ command: 'edit.undo' }]]);
    stop();
    expect(listeners.has('linjaus-event:menuCommand')).toBe(false);
  });
});
