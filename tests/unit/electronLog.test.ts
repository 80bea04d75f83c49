import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crc32 } from '../../electron/main/storage/crc32';
import {
  decodeLog,
  encodeLogStart,
  encodeUpdateFrame,
  LOG_MAGIC,
} from '../../electron/main/storage/frames';
import { readLog, UpdateLog } from '../../electron/main/storage/updateLog';

const bytes = (...values: number[]) => new Uint8Array(values);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
};

describe('crc32', () => {
  it('matches the standard check value for "123456789"', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('decodeLog', () => {
  const start = encodeLogStart({ format: 1, documentId: 'd1' });
  const a = encodeUpdateFrame(bytes(1, 2, 3));
  const b = encodeUpdateFrame(bytes(4, 5, 6, 7));

  it('returns every whole frame in order', () => {
    const log = decodeLog(concat(start, a, b));
    expect(log.header).toEqual({ format: 1, documentId: 'd1' });
    expect(log.updates).toEqual([bytes(1, 2, 3), bytes(4, 5, 6, 7)]);
    expect(log.droppedBytes).toBe(0);
  });

  it('drops a torn last frame at every possible cut and keeps the frames before it', () => {
    const whole = concat(start, a, b);
    for (let cut = start.length + a.length + 1; cut < whole.length; cut++) {
      const log = decodeLog(whole.subarray(0, cut));
      expect(log.updates).toEqual([bytes(1, 2, 3)]);
      expect(log.validLength).toBe(start.length + a.length);
      expect(log.droppedBytes).toBe(cut - start.length - a.length);
    }
  });

  it('stops at a frame whose checksum does not match (a flipped bit)', () => {
    const damaged = concat(start, a, b);
    damaged[damaged.length - 2] = (damaged[damaged.length - 2] ?? 0) ^ 0x10;
    expect(decodeLog(damaged).updates).toEqual([bytes(1, 2, 3)]);
  });

  it('treats a huge length field as corruption rather than allocating it', () => {
    const frame = encodeUpdateFrame(bytes(9));
    new DataView(frame.buffer).setUint32(0, 0xfffffff0, true);
    expect(decodeLog(concat(start, frame)).updates).toEqual([]);
  });

  it('refuses a file without the magic number or without a header frame', () => {
    expect(decodeLog(bytes(1, 2, 3)).header).toBeNull();
    expect(decodeLog(concat(LOG_MAGIC, a)).header).toBeNull();
    expect(decodeLog(new Uint8Array(0)).header).toBeNull();
  });
});

describe('UpdateLog', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'linjaus-log-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('replays appended updates after reopening', async () => {
    const file = path.join(dir, 'a.log');
    const { log } = await UpdateLog.open(file, 'd1');
    await log.append([bytes(1), bytes(2, 2)]);
    await log.append([bytes(3)]);
    await log.close();
    const { log: again, replay } = await UpdateLog.open(file, 'd1');
    expect(replay.updates).toEqual([bytes(1), bytes(2, 2), bytes(3)]);
    await again.close();
  });

  it('cuts a torn tail off the file so later appends are readable', async () => {
    const file = path.join(dir, 'a.log');
    const { log } = await UpdateLog.open(file, 'd1');
    await log.append([bytes(1)]);
    await log.close();
    await fs.appendFile(file, bytes(40, 0, 0, 0, 1, 2));
    const { log: again, replay } = await UpdateLog.open(file, 'd1');
    expect(replay.droppedBytes).toBe(6);
    await again.append([bytes(7)]);
    await again.close();
    expect((await readLog(file)).updates).toEqual([bytes(1), bytes(7)]);
  });

  it('moves a log of another document aside instead of replaying it', async () => {
    const file = path.join(dir, 'a.log');
    const { log } = await UpdateLog.open(file, 'dOther');
    await log.append([bytes(1)]);
    await log.close();
    const { log: mine, replay } = await UpdateLog.open(file, 'dMine');
    await mine.close();
    expect(replay.updates).toEqual([]);
    expect(replay.foreignLogMovedTo).toBe(`${file}.dOther.orphan`);
    expect((await readLog(`${file}.dOther.orphan`)).updates).toEqual([bytes(1)]);
  });

  it('restarts from a snapshot after reset', async () => {
    const file = path.join(dir, 'a.log');
    const { log } = await UpdateLog.open(file, 'd1');
    await log.append([bytes(1), bytes(2)]);
    await log.reset(bytes(9, 9));
    await log.append([bytes(3)]);
    await log.close();
    expect((await readLog(file)).updates).toEqual([bytes(9, 9), bytes(3)]);
  });
});
