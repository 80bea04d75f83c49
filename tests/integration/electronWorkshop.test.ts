/**
 * Hosting a workshop from the desktop app: the workshop server utility process entry
 * (electron/main/workshop/worker.ts) run as a Node child, driven by main's workshop host; a host
 * and a guest connect with the renderer's real workshop client and see each other's edits.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { getDocumentId } from '../../core';
import { createWorkshopHost, type WorkshopChannel } from '../../electron/main/workshop/host';
import { lanAddresses } from '../../electron/main/workshop/lan';
import type { FromWorkshop } from '../../electron/main/workshop/protocol';
import { connectWorkshop, type Workshop } from '../../renderer/collab/workshop';
import { addTheme, newProgramme, themeTitles } from '../fixtures/electron/programmes';

const WORKER = fileURLToPath(new URL('../../electron/main/workshop/worker.ts', import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), 'linjaus-workshop-'));
const children: ReturnType<typeof fork>[] = [];
const workshops: Workshop[] = [];

function startWorker(): WorkshopChannel {
  const child = fork(WORKER, [], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: 'pipe',
  });
  children.push(child);
  return {
    postMessage: (m) => child.send(m),
    onMessage: (l) => child.on('message', (m) => l(m as FromWorkshop)),
    onExit: (l) => child.on('exit', (code) => l(code ?? -1)),
    kill: () => child.kill('SIGKILL'),
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const join = (port: number, documentId: string, token: string, doc: Y.Doc, name: string) => {
  const w = connectWorkshop({
    url: `ws://127.0.0.1:${port}`,
    documentId,
    token,
    doc,
    user: { name, colour: '#1f5a80' },
    WebSocketPolyfill: WebSocket,
    reconnectDelayMs: 50,
  });
  workshops.push(w);
  return w;
};

afterAll(async () => {
  for (const w of workshops) w.destroy?.();
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('lanAddresses', () => {
  it('lists non-internal IPv4 addresses, private ones first', () => {
    const addresses = lanAddresses({
      lo: [
        { address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '', mac: '', cidr: null },
      ],
      eth0: [
        {
          address: '203.0.113.5',
          family: 'IPv4',
          internal: false,
          netmask: '',
          mac: '',
          cidr: null,
        },
        {
          address: 'fe80::1',
          family: 'IPv6',
          internal: false,
          netmask: '',
          mac: '',
          cidr: null,
          scopeid: 1,
        },
      ],
      wlan0: [
        {
          address: '192.168.1.20',
          family: 'IPv4',
          internal: false,
          netmask: '',
          mac: '',
          cidr: null,
        },
      ],
    });
    expect(addresses).toEqual(['192.168.1.20', '203.0.113.5']);
  });
});

describe('desktop workshop host', () => {
  it('serves the host’s document to a guest, and ending the workshop shuts the guest out', async () => {
    const host = createWorkshopHost(startWorker, {
      bindHost: '127.0.0.1',
      dataDir: path.join(dir, 'server'),
      webDir: null,
      allowedHosts: [],
      allowedOrigins: ['app://linjaus'],
    });
    const hostDoc = newProgramme('Työpajan ohjelma');
    addTheme(hostDoc, 'Host kirjoitti tämän');
    const documentId = getDocumentId(hostDoc)!;
    const session = await host.host(documentId);
    expect(session.port).toBeGreaterThan(0);
    expect(session.hostToken).not.toBe(session.guestToken);

    const hostWorkshop = join(session.port, documentId, session.hostToken, hostDoc, 'Host');
    const guestDoc = new Y.Doc();
    const guestWorkshop = join(session.port, documentId, session.guestToken, guestDoc, 'Vieras');
    await until(
      () => themeTitles(guestDoc).includes('Host kirjoitti tämän'),
      'the guest to receive the document',
    );

    addTheme(guestDoc, 'Vieras lisäsi');
    await until(
      () => themeTitles(hostDoc).includes('Vieras lisäsi'),
      'the host to receive the guest’s edit',
    );
    await hostWorkshop.whenSaved();

    await host.end(documentId);
    await until(() => guestWorkshop.status().connection !== 'online', 'the guest to be shut out');
    await host.stop();
  });
});
