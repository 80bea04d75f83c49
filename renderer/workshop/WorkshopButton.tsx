/** The toolbar's workshop button and its dialog (host, or the running workshop). */
import { useState } from 'react';
import { ActiveWorkshop } from './ActiveWorkshop';
import { HostForm } from './HostForm';
import { useWorkshop } from './install';
import { Modal } from './Modal';
import { useWorkshopText } from './strings';

export function WorkshopButton() {
  const { view } = useWorkshop();
  const t = useWorkshopText();
  const [open, setOpen] = useState(false);
  const active = view.config !== null;
  const others = view.participants.filter((p) => !p.isSelf).length;
  return (
    <>
      <button
        type="button"
        className={`btn btn-ghost ws-button ${active ? 'is-active' : ''}`}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        data-ws="open"
      >
        <span className="ws-button-mark" aria-hidden="true" />
        {t('workshop')}
        {active && others > 0 && <span className="ws-count">{others + 1}</span>}
      </button>
      {open && (
        <Modal
          key={active ? 'active' : 'host'}
          titleId="ws-dialog-title"
          title={active ? t('workshop') : t('hostTitle')}
          onClose={() => setOpen(false)}
        >
          {active ? <ActiveWorkshop onClose={() => setOpen(false)} /> : <HostForm />}
        </Modal>
      )}
    </>
  );
}
