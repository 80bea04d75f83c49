/** The toolbar's workshop button and its dialog (host, or the running workshop). */
import { useEffect, useState } from 'react';
import { desktopShell } from '../platform/electronPlatform';
import { useSession } from '../session/hooks';
import { ActiveWorkshop } from './ActiveWorkshop';
import { HostForm } from './HostForm';
import { useWorkshop } from './install';
import { Modal } from './Modal';
import { useWorkshopText } from './strings';

export function WorkshopButton() {
  const { controller, view } = useWorkshop();
  const session = useSession();
  const t = useWorkshopText();
  // The desktop host's window reloads to allow its server; the dialog reopens to show the code.
  const [open, setOpen] = useState(() => {
    const config = controller.getView().config;
    return !!config?.desktop && config.isHost && !config.invites?.editor;
  });
  // The desktop app's Workshop menu (Host / End) drives the same dialog.
  useEffect(() => {
    const shell = desktopShell();
    if (!shell) return;
    return shell.onMenuCommand((command) => {
      if (command === 'workshop.host') setOpen(true);
      if (command === 'workshop.end') {
        const desktop = controller.getView().config?.desktop;
        // The embedded server ends it for everyone through main; elsewhere this window leaves.
        controller.end();
        if (desktop)
          void shell
            .endWorkshop({ documentId: session.id })
            .then(() => shell.useWorkshopServer(null));
      }
    });
  }, [controller, session.id]);
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
          onClose={() => setOpen(false)}
        >
          {active ? <ActiveWorkshop onClose={() => setOpen(false)} /> : <HostForm />}
        </Modal>
      )}
    </>
  );
}
