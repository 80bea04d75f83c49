/** The workshop server utility process: `utilityProcess.fork` of workshop/worker.ts behind the host. */
import { utilityProcess } from 'electron';
import { createWorkshopHost, type WorkshopChannel, type WorkshopHostOptions } from './host';
import type { FromWorkshop } from './protocol';

export function createUtilityWorkshopHost(workerPath: string, options: WorkshopHostOptions) {
  return createWorkshopHost((): WorkshopChannel => {
    const child = utilityProcess.fork(workerPath, [], {
      serviceName: 'Linjaus workshop server',
      stdio: 'inherit',
    });
    return {
      postMessage: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', (message: FromWorkshop) => listener(message)),
      onExit: (listener) => child.on('exit', listener),
      kill: () => void child.kill(),
    };
  }, options);
}
