/**
 * The native-dialog seam. Handlers and menu actions ask this interface, never Electron's
 * `dialog` directly, so tests (and the e2e harness) can answer the dialogs: see
 * {@link scriptedDialogs}.
 */

export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

export interface NativeDialogs {
  /** Choose a file to open; null when cancelled. */
  chooseOpen(
    windowId: number | null,
    options: { title?: string; filters: readonly FileFilter[] },
  ): Promise<string | null>;
  /** Choose where to save; null when cancelled. The OS asks about overwriting. */
  chooseSave(
    windowId: number | null,
    options: { defaultName: string; filters: readonly FileFilter[] },
  ): Promise<string | null>;
  /** Yes/no question; true for yes. */
  confirm(windowId: number | null, message: string): Promise<boolean>;
  /**
   * A window's edits could not be stored: close it anyway (true, the edits are lost) or keep it
   * open (false, the default).
   */
  confirmDiscard(windowId: number | null, problem: string): Promise<boolean>;
  /** Tell the user something went wrong (or was recovered). */
  inform(
    windowId: number | null,
    options: { kind: 'error' | 'info'; title: string; message: string; detail?: string },
  ): Promise<void>;
}

/** Answers for {@link scriptedDialogs}: consumed in order; a missing answer means "cancel". */
export interface DialogScript {
  open?: (string | null)[];
  save?: (string | null)[];
  confirm?: boolean[];
  discard?: boolean[];
}

/**
 * Dialogs that answer from a script instead of asking (tests; `LINJAUS_DIALOG_SCRIPT` in an
 * unpackaged app). Everything shown is recorded in `shown`.
 */
export function scriptedDialogs(script: DialogScript): NativeDialogs & { shown: string[] } {
  const shown: string[] = [];
  return {
    shown,
    chooseOpen: async (_w, o) => {
      shown.push(`open:${o.filters.map((f) => f.extensions.join(',')).join(';')}`);
      return script.open?.shift() ?? null;
    },
    chooseSave: async (_w, o) => {
      shown.push(`save:${o.defaultName}`);
      return script.save?.shift() ?? null;
    },
    confirm: async (_w, message) => {
      shown.push(`confirm:${message}`);
      return script.confirm?.shift() ?? false;
    },
    confirmDiscard: async (_w, problem) => {
      shown.push(`discard:${problem}`);
      return script.discard?.shift() ?? false;
    },
    inform: async (_w, o) => void shown.push(`${o.kind}:${o.title}: ${o.message}`),
  };
}
