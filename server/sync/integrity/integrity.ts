/**
 * Document integrity as a Hocuspocus extension: the server applies an editor's update only when
 * it is known to integrate completely and cleanly. Each loaded document has a {@link ShadowDoc};
 * `beforeHandleMessage` — the last hook before Hocuspocus applies a frame, for frames that waited
 * for authentication as much as for the rest — tries every sync step 2 / update frame of a
 * connection that may write on the shadow. A frame that would throw half-way or leave pending
 * structs / a pending delete set is never applied: the socket closes with 1007 `bad-update`.
 *
 * Updates are not bound to client ids: offline edits made under an earlier client id, and
 * structs relayed from other tabs, are ordinary and accepted when they integrate cleanly.
 *
 * The extension also owns the {@link AwarenessBinding} the sockets' gates consult.
 */
import type {
  Document,
  Extension,
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  beforeHandleMessagePayload,
} from '@hocuspocus/server';
import { getDocumentId } from '../../../core';
import type { AccessContext } from '../access';
import { syncUpdateOf } from '../guard/frameCheck';
import { CLOSE } from '../guard/socketGate';
import { AwarenessBinding } from './awarenessBinding';
import { isAccepted, ShadowDoc, type TrialOutcome } from './shadowDoc';

/** How many update frames were tried, by outcome (for tests, logs and the report). */
export type IntegrityCounts = Record<TrialOutcome, number>;

const WHY: Record<TrialOutcome, string> = {
  change: '',
  'no-op': '',
  throws: 'it does not integrate',
  pending: 'it depends on missing parts',
  unsupported: 'it carries content Linjaus documents do not hold',
};

/** Hocuspocus applies a frame when all `beforeHandleMessage` hooks resolve: this one never does. */
const never = (): Promise<never> => new Promise<never>(() => undefined);

export class Integrity implements Extension {
  readonly extensionName = 'LinjausIntegrity';
  /** Lowest: the trial runs after every other hook, right before Hocuspocus applies the frame. */
  readonly priority = 10;
  readonly awareness: AwarenessBinding;
  readonly counts: IntegrityCounts = {
    change: 0,
    'no-op': 0,
    throws: 0,
    pending: 0,
    unsupported: 0,
  };
  private readonly documents = new Map<string, Document>();
  private readonly shadows = new WeakMap<Document, ShadowDoc>();

  constructor(private readonly log: (line: string) => void = () => undefined) {
    this.awareness = new AwarenessBinding(
      (documentName) => this.documents.get(documentName)?.awareness ?? null,
      log,
    );
  }

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    this.documents.set(documentName, document);
    this.shadowOf(document);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    const document = this.documents.get(documentName);
    // A new load of the same name may have replaced the entry already.
    if (!document?.isDestroyed) return;
    this.documents.delete(documentName);
    this.shadows.get(document)?.dispose();
    this.shadows.delete(document);
  }

  async beforeHandleMessage({
    connection,
    document,
    update,
    context,
  }: beforeHandleMessagePayload): Promise<void> {
    const { gate, tokenId } = context as AccessContext;
    // Frames read before the socket was refused: nothing more from it lands.
    if (gate?.closedFor) return never();
    // Hocuspocus refuses writes from read-only connections itself (and tells the client).
    if (connection.readOnly) return;
    let outcome: TrialOutcome;
    try {
      const payload = syncUpdateOf(update);
      if (payload === null) return;
      outcome = this.shadowOf(document).trial(payload);
    } catch {
      // The gate let only well-formed frames through; fail closed all the same.
      outcome = 'throws';
    }
    this.counts[outcome]++;
    if (isAccepted(outcome)) return;
    this.log(
      `[integrity] refused an update to ${document.name} from token ${tokenId ?? '?'}: ${WHY[outcome]}`,
    );
    if (gate) gate.refuse(CLOSE.invalidData, 'bad-update');
    else connection.webSocket.close(CLOSE.invalidData, 'bad-update');
    return never();
  }

  /** The shadow of a loaded document (made on first use if the load hook has not run). */
  shadowOf(document: Document): ShadowDoc {
    let shadow = this.shadows.get(document);
    if (!shadow) {
      shadow = new ShadowDoc(document, getDocumentId);
      this.shadows.set(document, shadow);
    }
    return shadow;
  }
}
