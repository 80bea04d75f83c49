/**
 * Host a workshop: connect the open document to a `linjaus serve` with one host token (minted
 * with `linjaus token … --host`). Before connecting, the server is asked for the participant
 * list with that token — which proves the server answers and the token is this document's host
 * token, and gives the name the server binds to it — then the first invite is created.
 */
import { useState } from 'react';
import { workshopApi, WorkshopApiError } from '../collab';
import { desktopShell } from '../platform/electronPlatform';
import { useSession } from '../session/hooks';
import { tokenIdOf } from './controller';
import { checkHostToken } from './hosting';
import { useWorkshop } from './install';
import { Field } from './Field';
import { isTokenShaped, pageServerOrigin } from './joinCode';
import { loadName, markReopenDialog, type WorkshopConfig } from './storage';
import { apiErrorText, useWorkshopText } from './strings';

/** Where this page came from, when that is a server (the usual case: `linjaus serve --web`). */
const defaultServer = () => pageServerOrigin() || 'http://';

export function HostForm() {
  const session = useSession();
  const { controller } = useWorkshop();
  const t = useWorkshopText();
  const [server, setServer] = useState(defaultServer);
  const [token, setToken] = useState('');
  const [name, setName] = useState(loadName);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shell = desktopShell();

  const serverOk = /^https?:\/\/[^\s/]+/.test(server.trim());
  const tokenOk = isTokenShaped(token.trim());
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
    tried && !ok ? t(key) : null;

  return (
    <form className="ws-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <p className="modal-intro">{t('hostIntro')}</p>
      <Field
        label={t('yourName')}
        value={name}
        onChange={setName}
        maxLength={60}
        autoComplete="name"
        error={err(nameOk, 'errorRequired')}
        data-ws="name"
      />
      {shell && (
        <div className="ws-desktop">
          <button type="button" className="btn" disabled={busy} onClick={hostOnDesktop}>
            {t('hostLocal')}
          </button>
        </div>
      )}
      <Field
        label={t('serverAddress')}
        value={server}
        onChange={setServer}
        inputMode="url"
        error={err(serverOk, 'errorServer')}
        data-ws="server"
      />
      <Field
        label={t('hostToken')}
        value={token}
        onChange={setToken}
        inputClass="ws-mono"
        spellCheck={false}
        autoComplete="off"
        error={err(tokenOk, token.trim() ? 'errorToken' : 'errorRequired')}
        help={
          <>
            {t('mintHelp')}{' '}
            <code data-ws="mint-command">
              linjaus token --doc {session.id} --role editor --host --expires 8h --label &lt;
              {t('labelName')}&gt;
            </code>
          </>
        }
        data-ws="token"
      />
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
