/**
 * Hosting a workshop from the desktop app: the workshop server utility process entry
 * (electron/main/workshop/worker.ts) run as a Node child, driven by main's workshop host. Main
 * mints only a host token; the host creates an invite through the HTTP API as the renderer does,
 * a guest joins by code with a name, both edit, the host revokes the guest and ends the workshop.
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
import { workshopApi } from '../../renderer/collab/workshopApi';
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
  it('mints one host token; the host invites by code, a guest joins by name, is revoked, and ending shuts everyone out', async () => {
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
    const session = await host.host(documentId, 'Aino');
    expect(session.port).toBeGreaterThan(0);
    expect(Object.keys(session).sort()).toEqual(['hostToken', 'port']);
    const api = workshopApi(`http://127.0.0.1:${session.port}`);

    // The host token is a host token, labelled with the host's name.
    const roster = await api.participants(documentId, session.hostToken);
    expect(roster.map((p) => [p.name, p.host, p.role])).toEqual([['Aino', true, 'editor']]);
    const hostWorkshop = join(session.port, documentId, session.hostToken, hostDoc, 'Aino');
    await until(() => hostWorkshop.status().connection === 'online', 'the host to connect');

    // The guest joins by code (as the renderer does) and connects with the name given back.
    const invite = await api.createInvite(documentId, session.hostToken, 'editor');
    const joined = await api.join(invite.display, 'Vieras');
    expect(joined).toMatchObject({ documentId, role: 'editor', name: 'Vieras' });
    const guestDoc = new Y.Doc();
    const guestWorkshop = join(session.port, documentId, joined.token, guestDoc, joined.name);
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
    expect(
      (await api.participants(documentId, session.hostToken)).find(
        (p) => p.tokenId === joined.tokenId,
      )?.connected,
    ).toBe(true);

    // Revoked: the guest is shut out at once and their later edits never reach the host.
    await api.revoke(documentId, session.hostToken, joined.tokenId);
    await until(() => guestWorkshop.status().connection === 'denied', 'the guest to be shut out');
    expect(guestWorkshop.status().deniedReason).toBe('revoked');
    addTheme(guestDoc, 'Poistetun muokkaus');

    // A second guest, then the end: everyone (the host too) is shut out.
    const second = await api.join(invite.code, 'Toinen');
    const secondWorkshop = join(session.port, documentId, second.token, new Y.Doc(), second.name);
    await until(() => secondWorkshop.status().connection === 'online', 'the second guest');
    await host.end(documentId);
    await until(
      () => secondWorkshop.status().connection === 'denied',
      'the second guest to be shut out',
    );
    expect(themeTitles(hostDoc)).not.toContain('Poistetun muokkaus');
    await host.stop();
  });
});
