/**
 * Real Redis and PostgreSQL from the Debian packages (`redis-server`, `postgresql`), started on
 * loopback on free ports in a temp dir for one test file. When a binary is missing the tests
 * fail with the packages to install — unless LINJAUS_SKIP_SCALEOUT=1 says to skip them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import Redis from 'ioredis';

export const SKIP_SCALEOUT = process.env.LINJAUS_SKIP_SCALEOUT === '1';
const INSTALL =
  'install the Debian packages: apt-get install -y redis-server postgresql (or set LINJAUS_SKIP_SCALEOUT=1 to skip these tests)';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const start = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function which(binary: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (existsSync(path.join(bin, 'postgres')) && existsSync(path.join(bin, 'initdb'))) return bin;
  }
  return null;
}

export interface Services {
  redisUrl: string;
  postgresUrl: string;
  stop(): Promise<void>;
}

/** Start Redis and PostgreSQL; throws a clear error when the packages are missing. */
export async function startServices(): Promise<Services> {
  const redisBinary = which('redis-server');
  const pgBin = postgresBin();
  if (!redisBinary) throw new Error(`redis-server not found: ${INSTALL}`);
  if (!pgBin)
    throw new Error(`PostgreSQL server binaries not found under /usr/lib/postgresql: ${INSTALL}`);
  const dir = await mkdtemp(path.join(tmpdir(), 'linjaus-services-'));
  const children: ChildProcess[] = [];
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: run it as the postgres user the package creates.
  const asPostgres = (command: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  try {
    const redisPort = await freePort();
    const redis = spawn(
      redisBinary,
      [
        '--port',
        String(redisPort),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
      ],
      {
        stdio: 'ignore',
      },
    );
    children.push(redis);
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    await until(async () => {
      const client = new Redis(redisPort, '127.0.0.1', {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
      });
      client.on('error', () => undefined);
      try {
        await client.connect();
        return (await client.ping()) === 'PONG';
      } finally {
        client.disconnect();
      }
    }, 'redis');

    const pgData = path.join(dir, 'pg');
    if (asRoot) {
      const { uid, gid } = {
        uid: Number(spawnSync('id', ['-u', 'postgres']).stdout),
        gid: Number(spawnSync('id', ['-g', 'postgres']).stdout),
      };
      await chown(dir, uid, gid);
    }
    const [initCmd, initArgs] = asPostgres(path.join(pgBin, 'initdb'), [
      '-D',
      pgData,
      '-A',
      'trust',
      '-U',
      'linjaus',
      '--no-sync',
    ]);
    const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
    const pgPort = await freePort();
    const [pgCmd, pgArgs] = asPostgres(path.join(pgBin, 'postgres'), [
      '-D',
      pgData,
      '-p',
      String(pgPort),
      '-h',
      '127.0.0.1',
      '-k',
      dir,
    ]);
    const postgres = spawn(pgCmd, pgArgs, { stdio: 'ignore' });
    children.push(postgres);
    const postgresUrl = `postgres://linjaus@127.0.0.1:${pgPort}/postgres`;
    await until(async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.end();
      return true;
    }, 'postgres');
    return {
      redisUrl,
      postgresUrl,
      async stop() {
        const [stopCmd, stopArgs] = asPostgres(path.join(pgBin, 'pg_ctl'), [
          'stop',
          '-D',
          pgData,
          '-m',
          'fast',
        ]);
        spawnSync(stopCmd, stopArgs);
        for (const child of children) child.kill('SIGTERM');
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const child of children) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
