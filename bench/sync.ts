/**
 * Co-authoring load: N simulated participants (real Hocuspocus providers in this process) each
 * type 5 characters per second into one programme's vision field through one `linjaus serve` on
 * loopback (a child process, so its CPU and memory are its own). Reports, per participant count,
 * p50/p95/p99 from a keystroke to its arrival at *all* observing participants (and at each
 * observer), undelivered keystrokes, the server's CPU share and memory.
 *
 * Anchor, same run: the same updates at the same rate through a bare WebSocket echo server on
 * loopback (round trip), i.e. what the network stack and `ws` alone cost.
 *
 * Up to 30 participants every one is a full provider (applies every keystroke and measures its
 * arrival). Above 30, 30 stay full providers and measure; the others are light participants: a
 * socket that authenticates, syncs, and sends its own keystrokes as real Yjs updates but does not
 * apply what it receives — the server's work is the same (it broadcasts to everyone), while this
 * one load-generating process, sharing two cores with the server, is not what gets measured.
 *
 * Run alone: `npx tsx bench/sync.ts`; LINJAUS_BENCH_SYNC_SECONDS shortens each run (default 60),
 * LINJAUS_BENCH_SYNC_COUNTS picks counts (default 30,100,300).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import WebSocket, { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import {
  childrenOf,
  createProgramme,
  getDocumentId,
  getTemplate,
  richField,
  type ItemId,
} from '../core';
import { connectWorkshop, participantColour, type Workshop } from '../renderer/collab';
import { FileTokenStore } from '../server/sync/tokens/fileStore';
import { mintToken } from '../server/sync/tokens/token';
import { authFrame, syncStep1Frame, updateFrame } from '../tests/integration/helpers/rawClient';

const SECONDS = Number(process.env.LINJAUS_BENCH_SYNC_SECONDS ?? 60);
const COUNTS = (process.env.LINJAUS_BENCH_SYNC_COUNTS ?? '30,100,300').split(',').map(Number);
const RATE = 5;
const DRAIN_MS = 15_000;
/** Participants that are full providers and measure arrivals. */
const OBSERVERS = 30;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) return false;
    await tick();
  }
  return true;
}

interface ServerProc {
  child: ChildProcess;
  wsUrl: string;
  cpuTicks(): number;
  rss(): { rssMb: number; peakMb: number };
}

function procStat(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function procMem(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

async function startServer(data: string): Promise<ServerProc> {
  const bin = path.resolve('bin/linjaus.js');
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--port', '0', '--data', data, '--max-connections-per-ip', '2000'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  // Keep the tail of the server's log for an error message; reading also keeps the pipe empty.
  child.stderr!.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-4000)));
  const wsUrl = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /WebSocket (ws:\/\/[^)]+)\)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) =>
      reject(new Error(`linjaus serve exited with ${String(code)}: ${err}`)),
    );
  });
  // The "node" process is a tsx wrapper's child on some setups; /proc of the spawned pid is the server.
  return { child, wsUrl, cpuTicks: () => procStat(child.pid!), rss: () => procMem(child.pid!) };
}

interface Sent {
  clockEnd: number;
  /** Observers that must receive it (all but the sender when the sender observes too). */
  needed: number;
  at: number;
  arrivals: number;
  lastArrival: number;
}

interface RunResult {
  participants: number;
  keystrokes: number;
  allOthers: number[];
  perReceiver: number[];
  undelivered: number;
  cpuPercent: number;
  /** CPU share of this process (the simulated participants). */
  clientCpuPercent: number;
  rssMb: number;
  peakMb: number;
}

async function runSync(participants: number): Promise<RunResult> {
  const data = await mkdtemp(path.join(tmpdir(), 'linjaus-bench-sync-'));
  const server = await startServer(data);
  const tokens = new FileTokenStore(data);
  const hostDoc = createProgramme(getTemplate('elinvoimaohjelma'));
  const id = getDocumentId(hostDoc)!;
  const workshops: Workshop[] = [];
  const docs: Y.Doc[] = [];
  const sent = new Map<number, Sent[]>();
  const seenUpTo: Map<number, number>[] = [];
  const perReceiver: number[] = [];
  const join = async (doc: Y.Doc, i: number) => {
    const minted = mintToken(id, 'editor', 3_600_000);
    await tokens.add(minted.record);
    const index = docs.length;
    docs.push(doc);
    seenUpTo.push(new Map());
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== workshops[index]?.provider) return;
      const now = performance.now();
      const meta = Y.parseUpdateMeta(update);
      meta.to.forEach((clockEnd, client) => {
        const list = sent.get(client);
        if (!list) return;
        const seen = seenUpTo[index]!;
        let k = seen.get(client) ?? 0;
        while (k < list.length && list[k]!.clockEnd <= clockEnd) {
          const s = list[k]!;
          s.arrivals++;
          s.lastArrival = now;
          perReceiver.push(now - s.at);
          k++;
        }
        seen.set(client, k);
      });
    });
    workshops.push(
      connectWorkshop({
        url: server.wsUrl,
        documentId: id,
        token: minted.token,
        doc,
        user: { name: `Osallistuja ${i}`, colour: participantColour(i) },
        WebSocketPolyfill: WebSocket,
        reconnectDelayMs: 200,
      }),
    );
  };
  const light: { doc: Y.Doc; ws: WebSocket }[] = [];
  const joinLight = async () => {
    const minted = mintToken(id, 'editor', 3_600_000);
    await tokens.add(minted.record);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(hostDoc));
    const ws = new WebSocket(server.wsUrl);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    ws.send(authFrame(id, minted.token));
    ws.send(syncStep1Frame(id, Y.encodeStateVector(doc)));
    doc.on('update', (update: Uint8Array) => ws.send(updateFrame(id, update)));
    light.push({ doc, ws });
  };
  await join(hostDoc, 0);
  await waitUntil(() => workshops[0]!.status().connection === 'online', 30_000);
  for (let i = 1; i < participants; i++) {
    if (i >= OBSERVERS) {
      await joinLight();
      continue;
    }
    await join(new Y.Doc(), i);
    if (i % 25 === 0)
      await waitUntil(() => workshops.every((w) => w.status().connection === 'online'), 60_000);
  }
  const allOnline = await waitUntil(
    () =>
      workshops.every((w) => w.status().connection === 'online') &&
      docs.every((d) => d.getMap('items').size > 0),
    120_000,
  );
  if (!allOnline) throw new Error(`not all ${participants} participants came online`);
  const vision = childrenOf(hostDoc, null, 'section')[0] as ItemId;
  const textOf = (doc: Y.Doc) =>
    (richField(doc, vision, 'body').get(0) as Y.XmlElement).get(0) as Y.XmlText;

  const cpuStart = server.cpuTicks();
  const selfStart = process.cpuUsage();
  const start = performance.now();
  const typists = [...docs, ...light.map((l) => l.doc)];
  const timers = typists.map((doc, i) => {
    const text = textOf(doc);
    const list: Sent[] = [];
    sent.set(doc.clientID, list);
    const type = () => {
      text.insert(
        Math.floor(Math.random() * (text.length + 1)),
        String.fromCharCode(97 + (i % 26)),
      );
      list.push({
        clockEnd: Y.getState(doc.store, doc.clientID),
        needed: i < docs.length ? docs.length - 1 : docs.length,
        at: performance.now(),
        arrivals: 0,
        lastArrival: 0,
      });
    };
    let timer: NodeJS.Timeout | undefined;
    const phase = setTimeout(
      () => {
        type();
        timer = setInterval(type, 1000 / RATE);
      },
      Math.random() * (1000 / RATE),
    );
    return () => {
      clearTimeout(phase);
      clearInterval(timer);
    };
  });
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  timers.forEach((stop) => stop());
  const typedFor = (performance.now() - start) / 1000;
  const cpuTicks = server.cpuTicks() - cpuStart;
  const self = process.cpuUsage(selfStart);
  const clientCpuPercent = ((self.user + self.system) / 1e6 / typedFor) * 100;
  const all = [...sent.values()].flat();
  await waitUntil(() => all.every((s) => s.arrivals >= s.needed), DRAIN_MS);
  const mem = server.rss();
  const allOthers = all
    .filter((s) => s.arrivals >= s.needed)
    .map((s) => s.lastArrival - s.at)
    .sort((a, b) => a - b);
  workshops.forEach((w) => w.destroy());
  light.forEach((l) => l.ws.close());
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
  await rm(data, { recursive: true, force: true });
  return {
    participants,
    keystrokes: all.length,
    allOthers,
    perReceiver: perReceiver.sort((a, b) => a - b),
    undelivered: all.filter((s) => s.arrivals < s.needed).length,
    // Clock ticks are 1/100 s on Linux.
    cpuPercent: (cpuTicks / 100 / typedFor) * 100,
    clientCpuPercent,
    rssMb: mem.rssMb,
    peakMb: mem.peakMb,
  };
}

/** The anchor: the same update bytes at the same rate through a bare WebSocket echo (round trip). */
async function runEcho(participants: number, updateBytes: number): Promise<number[]> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  wss.on('connection', (ws) => ws.on('message', (data) => ws.send(data)));
  await new Promise((resolve) => wss.once('listening', resolve));
  const { port } = wss.address() as { port: number };
  const sockets = await Promise.all(
    Array.from(
      { length: participants },
      () =>
        new Promise<WebSocket>((resolve) => {
          const ws = new WebSocket(`ws://127.0.0.1:${port}`);
          ws.once('open', () => resolve(ws));
        }),
    ),
  );
  const rtts: number[] = [];
  const timers = sockets.map((ws) => {
    const payload = new Uint8Array(updateBytes);
    const pending: number[] = [];
    ws.on('message', () => rtts.push(performance.now() - pending.shift()!));
    let timer: NodeJS.Timeout | undefined;
    const phase = setTimeout(
      () => {
        timer = setInterval(() => {
          pending.push(performance.now());
          ws.send(payload);
        }, 1000 / RATE);
      },
      Math.random() * (1000 / RATE),
    );
    return () => {
      clearTimeout(phase);
      clearInterval(timer);
    };
  });
  await new Promise((resolve) => setTimeout(resolve, Math.min(SECONDS, 20) * 1000));
  timers.forEach((stop) => stop());
  await tick();
  sockets.forEach((ws) => ws.close());
  await new Promise((resolve) => wss.close(resolve));
  return rtts.sort((a, b) => a - b);
}

/** Run the co-authoring benchmark and print its table. */
export async function benchSync(): Promise<void> {
  console.log(
    `\nsync: ${COUNTS.join('/')} participants × ${RATE} chars/s × ${SECONDS} s, one server on loopback`,
  );
  // A one-character insert into a shared paragraph, as the provider sends it.
  const probe = new Y.Doc();
  let updateBytes = 0;
  probe.on('update', (u: Uint8Array) => (updateBytes = u.length + 40));
  probe.getText('t').insert(0, 'x');
  console.log(
    'participants  keystrokes  all observers p50/p95/p99 ms  each observer p50/p95/p99 ms  undelivered  server CPU  clients CPU  RSS/peak MB  echo p50/p95/p99 ms  p95 ratio',
  );
  for (const n of COUNTS) {
    const result = await runSync(n);
    const echo = await runEcho(n, updateBytes);
    const a = result.allOthers;
    const e = result.perReceiver;
    console.log(
      [
        String(n).padStart(12),
        String(result.keystrokes).padStart(10),
        `${fmt(pct(a, 50))}/${fmt(pct(a, 95))}/${fmt(pct(a, 99))}`.padStart(27),
        `${fmt(pct(e, 50))}/${fmt(pct(e, 95))}/${fmt(pct(e, 99))}`.padStart(26),
        String(result.undelivered).padStart(11),
        `${fmt(result.cpuPercent)} %`.padStart(10),
        `${fmt(result.clientCpuPercent)} %`.padStart(11),
        `${fmt(result.rssMb)}/${fmt(result.peakMb)}`.padStart(12),
        `${fmt(pct(echo, 50))}/${fmt(pct(echo, 95))}/${fmt(pct(echo, 99))}`.padStart(19),
        `${fmt(pct(a, 95) / pct(echo, 95))}×`.padStart(9),
      ].join('  '),
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchSync().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
