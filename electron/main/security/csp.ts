/**
 * The Content-Security-Policy of the app's windows, sent as a response header for every page
 * of the app (session.webRequest in security/index.ts). `connect-src` allows only the app itself
 * and the workshop server in use, if any.
 */
import { workshopConnectSources } from './urls';

export interface CspOptions {
  /** Origins of the workshop server in use (from {@link workshopConnectSources}), or none. */
  readonly workshopSources: readonly string[];
  /** The Vite dev server origin in `npm run dev`; null in a built app. */
  readonly devServer: string | null;
}

/**
 * The policy string.
 *
 * - Scripts: only the app's own files. No inline scripts or eval in the built app.
 * - Styles: `'unsafe-inline'` because Lexical writes `style` attributes for text formats;
 *   styles cannot run code.
 * - Workers: the PDF preview (pdf.js) runs its worker from the app's files or a blob.
 */
export function contentSecurityPolicy(options: CspOptions): string {
  const dev = options.devServer;
  const devWs = dev ? dev.replace(/^http/, 'ws') : null;
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    // Vite's dev server injects the React refresh preamble inline; never in a built app.
    'script-src': dev ? ["'self'", dev, "'unsafe-inline'"] : ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'", ...(dev ? [dev] : [])],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...options.workshopSources, ...(dev && devWs ? [dev, devWs] : [])],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'child-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/**
 * The policy of one page of the app. A window that joins a workshop is reloaded with
 * `?workshop=<address>` (a page's CSP is fixed when it loads); the address counts only if main
 * granted it through the validated `workshopSetServer` call, so a page cannot widen its own
 * policy by navigating to a URL of its choosing.
 */
export function cspForPage(
  pageUrl: string,
  options: { granted: ReadonlySet<string>; devServer: string | null },
): string {
  let workshop: string | null = null;
  try {
    workshop = new URL(pageUrl).searchParams.get('workshop');
  } catch {
    workshop = null;
  }
  const sources =
    workshop !== null && options.granted.has(workshop)
      ? (workshopConnectSources(workshop) ?? [])
      : [];
  return contentSecurityPolicy({ workshopSources: sources, devServer: options.devServer });
}
