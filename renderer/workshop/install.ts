/**
 * Wiring: every opened document gets a `WorkshopController` (through the session extension
 * seam), which reconnects at once when this tab was in a workshop for that document before a
 * reload. React components reach it with `useWorkshop()`.
 */
import { useSyncExternalStore } from 'react';
import type { DocumentSession } from '../session/DocumentSession';
import { registerSessionExtension } from '../session/extensions';
import { useSession } from '../session/hooks';
import { WorkshopController, type WorkshopView } from './controller';
import { loadConfig, loadName } from './storage';

const controllers = new WeakMap<DocumentSession, WorkshopController>();
let installed = false;

/** Attach workshops to documents opened from now on. Call once, before rendering the app. */
export function installWorkshop(): void {
  if (installed) return;
  installed = true;
  registerSessionExtension((session) => {
    const controller = new WorkshopController(session);
    controllers.set(session, controller);
    const config = loadConfig(session.id);
    if (config) controller.start(config, loadName() || 'Linjaus');
    return () => {
      controller.dispose();
      controllers.delete(session);
    };
  });
}

/** The workshop controller of a session (created on demand if the extension did not run). */
export function controllerFor(session: DocumentSession): WorkshopController {
  let controller = controllers.get(session);
  if (!controller) {
    controller = new WorkshopController(session);
    controllers.set(session, controller);
  }
  return controller;
}

/** The open document's workshop: its controller and what to show. */
export function useWorkshop(): { controller: WorkshopController; view: WorkshopView } {
  const controller = controllerFor(useSession());
  const view = useSyncExternalStore(controller.subscribe, controller.getView);
  return { controller, view };
}
