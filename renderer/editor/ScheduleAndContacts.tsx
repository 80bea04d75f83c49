/** The schedule's phases and the document's contacts. */
import { memo } from 'react';
import { addItem, type ItemId } from '../../core';
import { Icon } from '../app/Icon';
import { useI18n } from '../i18n/I18n';
import { useChildren, useItem, useReadOnly, useSession } from '../session/hooks';
import { Field } from './Field';
import { BoundDate, BoundText } from './fields';
import { ItemActions } from './ItemActions';
import { focusSoon } from './labels';

const ScheduleEntryCard = memo(function ScheduleEntryCard({ id, n }: { id: ItemId; n: number }) {
  const item = useItem(id, 'scheduleEntry');
  const { t } = useI18n();
  if (!item) return null;
  const name = item.fields.title || `${t('scheduleEntry')} ${n}`;
  return (
    <section className="card card-goal" data-item={id} aria-label={name}>
      <header className="card-head">
        <span className="card-num">{n}</span>
        <BoundText
          id={id}
          kind="scheduleEntry"
          field="title"
          label={`${t('title')} ${n}`}
          hideLabel
          className="grow"
          inputClassName="title-input title-goal"
        />
        <ItemActions id={id} name={name} />
      </header>
      <div className="action-details">
        <BoundDate id={id} kind="scheduleEntry" field="start" label={t('start')} />
        <BoundDate id={id} kind="scheduleEntry" field="end" label={t('end')} />
      </div>
      <Field
        id={id}
        field="description"
        label={`${t('description')}: ${name}`}
        placeholder=""
        variant="compact"
      />
    </section>
  );
});

export function ScheduleList({ section }: { section: ItemId }) {
  const ids = useChildren(section, 'scheduleEntry');
  const session = useSession();
  const readOnly = useReadOnly();
  const { t } = useI18n();
  return (
    <div className="card-list">
      {ids.map((id, i) => (
        <ScheduleEntryCard key={id} id={id} n={i + 1} />
      ))}
      {!readOnly && (
        <button
          type="button"
          className="btn btn-add"
          onClick={() => {
            const id = session.structural(() => addItem(session.doc, 'scheduleEntry', section));
            focusSoon(`[data-bound="${id}.title"]`);
          }}
        >
          <Icon name="plus" /> {t('addLevel', { level: t('scheduleEntry') })}
        </button>
      )}
    </div>
  );
}

const ContactRow = memo(function ContactRow({ id }: { id: ItemId }) {
  const item = useItem(id, 'contact');
  const { t } = useI18n();
  if (!item) return null;
  return (
    <div className="contact-row" data-item={id}>
      <BoundText id={id} kind="contact" field="name" label={t('contactName')} />
      <BoundText id={id} kind="contact" field="title" label={t('contactTitle')} />
      <BoundText id={id} kind="contact" field="email" label={t('email')} />
      <BoundText id={id} kind="contact" field="phone" label={t('phone')} />
      <ItemActions id={id} name={item.fields.name || t('contactName')} />
    </div>
  );
});

export function ContactsList() {
  const ids = useChildren(null, 'contact');
  const session = useSession();
  const readOnly = useReadOnly();
  const { t } = useI18n();
  return (
    <div className="contacts">
      {ids.map((id) => (
        <ContactRow key={id} id={id} />
      ))}
      {!readOnly && (
        <button
          type="button"
          className="btn btn-add btn-add-quiet"
          onClick={() => {
            const id = session.structural(() => addItem(session.doc, 'contact', null));
            focusSoon(`[data-bound="${id}.name"]`);
          }}
        >
          <Icon name="plus" /> {t('addContact')}
        </button>
      )}
    </div>
  );
}
