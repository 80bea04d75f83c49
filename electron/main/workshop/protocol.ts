/** Messages between main and the workshop server utility process (workshop/worker.ts). */

/** Roles a participant token may have (server/sync tokens). */
export type WorkshopRole = 'editor' | 'commenter' | 'viewer';

export type ToWorkshop =
  | {
      readonly type: 'start';
      readonly id: string;
      readonly host: string;
      readonly dataDir: string;
      readonly webDir: string | null;
      readonly allowedHosts: readonly string[];
      readonly allowedOrigins: readonly string[];
    }
  | {
      readonly type: 'mint';
      readonly id: string;
      readonly documentId: string;
      readonly role: WorkshopRole;
      readonly lifetimeMs: number;
      readonly label: string;
      /** A host token: may create invites, list and revoke participants, end the workshop. */
      readonly host: boolean;
    }
  | { readonly type: 'end'; readonly id: string; readonly documentId: string }
  | { readonly type: 'stop'; readonly id: string };

export type FromWorkshop =
  | { readonly type: 'started'; readonly id: string; readonly port: number }
  | { readonly type: 'minted'; readonly id: string; readonly token: string }
  | { readonly type: 'ended'; readonly id: string; readonly closed: number }
  | { readonly type: 'stopped'; readonly id: string }
  | { readonly type: 'error'; readonly id: string; readonly message: string };
