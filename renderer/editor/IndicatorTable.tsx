/** Indicators as an editable table: validated numbers and years, unit, direction, source. */
import { memo } from 'react';
import { addItem, IndicatorDirection, updateItem, type ItemId } from '../../core';
import { Icon } from '../app/Icon';
import { useI18n } from '../i18n/I18n';
import { useChildren, useItem, useReadOnly, useSession } from '../session/hooks';
import { BoundNumber, BoundText } from './fields';
import { ItemActions } from './ItemActions';
import { focusSoon, useLevelName } from './labels';

const IndicatorRow = memo(function IndicatorRow({ id }: { id: ItemId }) {
  const item = useItem(id, 'indicator');
  const session = useSession();
  const { t } = useI18n();
  const level = useLevelName();
  const readOnly = useReadOnly();
  if (!item) return null;
  const name =
    item.fields.name || t('untitledItem', { level: level('indicator').toLocaleLowerCase() });
  return (
    <tr data-item={id}>
      <td className="w-name">
        <BoundText
          id={id}
          kind="indicator"
          field="name"
          label={`${t('indicatorName')}`}
          hideLabel
        />
      </td>
      <td className="w-unit">
        <BoundText
          id={id}
          kind="indicator"
          field="unit"
          label={`${t('unit')}: ${name}`}
          hideLabel
        />
      </td>
      <td className="w-num">
        <BoundNumber
          id={id}
          kind="indicator"
          field="baselineValue"
          label={`${t('baseline')}: ${name}`}
          hideLabel
        />
      </td>
      <td className="w-year">
        <BoundNumber
          id={id}
          kind="indicator"
          field="baselineYear"
          label={`${t('baselineYear')}: ${name}`}
          hideLabel
          integerYear
        />
      </td>
      <td className="w-num">
        <BoundNumber
          id={id}
          kind="indicator"
          field="targetValue"
          label={`${t('target')}: ${name}`}
          hideLabel
        />
      </td>
      <td className="w-year">
        <BoundNumber
          id={id}
          kind="indicator"
          field="targetYear"
          label={`${t('targetYear')}: ${name}`}
          hideLabel
          integerYear
        />
      </td>
      <td className="w-dir">
        <select
          className="input"
          aria-label={`${t('direction')}: ${name}`}
          value={item.fields.direction}
          disabled={readOnly}
          onChange={(e) =>
            updateItem(session.doc, id, 'indicator', {
              direction: IndicatorDirection.parse(e.target.value),
            })
          }
        >
          <option value="higher">↑ {t('directionHigher')}</option>
          <option value="lower">↓ {t('directionLower')}</option>
        </select>
      </td>
      <td className="w-source">
        <BoundText
          id={id}
          kind="indicator"
          field="source"
          label={`${t('source')}: ${name}`}
          hideLabel
        />
      </td>
      {!readOnly && (
        <td className="w-actions">
          <ItemActions id={id} name={name} />
        </td>
      )}
    </tr>
  );
});

export function IndicatorTable({ parent, compact }: { parent: ItemId; compact?: boolean }) {
  const ids = useChildren(parent, 'indicator');
  const session = useSession();
  const { t } = useI18n();
  const level = useLevelName();
  const readOnly = useReadOnly();
  const add = () => {
    const id = session.structural(() => addItem(session.doc, 'indicator', parent));
    focusSoon(`[data-bound="${id}.name"]`);
  };
  return (
    <div className={`indicators ${compact ? 'indicators-compact' : ''}`}>
      {ids.length > 0 && (
        <div className="table-wrap">
          <table className="table table-indicators">
            <caption className="table-caption">{level('indicator', true)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicatorName')}</th>
                <th scope="col">{t('unit')}</th>
                <th scope="col" className="num">
                  {t('baseline')}
                </th>
                <th scope="col">{t('year')}</th>
                <th scope="col" className="num">
                  {t('target')}
                </th>
                <th scope="col">{t('year')}</th>
                <th scope="col">{t('direction')}</th>
                <th scope="col">{t('source')}</th>
                {!readOnly && (
                  <th scope="col">
                    <span className="sr-only">{t('more')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {ids.map((id) => (
                <IndicatorRow key={id} id={id} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!compact && ids.length === 0 && <p className="empty-note">{t('noIndicators')}</p>}
      {!readOnly && (
        <button type="button" className="btn btn-add btn-add-quiet" onClick={add}>
          <Icon name="plus" /> {t('addLevel', { level: level('indicator').toLocaleLowerCase() })}
        </button>
      )}
    </div>
  );
}
