/**
 * What a reader sees of read-only mode: a banner under the top bar that says why the document
 * cannot be edited and what still works, and a toast if a local write was refused anyway (the
 * session reverts it: see renderer/session/readOnlyGuard.ts).
 */
import { useEffect } from 'react';
import { Icon } from '../app/Icon';
import { useToast } from '../app/Toast';
import { useI18n } from '../i18n/I18n';
import { useReadOnlyReason, useSession } from '../session/hooks';
import './readOnly.css';

export function ReadOnlyBanner() {
  const reason = useReadOnlyReason();
  const session = useSession();
  const { t } = useI18n();
  const toast = useToast();
  useEffect(() => {
    const off = session.subscribeRefusedWrites(() => toast.show(t('readOnlyRefused')));
    return () => {
      off();
    };
  }, [session, toast, t]);
  // The live region stays mounted, so switching to read-only is announced.
  return (
    <div className="readonly-region" role="status">
      {reason && (
        <div className="readonly-banner" data-readonly={reason}>
          <Icon name="lock" />
          <strong>{t(reason === 'commenter' ? 'readOnly_commenter' : 'readOnly_viewer')}</strong>
          <span className="readonly-hint">{t('readOnlyHint')}</span>
        </div>
      )}
    </div>
  );
}
