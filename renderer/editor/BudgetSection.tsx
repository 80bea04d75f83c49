/** The budget: cost categories by year with live totals, and the funders' shares. */
import { useCallback, useRef, useState, useSyncExternalStore } from 'react';
import { addItem, budgetAmounts, setBudgetAmount, ModelError, type ItemId } from '../../core';
import { Icon } from '../app/Icon';
import { parseLocaleNumber, useI18n } from '../i18n/I18n';
import { useChildren, useMeta, useReadOnly, useSession } from '../session/hooks';
import { BoundText, ValidatedInput } from './fields';
import { Funders } from './Funders';
import { ItemActions } from './ItemActions';
import { focusSoon } from './labels';

type Amounts = Record<ItemId, Record<string, number>>;

/** Amounts of all lines, as one value that changes identity only when an amount changes. */
function useAmounts(lines: ItemId[]): Amounts {
  const session = useSession();
  const cache = useRef<{ key: string; value: Amounts } | null>(null);
  const get = useCallback(() => {
    const value: Amounts = {};
    for (const id of lines) value[id] = budgetAmounts(session.doc, id);
    const key = JSON.stringify(value);
    if (cache.current?.key !== key) cache.current = { key, value };
    return cache.current.value;
  }, [session, lines]);
  return useSyncExternalStore(session.store.subscribeAny, get);
}

function periodYears(start: string | null, end: string | null): string[] {
  const a = start ? Number(start.slice(0, 4)) : NaN;
  const b = end ? Number(end.slice(0, 4)) : NaN;
  if (!Number.isFinite(a) || !Number.isFinite(b) || b < a || b - a > 10) return [];
  return Array.from({ length: b - a + 1 }, (_, i) => String(a + i));
}

export function BudgetSection({ section }: { section: ItemId }) {
  const session = useSession();
  const { t, formatMoney, formatNumber } = useI18n();
  const lines = useChildren(section, 'budgetLine');
  const funders = useChildren(section, 'funder');
  const amounts = useAmounts(lines);
  const [extraYears, setExtraYears] = useState<string[]>([]);
  const meta = useMeta();
  const readOnly = useReadOnly();
  const years = [
    ...new Set([
      ...periodYears(meta.periodStart, meta.periodEnd),
      ...Object.values(amounts).flatMap((a) => Object.keys(a)),
      ...extraYears,
    ]),
  ].sort();
  if (years.length === 0) years.push(String(new Date().getFullYear()));
  const rowTotal = (id: ItemId) => Object.values(amounts[id] ?? {}).reduce((s, v) => s + v, 0);
  const colTotal = (y: string) => lines.reduce((s, id) => s + (amounts[id]?.[y] ?? 0), 0);
  const grand = lines.reduce((s, id) => s + rowTotal(id), 0);
  const addLine = () => {
    const id = session.structural(() => addItem(session.doc, 'budgetLine', section));
    focusSoon(`[data-bound="${id}.category"]`);
  };
  const addYear = () => {
    const last = Number(years[years.length - 1]);
    setExtraYears((ys) => [...ys, String(last + 1)]);
  };
  return (
    <div className="budget">
      <div className="table-wrap">
        <table className="table table-budget">
          <caption className="table-caption">{t('category')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('category')}</th>
              {years.map((y) => (
                <th scope="col" key={y} className="num">
                  {y}
                </th>
              ))}
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
            {lines.map((id) => (
              <tr key={id} data-item={id}>
                <td>
                  <BoundText
                    id={id}
                    kind="budgetLine"
                    field="category"
                    label={t('category')}
                    hideLabel
                  />
                </td>
                {years.map((y) => (
                  <td key={y} className="w-money">
                    <ValidatedInput
                      value={
                        amounts[id]?.[y] !== undefined
                          ? formatNumber(amounts[id]![y]!, {
                              maximumFractionDigits: 2,
                              useGrouping: false,
                            })
                          : ''
                      }
                      label={`${y}`}
                      hideLabel
                      inputMode="decimal"
                      align="end"
                      parse={(s) => {
                        if (s.trim() === '') return { ok: true, value: null };
                        const n = parseLocaleNumber(s);
                        return n === null || n < 0 ? { ok: false } : { ok: true, value: n };
                      }}
                      commit={(v) => {
                        try {
                          setBudgetAmount(session.doc, id, y, v as number | null);
                          return null;
                        } catch (e) {
                          if (e instanceof ModelError) return e.message;
                          throw e;
                        }
                      }}
                      errorText={t('invalidNumber')}
                    />
                  </td>
                ))}
                <td className="num total-cell" data-total-row={id}>
                  {formatMoney(rowTotal(id))}
                </td>
                {!readOnly && (
                  <td className="w-actions">
                    <ItemActions id={id} name={t('budgetLine')} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('total')}</th>
              {years.map((y) => (
                <td key={y} className="num total-cell">
                  {formatMoney(colTotal(y))}
                </td>
              ))}
              <td className="num total-cell grand-total" data-testid="budget-total">
                {formatMoney(grand)}
              </td>
              {!readOnly && <td />}
            </tr>
          </tfoot>
        </table>
      </div>
      {!readOnly && (
        <div className="row-buttons">
          <button type="button" className="btn btn-add" onClick={addLine}>
            <Icon name="plus" /> {t('addLevel', { level: t('budgetLine') })}
          </button>
          <button type="button" className="btn btn-add btn-add-quiet" onClick={addYear}>
            <Icon name="plus" /> {t('addYear')}
          </button>
        </div>
      )}
      <h3 className="subhead">{t('funders')}</h3>
      <Funders section={section} funders={funders} grand={grand} />
    </div>
  );
}
