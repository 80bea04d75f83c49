/** A running workshop: join link, QR code and code, participants (with revoke), end. */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { makeJoinLink } from '../collab';
import { desktopShell } from '../platform/electronPlatform';
import { useI18n } from '../i18n/I18n';
import { useSession } from '../session/hooks';
import type { PresenceEntry } from './controller';
import { Copyable } from './Copyable';
import { useWorkshop } from './install';
import { makeJoinCode } from './joinCode';
import { ParticipantList } from './Presence';
import { useWorkshopText } from './strings';

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

function RevokeHelp({ entry }: { entry: PresenceEntry }) {
  const t = useWorkshopText();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const tokenId: unknown = session.awareness.getStates().get(entry.clientId)?.['tokenId'];
  if (entry.isSelf) return null;
  return (
    <span className="ws-revoke">
      <button
        type="button"
        className="btn btn-small"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {t('revoke')}
      </button>
      {open && (
        <span className="ws-revoke-help">
          {t('revokeHelp')}{' '}
          <code>
            linjaus token revoke --id{' '}
            {typeof tokenId === 'string' && /^[\w-]{1,32}$/.test(tokenId) ? tokenId : '<id>'}
          </code>
        </span>
      )}
    </span>
  );
}

export function ActiveWorkshop({ onClose }: { onClose: () => void }) {
  const session = useSession();
  const { controller, view } = useWorkshop();
  const t = useWorkshopText();
  const { t: tr } = useI18n();
  const config = view.config;
  if (!config) return null;
  const guestToken = config.guestToken ?? config.token;
  const link = makeJoinLink({
    serverUrl: config.serverUrl,
    documentId: session.id,
    token: guestToken,
  });
  const code = makeJoinCode(session.id, guestToken);
  const end = async () => {
    const shell = desktopShell();
    controller.end();
    onClose();
    if (config.desktop && shell) {
      await shell.endWorkshop({ documentId: session.id });
      await shell.useWorkshopServer(null);
    }
  };
  return (
    <div className="ws-active">
      {config.role === 'host' && (
        <div className="ws-share">
          <div className="ws-share-text">
            <Copyable label={t('joinLink')} value={link} kind="join-link" />
            <Copyable label={t('joinCode')} value={code} kind="join-code" />
            <p className="ws-help">{t('joinCodeHelp')}</p>
          </div>
          <QrImage text={link} label={t('qrLabel')} />
        </div>
      )}
      <h3 className="ws-h3">{t('participants')}</h3>
      <ParticipantList
        actions={config.role === 'host' ? (p) => <RevokeHelp entry={p} /> : undefined}
      />
      {config.role === 'host' && !config.desktop && (
        <p className="ws-help">
          {t('endHelp')} <code>linjaus token end-session --doc {session.id}</code>
        </p>
      )}
      <footer className="modal-foot">
        <button type="button" className="btn" onClick={onClose}>
          {tr('close')}
        </button>
        <button type="button" className="btn btn-danger" onClick={() => void end()} data-ws="end">
          {config.role === 'host' ? t('endWorkshop') : t('leaveWorkshop')}
        </button>
      </footer>
    </div>
  );
}
