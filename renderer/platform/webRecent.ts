/** The web platform's list of recent documents: one IndexedDB store, shared by all tabs. */
import { openStore, run } from './idb';
import type { DocumentSummary, RecentDocuments } from './types';

const DB = 'linjaus-index';
const STORE = 'documents';
let dbPromise: Promise<IDBDatabase> | null = null;
const db = () => (dbPromise ??= openStore(DB, STORE));

const isSummary = (v: unknown): v is DocumentSummary =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as DocumentSummary).id === 'string' &&
  typeof (v as DocumentSummary).title === 'string' &&
  typeof (v as DocumentSummary).updatedAt === 'number';

export const webRecent: RecentDocuments = {
  async list() {
    const all = await run(await db(), STORE, 'readonly', (s) => s.getAll());
    return all.filter(isSummary).sort((a, b) => b.updatedAt - a.updatedAt);
  },
  async touch(entry) {
    await run(await db(), STORE, 'readwrite', (s) => s.put({ ...entry }));
  },
  async remove(id) {
    await run(await db(), STORE, 'readwrite', (s) => s.delete(id));
  },
};
