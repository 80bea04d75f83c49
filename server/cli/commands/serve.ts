/**
 * `linjaus serve` — the co-authoring server: Hocuspocus for many documents, the built web app on
 * the same port, embedded storage under --data (or PostgreSQL + Redis for scale-out). Prints the
 * address and how to mint a token (and a host token for the app's "Host a workshop"), then runs
 * until SIGINT/SIGTERM. docs/sync.md has the details.
 */
import { startSyncServer } from '../../sync/server';
import { parse } from '../args';
import { EXIT, UsageError, type Command } from '../io';

export const usage = `linjaus serve [--host 127.0.0.1] [--port 0] [--data <dir>] [--web <dir>]
    [--postgres <url>] [--redis <url>] [--allow-host <host:port>]… [--allow-origin <origin>]…
    [--max-connections-per-ip 64] [--max-message-bytes 8388608] [--name <instance>]
    [--trust-proxy <address>]…
  --trust-proxy: a load balancer's address; requests from it are counted (join rate limits,
  connections per IP) as the client it names in X-Forwarded-For.
  Environment: LINJAUS_POSTGRES_URL, LINJAUS_REDIS_URL, LINJAUS_ALLOW_HOSTS, LINJAUS_ALLOW_ORIGINS,
  LINJAUS_TRUSTED_PROXIES (comma-separated) are used when the flag is not given.`;

const DEFAULT_DATA = 'linjaus-data';

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`${flag} must be a whole number, got "${value}"`);
  return n;
}

const list = (flags: string[] | undefined, env: string | undefined): string[] =>
  flags && flags.length > 0
    ? flags
    : (env ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

export const run: Command = async (args, io) => {
  const { values } = parse(
    args,
    {
      host: { type: 'string' },
      port: { type: 'string' },
      data: { type: 'string' },
      web: { type: 'string' },
      postgres: { type: 'string' },
      redis: { type: 'string' },
      'allow-host': { type: 'string', multiple: true },
      'allow-origin': { type: 'string', multiple: true },
      'trust-proxy': { type: 'string', multiple: true },
      'max-connections-per-ip': { type: 'string' },
      'max-message-bytes': { type: 'string' },
      name: { type: 'string' },
    },
    { min: 0, max: 0, names: 'no positional arguments' },
  );
  const port = positiveInt(values.port, '--port') ?? 0;
  if (port > 65535) throw new UsageError('--port must be at most 65535');
  const postgresUrl = values.postgres ?? process.env.LINJAUS_POSTGRES_URL;
  const redisUrl = values.redis ?? process.env.LINJAUS_REDIS_URL;
  const dataDir = values.data ?? (postgresUrl ? undefined : DEFAULT_DATA);
  const maxConnectionsPerIp = positiveInt(
    values['max-connections-per-ip'],
    '--max-connections-per-ip',
  );
  const maxMessageBytes = positiveInt(values['max-message-bytes'], '--max-message-bytes');
  const server = await startSyncServer({
    host: values.host ?? '127.0.0.1',
    port,
    webDir: values.web ?? 'dist/web',
    allowedHosts: list(values['allow-host'], process.env.LINJAUS_ALLOW_HOSTS),
    allowedOrigins: list(values['allow-origin'], process.env.LINJAUS_ALLOW_ORIGINS),
    trustedProxies: list(values['trust-proxy'], process.env.LINJAUS_TRUSTED_PROXIES),
    log: (line) => io.stderr.write(`${line}\n`),
    ...(dataDir ? { dataDir } : {}),
    ...(postgresUrl ? { postgresUrl } : {}),
    ...(redisUrl ? { redisUrl } : {}),
    ...(maxConnectionsPerIp !== undefined ? { maxConnectionsPerIp } : {}),
    ...(maxMessageBytes !== undefined ? { maxMessageBytes } : {}),
    ...(values.name ? { name: values.name } : {}),
  });
  const where = postgresUrl ? '--postgres <url>' : `--data ${dataDir ?? DEFAULT_DATA}`;
  io.stdout.write(
    `Linjaus sync server listening on ${server.url} (WebSocket ${server.wsUrl})\n` +
      `Storage: ${postgresUrl ? 'PostgreSQL' : `embedded, in ${dataDir ?? DEFAULT_DATA}`}${redisUrl ? ', shared through Redis' : ''}\n` +
      `Mint a token: linjaus token ${where} --doc <document id> --role editor|commenter|viewer [--expires 8h]\n` +
      `Host a workshop from the app ("Host a workshop" asks for this server's address and a host token):\n` +
      `  linjaus token ${where} --doc <document id> --role editor --host [--expires 8h]\n` +
      `  The host token lets the app create the short invite code, list and revoke participants and end the workshop.\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  io.stderr.write('Stopping: storing what is pending…\n');
  await server.close();
  return EXIT.ok;
};
