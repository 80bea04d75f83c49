/**
 * Entry of the PDF export utility process (`utilityProcess.fork`): a separate Node process, so a
 * long export never blocks main or the window. Receives {@link ToWorker}, answers
 * {@link FromWorker}. The brand kits folder arrives as the first argument.
 */
import { runExportJob } from './job';
import type { FromWorker, ToWorker } from './protocol';

const brandsDir = process.argv[2] ?? '';

// Electron's utility process talks through `process.parentPort`; a Node `fork` (tests) through
// `process.send`. The job is the same.
const parentPort = (process as { parentPort?: Electron.ParentPort }).parentPort;
const send = (message: FromWorker): void => {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
};
const onMessage = (listener: (message: ToWorker) => void): void => {
  if (parentPort) parentPort.on('message', (event) => listener(event.data as ToWorker));
  else process.on('message', (message) => listener(message as ToWorker));
};

onMessage((message) => {
  if (message?.type !== 'export') return;
  runExportJob({ programme: message.programme, language: message.language }, { brandsDir }, (p) =>
    send({ type: 'progress', id: message.id, ...p }),
  ).then(
    (result) =>
      send({
        type: 'done',
        id: message.id,
        bytes: result.bytes,
        pages: result.pages,
        warnings: result.warnings,
      }),
    (error: unknown) =>
      send({
        type: 'error',
        id: message.id,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
send({ type: 'ready' });
