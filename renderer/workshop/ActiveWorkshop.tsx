/**
 * A running workshop. The host sees the invite (code, link, QR), the participant list from the
 * server with "remove access", and "end workshop" (for everyone, after asking); a participant
 * sees who is here and can leave.
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18n';
import { desktopShell } from '../platform/electronPlatform';
import { useSession } from '../session/hooks';
import { HostRoster } from './HostRoster';
import { mayLeaveWithoutEnding, type HostingError } from './hosting';
import { useWorkshop } from './install';
import { InviteShare } from './InviteShare';
import { ParticipantList } from './Presence';
import { apiErrorText, useWorkshopText, type WorkshopText } from './strings';

const errorText = (t: WorkshopText, e: HostingError) =>
  `${t(`action_${e.action}`)}: ${apiErrorText(t, e.code, e.retryAfterSeconds)}`;

export function ActiveWorkshop({
  onClose,
  askEnd = false,
}: {
  onClose: () => void;
  /** Open on the "end for everyone?" confirmation (the desktop menu's End). */
  askEnd?: boolean;
}) {
  const session = useSession();
  const { controller, view } = useWorkshop();
  const t = useWorkshopText();
  const { t: tr } = useI18n();
  const [confirmEnd, setConfirmEnd] = useState(askEnd);
  const [ending, setEnding] = useState(false);
  const hosting = controller.hosting;
  // The participant list is fetched while this dialog is open.
  useEffect(() => hosting?.watch(), [hosting]);
  const config = view.config;
  if (!config) return null;

  const leave = async () => {
    const shell = desktopShell();
    setEnding(true);
    try {
      if (hosting) await controller.endForEveryone();
      else controller.end();
    } catch {
      // The error is in the hosting view; the workshop goes on.
      setEnding(false);
      return;
    }
    onClose();
    if (config.desktop && shell) {
      await shell.endWorkshop({ documentId: session.id });
      await shell.useWorkshopServer(null);
    }
  };
  // Ending is impossible (server gone, host token refused): leave, keeping the document.
  const leaveWithoutEnding = async () => {
    const shell = desktopShell();
    controller.end();
    onClose();
    if (config.desktop && shell) await shell.useWorkshopServer(null);
  };
  const hostView = view.hosting;
  const error = hostView?.error && hostView.error.action !== 'invite' ? hostView.error : null;
  const stuck = !!hosting && mayLeaveWithoutEnding(hostView?.error ?? null, view.status);
  return (
    <div className="ws-active">
      {hosting && hostView && (
        <>
          {config.boundName && (
            <p className="ws-help">{t('boundName', { name: config.boundName })}</p>
          )}
          <InviteShare config={config} hosting={hosting} view={hostView} />
          <HostRoster
            config={config}
            hosting={hosting}
            view={hostView}
            presence={view.participants}
          />
        </>
      )}
      {!hosting && (
        <>
          <h3 className="ws-h3">{t('participants')}</h3>
          <ParticipantList />
        </>
      )}
      {error && (
        <div className="banner banner-error" role="alert" data-ws="host-error">
          {errorText(t, error)}
        </div>
      )}
      {stuck && (
        <div className="ws-confirm-end" role="group" aria-label={t('leaveWithoutEnding')}>
          <p>{t('leaveWithoutEndingHelp')}</p>
          <div className="ws-confirm-buttons">
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => void leaveWithoutEnding()}
              data-ws="leave-without-ending"
            >
              {t('leaveWithoutEnding')}
            </button>
          </div>
        </div>
      )}
      {confirmEnd && (
        <div className="ws-confirm-end" role="group" aria-label={t('endWorkshop')}>
          <p>{t('endConfirm')}</p>
          <div className="ws-confirm-buttons">
            <button type="button" className="btn" onClick={() => setConfirmEnd(false)}>
              {t('cancel')}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={ending}
              onClick={() => void leave()}
              data-ws="end-confirm"
            >
              {t('endConfirmYes')}
            </button>
          </div>
        </div>
      )}
      <footer className="modal-foot">
        <button type="button" className="btn" onClick={onClose}>
          {tr('close')}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          disabled={ending || confirmEnd}
          onClick={() => (hosting ? setConfirmEnd(true) : void leave())}
          data-ws="end"
        >
          {hosting ? t('endWorkshop') : t('leaveWorkshop')}
        </button>
      </footer>
    </div>
  );
}
