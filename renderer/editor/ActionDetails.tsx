/** The responsible party, schedule, status and cost of an action. */
import { ActionStatus, type ItemId } from '../../core';
import { useI18n } from '../i18n/I18n';
import { useItem, useReadOnly, useSession } from '../session/hooks';
import { updateItem } from '../../core';
import { BoundDate, BoundNumber, BoundText } from './fields';
import { useId } from 'react';

export function ActionDetails({ id }: { id: ItemId }) {
  const item = useItem(id, 'action');
  const session = useSession();
  const { t } = useI18n();
  const statusId = useId();
  const readOnly = useReadOnly();
  if (!item) return null;
  return (
    <div className="action-details">
      <BoundText
        id={id}
        kind="action"
        field="responsible"
        label={t('responsible')}
        className="span-2"
      />
      <BoundDate id={id} kind="action" field="start" label={t('start')} />
      <BoundDate id={id} kind="action" field="end" label={t('end')} />
      <div className="fld">
        <label className="fld-label" htmlFor={statusId}>
          {t('status')}
        </label>
        <select
          id={statusId}
          className="input"
          value={item.fields.status}
          disabled={readOnly}
          onChange={(e) =>
            updateItem(session.doc, id, 'action', { status: ActionStatus.parse(e.target.value) })
          }
        >
          {ActionStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`actionStatus_${s}`)}
            </option>
          ))}
        </select>
      </div>
      <BoundNumber id={id} kind="action" field="cost" label={t('cost')} />
    </div>
  );
}
