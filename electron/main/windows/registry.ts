/**
 * Which window shows which document (pure bookkeeping). Opening a file that is already open
 * focuses its window; the comparison uses the canonical path (real path, and case-folded on
 * file systems that ignore case).
 */

/** One open document window. */
export interface WindowEntry {
  readonly windowId: number;
  documentId: string | null;
  file: string | null;
}

/** Canonical form of a path for "is this the same file" checks. */
export function fileKey(realPath: string, platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' || platform === 'darwin' ? realPath.toLowerCase() : realPath;
}

export class WindowRegistry {
  private readonly entries = new Map<number, WindowEntry>();

  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  add(windowId: number): WindowEntry {
    const entry: WindowEntry = { windowId, documentId: null, file: null };
    this.entries.set(windowId, entry);
    return entry;
  }

  remove(windowId: number): void {
    this.entries.delete(windowId);
  }

  get(windowId: number): WindowEntry | undefined {
    return this.entries.get(windowId);
  }

  /** The window showing the file at `realPath`, if any. */
  findByFile(realPath: string): WindowEntry | undefined {
    const key = fileKey(realPath, this.platform);
    return [...this.entries.values()].find(
      (e) => e.file !== null && fileKey(e.file, this.platform) === key,
    );
  }

  /** The window showing document `documentId`, if any. */
  findByDocument(documentId: string): WindowEntry | undefined {
    return [...this.entries.values()].find((e) => e.documentId === documentId);
  }

  /** A window with no document yet (start screen), to reuse for the next file opened. */
  findEmpty(): WindowEntry | undefined {
    return [...this.entries.values()].find((e) => e.documentId === null);
  }

  all(): WindowEntry[] {
    return [...this.entries.values()];
  }
}
