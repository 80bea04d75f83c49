/**
 * The workshop part of the status line: connection, waiting changes, who is here; and the
 * notice, after the reload, that a diverged viewer's copy was refreshed (`resync.ts`).
 */
import { useEffect } from 'react';
import { useToast } from '../app/Toast';
import { useI18n } from '../i18n/I18n';
import { useWorkshop } from './install';
import { PresenceStrip } from './Presence';
import { takeResyncNotice } from './storage';
import { deniedStatusText, useWorkshopText } from './strings';

export function WorkshopStatus() {
  const { view, controller } = useWorkshop();
  const t = useWorkshopText();
  const { formatNumber } = useI18n();
  const toast = useToast();
  const documentId = controller.session.id;
  useEffect(() => {
    if (takeResyncNotice(documentId)) toast.show(t('resynced'));
  }, [documentId, toast, t]);
  const status = view.status;
  if (!view.config || !status) return null;
  const waiting = status.waitingChanges;
  const connection =
    status.connection === 'online'
      ? t('connOnline')
      : status.connection === 'connecting'
        ? t('connConnecting')
        : status.connection === 'offline'
          ? t('connOffline')
          : deniedStatusText(t, status.deniedReason);
  return (
    <div className="ws-status" data-ws-connection={status.connection}>
      <span className={`ws-conn ws-conn-${status.connection}`} role="status">
        <span className="dot" aria-hidden="true" />
        {connection}
        {status.connection !== 'online' && waiting > 0 && (
          <strong className="ws-waiting" data-ws-waiting={waiting}>
            {' · '}
            {waiting === 1 ? t('waitingOne') : t('waiting', { count: formatNumber(waiting) })}
          </strong>
        )}
      </span>
      <PresenceStrip />
    </div>
  );
}
