/**
 * Data tables: indicators, actions, schedule, contacts (budget tables: budget.ts). Every table repeats
 * its header row on a new page (`headerRows`) and never splits a row (`dontBreakRows`); header
 * cells are TH with a column scope.
 */
import type { Action, Contact, Indicator, ScheduleEntry } from '../../model/schema';
import { formatCents, formatDate, formatNumber, formatPeriod, toCents } from '../format/numbers';
import { isEmptyRichText, richText } from './richText';
import { fitText } from './text';
import type { BuildContext, DocNode } from './types';

/** Thin horizontal rules only, brand-coloured header: the look of a printed report table. */
export function tableLayout(ctx: BuildContext): DocNode {
  const rule = ctx.colors.muted;
  return {
    hLineWidth: (i: number, node: { table: { body: unknown[]; headerRows?: number } }) =>
      i === 0 || i === node.table.body.length
        ? 0.8
        : i === (node.table.headerRows ?? 0)
          ? 0.8
          : 0.3,
    vLineWidth: () => 0,
    hLineColor: (i: number) => (i === 0 ? ctx.colors.primary : rule),
    paddingLeft: () => 5,
    paddingRight: () => 5,
    paddingTop: () => 4,
    paddingBottom: () => 4,
  };
}

export const th = (
  ctx: BuildContext,
  text: string,
  alignment: 'left' | 'right' = 'left',
): DocNode => ({
  text,
  role: 'TH',
  scope: 'Column',
  style: 'th',
  alignment,
  fillColor: ctx.colors.tint,
});
export const td = (
  ctx: BuildContext,
  text: string,
  where: string,
  props: DocNode = {},
): DocNode => ({
  text: fitText(ctx, text, where),
  role: 'TD',
  style: 'td',
  ...props,
});

/** A tagged table with one repeated header row. */
export function dataTable(
  ctx: BuildContext,
  header: DocNode[],
  rows: DocNode[][],
  widths: (number | string)[],
  extra: DocNode = {},
): DocNode {
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths,
      body: [header, ...rows],
    },
    layout: tableLayout(ctx),
    role: 'Table',
    style: 'table',
    ...extra,
  };
}

function valueWithYear(ctx: BuildContext, value: number | null, year: number | null): string {
  if (value === null) return '–';
  const v = formatNumber(value, ctx.language);
  return year === null ? v : `${v} (${year})`;
}

/** The indicator table: indicator, unit, baseline (year), target (year), source. */
export function indicatorTable(
  ctx: BuildContext,
  indicators: readonly Indicator[],
  where: string,
): DocNode {
  const l = ctx.labels;
  const rows = indicators.map((ind) => {
    const at = `${where} › ${ind.name}`;
    return [
      td(ctx, ind.name, at),
      td(ctx, ind.unit, at),
      td(ctx, valueWithYear(ctx, ind.baselineValue, ind.baselineYear), at, { alignment: 'right' }),
      td(ctx, valueWithYear(ctx, ind.targetValue, ind.targetYear), at, { alignment: 'right' }),
      td(ctx, ind.source, at, { style: 'tdSmall' }),
    ];
  });
  return dataTable(
    ctx,
    [
      th(ctx, l.indicator),
      th(ctx, l.unit),
      th(ctx, l.baseline, 'right'),
      th(ctx, l.target, 'right'),
      th(ctx, l.source),
    ],
    rows,
    ['*', 50, 62, 62, 80],
  );
}

function schedule(ctx: BuildContext, start: string | null, end: string | null): string {
  return formatPeriod(start, end, ctx.language) || '–';
}

/** The action table: action (with its description), responsible, schedule, status, estimated cost. */
export function actionTable(
  ctx: BuildContext,
  actions: readonly Action[],
  where: string,
  heading: string,
): DocNode {
  const l = ctx.labels;
  // The estimated cost gets a column when any action of the table has one.
  const withCost = actions.some((a) => a.cost !== null);
  const rows = actions.map((a) => {
    const at = `${where} › ${a.title}`;
    const first: DocNode = isEmptyRichText(a.description)
      ? td(ctx, a.title, at, { bold: true })
      : {
          stack: [
            { text: fitText(ctx, a.title, at), role: 'P', bold: true },
            richText(ctx, a.description, at, 4),
          ],
          role: 'TD',
          style: 'td',
        };
    const cells = [
      first,
      td(ctx, a.responsible, at),
      td(ctx, schedule(ctx, a.start, a.end), at),
      td(ctx, l.actionStatus[a.status], at),
    ];
    if (withCost)
      cells.push(
        td(ctx, a.cost === null ? '–' : formatCents(toCents(a.cost), ctx.language), at, {
          alignment: 'right',
          noWrap: true,
        }),
      );
    return cells;
  });
  const header = [
    th(ctx, heading),
    th(ctx, l.responsible),
    th(ctx, l.schedule),
    th(ctx, l.statusHeader),
  ];
  if (withCost) header.push(th(ctx, l.cost, 'right'));
  return dataTable(ctx, header, rows, withCost ? ['*', 82, 64, 52, 'auto'] : ['*', 95, 70, 58]);
}

/** The schedule table: phase (with description) and its dates. */
export function scheduleTable(
  ctx: BuildContext,
  entries: readonly ScheduleEntry[],
  where: string,
  heading: string,
): DocNode {
  const rows = entries.map((e) => {
    const at = `${where} › ${e.title}`;
    const first: DocNode = isEmptyRichText(e.description)
      ? td(ctx, e.title, at, { bold: true })
      : {
          stack: [
            { text: fitText(ctx, e.title, at), role: 'P', bold: true },
            richText(ctx, e.description, at, 4),
          ],
          role: 'TD',
          style: 'td',
        };
    const when = [e.start, e.end]
      .filter((d): d is string => d !== null)
      .map((d) => formatDate(d, ctx.language));
    return [first, td(ctx, when.join('–') || '–', at, { noWrap: true })];
  });
  return dataTable(ctx, [th(ctx, heading), th(ctx, ctx.labels.schedule)], rows, ['*', 'auto']);
}

/** The contacts table: name, role, email (a mailto link), phone. */
export function contactTable(
  ctx: BuildContext,
  contacts: readonly Contact[],
  where: string,
): DocNode {
  const l = ctx.labels;
  const rows = contacts.map((c) => {
    const at = `${where} › ${c.name}`;
    const email: DocNode = c.email
      ? {
          text: [
            {
              text: fitText(ctx, c.email, at),
              link: `mailto:${c.email}`,
              color: ctx.colors.primary,
            },
          ],
          role: 'TD',
          style: 'td',
        }
      : td(ctx, '', at);
    return [
      td(ctx, c.name, at, { bold: true }),
      td(ctx, c.title, at),
      email,
      td(ctx, c.phone, at, { noWrap: true }),
    ];
  });
  return dataTable(
    ctx,
    [th(ctx, l.name), th(ctx, l.role), th(ctx, l.email), th(ctx, l.phone)],
    rows,
    ['*', '*', 'auto', 'auto'],
  );
}
