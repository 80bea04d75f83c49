/**
 * The workshop experience in the app: host (connect the open document to a `linjaus serve`),
 * join (link, QR, code), presence (participants, sections, carets through the shared
 * awareness), offline indicator and "saved = stored on the server". See docs/workshop.md.
 */
import './workshop.css';

export { installWorkshop, useWorkshop, controllerFor } from './install';
export { WorkshopButton } from './WorkshopButton';
export { WorkshopStatus } from './WorkshopStatus';
export { PresenceDots } from './Presence';
export { JoinScreen, isJoinLocation } from './JoinScreen';
export { JoinButton } from './JoinButton';
export type { WorkshopConfig } from './storage';
