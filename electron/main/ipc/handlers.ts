/**
 * Every IPC handler, by operation. `satisfies` checks that each contract operation has exactly
 * one handler with the right argument types; the preload's API type is derived from this table
 * (ipc/api.ts).
 */
import type { IpcOperation } from '../../shared/contract';
import { documentHandlers } from '../documents/handlers';
import { exportHandlers, type ProgressSink } from '../export/handlers';
import { fileHandlers } from '../files/handlers';
import { windowHandlers } from '../windows/handlers';
import { workshopHandlers } from '../workshop/handlers';
import type { Handler } from './types';

export function createHandlers(sendProgress: ProgressSink) {
  return {
    ...documentHandlers,
    ...fileHandlers,
    ...exportHandlers(sendProgress),
    ...windowHandlers,
    ...workshopHandlers,
  } satisfies { [K in IpcOperation]: Handler<K> };
}

/** The handler table's type: the source of the preload API's result types. */
export type Handlers = ReturnType<typeof createHandlers>;
