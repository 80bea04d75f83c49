/**
 * The logs of new documents that were never saved to a file (storage/SPEC.md L8): one
 * `<documentId>.log` each in the app's data folder, until the first "Save as".
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isNotFound } from '../storage/durable';

export class UnsavedLogs {
  constructor(private readonly dir: string) {}

  /** The log of document `documentId`; throws for an id that could name another path. */
  path(documentId: string): string {
    if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(documentId)) throw new Error('Invalid document id.');
    return path.join(this.dir, `${documentId}.log`);
  }

  /** Create the folder (before the first new document). */
  async ensureDir(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
  }

  /** Ids of the documents that have a log here. */
  async list(): Promise<string[]> {
    try {
      const names = await fs.readdir(this.dir);
      return names.filter((n) => n.endsWith('.log')).map((n) => n.slice(0, -4));
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  }

  async remove(documentId: string): Promise<void> {
    await fs.rm(this.path(documentId), { force: true });
  }
}
