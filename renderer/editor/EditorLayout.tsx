/** The editor's frame. Re-renders only for its own state: panels, meta title, undo state. */
import { useEffect, useState } from 'react';
import { snapshot, writeLinjausFile } from '../../core';
import { safeFileName } from '../app/fileName';
import { Icon } from '../app/Icon';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { navigate } from '../app/router';
import { ExportDialog } from '../export/ExportDialog';
import { desktopShell } from '../platform/electronPlatform';
import { FindPanel } from '../find/FindPanel';
import { useI18n } from '../i18n/I18n';
import { Outline } from '../outline/Outline';
import { currentPlatform } from '../platform/current';
import { useMeta, useReadOnly, useSession, useUndoState } from '../session/hooks';
import { SettingsPanel } from '../settings/SettingsPanel';
import { DocumentView } from './DocumentView';
import { ReadOnlyBanner } from './ReadOnlyNotice';
import { StatusLine } from './StatusLine';
import { useEditorShortcuts } from './useEditorShortcuts';
import { WorkshopButton } from '../workshop';

type Panel = 'none' | 'settings' | 'find';

export function EditorLayout() {
  const session = useSession();
  const meta = useMeta();
  const { t } = useI18n();
  const { canUndo, canRedo } = useUndoState();
  const readOnly = useReadOnly();
  const [panel, setPanel] = useState<Panel>('none');
  const [exporting, setExporting] = useState(false);
  useEditorShortcuts({ onFind: () => setPanel('find') });
  // Desktop: the native Edit and File menus reach the open document here.
  useEffect(
    () =>
      desktopShell()?.onMenuCommand((command) => {
        if (command === 'file.exportPdf') setExporting(true);
        else if (command === 'edit.undo') session.undo();
        else if (command === 'edit.redo') session.redo();
        else if (command === 'edit.find') setPanel('find');
      }),
    [session],
  );
  useEffect(() => {
    // The first frame with the document on screen: what bench/app.ts reports as "interactive".
    requestAnimationFrame(() => performance.mark('linjaus:document-interactive'));
  }, []);

  useEffect(() => {
    document.title = `${meta.title || t('untitled')} – ${t('appName')}`;
    const timer = setTimeout(
      () =>
        void currentPlatform().recent.touch({
          id: session.id,
          title: meta.title,
          templateId: meta.templateId,
          updatedAt: Date.now(),
        }),
      500,
    );
    return () => clearTimeout(timer);
  }, [meta.title, meta.templateId, session.id, t]);

  const download = async (kind: 'linjaus' | 'json') => {
    const platform = currentPlatform();
    if (kind === 'json') {
      const bytes = new TextEncoder().encode(`${JSON.stringify(snapshot(session.doc), null, 2)}\n`);
      await platform.files.saveFile(safeFileName(meta.title, 'json'), bytes, 'application/json');
    } else {
      await platform.files.saveFile(
        safeFileName(meta.title, 'linjaus'),
        writeLinjausFile(session.doc),
        'application/zip',
      );
    }
  };

  const toggle = (p: Panel) => setPanel((cur) => (cur === p ? 'none' : p));
  return (
    <div
      className={`editor ${panel !== 'none' ? 'has-panel' : ''} ${readOnly ? 'is-readonly' : ''}`}
    >
      <a className="skip-link" href="#doc-main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="brand brand-btn"
          onClick={() => navigate({ name: 'start' })}
          aria-label={t('backToStart')}
          title={t('backToStart')}
        >
          <span className="brand-mark" aria-hidden="true" />
        </button>
        <div className="topbar-title">
          <span className="doc-title" title={meta.title}>
            {meta.title || t('untitled')}
          </span>
          <span className="doc-sub">{session.template.name[meta.languages[0] ?? 'fi']}</span>
        </div>
        <div className="topbar-tools" role="toolbar" aria-label={t('document')}>
          <button
            type="button"
            className="icon-btn"
            aria-label={t('undo')}
            title={`${t('undo')} (Ctrl+Z)`}
            disabled={!canUndo}
            onClick={() => session.undo()}
          >
            <Icon name="undo" />
          </button>
          <button
            type="button"
            className="icon-btn"
            aria-label={t('redo')}
            title={`${t('redo')} (Ctrl+Shift+Z)`}
            disabled={!canRedo}
            onClick={() => session.redo()}
          >
            <Icon name="redo" />
          </button>
          <span className="tb-sep" aria-hidden="true" />
          <WorkshopButton />
          <button
            type="button"
            className="btn btn-ghost"
            aria-pressed={panel === 'find'}
            onClick={() => toggle('find')}
          >
            <Icon name="search" /> {t('find')}
          </button>
          <button
            type="button"
            className="btn btn-ghost"
            aria-pressed={panel === 'settings'}
            onClick={() => toggle('settings')}
          >
            <Icon name="settings" /> {t('settings')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => download('linjaus')}>
            <Icon name="download" /> {t('download')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => download('json')}>
            {t('downloadJson')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => setExporting(true)}>
            <Icon name="pdf" /> {t('exportPdf')}
          </button>
          <LanguageSwitch />
        </div>
      </header>
      <ReadOnlyBanner />
      <div className="workspace">
        <Outline />
        <main className="doc-scroll" id="doc-main" tabIndex={-1}>
          <DocumentView />
        </main>
        {panel === 'settings' && <SettingsPanel onClose={() => setPanel('none')} />}
        {panel === 'find' && <FindPanel onClose={() => setPanel('none')} />}
      </div>
      <StatusLine />
      {exporting && <ExportDialog onClose={() => setExporting(false)} />}
    </div>
  );
}
