/**
 * The IPC contract between the renderer (through the preload) and the main process: one entry
 * per operation, with the zod schema of its arguments. Main validates every call against these
 * schemas before touching a file or the network (STYLE.md §4); the handler implementations in
 * `electron/main/<feature>/handlers.ts` give the result types, and the preload's API type is
 * derived from them (`electron/main/ipc/api.ts`), so nothing is written twice.
 *
 * Imports only zod and core types: the preload bundles none of it (it uses only the names).
 */
import { z } from 'zod';
import { Language, Programme } from '../../core';

/** Largest byte payload one call may carry (a Yjs state of a very large programme fits). */
export const MAX_IPC_BYTES = 64 * 1024 * 1024;

const Bytes = z.custom<Uint8Array>(
  (b) => b instanceof Uint8Array && b.length <= MAX_IPC_BYTES,
  'bytes (a Uint8Array up to 64 MiB)',
);
const DocumentId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/);
const ShortText = z.string().max(500);
/** A file name suggested by the renderer: no folders, no control characters. */
/* eslint-disable no-control-regex -- matching control characters is the point */
const FileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\:*?"<>|\u0000-\u001f]+$/);
/* eslint-enable no-control-regex */
const Extension = z.string().regex(/^[a-z0-9]{1,10}$/);
/**
 * A workshop participant's display name, as the server binds it to a token's label: 1–60
 * characters, no control characters, no surrounding spaces (the awareness name must equal it).
 */
/* eslint-disable no-control-regex -- matching control characters is the point */
const ParticipantName = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[^\u0000-\u001f\u007f-\u009f]+$/)
  .refine((name) => name.trim() === name, 'no leading or trailing spaces');
/* eslint-enable no-control-regex */

/** Argument schemas, by operation name. Each is a tuple: the arguments of the preload function. */
export const ipcArgs = {
  /** Attach storage: merge the renderer's state into the stored document, get back what it lacks. */
  documentOpen: z.tuple([z.object({ documentId: DocumentId, state: Bytes })]),
  /** Store one Yjs update; resolves after fsync. */
  documentAppend: z.tuple([z.object({ documentId: DocumentId, update: Bytes })]),
  documentFlush: z.tuple([DocumentId]),
  documentClose: z.tuple([DocumentId]),
  documentExists: z.tuple([DocumentId]),
  documentRemove: z.tuple([DocumentId]),
  recentList: z.tuple([]),
  recentTouch: z.tuple([
    z.object({
      id: DocumentId,
      title: ShortText,
      templateId: ShortText,
      updatedAt: z.number().int().nonnegative(),
    }),
  ]),
  recentRemove: z.tuple([DocumentId]),
  fileOpen: z.tuple([
    z.object({ extensions: z.array(Extension).min(1).max(10), description: ShortText }),
  ]),
  fileSave: z.tuple([z.object({ name: FileName, bytes: Bytes, mimeType: z.string().max(100) })]),
  pdfExport: z.tuple([
    z.object({ requestId: z.string().max(64), programme: Programme, language: Language }),
  ]),
  pdfWarmUp: z.tuple([]),
  dialogConfirm: z.tuple([z.string().min(1).max(2000)]),
  windowSetState: z.tuple([z.object({ title: ShortText, isDirty: z.boolean() })]),
  /** The answer to a `flushRequest`: every edit of the window is stored (ok), or why not. */
  windowFlushed: z.tuple([
    z.object({ requestId: z.string().max(64), ok: z.boolean(), message: ShortText.nullable() }),
  ]),
  uiSetLanguage: z.tuple([Language]),
  externalOpen: z.tuple([z.string().max(2048)]),
  workshopSetServer: z.tuple([z.string().max(2048).nullable()]),
  /**
   * Host a workshop on the local network for an open document (server in a utility process):
   * main mints one host token (labelled with `name`, which the server then binds to the host's
   * awareness); the renderer creates invites through the server's HTTP API.
   */
  workshopHost: z.tuple([z.object({ documentId: DocumentId, name: ParticipantName.optional() })]),
  /** A token for one participant, revocable on its own (participants usually join by code). */
  workshopMintToken: z.tuple([
    z.object({
      documentId: DocumentId,
      role: z.enum(['editor', 'commenter', 'viewer']),
      label: z.string().max(100),
    }),
  ]),
  /** End a hosted workshop: every token revoked, every connection closed. */
  workshopEnd: z.tuple([z.object({ documentId: DocumentId })]),
} as const;

/** Name of an IPC operation. */
export type IpcOperation = keyof typeof ipcArgs;
/** The argument tuple of an operation, as the renderer passes it. */
export type IpcArgs<K extends IpcOperation> = z.input<(typeof ipcArgs)[K]>;

export { eventChannel, ipcChannel } from './channels';

/** Events main sends to a window, by name, with their payloads. */
export interface IpcEvents {
  /** A menu command for the renderer to carry out (export dialog, undo, workshop …). */
  menuCommand: { readonly command: string };
  /** Changes main merged into a document from disk (another copy, a new id after Save as). */
  documentUpdate: { readonly documentId: string; readonly update: Uint8Array };
  /** Progress of a PDF export. */
  pdfProgress: {
    readonly requestId: string;
    readonly phase: 'starting' | 'fonts' | 'layout' | 'done';
    readonly fraction: number;
    /** With the last progress: what the export could not do as asked ("<item>: <what>"). */
    readonly warnings?: readonly string[];
  };
  /** Show this document in the window (main opened a file into a start-screen window). */
  showDocument: { readonly documentId: string };
  /**
   * Main is about to close the window (or quit): hand over every edit and answer with
   * `windowFlushed` once main has stored them all.
   */
  flushRequest: { readonly requestId: string };
}

/** Names of every operation, for the preload and the registration in main. */
export const IPC_OPERATIONS = Object.keys(ipcArgs) as IpcOperation[];
