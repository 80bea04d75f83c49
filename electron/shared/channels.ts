/**
 * IPC channel names. Kept free of imports so the sandboxed preload can use them without
 * bundling zod or the document core.
 */

/** The channel an invoke operation travels on. */
export const ipcChannel = (operation: string): string => `linjaus:${operation}`;

/** The channel a main → renderer event travels on. */
export const eventChannel = (event: string): string => `linjaus-event:${event}`;
