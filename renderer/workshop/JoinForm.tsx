/**
 * The join form: a display name (and, when not opened from a link, the link or code), then the
 * document opens in the workshop. Used by the `#join=` screen and the start screen's dialog.
 */
import { useId, useState } from 'react';
import type { JoinInfo } from '../collab';
import { navigate } from '../app/router';
import { JoinError, joinWorkshop } from './joinFlow';
import { parseJoinInput } from './joinCode';
import { loadName } from './storage';
import { deniedText, useWorkshopText } from './strings';

export function JoinForm({ info }: { info: JoinInfo | null }) {
  const t = useWorkshopText();
  const ids = { name: useId(), link: useId() };
  const [name, setName] = useState(loadName);
  const [link, setLink] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const origin = /^https?:$/.test(window.location.protocol) ? window.location.origin : '';
  const target = info ?? parseJoinInput(link, origin);
  const nameOk = name.trim() !== '';

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!nameOk || !target) return;
    setBusy(true);
    setError(null);
    try {
      const id = await joinWorkshop(target, name.trim().slice(0, 60));
      navigate({ name: 'document', id });
    } catch (err) {
      const f = err instanceof JoinError ? err.failure : null;
      setError(
        !f
          ? t('errorConnect', { reason: err instanceof Error ? err.message : String(err) })
          : f.kind === 'denied'
            ? t('connDenied', { reason: deniedText(t, f.reason) })
            : f.kind === 'empty'
              ? t('joinEmpty')
              : f.kind === 'wrong-document'
                ? t('joinWrongDoc')
                : t('errorConnect', { reason: f.message }),
      );
      setBusy(false);
    }
  };

  return (
    <form className="ws-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <p className="modal-intro">{t('joinIntro')}</p>
      {!info && (
        <div className="ws-field">
          <label className="fld-label" htmlFor={ids.link}>
            {t('joinLinkOrCode')}
          </label>
          <input
            id={ids.link}
            className="input ws-mono"
            value={link}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={tried && !target}
            onChange={(e) => setLink(e.target.value)}
            data-ws="join-input"
          />
          {tried && !target && (
            <span className="fld-error" role="alert">
              {t('joinBadLink')}
            </span>
          )}
        </div>
      )}
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
          data-ws="join-name"
        />
        {tried && !nameOk && (
          <span className="fld-error" role="alert">
            {t('errorRequired')}
          </span>
        )}
      </div>
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      )}
      <footer className="modal-foot">
        <button type="submit" className="btn btn-primary" disabled={busy} data-ws="join">
          {busy ? t('joining') : t('join')}
        </button>
      </footer>
    </form>
  );
}
