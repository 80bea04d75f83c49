/** One section of the document: its title, word count, introductory text and its own content. */
import { memo } from 'react';
import { sectionGuidance, sectionTitle, type ItemId } from '../../core';
import { useI18n } from '../i18n/I18n';
import { useItem, useSession } from '../session/hooks';
import { BudgetSection } from './BudgetSection';
import { Field } from './Field';
import { IndicatorTable } from './IndicatorTable';
import { useDocLanguage } from './labels';
import { ContactsList, ScheduleList } from './ScheduleAndContacts';
import { ThemesList } from './ThemeCards';
import { useWordCount } from './useWordCount';

export const SectionView = memo(function SectionView({ id, n }: { id: ItemId; n: number }) {
  const item = useItem(id, 'section');
  const { template } = useSession();
  const { t, lang, formatNumber } = useI18n();
  const docLang = useDocLanguage();
  const words = useWordCount(id);
  if (!item) return null;
  const { sectionKind, key } = item.fields;
  const title = sectionTitle(template, item.fields, docLang);
  const guidance = sectionGuidance(template, key, lang);
  const statement = sectionKind === 'vision' || sectionKind === 'targetState';
  return (
    <section
      className={`doc-section section-${sectionKind}`}
      data-item={id}
      aria-labelledby={`h-${id}`}
      id={`s-${id}`}
    >
      <header className="section-head">
        <h2 id={`h-${id}`} className="section-title">
          <span className="section-num" aria-hidden="true">
            {n}
          </span>
          {title}
        </h2>
        <span className="word-count" data-testid={`words-${id}`}>
          {t('words', { count: formatNumber(words) })}
        </span>
      </header>
      {statement ? (
        <div className="statement">
          <span className="statement-label">
            {sectionKind === 'vision' ? t('vision') : t('targetState')}
          </span>
          <Field id={id} field="body" label={title} placeholder={guidance} variant="statement" />
        </div>
      ) : (
        <Field id={id} field="body" label={title} placeholder={guidance} />
      )}
      {sectionKind === 'themes' && <ThemesList section={id} />}
      {sectionKind === 'indicators' && <IndicatorTable parent={id} />}
      {sectionKind === 'budget' && <BudgetSection section={id} />}
      {sectionKind === 'schedule' && <ScheduleList section={id} />}
      {sectionKind === 'contacts' && <ContactsList />}
    </section>
  );
});
