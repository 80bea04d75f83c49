/**
 * The theme-structure figure: the vision as a roof over the themes as pillars, each pillar
 * listing its goals, in brand colours. Drawn as vector shapes with real text, tagged as one
 * Figure with a generated text alternative.
 */
import type { Programme, RichText, Theme } from '../../model/schema';
import { plainText } from './richText';
import { PAGE_SIZES } from './styles';
import { fitText } from './text';
import type { BuildContext, DocNode } from './types';

const MAX_GOALS_SHOWN = 6;
const MAX_LABEL = 120;
const PILLARS_PER_ROW = 4;

const MAX_ROOF = 200;

const shorten = (s: string, max = MAX_LABEL): string =>
  s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;

/** The first sentence-ish of a rich-text field, for the roof of the figure. */
export function summary(text: RichText): string {
  for (const block of text) {
    if (block.type === 'list') continue;
    const t = plainText(block.children).trim();
    if (t) return t;
  }
  return '';
}

function goalsCell(ctx: BuildContext, theme: Theme): DocNode {
  const goals: DocNode[] = theme.goals.slice(0, MAX_GOALS_SHOWN).map((g) => ({
    text: fitText(ctx, shorten(g.title), `figure › ${theme.title}`),
    style: 'figureGoal',
    margin: [0, 0, 0, 5],
  }));
  if (theme.goals.length > MAX_GOALS_SHOWN)
    goals.push({ text: `+ ${theme.goals.length - MAX_GOALS_SHOWN}`, style: 'figureGoal' });
  return {
    stack: goals.length ? goals : [{ text: '' }],
    fillColor: ctx.colors.tint,
    margin: [2, 6, 2, 2],
  };
}

/**
 * One row of pillars as a single table, so every pillar in the row is as tall as the tallest:
 * a coloured capital with the theme's name, a shaft listing its goals, a coloured base.
 */
function pillarRow(
  ctx: BuildContext,
  themes: readonly Theme[],
  first: number,
  columns: number,
): DocNode {
  const palette = ctx.input.brand.kit.themePalette;
  const colour = (i: number): string => palette[(first + i) % palette.length] ?? ctx.colors.primary;
  const pad = (cells: DocNode[]): DocNode[] => [
    ...cells,
    ...Array.from({ length: columns - cells.length }, () => ({ text: '' })),
  ];
  const capitals = themes.map((t, i) => ({
    text: fitText(ctx, `${first + i + 1}  ${shorten(t.title)}`, `figure › ${t.title}`, {}, true),
    style: 'figurePillar',
    fillColor: colour(i),
    margin: [2, 6, 2, 6],
  }));
  const shafts = themes.map((t) => goalsCell(ctx, t));
  const bases = themes.map((_, i) => ({
    text: '',
    fillColor: colour(i),
    fontSize: 3,
    lineHeight: 1,
  }));
  return {
    table: {
      widths: Array.from({ length: columns }, () => '*'),
      body: [pad(capitals), pad(shafts), pad(bases)],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (i === 0 || i === columns ? 0 : 8),
      vLineColor: () => '#ffffff',
      paddingLeft: () => 4,
      paddingRight: () => 4,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
    margin: [0, 8, 0, 0],
  };
}

/** Alt text: the vision and every theme with its goals, in words. */
export function figureAlt(ctx: BuildContext, vision: string, themes: readonly Theme[]): string {
  return ctx.labels.figureAlt(
    vision,
    themes.map((t) => ({ title: t.title, goals: t.goals.map((g) => g.title) })),
  );
}

/** The figure, or null when there are no themes to draw. */
export function themeFigure(
  ctx: BuildContext,
  programme: Programme,
  themes: readonly Theme[],
): DocNode | null {
  if (themes.length === 0) return null;
  const visionSection = programme.sections.find((s) => s.kind === 'vision');
  const vision = visionSection ? summary(visionSection.body) : '';
  const rows: DocNode[] = [];
  const columns = Math.min(PILLARS_PER_ROW, themes.length);
  for (let start = 0; start < themes.length; start += PILLARS_PER_ROW) {
    rows.push(pillarRow(ctx, themes.slice(start, start + PILLARS_PER_ROW), start, columns));
  }
  const [left, , right] = ctx.input.brand.kit.page.margins;
  const width = PAGE_SIZES[ctx.input.brand.kit.page.size].width - left - right;
  // The roof: a low pediment over a band that carries the vision.
  const pediment: DocNode = {
    canvas: [
      {
        type: 'polyline',
        closePath: true,
        color: ctx.colors.primary,
        points: [
          { x: 0, y: 22 },
          { x: width / 2, y: 0 },
          { x: width, y: 22 },
        ],
      },
    ],
  };
  const roof: DocNode = {
    table: {
      widths: ['*'],
      body: [
        [
          {
            text: fitText(ctx, shorten(vision, MAX_ROOF) || ' ', 'figure › vision', {}, true),
            style: 'figureRoof',
            fillColor: ctx.colors.primary,
            margin: [28, 4, 28, 12],
          },
        ],
      ],
    },
    layout: 'noBorders',
  };
  return {
    stack: [pediment, roof, ...rows],
    role: 'Figure',
    alt: figureAlt(ctx, vision, themes),
    unbreakable: true,
    margin: [0, 6, 0, 16],
  };
}
