/** The PDF export utility process: `utilityProcess.fork` of export/worker.ts behind the export host. */
import { utilityProcess } from 'electron';
import { createExportHost, type WorkerChannel } from './host';
import type { FromWorker } from './protocol';

/** Start the export service; the process itself starts on first use (or warm-up). */
export function createUtilityExporter(workerPath: string, brandsDir: string) {
  return createExportHost((): WorkerChannel => {
    const child = utilityProcess.fork(workerPath, [brandsDir], {
      serviceName: 'Linjaus PDF export',
      stdio: 'inherit',
    });
    return {
      postMessage: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', (message: FromWorker) => listener(message)),
      onExit: (listener) => child.on('exit', listener),
      kill: () => void child.kill(),
    };
  });
}
