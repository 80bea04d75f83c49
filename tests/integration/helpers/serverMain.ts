/** Entry point of {@link spawnServer}: a sync server configured from the environment. */
import { startSyncServer } from '../../../server/sync/server';

const server = await startSyncServer({
  dataDir: process.env.LINJAUS_TEST_DATA!,
  port: Number(process.env.LINJAUS_TEST_PORT ?? 0),
  log: () => undefined,
  ...(process.env.LINJAUS_TEST_REDIS ? { redisUrl: process.env.LINJAUS_TEST_REDIS } : {}),
  ...(process.env.LINJAUS_TEST_POSTGRES ? { postgresUrl: process.env.LINJAUS_TEST_POSTGRES } : {}),
});
process.stdout.write(`listening ${server.port}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
