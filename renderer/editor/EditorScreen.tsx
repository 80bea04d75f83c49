/** A document open for editing: top bar, outline, the document, side panels, status line. */
import { useEffect, useState } from 'react';
import { getMeta } from '../../core';
import { navigate } from '../app/router';
import { useI18n } from '../i18n/I18n';
import { currentPlatform } from '../platform/current';
import { openSession, type DocumentSession } from '../session/DocumentSession';
import { attachExtensions } from '../session/extensions';
import { SessionContext } from '../session/hooks';
import { EditorLayout } from './EditorLayout';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; session: DocumentSession }
  | { state: 'error'; message: string };

export function EditorScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    let opened: DocumentSession | null = null;
    let detach: (() => void) | null = null;
    const platform = currentPlatform();
    openSession(platform, id).then(
      (session) => {
        if (cancelled) {
          void session.close();
          return;
        }
        opened = session;
        detach = attachExtensions(session);
        const meta = getMeta(session.doc);
        void platform.recent.touch({
          id,
          title: meta.title,
          templateId: meta.templateId,
          updatedAt: Date.now(),
        });
        setLoad({ state: 'ready', session });
      },
      (e: unknown) =>
        !cancelled &&
        setLoad({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      cancelled = true;
      detach?.();
      void opened?.close();
    };
  }, [id]);

  if (load.state === 'loading') {
    return (
      <div className="center-screen" role="status">
        <span className="spinner" aria-hidden="true" /> {t('loading')}
      </div>
    );
  }
  if (load.state === 'error') {
    return (
      <div className="center-screen">
        <div className="banner banner-error" role="alert">
          {t('notFound')}
        </div>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => navigate({ name: 'start' })}
        >
          {t('backToStart')}
        </button>
      </div>
    );
  }
  return (
    <SessionContext.Provider value={load.session}>
      <EditorLayout />
    </SessionContext.Provider>
  );
}
