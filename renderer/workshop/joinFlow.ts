/**
 * Joining: fetch the workshop's document from the server into this browser's storage, remember
 * the connection for the document, and open it (the session extension then connects). The
 * token leaves the address bar as soon as the join starts.
 */
import * as Y from 'yjs';
import { getDocumentId } from '../../core';
import { connectWorkshop, webSocketUrlOf, type JoinInfo, type WorkshopStatus } from '../collab';
import { currentPlatform } from '../platform/current';
import { storeNewDocument } from '../session/DocumentSession';
import { ownColour, saveConfig, saveName } from './storage';

/** Why a join failed, for the message the user sees. */
export type JoinFailure =
  | { kind: 'denied'; reason: string | null }
  | { kind: 'empty' }
  | { kind: 'wrong-document' }
  | { kind: 'error'; message: string };

export class JoinError extends Error {
  constructor(readonly failure: JoinFailure) {
    super(failure.kind);
  }
}

/** Wait until the first sync or a refusal. */
function firstSync(subscribe: (l: () => void) => () => void, status: () => WorkshopStatus) {
  return new Promise<WorkshopStatus>((resolve) => {
    const check = () => {
      const s = status();
      if (s.connection === 'online' || s.connection === 'denied') {
        off();
        resolve(s);
      }
    };
    const off = subscribe(check);
    check();
  });
}

/** Join and return the local document id; throws `JoinError`. */
export async function joinWorkshop(info: JoinInfo, name: string): Promise<string> {
  saveName(name);
  const doc = new Y.Doc();
  const workshop = connectWorkshop({
    url: webSocketUrlOf(info.serverUrl),
    documentId: info.documentId,
    token: info.token,
    doc,
    user: { name, colour: ownColour() },
  });
  try {
    const status = await firstSync(workshop.subscribe, workshop.status);
    if (status.connection === 'denied')
      throw new JoinError({ kind: 'denied', reason: status.deniedReason });
    const id = getDocumentId(doc);
    if (id === null) throw new JoinError({ kind: 'empty' });
    if (id !== info.documentId) throw new JoinError({ kind: 'wrong-document' });
    saveConfig(id, { serverUrl: info.serverUrl, token: info.token, role: 'guest' });
    await storeNewDocument(currentPlatform(), doc);
    return id;
  } finally {
    workshop.destroy();
    doc.destroy();
  }
}
