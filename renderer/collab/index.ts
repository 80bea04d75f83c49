/**
 * Co-authoring client: connect a programme's Y.Doc to a workshop on a Linjaus sync server.
 * Runs in the browser, Electron's renderer and Node (pass `WebSocketPolyfill` from `ws`).
 * See docs/sync.md for the protocol and the meaning of "saved".
 */
export {
  connectWorkshop,
  type Workshop,
  type WorkshopOptions,
  type WorkshopStatus,
  type DeniedReason,
} from './workshop';
export {
  participantColour,
  participantsOf,
  PARTICIPANT_COLOURS,
  type Participant,
  type ParticipantUser,
  type ParticipantFocus,
} from './participants';
export {
  makeCodeLink,
  makeJoinLink,
  parseCodeLink,
  parseJoinLink,
  webSocketUrlOf,
  type CodeJoinInfo,
  type JoinInfo,
} from './joinLink';
export {
  workshopApi,
  WorkshopApiError,
  type Invite,
  type JoinAnswer,
  type ServerParticipant,
  type WorkshopApi,
  type WorkshopRole,
} from './workshopApi';
export { SavedTracker } from './savedTracker';
export { deniedReasonOfClose, deniedReasonOfNotice } from './denied';
export { decodeStoredNotice, encodeStoredNotice, STORED_NOTICE } from './protocol';
export {
  formatInviteCode,
  normalizeInviteCode,
  inviteCodeFromBytes,
  INVITE_ALPHABET,
  INVITE_CODE_LENGTH,
  INVITE_CODE_BYTES,
} from './inviteCode';
