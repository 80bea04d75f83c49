/** A modal dialog for the workshop: labelled, Escape closes, Tab stays inside, focus returns. */
import { useEffect, useRef, type ReactNode } from 'react';
import { Icon } from '../app/Icon';
import { useI18n } from '../i18n/I18n';

const FOCUSABLE = 'button:not(:disabled), [href], input:not(:disabled), select, [tabindex="0"]';

export function Modal({
  titleId,
  title,
  onClose,
  children,
  className = '',
}: {
  titleId: string;
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useI18n();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const first = root.current?.querySelector<HTMLElement>(
      '[data-autofocus], input:not([readonly])',
    );
    (first ?? root.current)?.focus();
    return () => opener?.focus?.();
  }, []);
  useEffect(() => {
    // Escape also works when focus fell to the page (e.g. the focused control was replaced).
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !root.current?.contains(document.activeElement)) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  const trap = (e: React.KeyboardEvent) => {
    const items = Array.from(root.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
    const firstItem = items[0];
    const last = items[items.length - 1];
    if (!firstItem || !last) return;
    if (
      e.shiftKey &&
      (document.activeElement === firstItem || document.activeElement === root.current)
    ) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      firstItem.focus();
    }
  };
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={root}
        className={`modal ws-modal ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
          if (e.key === 'Tab') trap(e);
        }}
      >
        <header className="modal-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-btn" aria-label={t('close')} onClick={onClose}>
            <Icon name="close" />
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
