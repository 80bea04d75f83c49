/**
 * The start screen's "Join a workshop" button: type a code or paste a link, give a name. In the
 * desktop app a join that reloaded the window (to allow the server) reopens here and goes on.
 */
import { useEffect, useState } from 'react';
import { desktopShell } from '../platform/electronPlatform';
import { JoinForm } from './JoinForm';
import { Modal } from './Modal';
import { takePendingJoin, type PendingJoin } from './storage';
import { useWorkshopText } from './strings';

// Read once per page load (React may run state initialisers twice); consumed when shown.
let pending: PendingJoin | null | undefined;
const pendingJoin = () => (pending ??= desktopShell() ? takePendingJoin() : null);

export function JoinButton() {
  const t = useWorkshopText();
  const [resume] = useState(pendingJoin);
  const [open, setOpen] = useState(resume !== null);
  useEffect(() => {
    pending = null;
    return desktopShell()?.onMenuCommand((c) => c === 'workshop.join' && setOpen(true));
  }, []);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)} data-ws="join-open">
        <span className="ws-button-mark" aria-hidden="true" /> {t('joinTitle')}
      </button>
      {open && (
        <Modal titleId="ws-join-dialog" title={t('joinTitle')} onClose={() => setOpen(false)}>
          <JoinForm target={null} resume={resume} />
        </Modal>
      )}
    </>
  );
}
