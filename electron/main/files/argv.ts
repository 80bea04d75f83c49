/**
 * `.linjaus` files named on the command line: a double-click on Windows and Linux starts the
 * app (or, through the single-instance lock, an event in the running one) with the file path as
 * an argument. macOS sends `open-file` events instead (files/index.ts).
 */
import path from 'node:path';

export const FILE_EXTENSION = '.linjaus';

/**
 * The absolute paths of `.linjaus` files in `argv`, in order, without duplicates. Skips the
 * executable, the app path in development (`electron .`), Chromium/Electron switches and
 * anything that is not a `.linjaus` path.
 *
 * @example
 * filesFromArgv(['/opt/Linjaus/linjaus', '/home/a/Ohjelma.linjaus'], { cwd: '/home/a', isPackaged: true })
 */
export function filesFromArgv(
  argv: readonly string[],
  options: { cwd: string; isPackaged: boolean },
): string[] {
  // Packaged: argv = [exe, ...args]. Development: argv = [electron, appPath, ...args].
  const args = argv.slice(options.isPackaged ? 1 : 2);
  const out: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('-') || arg.includes('\0')) continue;
    if (!arg.toLowerCase().endsWith(FILE_EXTENSION)) continue;
    const absolute = path.resolve(
      options.cwd,
      arg.startsWith('file://') ? decodeFileUrl(arg) : arg,
    );
    if (!out.includes(absolute)) out.push(absolute);
  }
  return out;
}

function decodeFileUrl(raw: string): string {
  try {
    return decodeURIComponent(new URL(raw).pathname);
  } catch {
    return raw;
  }
}
