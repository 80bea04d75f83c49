/** The document in the middle: its title block and every section in order. */
import { useI18n } from '../i18n/I18n';
import { useChildren, useMeta } from '../session/hooks';
import { SectionView } from './SectionView';

export function DocumentView() {
  const sections = useChildren(null, 'section');
  const meta = useMeta();
  const { t } = useI18n();
  return (
    <article className="doc-page" aria-label={t('document')} lang={meta.languages[0] ?? 'fi'}>
      <header className="doc-header">
        {meta.organisations.length > 0 && (
          <p className="doc-org">{meta.organisations.join(' · ')}</p>
        )}
        <h1 className="doc-h1">{meta.title || t('untitled')}</h1>
        {meta.subtitle && <p className="doc-subtitle">{meta.subtitle}</p>}
        <p className="doc-badges">
          <span className={`badge badge-${meta.status}`}>{t(`docStatus_${meta.status}`)}</span>
          {(meta.periodStart || meta.periodEnd) && (
            <span className="badge">
              {meta.periodStart ?? '…'}–{meta.periodEnd ?? '…'}
            </span>
          )}
        </p>
      </header>
      {sections.map((id, i) => (
        <SectionView key={id} id={id} n={i + 1} />
      ))}
    </article>
  );
}
