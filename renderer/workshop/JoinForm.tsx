/**
 * The join form: a display name (and, when not opened from a link, the code or link), then the
 * document opens in the workshop. Used by the `#code=` / `#join=` screen and the start screen's
 * dialog. In the desktop app the window may first have to reload to allow the server in its CSP:
 * the join is remembered (sessionStorage) and resumed after the reload (`resume`).
 */
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { navigate } from '../app/router';
import { desktopShell } from '../platform/electronPlatform';
import { Field } from './Field';
import { JoinError, joinWorkshop, type JoinFailure } from './joinFlow';
import {
  isBareCode,
  isServerAllowed,
  pageServerOrigin,
  parseJoinInput,
  type JoinTarget,
} from './joinCode';
import { loadName, savePendingJoin, type PendingJoin } from './storage';
import { apiErrorText, deniedStatusText, useWorkshopText, type WorkshopText } from './strings';

function failureText(t: WorkshopText, f: JoinFailure): string {
  switch (f.kind) {
    case 'denied':
      return deniedStatusText(t, f.reason);
    case 'api':
      return apiErrorText(t, f.code, f.retryAfterSeconds);
    case 'empty':
      return t('joinEmpty');
    case 'wrong-document':
      return t('joinWrongDoc');
    case 'no-connection':
      return t('joinNoConnection');
    case 'cancelled':
      return '';
    case 'error':
      return t('errorConnect', { reason: f.message });
  }
}

export function JoinForm({
  target: given,
  resume = null,
}: {
  target: JoinTarget | null;
  resume?: PendingJoin | null;
}) {
  const t = useWorkshopText();
  const [name, setName] = useState(() => resume?.name ?? loadName());
  const [link, setLink] = useState(resume?.input ?? '');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const joining = useRef<AbortController | null>(null);
  const submit = useRef<HTMLButtonElement>(null);
  const origin = pageServerOrigin();
  const target = given ?? parseJoinInput(link, origin);
  const nameOk = name.trim() !== '';
  const linkError = target ? null : !origin && isBareCode(link) ? 'joinNeedsLink' : 'joinBadLink';

  const run = async () => {
    setTried(true);
    if (!nameOk || !target) return;
    setBusy(true);
    setError(null);
    const abort = new AbortController();
    joining.current = abort;
    const shell = desktopShell();
    try {
      if (shell && !isServerAllowed(target.serverUrl, window.location.href)) {
        // The window reloads with the server allowed; the join goes on after it (JoinButton).
        savePendingJoin({ input: link.trim(), name: name.trim() });
        if (await shell.useWorkshopServer(target.serverUrl)) return;
        savePendingJoin(null);
        throw new JoinError({ kind: 'api', code: 'origin', retryAfterSeconds: null });
      }
      const id = await joinWorkshop(target, name.trim().slice(0, 60), { signal: abort.signal });
      if (!abort.signal.aborted) navigate({ name: 'document', id });
    } catch (err) {
      // A cancelled join only gives the form back; a newer attempt owns the form now.
      if (joining.current !== abort) return;
      setError(
        err instanceof JoinError
          ? failureText(t, err.failure) || null
          : t('errorConnect', { reason: err instanceof Error ? err.message : String(err) }),
      );
      setBusy(false);
      joining.current = null;
    }
  };
  const cancel = () => {
    joining.current?.abort();
    joining.current = null;
    savePendingJoin(null);
    // The Cancel button goes away: focus the (enabled again) Join button rather than the page.
    flushSync(() => setBusy(false));
    submit.current?.focus();
  };

  // A join interrupted by the desktop window's reload carries on by itself, once.
  const resumed = useRef(false);
  useEffect(() => {
    if (!resume || resumed.current) return;
    resumed.current = true;
    // Once, for the resumed join: `run` reads the state it was initialised with.
    void run();
  }, [resume]);

  return (
    <form
      className="ws-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
      noValidate
      aria-busy={busy}
    >
      <p className="modal-intro">{t('joinIntro')}</p>
      {!given && (
        <Field
          label={t('joinLinkOrCode')}
          value={link}
          onChange={setLink}
          inputClass="ws-mono ws-code-input"
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="characters"
          placeholder="XXXX-XXXX"
          help={t('joinCodeHint')}
          error={tried && linkError ? t(linkError) : null}
          data-ws="join-input"
        />
      )}
      <Field
        label={t('yourName')}
        value={name}
        onChange={setName}
        maxLength={60}
        autoComplete="name"
        error={tried && !nameOk ? t('errorRequired') : null}
        data-ws="join-name"
      />
      {error && (
        <div className="banner banner-error" role="alert" data-ws="join-error">
          {error}
        </div>
      )}
      <footer className="modal-foot">
        {busy && (
          <button type="button" className="btn" onClick={cancel} data-ws="join-cancel">
            {t('cancel')}
          </button>
        )}
        <button
          ref={submit}
          type="submit"
          className="btn btn-primary"
          disabled={busy}
          data-ws="join"
        >
          {busy ? t('joining') : t('join')}
        </button>
      </footer>
    </form>
  );
}
