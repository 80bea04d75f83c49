/** The start screen: recent documents, new from a template, open a file, import JSON. */
import { useCallback, useEffect, useState } from 'react';
import { getTemplate, templateIds } from '../../core';
import { Icon } from '../app/Icon';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { navigate } from '../app/router';
import { useI18n } from '../i18n/I18n';
import { currentPlatform } from '../platform/current';
import type { DocumentSummary } from '../platform/types';
import { createFromTemplate, importJson, openLinjausFile } from './documents';
import { TemplateCard } from './TemplateCard';
import { JoinButton } from '../workshop';

export function StartScreen() {
  const platform = currentPlatform();
  const { t, lang, formatDate } = useI18n();
  const [recent, setRecent] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(() => {
    platform.recent.list().then(setRecent, (e: unknown) => setError(String(e)));
  }, [platform]);
  useEffect(refresh, [refresh]);
  useEffect(() => {
    document.title = `${t('appName')} – ${t('recentDocuments')}`;
  }, [t]);

  const run = async (task: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    try {
      const id = await task();
      if (id) navigate({ name: 'document', id });
    } catch (e) {
      setError(t('importFailed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const openFile = (kind: 'linjaus' | 'json') =>
    run(async () => {
      const file = await platform.files.openFile({
        extensions: [kind],
        description: kind === 'json' ? 'JSON' : 'Linjaus',
      });
      if (!file) return null;
      return kind === 'json'
        ? importJson(platform, file.name, file.bytes)
        : openLinjausFile(platform, file.name, file.bytes);
    });

  return (
    <div className="start" aria-busy={busy}>
      <header className="start-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('appName')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main className="start-main" id="main">
        <div className="start-hero">
          <h1 className="start-title">{t('appName')}</h1>
          <p className="start-tagline">{t('appTagline')}</p>
        </div>
        {error && (
          <div className="banner banner-error" role="alert">
            {error}
          </div>
        )}
        <div className="start-grid">
          <section aria-labelledby="new-title" className="start-new">
            <h2 id="new-title" className="start-h2">
              {t('newFromTemplate')}
            </h2>
            <div className="template-grid">
              {templateIds().map((id) => (
                <TemplateCard
                  key={id}
                  template={getTemplate(id)}
                  busy={busy}
                  onCreate={(withExample) =>
                    run(() => createFromTemplate(platform, id, withExample, lang))
                  }
                />
              ))}
            </div>
          </section>
          <section aria-labelledby="recent-title" className="start-recent">
            <h2 id="recent-title" className="start-h2">
              {t('recentDocuments')}
            </h2>
            <div className="file-buttons">
              <button
                type="button"
                className="btn"
                onClick={() => openFile('linjaus')}
                disabled={busy}
              >
                <Icon name="file" /> {t('openFile')}
              </button>
              <button
                type="button"
                className="btn"
                onClick={() => openFile('json')}
                disabled={busy}
              >
                <Icon name="upload" /> {t('importJson')}
              </button>
              <JoinButton />
            </div>
            {recent && recent.length === 0 && <p className="empty-note">{t('noRecent')}</p>}
            <ul className="recent-list">
              {recent?.map((d) => (
                <li key={d.id} className="recent-item">
                  <a className="recent-link" href={`#/d/${d.id}`}>
                    <span className="recent-title">{d.title || t('untitled')}</span>
                    <span className="recent-meta">
                      {templateIds().includes(d.templateId)
                        ? getTemplate(d.templateId).name[lang]
                        : d.templateId}{' '}
                      · {t('edited', { date: formatDate(d.updatedAt) })}
                    </span>
                  </a>
                  <button
                    type="button"
                    className="icon-btn"
                    aria-label={`${t('removeDocument')}: ${d.title || t('untitled')}`}
                    title={t('removeDocument')}
                    onClick={async () => {
                      if (
                        !(await platform.dialogs.confirm(
                          t('confirmRemove', { title: d.title || t('untitled') }),
                        ))
                      )
                        return;
                      await platform.storage.remove(d.id);
                      await platform.recent.remove(d.id);
                      refresh();
                    }}
                  >
                    <Icon name="trash" />
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </main>
    </div>
  );
}
