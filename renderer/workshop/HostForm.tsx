/** Host a workshop: connect the open document to a `linjaus serve` with a pasted editor token. */
import { useId, useState } from 'react';
import { desktopShell } from '../platform/electronPlatform';
import { useSession } from '../session/hooks';
import { useWorkshop } from './install';
import { loadName, type WorkshopConfig } from './storage';
import { useWorkshopText } from './strings';

const TOKEN = /^lj1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/;

/** Where this page came from, when that is a server (the usual case: `linjaus serve --web`). */
const defaultServer = () =>
  /^https?:$/.test(window.location.protocol) ? window.location.origin : 'http://';

export function HostForm() {
  const session = useSession();
  const { controller } = useWorkshop();
  const t = useWorkshopText();
  const ids = { server: useId(), token: useId(), guest: useId(), name: useId(), help: useId() };
  const [server, setServer] = useState(defaultServer);
  const [token, setToken] = useState('');
  const [guest, setGuest] = useState('');
  const [name, setName] = useState(loadName);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const shell = desktopShell();

  const serverOk = /^https?:\/\/[^\s/]+/.test(server.trim());
  const tokenOk = TOKEN.test(token.trim());
  const guestOk = guest.trim() === '' || TOKEN.test(guest.trim());
  const nameOk = name.trim() !== '';

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!serverOk || !tokenOk || !guestOk || !nameOk) return;
    const config: WorkshopConfig = {
      serverUrl: new URL(server.trim()).origin,
      token: token.trim(),
      role: 'host',
      ...(guest.trim() ? { guestToken: guest.trim() } : {}),
    };
    controller.start(config, name.trim());
  };

  const hostOnDesktop = async () => {
    if (!shell || !nameOk) return setTried(true);
    setBusy(true);
    try {
      const hosted = await shell.hostWorkshop({ documentId: session.id });
      controller.start(
        {
          serverUrl: hosted.lanUrls[0] ?? `http://127.0.0.1:${hosted.port}`,
          wsUrl: hosted.localUrl,
          token: hosted.hostToken,
          guestToken: hosted.guestToken,
          role: 'host',
          desktop: true,
        },
        name.trim(),
      );
      // The window's CSP must allow the server: main reloads the window, which reconnects.
      await shell.useWorkshopServer(hosted.localUrl);
    } finally {
      setBusy(false);
    }
  };

  const err = (ok: boolean, key: 'errorRequired' | 'errorServer') =>
    tried && !ok ? (
      <span className="fld-error" role="alert">
        {t(key)}
      </span>
    ) : null;

  return (
    <form className="ws-form" onSubmit={submit} noValidate>
      <p className="modal-intro">{t('hostIntro')}</p>
      <div className="ws-field">
        <label className="fld-label" htmlFor={ids.name}>
          {t('yourName')}
        </label>
        <input
          id={ids.name}
          className="input"
          value={name}
          maxLength={60}
          autoComplete="name"
          aria-invalid={tried && !nameOk}
          onChange={(e) => setName(e.target.value)}
          data-ws="name"
        />
        {err(nameOk, 'errorRequired')}
      </div>
      {shell && (
        <div className="ws-desktop">
          <button type="button" className="btn" disabled={busy} onClick={hostOnDesktop}>
            {t('hostLocal')}
          </button>
        </div>
      )}
      <div className="ws-field">
        <label className="fld-label" htmlFor={ids.server}>
          {t('serverAddress')}
        </label>
        <input
          id={ids.server}
          className="input"
          value={server}
          inputMode="url"
          aria-invalid={tried && !serverOk}
          onChange={(e) => setServer(e.target.value)}
          data-ws="server"
        />
        {err(serverOk, 'errorServer')}
      </div>
      <div className="ws-field">
        <label className="fld-label" htmlFor={ids.token}>
          {t('hostToken')}
        </label>
        <input
          id={ids.token}
          className="input ws-mono"
          value={token}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={tried && !tokenOk}
          aria-describedby={ids.help}
          onChange={(e) => setToken(e.target.value)}
          data-ws="token"
        />
        {err(tokenOk, 'errorRequired')}
        <p className="ws-help" id={ids.help}>
          {t('mintHelp')}{' '}
          <code>
            linjaus token --doc {session.id} --role editor --expires 8h --label &lt;{t('labelName')}
            &gt;
          </code>
        </p>
      </div>
      <div className="ws-field">
        <label className="fld-label" htmlFor={ids.guest}>
          {t('guestToken')}
        </label>
        <input
          id={ids.guest}
          className="input ws-mono"
          value={guest}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={tried && !guestOk}
          onChange={(e) => setGuest(e.target.value)}
          data-ws="guest-token"
        />
        <p className="ws-help">{t('guestTokenHelp')}</p>
      </div>
      <footer className="modal-foot">
        <button type="submit" className="btn btn-primary" data-ws="start">
          {t('start')}
        </button>
      </footer>
    </form>
  );
}
