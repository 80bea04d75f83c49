import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ipcArgs } from '../../electron/shared/contract';
import { checkIpcCall, IpcRefusedError } from '../../electron/main/ipc/guard';
import { APP_ORIGINS, resolveAppFile } from '../../electron/main/security/appProtocol';
import { contentSecurityPolicy, cspForPage } from '../../electron/main/security/csp';
import {
  checkExternalUrl,
  isAppUrl,
  workshopConnectSources,
} from '../../electron/main/security/urls';

describe('checkExternalUrl', () => {
  it.each([
    'https://www.kunta.fi/strategia',
    'http://example.com',
    'HTTPS://EXAMPLE.COM/a?b=c#d',
    'mailto:kehitysjohtaja@kunta.fi',
    'mailto:kehitysjohtaja@kunta.fi?subject=Ohjelma',
  ])('allows %s', (url) => {
    expect(checkExternalUrl(url).ok).toBe(true);
  });

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['  javascript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['jav&#x09;ascript:alert(1)'],
    ['\u0000javascript:alert(1)'],
    ['https://example.com\u0000.evil.fi'],
    ['https://example.com/\u202egnp.exe'],
    ['https://exa\u200bmple.com'],
    ['ｊａｖａｓｃｒｉｐｔ:alert(1)'],
    ['file:///etc/passwd'],
    ['FILE:///C:/Windows/System32/calc.exe'],
    ['file://server/share/x.exe'],
    ['smb://attacker.example/share'],
    ['\\\\attacker.example\\share\\x.exe'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['ms-msdt:/id PCWDiagnostic'],
    ['search-ms:query=x'],
    ['x-apple.systempreferences:'],
    ['chrome://settings'],
    ['app://linjaus/index.html'],
    ['https://user:pass@example.com'],
    ['https://'],
    ['mailto:'],
    ['mailto:a@b@c'],
    ['/relative/path'],
    [''],
    ['https://example.com/' + 'a'.repeat(3000)],
  ])('refuses %j', (url) => {
    expect(checkExternalUrl(url).ok).toBe(false);
  });

  it.each([[null], [undefined], [42], [{ toString: () => 'https://x.fi' }], [['https://x.fi']]])(
    'refuses the non-string %j',
    (value) => {
      expect(checkExternalUrl(value).ok).toBe(false);
    },
  );

  it('opens an internationalised look-alike host in its punycode form, so what is opened is what was checked', () => {
    // Cyrillic "о" in place of Latin "o".
    const check = checkExternalUrl('https://gоogle.com/');
    expect(check.ok && check.url).toMatch(/^https:\/\/xn--[a-z0-9-]+\.com\/$/);
    expect(check.ok && check.url).not.toBe('https://google.com/');
  });
});

describe('isAppUrl', () => {
  const dev = { ...APP_ORIGINS, devServer: 'http://localhost:5173' };
  it('accepts the app scheme and, in development, the dev server', () => {
    expect(isAppUrl('app://linjaus/index.html', APP_ORIGINS)).toBe(true);
    expect(isAppUrl('APP://LINJAUS/index.html#/doc/x', APP_ORIGINS)).toBe(true);
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true);
  });

  it.each([
    'app://linjaus.evil.fi/index.html',
    'app://evil/index.html',
    'app://user@linjaus/index.html',
    'http://localhost:5173/',
    'file:///work/out/renderer/index.html',
    'https://linjaus/index.html',
    'about:blank',
    'data:text/html,hi',
    'app://linjaus\u0000/x',
    '',
  ])('refuses %j in a built app', (url) => {
    expect(isAppUrl(url, APP_ORIGINS)).toBe(false);
  });

  it('refuses another port of localhost in development', () => {
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
  });
});

describe('workshopConnectSources', () => {
  it('allows the websocket and HTTP origin of the workshop server only', () => {
    expect(workshopConnectSources('ws://192.168.1.20:4321/sync')).toEqual([
      'ws://192.168.1.20:4321',
      'http://192.168.1.20:4321',
    ]);
    expect(workshopConnectSources('wss://tyopaja.kunta.fi')).toEqual([
      'wss://tyopaja.kunta.fi',
      'https://tyopaja.kunta.fi',
    ]);
  });

  it.each([
    'javascript:alert(1)',
    'file:///x',
    'ws://a b',
    "ws://x.fi'; script-src *",
    'wss://u:p@x.fi',
    'ftp://x.fi',
    '*',
    '',
  ])('refuses %j', (raw) => {
    expect(workshopConnectSources(raw)).toBeNull();
  });
});

describe('contentSecurityPolicy', () => {
  it('allows scripts only from the app and connections only to the app and the workshop server', () => {
    const csp = contentSecurityPolicy({
      workshopSources: ['wss://tyopaja.kunta.fi'],
      devServer: null,
    });
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self' wss://tyopaja.kunta.fi;");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('has no connect-src beyond the app when no workshop is in use', () => {
    const csp = contentSecurityPolicy({ workshopSources: [], devServer: null });
    expect(csp).toContain("connect-src 'self';");
  });
});

describe('cspForPage', () => {
  const granted = new Set(['ws://192.168.1.20:4321/']);
  it('lets a page connect to the workshop server main granted, and only that one', () => {
    const csp = cspForPage(
      'app://linjaus/index.html?document=d1&workshop=ws%3A%2F%2F192.168.1.20%3A4321%2F',
      { granted, devServer: null },
    );
    expect(csp).toContain("connect-src 'self' ws://192.168.1.20:4321 http://192.168.1.20:4321;");
  });

  it('ignores a workshop address the page put in its own URL', () => {
    const csp = cspForPage('app://linjaus/index.html?workshop=wss%3A%2F%2Fevil.example%2F', {
      granted,
      devServer: null,
    });
    expect(csp).toContain("connect-src 'self';");
  });
});

describe('resolveAppFile', () => {
  const root = path.resolve('/app/out/renderer');
  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://linjaus/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://linjaus/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://linjaus/assets/index-abc.js?v=1')).toBe(
      path.join(root, 'assets/index-abc.js'),
    );
  });

  it.each([
    'app://linjaus/../../etc/passwd',
    'app://linjaus/%2e%2e/%2e%2e/etc/passwd',
    'app://linjaus/a/./../../../../x',
  ])('never resolves %j outside the renderer folder', (url) => {
    const file = resolveAppFile(root, url);
    expect(file === null || file.startsWith(root + path.sep)).toBe(true);
  });

  it.each([
    'app://linjaus/assets/..%2f..%2f..%2fetc/passwd',
    'app://linjaus/..%5c..%5cwindows',
    'app://linjaus/index.html%00.png',
    'app://linjaus/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %j', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });
});

describe('checkIpcCall', () => {
  const app = { frameUrl: 'app://linjaus/index.html', isMainFrame: true };
  const update = new Uint8Array([0, 0]);

  it('passes a valid call from our page and returns the parsed arguments', () => {
    const [args] = checkIpcCall(
      'documentAppend',
      ipcArgs.documentAppend,
      app,
      [{ documentId: 'd1', update }],
      APP_ORIGINS,
    );
    expect(args.documentId).toBe('d1');
  });

  it.each([
    { frameUrl: 'https://evil.example/', isMainFrame: true },
    { frameUrl: 'file:///tmp/x.html', isMainFrame: true },
    { frameUrl: null, isMainFrame: true },
    { frameUrl: 'app://linjaus/index.html', isMainFrame: false },
  ])('refuses a call from $frameUrl (main frame: $isMainFrame)', (sender) => {
    expect(() =>
      checkIpcCall(
        'documentAppend',
        ipcArgs.documentAppend,
        sender,
        [{ documentId: 'd1', update }],
        APP_ORIGINS,
      ),
    ).toThrow(IpcRefusedError);
  });

  it.each([
    ['a path as a document id', [{ documentId: '../../etc/passwd', update }]],
    ['a null byte in the id', [{ documentId: 'd1\u0000', update }]],
    ['an upper-case id', [{ documentId: 'D1', update }]],
    ['a string instead of bytes', [{ documentId: 'd1', update: 'AAA=' }]],
    ['an array instead of bytes', [{ documentId: 'd1', update: [1, 2] }]],
    ['a missing argument', []],
    ['an extra argument', [{ documentId: 'd1', update }, 'extra']],
    ['a prototype-polluting object', [JSON.parse('{"__proto__": {"x": 1}, "documentId": "d1"}')]],
  ])('refuses %s', (_name, args) => {
    expect(() =>
      checkIpcCall('documentAppend', ipcArgs.documentAppend, app, args, APP_ORIGINS),
    ).toThrow(IpcRefusedError);
  });

  it.each(['../x.pdf', 'a/b.pdf', 'C:\\x.pdf', 'nul\u0000.pdf', ''])(
    'refuses the suggested file name %j',
    (name) => {
      expect(() =>
        checkIpcCall(
          'fileSave',
          ipcArgs.fileSave,
          app,
          [{ name, bytes: update, mimeType: 'application/pdf' }],
          APP_ORIGINS,
        ),
      ).toThrow(IpcRefusedError);
    },
  );
});
