import { describe, expect, it } from 'vitest';
import { filesFromArgv } from '../../electron/main/files/argv';
import {
  CASCADE_OFFSET,
  placeWindow,
  rememberWindow,
  type Rect,
} from '../../electron/main/windows/bounds';
import { WindowRegistry } from '../../electron/main/windows/registry';
import { windowTitle } from '../../electron/main/windows/title';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1080 };
const external: Rect = { x: 1920, y: 0, width: 2560, height: 1440 };

describe('placeWindow', () => {
  it('restores a remembered position that is still on a display', () => {
    const saved = { x: 2000, y: 100, width: 1400, height: 900, isMaximized: true };
    expect(placeWindow(saved, [laptop, external])).toEqual(saved);
  });

  it('centres the window on the primary display when its monitor was unplugged', () => {
    const placed = placeWindow({ x: 2000, y: 100, width: 1400, height: 900, isMaximized: false }, [
      laptop,
    ]);
    expect(placed).toEqual({ x: 320, y: 110, width: 1280, height: 860, isMaximized: false });
  });

  it.each([
    null,
    'x',
    { x: Number.NaN, y: 0, width: 800, height: 600, isMaximized: false },
    { x: 0, y: 0, width: 10, height: 10, isMaximized: false },
    { x: 0, y: 0 },
  ])('ignores a damaged saved state %j', (saved) => {
    expect(placeWindow(saved, [laptop]).width).toBe(1280);
  });

  it('cascades a new window off an open one at the same place', () => {
    const first = placeWindow(null, [laptop]);
    const second = placeWindow(null, [laptop], [first]);
    expect(second.x - first.x).toBe(CASCADE_OFFSET);
    expect(second.y - first.y).toBe(CASCADE_OFFSET);
  });

  it('fits the default size into a small display', () => {
    const small: Rect = { x: 0, y: 0, width: 1024, height: 700 };
    const placed = placeWindow(null, [small]);
    expect(placed.width).toBeLessThanOrEqual(1024);
    expect(placed.height).toBeLessThanOrEqual(700);
  });
});

describe('rememberWindow', () => {
  it('keeps the newest state per document and as "last", bounded', () => {
    const s = (x: number) => ({ x, y: 0, width: 800, height: 600, isMaximized: false });
    let all = {};
    for (let i = 0; i < 5; i++) all = rememberWindow(all, `d${i}`, s(i), 3);
    expect(Object.keys(all)).toEqual(['last', 'd4', 'd3', 'd2', 'd1']);
    expect(all).toMatchObject({ last: s(4), d4: s(4) });
  });
});

describe('windowTitle', () => {
  it('shows the document title with an unsaved marker', () => {
    expect(
      windowTitle({ documentTitle: 'Elinvoimaohjelma 2026–2030', isDirty: true, language: 'fi' }),
    ).toBe('• Elinvoimaohjelma 2026–2030 — Linjaus');
    expect(
      windowTitle({ documentTitle: 'Elinvoimaohjelma 2026–2030', isDirty: false, language: 'fi' }),
    ).toBe('Elinvoimaohjelma 2026–2030 — Linjaus');
  });

  it('names an untitled document in the UI language and the start screen just "Linjaus"', () => {
    expect(windowTitle({ documentTitle: '  ', isDirty: false, language: 'sv' })).toBe(
      'Namnlöst dokument — Linjaus',
    );
    expect(windowTitle({ documentTitle: null, isDirty: true, language: 'fi' })).toBe('Linjaus');
  });

  it('flattens line breaks a title may contain', () => {
    expect(windowTitle({ documentTitle: 'Rivi\nkaksi', isDirty: false, language: 'en' })).toBe(
      'Rivi kaksi — Linjaus',
    );
  });
});

describe('WindowRegistry', () => {
  it('finds the window of an already-open file, ignoring case where the file system does', () => {
    const mac = new WindowRegistry('darwin');
    Object.assign(mac.add(1), { file: '/Users/a/Ohjelma.linjaus', documentId: 'd1' });
    expect(mac.findByFile('/users/a/ohjelma.linjaus')?.windowId).toBe(1);
    const linux = new WindowRegistry('linux');
    Object.assign(linux.add(1), { file: '/home/a/Ohjelma.linjaus', documentId: 'd1' });
    expect(linux.findByFile('/home/a/ohjelma.linjaus')).toBeUndefined();
    expect(linux.findByDocument('d1')?.windowId).toBe(1);
  });

  it('reuses an empty start-screen window and forgets closed windows', () => {
    const r = new WindowRegistry('linux');
    Object.assign(r.add(1), { documentId: 'd1' });
    r.add(2);
    expect(r.findEmpty()?.windowId).toBe(2);
    r.remove(2);
    expect(r.findEmpty()).toBeUndefined();
  });
});

describe('filesFromArgv', () => {
  it('takes .linjaus paths after the executable in a packaged app', () => {
    expect(
      filesFromArgv(['/opt/Linjaus/linjaus', 'Ohjelma.linjaus', '--no-sandbox', 'notes.txt'], {
        cwd: '/home/a',
        isPackaged: true,
      }),
    ).toEqual(['/home/a/Ohjelma.linjaus']);
  });

  it('skips the app path in development, switches, duplicates and null bytes', () => {
    const argv = [
      '/x/electron',
      '.',
      '--inspect',
      '/d/A.LINJAUS',
      '/d/A.LINJAUS',
      'b\u0000.linjaus',
      '--open=/x.linjaus',
    ];
    expect(filesFromArgv(argv, { cwd: '/d', isPackaged: false })).toEqual(['/d/A.LINJAUS']);
  });

  it('accepts a file:// URL as some Linux file managers pass it', () => {
    expect(
      filesFromArgv(['/opt/linjaus', 'file:///home/a/Strategia%202030.linjaus'], {
        cwd: '/',
        isPackaged: true,
      }),
    ).toEqual(['/home/a/Strategia 2030.linjaus']);
  });
});
