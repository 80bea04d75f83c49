/** IPC handlers for window state, UI language, external links and the workshop connection. */
import type { Handler } from '../ipc/types';
import { checkExternalUrl, workshopConnectSources } from '../security/urls';

export const windowHandlers = {
  windowSetState: (async ({ windowId, services }, [state]) => {
    services.windows.setRendererState(windowId, state);
  }) satisfies Handler<'windowSetState'>,
  windowFlushed: (async ({ windowId, services }, [{ requestId, ok, message }]) => {
    services.windows.flushed(windowId, requestId, { ok, message });
  }) satisfies Handler<'windowFlushed'>,
  uiSetLanguage: (async ({ services }, [language]) => {
    services.windows.setLanguage(language);
  }) satisfies Handler<'uiSetLanguage'>,
  externalOpen: (async ({ services }, [url]) => {
    const check = checkExternalUrl(url);
    if (!check.ok) return false;
    await services.openExternal(check.url);
    return true;
  }) satisfies Handler<'externalOpen'>,
  workshopSetServer: (async ({ windowId, services }, [address]) => {
    if (address !== null && workshopConnectSources(address) === null) return false;
    // The window reloads with the server in its CSP (see security/csp.ts cspForPage).
    services.windows.setWorkshopServer(windowId, address === null ? null : new URL(address).href);
    return true;
  }) satisfies Handler<'workshopSetServer'>,
};
