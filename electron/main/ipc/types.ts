/** Types shared by the feature handlers: one handler per contract operation. */
import type { z } from 'zod';
import type { IpcOperation, ipcArgs } from '../../shared/contract';
import type { HandlerContext } from '../services';

/** A handler: the validated arguments in, a promise of the result out. */
export type Handler<K extends IpcOperation> = (
  ctx: HandlerContext,
  args: z.output<(typeof ipcArgs)[K]>,
) => Promise<unknown>;

/** Handlers of a feature: a subset of the contract's operations. */
export type HandlerGroup = { [K in IpcOperation]?: Handler<K> };
