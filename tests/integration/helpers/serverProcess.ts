/**
 * A sync server in a child process, so a test can kill it without warning (SIGKILL) — the only
 * honest way to test "a restart loses nothing that was reported saved".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly wsUrl: string;
  /** Kill -9 and wait for the exit. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

/** Start `server/sync` in a child process on `port` (0 = free) with data in `dataDir`. */
export async function spawnServer(
  dataDir: string,
  port = 0,
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'serverMain.ts')], {
    cwd: root,
    env: {
      ...process.env,
      ...extraEnv,
      LINJAUS_TEST_DATA: dataDir,
      LINJAUS_TEST_PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const listening = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited (${String(code)}): ${stderr}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    port: listening,
    wsUrl: `ws://127.0.0.1:${listening}`,
    async crash() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
