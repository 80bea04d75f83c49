/**
 * The theme-structure figure: the vision as a roof over the themes as pillars, each pillar
 * listing its goals, in brand colours. Drawn as vector shapes with real text, tagged as one
 * Figure with a generated text alternative.
 */
import type { Programme, RichText, Theme } from '../../model/schema';
import { plainText } from './richText';
import { fitText } from './text';
import type { BuildContext, DocNode } from './types';

const MAX_GOALS_SHOWN = 6;
const MAX_LABEL = 90;
const PILLARS_PER_ROW = 4;

const shorten = (s: string): string =>
  s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1).trimEnd()}…` : s;

/** The first sentence-ish of a rich-text field, for the roof of the figure. */
export function summary(text: RichText): string {
  for (const block of text) {
    if (block.type === 'list') continue;
    const t = plainText(block.children).trim();
    if (t) return t;
  }
  return '';
}

function pillar(ctx: BuildContext, theme: Theme, colour: string, index: number): DocNode {
  const goals = theme.goals.slice(0, MAX_GOALS_SHOWN).map((g) => ({
    text: fitText(ctx, shorten(g.title), `figure › ${theme.title}`),
    style: 'figureGoal',
    margin: [0, 0, 0, 4],
  }));
  if (theme.goals.length > MAX_GOALS_SHOWN)
    goals.push({
      text: `+ ${theme.goals.length - MAX_GOALS_SHOWN}`,
      style: 'figureGoal',
      margin: [0, 0, 0, 0],
    });
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            text: fitText(
              ctx,
              `${index + 1}  ${shorten(theme.title)}`,
              `figure › ${theme.title}`,
              {},
              true,
            ),
            style: 'figurePillar',
            fillColor: colour,
            margin: [2, 5, 2, 5],
          },
        ],
        [
          {
            stack: goals.length ? goals : [{ text: '' }],
            fillColor: ctx.colors.tint,
            margin: [3, 5, 3, 3],
          },
        ],
        [{ text: '', fillColor: colour, margin: [0, 0, 0, 0], fontSize: 2 }],
      ],
    },
    layout: 'noBorders',
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
  const palette = ctx.input.brand.kit.themePalette;
  const rows: DocNode[] = [];
  for (let start = 0; start < themes.length; start += PILLARS_PER_ROW) {
    const slice = themes.slice(start, start + PILLARS_PER_ROW);
    const columns: DocNode[] = slice.map((t, i) => ({
      ...pillar(ctx, t, palette[(start + i) % palette.length] ?? ctx.colors.primary, start + i),
      width: '*',
    }));
    while (columns.length < Math.min(PILLARS_PER_ROW, themes.length))
      columns.push({ text: '', width: '*' });
    rows.push({ columns, columnGap: 8, margin: [0, 8, 0, 0] });
  }
  const roof: DocNode = {
    table: {
      widths: ['*'],
      body: [
        [
          {
            text: fitText(ctx, shorten(vision) || ' ', 'figure › vision', {}, true),
            style: 'figureRoof',
            fillColor: ctx.colors.primary,
            margin: [24, 10, 24, 10],
          },
        ],
      ],
    },
    layout: 'noBorders',
  };
  return {
    stack: [roof, ...rows],
    role: 'Figure',
    alt: figureAlt(ctx, vision, themes),
    unbreakable: true,
    margin: [0, 6, 0, 16],
  };
}
