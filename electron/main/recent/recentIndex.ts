/**
 * The recent-documents index of the desktop app: what the start screen and File → Open recent
 * list, and where each document's file is. Persisted as JSON in the app's data folder.
 */
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from '../settings/jsonFile';

const Entry = z.object({
  id: z.string().max(64),
  title: z.string().max(500),
  templateId: z.string().max(64),
  updatedAt: z.number(),
  /** The `.linjaus` file, or null for a new document not saved to a file yet. */
  file: z.string().max(4096).nullable(),
});
export type RecentEntry = z.infer<typeof Entry>;

const Index = z.object({ version: z.literal(1), entries: z.array(Entry).max(1000) });

/** How many documents the index remembers. */
export const RECENT_LIMIT = 30;

/** The index: an in-memory list written through to disk after every change. */
export class RecentIndex {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private entries: RecentEntry[],
  ) {}

  static async load(file: string): Promise<RecentIndex> {
    const { entries } = await readJsonFile(file, Index, { version: 1, entries: [] });
    return new RecentIndex(file, entries);
  }

  /** Newest first. */
  list(): RecentEntry[] {
    return [...this.entries].sort((a, b) => b.updatedAt - a.updatedAt);
  }

  byId(id: string): RecentEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  /**
   * Add or update an entry. A known file path is kept when the caller does not know it (the
   * renderer reports titles, main reports files).
   */
  async touch(entry: Omit<RecentEntry, 'file'> & { file?: string | null }): Promise<void> {
    const previous = this.byId(entry.id);
    const next: RecentEntry = {
      ...entry,
      file: entry.file === undefined ? (previous?.file ?? null) : entry.file,
    };
    // One entry per file: a "Save as" with a new id replaces the old entry of that path.
    this.entries = [
      next,
      ...this.entries.filter(
        (e) => e.id !== entry.id && (next.file === null || e.file !== next.file),
      ),
    ].slice(0, RECENT_LIMIT);
    await this.save();
  }

  async remove(id: string): Promise<void> {
    this.entries = this.entries.filter((e) => e.id !== id);
    await this.save();
  }

  async clear(): Promise<void> {
    this.entries = [];
    await this.save();
  }

  private save(): Promise<void> {
    // One write at a time; each writes the list as it is when it runs (the newest state wins).
    const run = this.writing.then(() =>
      writeJsonFile(this.file, { version: 1, entries: this.entries }),
    );
    this.writing = run.catch(() => undefined);
    return run;
  }
}
