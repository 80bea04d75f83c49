/** Small helpers of the document sessions. */
import { promises as fs } from 'node:fs';
import type * as Y from 'yjs';
import { getDocumentId } from '../../../core';

/** The document's id; throws for a document that was never initialised. */
export function requireId(doc: Y.Doc): string {
  const id = getDocumentId(doc);
  if (!id) throw new Error('The document has no id.');
  return id;
}

/** True when `file` exists and is a regular file. */
export async function fileExists(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}
