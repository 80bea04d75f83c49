/** Export to PDF: runs in the platform's exporter (a worker), shows progress and the first pages. */
import { useEffect, useRef, useState } from 'react';
import { snapshot } from '../../core';
import { safeFileName } from '../app/fileName';
import { Icon } from '../app/Icon';
import { useI18n } from '../i18n/I18n';
import { currentPlatform } from '../platform/current';
import type { PdfExportWarning, PdfProgress } from '../platform/types';
import { useMeta, useSession } from '../session/hooks';
import { renderPreview } from './preview';

const PREVIEW_PAGES = 3;

type State =
  | { step: 'running'; progress: PdfProgress }
  | { step: 'done'; bytes: Uint8Array; pages: number | null }
  | { step: 'error'; message: string };

/** Keep Tab and Shift+Tab inside the modal dialog. */
function trapTab(e: React.KeyboardEvent, root: HTMLElement | null): void {
  if (!root) return;
  const items = Array.from(
    root.querySelectorAll<HTMLElement>(
      'button:not(:disabled), [href], input, select, [tabindex="0"]',
    ),
  );
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && (document.activeElement === first || document.activeElement === root)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const session = useSession();
  const meta = useMeta();
  const { t } = useI18n();
  const [state, setState] = useState<State>({
    step: 'running',
    progress: { phase: 'starting', fraction: 0 },
  });
  const [warnings, setWarnings] = useState<readonly PdfExportWarning[]>([]);
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const dialog = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(document.activeElement);

  useEffect(() => {
    let live = true;
    const platform = currentPlatform();
    platform.pdf.warmUp();
    const request = { programme: snapshot(session.doc), language: meta.languages[0] ?? 'fi' };
    platform.pdf
      .exportPdf(
        request,
        (progress) => live && setState({ step: 'running', progress }),
        (list) => live && setWarnings(list),
      )
      .then(
        (bytes) => live && setState({ step: 'done', bytes, pages: null }),
        (e: unknown) =>
          live && setState({ step: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      live = false;
    };
    // Export once per opening of the dialog, from the document as it was then.
  }, []);

  useEffect(() => {
    if (state.step !== 'done' || state.pages !== null) return;
    const list = canvases.current.filter((c): c is HTMLCanvasElement => !!c);
    renderPreview(state.bytes, list, 260).then(
      (pages) => setState((s) => (s.step === 'done' ? { ...s, pages } : s)),
      () => setState((s) => (s.step === 'done' ? { ...s, pages: 0 } : s)),
    );
  }, [state]);

  useEffect(() => {
    dialog.current?.focus();
    const back = opener.current;
    return () => (back as HTMLElement | null)?.focus?.();
  }, []);

  const save = () => {
    if (state.step !== 'done') return;
    const name = safeFileName(meta.title, 'pdf');
    void currentPlatform().files.saveFile(name, state.bytes, 'application/pdf');
  };

  const fraction = state.step === 'running' ? state.progress.fraction : 1;
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialog}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-title"
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
          if (e.key === 'Tab') trapTab(e, dialog.current);
        }}
      >
        <header className="modal-head">
          <h2 id="export-title">{t('exportTitle')}</h2>
          <button type="button" className="icon-btn" aria-label={t('close')} onClick={onClose}>
            <Icon name="close" />
          </button>
        </header>
        <p className="modal-intro">{t('exportIntro')}</p>
        {state.step !== 'error' && (
          <div className="progress-block">
            <div
              className="progress"
              role="progressbar"
              aria-label={t('exportTitle')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(fraction * 100)}
            >
              <div className="progress-bar" style={{ width: `${Math.round(fraction * 100)}%` }} />
            </div>
            <p className="progress-label" role="status" data-export-state={state.step}>
              {state.step === 'running'
                ? t(`exportPhase_${state.progress.phase}`)
                : state.pages
                  ? t('exportPages', { count: state.pages })
                  : t('exportPhase_done')}
            </p>
          </div>
        )}
        {warnings.length > 0 && (
          <div
            className="banner banner-warning"
            role="status"
            data-export-warnings={warnings.length}
          >
            <p>{t('exportWarnings')}</p>
            <ul>
              {warnings.map((w, i) => (
                <li key={i}>
                  {w.where ? (
                    <>
                      <strong>{w.where}</strong>: {w.message}
                    </>
                  ) : (
                    w.message
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        {state.step === 'error' && (
          <div className="banner banner-error" role="alert">
            {t('exportFailed', { reason: state.message })}
          </div>
        )}
        {state.step === 'done' && (
          <div className="preview-strip" role="region" aria-label={t('previewRegion')} tabIndex={0}>
            {Array.from({ length: PREVIEW_PAGES }, (_, i) => (
              <figure
                key={i}
                className="preview-page"
                hidden={state.pages !== null && i >= state.pages}
              >
                <canvas
                  ref={(el) => void (canvases.current[i] = el)}
                  role="img"
                  aria-label={t('exportPreview', { page: i + 1 })}
                />
              </figure>
            ))}
          </div>
        )}
        <footer className="modal-foot">
          <button type="button" className="btn" onClick={onClose}>
            {t('close')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={state.step !== 'done'}
            onClick={save}
          >
            <Icon name="download" /> {t('exportSave')}
          </button>
        </footer>
      </div>
    </div>
  );
}
