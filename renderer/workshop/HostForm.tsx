/**
 * Host a workshop: connect the open document to a `linjaus serve` with one host token (minted
 * with `linjaus token … --host`). Before connecting, the server is asked for the participant
 * list with that token — which proves the server answers and the token is this document's host
 * token, and gives the name the server binds to it — then the first invite is created.
 */
import { useId, useState } from 'react';
import { workshopApi, WorkshopApiError } from '../collab';
import { desktopShell } from '../platform/electronPlatform';
import { useSession } from '../session/hooks';
import { tokenIdOf } from './controller';
import { checkHostToken } from './hosting';
import { useWorkshop } from './install';
import { pageServerOrigin } from './joinCode';
import { loadName, markReopenDialog, type WorkshopConfig } from './storage';
import { apiErrorText, useWorkshopText } from './strings';

const TOKEN = /^lj1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/;

/** Where this page came from, when that is a server (the usual case: `linjaus serve --web`). */
const defaultServer = () => pageServerOrigin() || 'http://';

export function HostForm() {
  const session = useSession();
  const { controller } = useWorkshop();
  const t = useWorkshopText();
  const ids = { server: useId(), token: useId(), name: useId(), help: useId() };
  const [server, setServer] = useState(defaultServer);
  const [token, setToken] = useState('');
  const [name, setName] = useState(loadName);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shell = desktopShell();

  const serverOk = /^https?:\/\/[^\s/]+/.test(server.trim());
  const tokenOk = TOKEN.test(token.trim());
  const nameOk = name.trim() !== '';

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!serverOk || !tokenOk || !nameOk) return;
    setBusy(true);
    setError(null);
    const serverUrl = new URL(server.trim()).origin;
    const hostToken = token.trim();
    try {
      const boundName = await checkHostToken(
        serverUrl,
        session.id,
        hostToken,
        tokenIdOf(hostToken),
      );
      const invite = await workshopApi(serverUrl).createInvite(session.id, hostToken, 'editor');
      const config: WorkshopConfig = {
        serverUrl,
        token: hostToken,
        role: 'editor',
        isHost: true,
        invites: { editor: invite },
        ...(boundName ? { boundName } : {}),
      };
      controller.start(config, name.trim());
    } catch (err) {
      setError(
        err instanceof WorkshopApiError
          ? apiErrorText(t, err.code, err.retryAfterSeconds)
          : t('errorConnect', { reason: err instanceof Error ? err.message : String(err) }),
      );
      setBusy(false);
    }
  };

  const hostOnDesktop = async () => {
    if (!shell || !nameOk) return setTried(true);
    setBusy(true);
    setError(null);
    try {
      const hosted = await shell.hostWorkshop({ documentId: session.id, name: name.trim() });
      const localUrl = `http://127.0.0.1:${hosted.port}`;
      controller.start(
        {
          serverUrl: hosted.lanUrls[0] ?? localUrl,
          localUrl,
          token: hosted.hostToken,
          role: 'editor',
          isHost: true,
          // Main labels the host token with this name; the invite is created after the reload.
          boundName: name.trim(),
          desktop: true,
        },
        name.trim(),
      );
      // The window's CSP must allow the server: main reloads the window, which reconnects.
      markReopenDialog(session.id);
      await shell.useWorkshopServer(localUrl);
    } catch (err) {
      setError(t('errorConnect', { reason: err instanceof Error ? err.message : String(err) }));
      setBusy(false);
    }
  };

  const err = (ok: boolean, key: 'errorRequired' | 'errorServer' | 'errorToken') =>
    tried && !ok ? (
      <span className="fld-error" role="alert">
        {t(key)}
      </span>
    ) : null;

  return (
    <form className="ws-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
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
        {err(tokenOk, token.trim() ? 'errorToken' : 'errorRequired')}
        <p className="ws-help" id={ids.help}>
          {t('mintHelp')}{' '}
          <code data-ws="mint-command">
            linjaus token --doc {session.id} --role editor --host --expires 8h --label &lt;
            {t('labelName')}&gt;
          </code>
        </p>
      </div>
      {error && (
        <div className="banner banner-error" role="alert" data-ws="host-error">
          {error}
        </div>
      )}
      <footer className="modal-foot">
        <button type="submit" className="btn btn-primary" disabled={busy} data-ws="start">
          {busy ? t('starting') : t('start')}
        </button>
      </footer>
    </form>
  );
}
