/**
 * Remembered window size and position (pure). A saved rectangle is only reused if enough of it
 * is still on a connected display — a window restored onto a monitor that was unplugged would
 * be unreachable.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What is remembered about a window. */
export interface WindowState extends Rect {
  readonly isMaximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 860 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;
/** How far each new window is offset from the previous one, so they do not stack exactly. */
export const CASCADE_OFFSET = 28;

const area = (r: Rect): number => Math.max(0, r.width) * Math.max(0, r.height);

function intersection(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return {
    x,
    y,
    width: Math.min(a.x + a.width, b.x + b.width) - x,
    height: Math.min(a.y + a.height, b.y + b.height) - y,
  };
}

/** True when at least a quarter of `rect`, including its title bar row, is on one of `displays`. */
export function isVisible(rect: Rect, displays: readonly Rect[]): boolean {
  const titleBar: Rect = { x: rect.x, y: rect.y, width: rect.width, height: 32 };
  return displays.some(
    (d) => area(intersection(rect, d)) >= area(rect) / 4 && area(intersection(titleBar, d)) > 0,
  );
}

function centred(display: Rect): Rect {
  const width = Math.min(DEFAULT_SIZE.width, display.width);
  const height = Math.min(DEFAULT_SIZE.height, display.height);
  return {
    x: Math.round(display.x + (display.width - width) / 2),
    y: Math.round(display.y + (display.height - height) / 2),
    width,
    height,
  };
}

function isSane(state: unknown): state is WindowState {
  if (typeof state !== 'object' || state === null) return false;
  const s = state as Record<string, unknown>;
  return (
    ['x', 'y', 'width', 'height'].every((k) => typeof s[k] === 'number' && Number.isFinite(s[k])) &&
    (s.width as number) >= MIN_SIZE.width &&
    (s.height as number) >= MIN_SIZE.height &&
    typeof s.isMaximized === 'boolean'
  );
}

/**
 * Where to open a window: the saved state if it is sane and visible, else centred on the primary
 * display; shifted by {@link CASCADE_OFFSET} per already-open window at the same place.
 *
 * @param saved what was stored (untrusted: it comes from a settings file)
 * @param displays work areas of the connected displays, primary first
 * @param occupied positions of windows already open
 */
export function placeWindow(
  saved: unknown,
  displays: readonly Rect[],
  occupied: readonly Rect[] = [],
): WindowState {
  const primary = displays[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const base: WindowState =
    isSane(saved) && isVisible(saved, displays)
      ? {
          x: saved.x,
          y: saved.y,
          width: saved.width,
          height: saved.height,
          isMaximized: saved.isMaximized,
        }
      : { ...centred(primary), isMaximized: false };
  let placed = base;
  for (let i = 0; i < 20 && occupied.some((o) => o.x === placed.x && o.y === placed.y); i++) {
    const next = { ...placed, x: placed.x + CASCADE_OFFSET, y: placed.y + CASCADE_OFFSET };
    if (!isVisible(next, displays)) break;
    placed = next;
  }
  return placed;
}

/** Remembered states by key (document id, or `last` for a new window), newest first, bounded. */
export function rememberWindow(
  all: Readonly<Record<string, WindowState>>,
  key: string,
  state: WindowState,
  limit = 100,
): Record<string, WindowState> {
  const entries = Object.entries(all).filter(([k]) => k !== key && k !== 'last');
  return Object.fromEntries([['last', state], [key, state], ...entries.slice(0, limit)]);
}
