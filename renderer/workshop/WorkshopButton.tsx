/** The toolbar's workshop button and its dialog (host, or the running workshop). */
import { useEffect, useState } from 'react';
import { desktopShell } from '../platform/electronPlatform';
import { ActiveWorkshop } from './ActiveWorkshop';
import { HostForm } from './HostForm';
import { useWorkshop } from './install';
import { Modal } from './Modal';
import { takeReopenDialog } from './storage';
import { useWorkshopText } from './strings';

export function WorkshopButton() {
  const { controller, view } = useWorkshop();
  const t = useWorkshopText();
  const [open, setOpen] = useState(false);
  // The desktop host's window reloads to allow its server; the dialog reopens to show the code.
  // (Not judged from the config: the invite may already be made by the time this mounts.)
  useEffect(() => {
    if (takeReopenDialog(controller.session.id)) setOpen(true);
  }, [controller]);
  // Asked from the menu: the dialog opens on the end confirmation.
  const [askEnd, setAskEnd] = useState(false);
  // The desktop app's Workshop menu (Host / End) drives the same dialog.
  useEffect(() => {
    const shell = desktopShell();
    if (!shell) return;
    return shell.onMenuCommand((command) => {
      if (command === 'workshop.host') setOpen(true);
      if (command !== 'workshop.end') return;
      const config = controller.getView().config;
      if (config?.isHost) {
        // Ending for everyone is asked first, as from the dialog's own button.
        setAskEnd(true);
        setOpen(true);
        return;
      }
      controller.end();
      if (config?.desktop) void shell.useWorkshopServer(null);
    });
  }, [controller]);
  const close = () => {
    setOpen(false);
    setAskEnd(false);
  };
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
        {active && others > 0 && (
          <span className="ws-count">
            {others + 1}
            <span className="sr-only"> {t('participants')}</span>
          </span>
        )}
      </button>
      {open && (
        <Modal
          key={active ? 'active' : 'host'}
          titleId="ws-dialog-title"
          title={active ? t('workshop') : t('hostTitle')}
          onClose={close}
        >
          {active ? <ActiveWorkshop onClose={close} askEnd={askEnd} /> : <HostForm />}
        </Modal>
      )}
    </>
  );
}
