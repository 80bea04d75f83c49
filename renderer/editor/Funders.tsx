/** The funders of a budget: name, share of the total (%), and the amount that share makes. */
import { useSyncExternalStore } from 'react';
import { addItem, type ItemId } from '../../core';
import { Icon } from '../app/Icon';
import { useI18n } from '../i18n/I18n';
import { useReadOnly, useSession } from '../session/hooks';
import { BoundNumber, BoundText } from './fields';
import { ItemActions } from './ItemActions';
import { focusSoon } from './labels';

export function Funders({
  section,
  funders,
  grand,
}: {
  section: ItemId;
  funders: ItemId[];
  grand: number;
}) {
  const session = useSession();
  const { t, formatMoney, formatNumber } = useI18n();
  const readOnly = useReadOnly();
  // A string snapshot: stable between changes, so useSyncExternalStore does not loop.
  const shares = useSyncExternalStore(session.store.subscribeAny, () =>
    funders.map((id) => session.store.item(id, 'funder')?.fields.share ?? 0).join(','),
  );
  const values = shares === '' ? [] : shares.split(',').map(Number);
  const total = values.reduce((s, v) => s + v, 0);
  return (
    <div className="funders">
      {funders.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{t('funders')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('funder')}</th>
                <th scope="col" className="num">
                  {t('share')}
                </th>
                <th scope="col" className="num">
                  {t('total')}
                </th>
                {!readOnly && (
                  <th scope="col">
                    <span className="sr-only">{t('more')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {funders.map((id, i) => (
                <tr key={id} data-item={id}>
                  <td>
                    <BoundText id={id} kind="funder" field="name" label={t('funder')} hideLabel />
                  </td>
                  <td className="w-num">
                    <BoundNumber id={id} kind="funder" field="share" label={t('share')} hideLabel />
                  </td>
                  <td className="num total-cell">
                    {formatMoney((grand * (values[i] ?? 0)) / 100)}
                  </td>
                  {!readOnly && (
                    <td className="w-actions">
                      <ItemActions id={id} name={t('funder')} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('total')}</th>
                <td className={`num total-cell ${Math.abs(total - 100) > 0.001 ? 'warn' : ''}`}>
                  {formatNumber(total, { maximumFractionDigits: 2 })} %
                </td>
                <td className="num total-cell">{formatMoney((grand * total) / 100)}</td>
                {!readOnly && <td />}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {!readOnly && (
        <button
          type="button"
          className="btn btn-add btn-add-quiet"
          onClick={() => {
            const id = session.structural(() => addItem(session.doc, 'funder', section));
            focusSoon(`[data-bound="${id}.name"]`);
          }}
        >
          <Icon name="plus" /> {t('addFunder')}
        </button>
      )}
    </div>
  );
}
