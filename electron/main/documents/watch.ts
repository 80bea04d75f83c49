/**
 * Notice when a document file is changed by another program (a synced folder, a colleague on a
 * network drive). Watches the folder, not the file: an atomic replace by another program swaps
 * the file's inode, which a watch on the file itself would lose. Events are coalesced; the
 * store compares content, so a spurious event costs one read.
 */
import { watch } from 'node:fs';
import path from 'node:path';

/** Call `onChange` (debounced) when `file` may have changed on disk; returns a stop function. */
export function watchFile(file: string, onChange: () => void, debounceMs = 150): () => void {
  const name = path.basename(file);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let watcher: ReturnType<typeof watch>;
  try {
    watcher = watch(path.dirname(file), { persistent: false }, (_event, changed) => {
      if (changed !== null && changed.toString() !== name) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    });
  } catch {
    // Some network file systems cannot be watched; focus checks and compaction still merge.
    return () => undefined;
  }
  watcher.on('error', () => watcher.close());
  return () => {
    if (timer) clearTimeout(timer);
    watcher.close();
  };
}
