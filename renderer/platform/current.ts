/**
 * The platform the app runs on. A desktop build installs its IPC implementation before the app
 * starts (`installPlatform(createElectronPlatform(...))` in its entry); otherwise the web
 * implementation is used.
 */
import type { Platform } from './types';
import { createWebPlatform } from './webPlatform';

let installed: Platform | null = null;

/** Replace the platform (desktop entry, tests). Call before the app renders. */
export function installPlatform(platform: Platform): void {
  installed = platform;
}

export function currentPlatform(): Platform {
  return (installed ??= createWebPlatform());
}
