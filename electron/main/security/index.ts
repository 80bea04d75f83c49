/**
 * Electron glue for the security checklist, in one place: navigation and new windows blocked,
 * external links only after validation, webviews refused, permissions denied, downloads refused,
 * and the CSP header on every page of the app. The decisions are the pure functions in urls.ts
 * and csp.ts.
 */
import { app, session, shell, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy } from './csp';
import { checkExternalUrl, isAppUrl, type AppOrigins } from './urls';

/** Open a URL in the user's browser or mail program, if it passes {@link checkExternalUrl}. */
export async function openExternalSafely(raw: unknown): Promise<boolean> {
  const check = checkExternalUrl(raw);
  if (!check.ok) return false;
  await shell.openExternal(check.url, { activate: true });
  return true;
}

function guardContents(contents: WebContents, origins: AppOrigins): void {
  const blockNavigation = (event: { preventDefault(): void }, url: string) => {
    // The app is a single page: any navigation away from it is refused; links open outside.
    if (isAppUrl(url, origins)) return;
    event.preventDefault();
    void openExternalSafely(url);
  };
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url, origins)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function guardSession(target: Session, origins: AppOrigins, csp: (url: string) => string): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
  target.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  target.on('will-download', (event) => event.preventDefault());
  // The dev server's pages get the header here; app:// responses carry it from the protocol handler.
  target.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    if (isAppUrl(details.url, origins) && details.resourceType === 'mainFrame') {
      headers['Content-Security-Policy'] = [csp(details.url)];
    }
    callback({ responseHeaders: headers });
  });
}

/**
 * Install every guard. Call once, before the first window.
 *
 * @param csp the policy for a page (the workshop server in use changes connect-src)
 */
export function installSecurity(
  origins: AppOrigins,
  csp: (url: string) => string = () =>
    contentSecurityPolicy({ workshopSources: [], devServer: origins.devServer ?? null }),
): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, origins));
  guardSession(session.defaultSession, origins, csp);
}
