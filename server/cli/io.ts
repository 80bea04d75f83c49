/** What a command writes to: results on stdout, progress and errors on stderr. */
export interface CommandIO {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** A command: takes its arguments (after the command name) and returns the exit code. */
export type Command = (args: string[], io: CommandIO) => Promise<number>;

/** Exit codes. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Thrown for wrong arguments; main prints the message and the command's usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
