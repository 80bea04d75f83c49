/** Serves the renderer's built files on `app://linjaus/` with the app's CSP (Electron glue). */
import { promises as fs } from 'node:fs';
import { protocol } from 'electron';
import { mimeTypeOf, resolveAppFile } from '../security/appProtocol';

/** Must run before `app.ready`: `app://` is a standard, secure scheme (like https for the page). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Answer `app://linjaus/…` from `rendererRoot`; HTML pages get the policy `csp(url)`. */
export function serveApp(rendererRoot: string, csp: (url: string) => string): void {
  protocol.handle('app', async (request) => {
    const file = resolveAppFile(rendererRoot, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    const type = mimeTypeOf(file);
    const headers: Record<string, string> = {
      'Content-Type': type,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = csp(request.url);
    return new Response(new Uint8Array(body), { status: 200, headers });
  });
}
