/**
 * Opening a document file for the store: read it (or its backup after an interrupted save on a
 * filesystem whose rename is not atomic) and replay the log (storage/SPEC.md L2, L3).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { getDocumentId, origin } from '../../../core';
import type { Assets, DocumentCodec } from './codec';

/** Apply log updates; true when they changed the document (edits the file does not have). */
export function replayChanges(doc: Y.Doc, updates: readonly Uint8Array[]): boolean {
  let changed = false;
  const mark = (): void => {
    changed = true;
  };
  doc.on('update', mark);
  for (const update of updates) Y.applyUpdate(doc, update, origin('file'));
  doc.off('update', mark);
  return changed;
}

export function requireDocumentId(doc: Y.Doc): string {
  const id = getDocumentId(doc);
  if (!id) throw new Error('This document has no document id; it cannot be stored.');
  return id;
}

export async function readWithBackup(
  file: string,
  backup: string,
  codec: DocumentCodec,
): Promise<{ doc: Y.Doc; assets: Assets; bytes: Uint8Array; usedBackup: boolean }> {
  const bytes = new Uint8Array(await fs.readFile(file));
  try {
    return { ...codec.read(bytes, path.basename(file)), bytes, usedBackup: false };
  } catch (error) {
    // An interrupted save on a filesystem whose rename is not atomic leaves the previous version.
    let backupBytes: Uint8Array;
    try {
      backupBytes = new Uint8Array(await fs.readFile(backup));
    } catch {
      throw error;
    }
    try {
      return {
        ...codec.read(backupBytes, path.basename(file)),
        bytes: backupBytes,
        usedBackup: true,
      };
    } catch {
      throw error;
    }
  }
}
