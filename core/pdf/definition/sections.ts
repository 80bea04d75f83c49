/**
 * The chapters of the document, one per programme section, in the template's words.
 */
import type { Programme, Section, SectionOf, Theme } from '../../model/schema';
import { levelName, sectionTitle } from '../../templates/labels';
import { approvalLine } from '../format/approval';
import { themeFigure } from './figure';
import { heading, keepWithNext } from './headings';
import { isEmptyRichText, richText } from './richText';
import { actionTable, contactTable, indicatorTable, scheduleTable } from './tables';
import { budgetTable, budgetTotals, funderTable } from './budget';
import type { BuildContext, DocNode } from './types';

function subheading(text: string): DocNode {
  return { text, role: 'P', style: 'subheading' };
}

/**
 * A highlighted statement (vision, target state): the field's first paragraph large in a tinted
 * box with a brand-coloured bar; the rest of the field follows as ordinary text.
 */
function statement(ctx: BuildContext, section: Section, where: string, colour: string): DocNode[] {
  const [first, ...rest] = section.body;
  if (!first || first.type !== 'paragraph') return [richText(ctx, section.body, where, 1)];
  const lead = richText(ctx, [first], where, 1);
  return [
    {
      table: {
        widths: [5, '*'],
        body: [
          [
            { text: '', fillColor: colour },
            { ...lead, style: 'statement', fillColor: ctx.colors.tint, margin: [16, 14, 16, 8] },
          ],
        ],
        dontBreakRows: true,
      },
      layout: 'noBorders',
      margin: [0, 4, 0, 14],
    },
    richText(ctx, rest, where, 1),
  ];
}

function themeChapter(
  ctx: BuildContext,
  theme: Theme,
  number: string,
  parentId: string,
): DocNode[] {
  const t = ctx.input.template;
  const lang = ctx.language;
  const h = heading(ctx, 2, number, theme.title, parentId);
  const out: DocNode[] = [
    {
      stack: keepWithNext(h, richText(ctx, theme.description, theme.title, 2)),
      pageBreak: 'before',
    },
  ];
  if (theme.indicators.length > 0) {
    out.push(
      subheading(levelName(t, 'indicator', lang, true)),
      indicatorTable(ctx, theme.indicators, theme.title),
    );
  }
  theme.goals.forEach((goal, i) => {
    const goalNumber = `${number}.${i + 1}`;
    const where = `${theme.title} › ${goal.title}`;
    const gh = heading(ctx, 3, goalNumber, goal.title, h.id);
    out.push(...keepWithNext(gh, richText(ctx, goal.description, where, 3)));
    if (goal.actions.length > 0)
      out.push(actionTable(ctx, goal.actions, where, levelName(t, 'action', lang, false)));
    if (goal.indicators.length > 0) out.push(indicatorTable(ctx, goal.indicators, where));
  });
  return out;
}

function sectionContent(
  ctx: BuildContext,
  programme: Programme,
  section: Section,
  title: string,
  number: string,
  id: string,
): DocNode[] {
  const l = ctx.labels;
  switch (section.kind) {
    case 'vision':
      return statement(ctx, section, title, ctx.colors.primary);
    case 'targetState':
      return statement(ctx, section, title, ctx.colors.secondary);
    case 'richText':
    case 'contacts':
      return [];
    case 'themes': {
      const figure = themeFigure(ctx, programme, section.themes);
      return [
        ...(figure ? [figure] : []),
        ...section.themes.flatMap((th, i) => themeChapter(ctx, th, `${number}.${i + 1}`, id)),
      ];
    }
    case 'indicators':
      return section.indicators.length ? [indicatorTable(ctx, section.indicators, title)] : [];
    case 'budget':
      return budgetContent(ctx, section, title);
    case 'schedule':
      return section.entries.length ? [scheduleTable(ctx, section.entries, title, l.schedule)] : [];
  }
}

function budgetContent(ctx: BuildContext, section: SectionOf<'budget'>, title: string): DocNode[] {
  const out: DocNode[] = [];
  if (section.lines.length)
    out.push(subheading(ctx.labels.budget), budgetTable(ctx, section.lines, title));
  if (section.funders.length) {
    out.push(
      subheading(ctx.labels.funders),
      funderTable(
        ctx,
        section.funders,
        budgetTotals(section.lines).total,
        `${title} › ${ctx.labels.funders}`,
      ),
    );
  }
  return out;
}

/** The approval and contacts block that closes the document. */
export function approvalBlock(ctx: BuildContext, programme: Programme): DocNode[] {
  const out: DocNode[] = [];
  const meta = programme.meta;
  out.push(subheading(ctx.labels.approval));
  const line =
    meta.status === 'approved' && meta.approval ? approvalLine(meta.approval, ctx.language) : '';
  out.push({
    text: line || `${ctx.labels.status[meta.status]}. ${ctx.labels.notApproved}`,
    role: 'P',
    style: 'p',
  });
  if (programme.contacts.length)
    out.push(
      subheading(ctx.labels.contacts),
      contactTable(ctx, programme.contacts, ctx.labels.contacts),
    );
  return out;
}

/** All chapters: numbered H1 per section; the contacts section (or a last chapter) carries the approval. */
export function chapters(ctx: BuildContext, programme: Programme): DocNode[] {
  const out: DocNode[] = [];
  let hasApproval = false;
  programme.sections.forEach((section, i) => {
    const number = String(i + 1);
    const title = sectionTitle(ctx.input.template, section, ctx.language);
    const h = heading(ctx, 1, number, title);
    const highlighted = section.kind === 'vision' || section.kind === 'targetState';
    const body =
      highlighted || isEmptyRichText(section.body)
        ? { stack: [] }
        : richText(ctx, section.body, title, 1);
    const content = sectionContent(ctx, programme, section, title, number, h.id);
    if (section.kind === 'contacts') {
      content.push(...approvalBlock(ctx, programme));
      hasApproval = true;
    }
    const breakBefore =
      i === 0 ||
      section.kind === 'themes' ||
      section.kind === 'budget' ||
      section.kind === 'contacts';
    out.push({
      stack: [...keepWithNext(h, body), ...content],
      role: 'Sect',
      ...(breakBefore ? { pageBreak: 'before' } : { margin: [0, 18, 0, 0] }),
    });
  });
  if (!hasApproval && (programme.meta.approval || programme.contacts.length > 0)) {
    const number = String(programme.sections.length + 1);
    const h = heading(ctx, 1, number, ctx.labels.approval);
    out.push({ stack: [h, ...approvalBlock(ctx, programme)], role: 'Sect', pageBreak: 'before' });
  }
  return out;
}
