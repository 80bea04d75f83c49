/** Creating, importing and opening documents from the start screen. */
import type * as Y from 'yjs';
import {
  createProgramme,
  getExample,
  getTemplate,
  newDocumentId,
  parseProgrammeJson,
  programmeToDoc,
  readLinjausFile,
  type Language,
} from '../../core';
import type { Platform } from '../platform/types';
import { storeNewDocument } from '../session/DocumentSession';

/** A new document from a template, empty or with the template's example content. */
export async function createFromTemplate(
  platform: Platform,
  templateId: string,
  withExample: boolean,
  language: Language,
): Promise<string> {
  const template = getTemplate(templateId);
  const doc = withExample
    ? programmeToDoc({ ...getExample(templateId), id: newDocumentId() })
    : createProgramme(template, { language });
  return storeNewDocument(platform, doc);
}

/**
 * Open a `.linjaus` file. A copy of a document already in this browser is merged into it (a CRDT
 * merge loses nothing); any other document is stored as new.
 */
export async function openLinjausFile(
  platform: Platform,
  name: string,
  bytes: Uint8Array,
): Promise<string> {
  const file = readLinjausFile(bytes, { fileName: name });
  return storeNewDocument(platform, file.doc);
}

/**
 * Import a JSON programme. JSON carries no edit history, so importing it over an existing copy
 * would duplicate content: a document id already present gets a fresh one.
 */
export async function importJson(
  platform: Platform,
  name: string,
  bytes: Uint8Array,
): Promise<string> {
  const programme = parseProgrammeJson(new TextDecoder().decode(bytes), name);
  const exists = await platform.storage.exists(programme.id);
  const doc: Y.Doc = programmeToDoc(exists ? { ...programme, id: newDocumentId() } : programme);
  return storeNewDocument(platform, doc);
}
