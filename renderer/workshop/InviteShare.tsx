/**
 * The host's invite: who it is for (editors, or viewers who only read), the short code in large
 * type for a projector, the join link (`…/#code=XXXXXXXX`) and its QR code.
 */
import QRCode from 'qrcode';
import { useEffect, useId, useState } from 'react';
import { formatInviteCode, makeCodeLink, type WorkshopRole } from '../collab';
import { useI18n } from '../i18n/I18n';
import { Copyable } from './Copyable';
import type { Hosting, HostingView } from './hosting';
import type { WorkshopConfig } from './storage';
import { apiErrorText, useWorkshopText } from './strings';

function QrImage({ text, label }: { text: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return src ? <img className="ws-qr" src={src} alt={label} data-ws="qr" /> : null;
}

const SHARED_ROLES = ['editor', 'viewer'] as const satisfies readonly WorkshopRole[];

export function InviteShare({
  config,
  hosting,
  view,
}: {
  config: WorkshopConfig;
  hosting: Hosting;
  view: HostingView;
}) {
  const t = useWorkshopText();
  const { lang } = useI18n();
  const group = useId();
  const [role, setRole] = useState<(typeof SHARED_ROLES)[number]>('editor');
  const invite = config.invites?.[role] ?? null;
  const failed = !invite && view.error?.action === 'invite' ? view.error : null;
  useEffect(() => {
    if (!config.invites?.[role]) void hosting.createInvite(role);
    // Only a change of role asks for a new invite (not a config change); a failure waits for
    // "try again".
  }, [role, hosting]);

  const link = invite ? makeCodeLink(config.serverUrl, invite.code) : null;
  const expires = invite
    ? new Date(invite.expiresAt).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' })
    : '';
  return (
    <div className="ws-share">
      <div className="ws-share-text">
        <fieldset className="ws-roles">
          <legend className="fld-label">{t('inviteFor')}</legend>
          {SHARED_ROLES.map((r) => (
            <label key={r} className="ws-role">
              <input
                type="radio"
                name={group}
                value={r}
                checked={role === r}
                onChange={() => setRole(r)}
                data-ws={`invite-${r}`}
              />
              {r === 'editor' ? t('inviteEditors') : t('inviteViewers')}
            </label>
          ))}
        </fieldset>
        {invite && link ? (
          <>
            <div className="ws-code-box">
              <span className="fld-label">{t('joinCode')}</span>
              <p className="ws-code" data-ws="code" data-role={invite.role} lang="en">
                {formatInviteCode(invite.display || invite.code)}
              </p>
              <span className="ws-help">{t('inviteExpires', { time: expires })}</span>
            </div>
            <Copyable label={t('joinLink')} value={link} kind="join-link" />
            <p className="ws-help">{t('joinCodeHelp', { server: config.serverUrl })}</p>
          </>
        ) : failed ? (
          <div className="banner banner-error" role="alert" data-ws="invite-error">
            {t('action_invite')}: {apiErrorText(t, failed.code, failed.retryAfterSeconds)}{' '}
            <button
              type="button"
              className="btn btn-small"
              onClick={() => void hosting.createInvite(role)}
            >
              {t('retry')}
            </button>
          </div>
        ) : (
          <p className="ws-help" role="status">
            {t('inviteCreating')}
          </p>
        )}
      </div>
      {link && <QrImage text={link} label={t('qrLabel')} />}
    </div>
  );
}
