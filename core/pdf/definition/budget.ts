/**
 * Budget tables for project plans: per-year and total columns computed in cents (the two ways
 * of adding up are checked against each other), and funders with their shares and amounts that
 * add up exactly.
 */
import type { BudgetLine, Funder } from '../../model/schema';
import { formatCents, formatPercent, toCents } from '../format/numbers';
import { dataTable, td, th } from './tables';
import type { BuildContext, DocNode } from './types';

/** Budget years in order, from every line's amounts. */
export function budgetYears(lines: readonly BudgetLine[]): string[] {
  return [...new Set(lines.flatMap((l) => Object.keys(l.amounts)))].sort();
}

/** Totals in cents: per line, per year and overall; the two ways of adding up must agree. */
export function budgetTotals(lines: readonly BudgetLine[]): {
  years: string[];
  lineTotals: number[];
  yearTotals: number[];
  total: number;
} {
  const years = budgetYears(lines);
  const lineTotals = lines.map((l) =>
    years.reduce((sum, y) => sum + toCents(l.amounts[y] ?? 0), 0),
  );
  const yearTotals = years.map((y) =>
    lines.reduce((sum, l) => sum + toCents(l.amounts[y] ?? 0), 0),
  );
  const total = lineTotals.reduce((a, b) => a + b, 0);
  const byYears = yearTotals.reduce((a, b) => a + b, 0);
  if (total !== byYears)
    throw new Error(`Budget totals disagree: ${total} by lines, ${byYears} by years (cents).`);
  return { years, lineTotals, yearTotals, total };
}

/** The budget table: category, one column per year, total; a bold total row. */
export function budgetTable(
  ctx: BuildContext,
  lines: readonly BudgetLine[],
  where: string,
): DocNode {
  const l = ctx.labels;
  const { years, lineTotals, yearTotals, total } = budgetTotals(lines);
  const money = (cents: number): string => formatCents(cents, ctx.language);
  const rows: DocNode[][] = lines.map((line, i) => [
    td(ctx, line.category, `${where} › ${line.category}`),
    ...years.map((y) =>
      td(ctx, money(toCents(line.amounts[y] ?? 0)), where, { alignment: 'right', noWrap: true }),
    ),
    td(ctx, money(lineTotals[i] ?? 0), where, { alignment: 'right', bold: true, noWrap: true }),
  ]);
  rows.push([
    {
      text: l.total,
      role: 'TH',
      scope: 'Row',
      style: 'td',
      bold: true,
      fillColor: ctx.colors.tint,
    },
    ...yearTotals.map((c) =>
      td(ctx, money(c), where, {
        alignment: 'right',
        bold: true,
        fillColor: ctx.colors.tint,
        noWrap: true,
      }),
    ),
    td(ctx, money(total), where, {
      alignment: 'right',
      bold: true,
      fillColor: ctx.colors.tint,
      noWrap: true,
    }),
  ]);
  return dataTable(
    ctx,
    [th(ctx, l.category), ...years.map((y) => th(ctx, y, 'right')), th(ctx, l.total, 'right')],
    rows,
    ['*', ...years.map(() => 'auto'), 'auto'],
  );
}

/**
 * Each funder's amount from its share of the total, in cents, distributed so the amounts add
 * up to exactly the shared part of the total (largest remainder).
 */
export function funderAmounts(funders: readonly Funder[], totalCents: number): number[] {
  const exact = funders.map((f) => (totalCents * f.share) / 100);
  const floors = exact.map(Math.floor);
  const shareSum = funders.reduce((a, f) => a + f.share, 0);
  const target = Math.round((totalCents * shareSum) / 100);
  let remaining = target - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (remaining <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    remaining--;
  }
  return floors;
}

/** The funders table: funder, share, amount; a total row. Warns when the shares do not add up to 100 %. */
export function funderTable(
  ctx: BuildContext,
  funders: readonly Funder[],
  totalCents: number,
  where: string,
): DocNode {
  const l = ctx.labels;
  const amounts = funderAmounts(funders, totalCents);
  const shareSum = funders.reduce((a, f) => a + f.share, 0);
  if (funders.length > 0 && Math.abs(shareSum - 100) > 1e-9) {
    ctx.warnings.push({
      code: 'budget-mismatch',
      message: `Funders' shares add up to ${formatPercent(shareSum, ctx.language)}, not 100 %.`,
      where,
    });
  }
  const rows: DocNode[][] = funders.map((f, i) => [
    td(ctx, f.name, `${where} › ${f.name}`),
    td(ctx, formatPercent(f.share, ctx.language), where, { alignment: 'right', noWrap: true }),
    td(ctx, formatCents(amounts[i] ?? 0, ctx.language), where, {
      alignment: 'right',
      noWrap: true,
    }),
  ]);
  rows.push([
    {
      text: l.total,
      role: 'TH',
      scope: 'Row',
      style: 'td',
      bold: true,
      fillColor: ctx.colors.tint,
    },
    td(ctx, formatPercent(shareSum, ctx.language), where, {
      alignment: 'right',
      bold: true,
      fillColor: ctx.colors.tint,
      noWrap: true,
    }),
    td(
      ctx,
      formatCents(
        amounts.reduce((a, b) => a + b, 0),
        ctx.language,
      ),
      where,
      { alignment: 'right', bold: true, fillColor: ctx.colors.tint, noWrap: true },
    ),
  ]);
  return dataTable(
    ctx,
    [th(ctx, l.funder), th(ctx, l.share, 'right'), th(ctx, l.amount, 'right')],
    rows,
    ['*', 60, 'auto'],
  );
}
