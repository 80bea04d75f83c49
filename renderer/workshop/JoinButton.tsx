/** The start screen's "Join a workshop" button: paste a link or code, give a name. */
import { useEffect, useState } from 'react';
import { desktopShell } from '../platform/electronPlatform';
import { JoinForm } from './JoinForm';
import { Modal } from './Modal';
import { useWorkshopText } from './strings';

export function JoinButton() {
  const t = useWorkshopText();
  const [open, setOpen] = useState(false);
  useEffect(() => desktopShell()?.onMenuCommand((c) => c === 'workshop.join' && setOpen(true)), []);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)} data-ws="join-open">
        <span className="ws-button-mark" aria-hidden="true" /> {t('joinTitle')}
      </button>
      {open && (
        <Modal titleId="ws-join-dialog" title={t('joinTitle')} onClose={() => setOpen(false)}>
          <JoinForm info={null} />
        </Modal>
      )}
    </>
  );
}
