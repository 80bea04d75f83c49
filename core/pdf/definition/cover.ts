/**
 * The cover page: logo, title, subtitle, period, organisation, status and the approval line,
 * laid out in one of three brand styles. Coloured shapes are background artifacts; every text
 * on the cover is real, tagged text.
 */
import type { Programme } from '../../model/schema';
import { approvalLine } from '../format/approval';
import { formatPeriod } from '../format/numbers';
import { checkImage, checkSvg } from './images';
import { PAGE_SIZES } from './styles';
import { fitText } from './text';
import type { BuildContext, DocNode } from './types';

/** The organisation line: the programme's organisations, else the brand's. */
export function organisationOf(ctx: BuildContext, programme: Programme): string {
  const own = programme.meta.organisations.filter((o) => o.trim() !== '').join(', ');
  return own || ctx.input.brand.kit.organisation;
}

/** The brand logo as a tagged Figure, or null (with a warning) when it cannot be used. */
export function logoNode(ctx: BuildContext, organisation: string): DocNode | null {
  const logo = ctx.input.brand.kit.logo;
  if (!logo) return null;
  const where = `brand kit "${ctx.input.brand.kit.id}" › logo (${logo.file})`;
  const bytes = ctx.input.brand.files.get(logo.file);
  if (!bytes) {
    ctx.warnings.push({
      code: 'image-skipped',
      message: 'The logo file is missing; the cover has no logo.',
      where,
    });
    return null;
  }
  const alt = ctx.labels.logoAlt(
    ctx.input.brand.kit.organisation || organisation || ctx.input.brand.kit.name,
  );
  if (/\.svg$/i.test(logo.file)) {
    const svg = checkSvg(bytes);
    if (!svg.ok) {
      ctx.warnings.push({
        code: 'image-skipped',
        message: `The logo was left out: ${svg.reason}.`,
        where,
      });
      return null;
    }
    return { svg: svg.svg, width: logo.width, role: 'Figure', alt };
  }
  const check = checkImage(bytes);
  if (!check.ok) {
    ctx.warnings.push({
      code: 'image-skipped',
      message: `The logo was left out: ${check.reason}.`,
      where,
    });
    return null;
  }
  ctx.images['brand-logo'] = bytes;
  return { image: 'brand-logo', width: logo.width, role: 'Figure', alt };
}

function coverImageNode(ctx: BuildContext, width: number): DocNode | null {
  const cover = ctx.input.brand.kit.coverImage;
  if (!cover) return null;
  const where = `brand kit "${ctx.input.brand.kit.id}" › cover image (${cover.file})`;
  const bytes = ctx.input.brand.files.get(cover.file);
  const check = bytes ? checkImage(bytes) : ({ ok: false, reason: 'the file is missing' } as const);
  if (!bytes || !check.ok) {
    ctx.warnings.push({
      code: 'image-skipped',
      message: `The cover image was left out: ${check.ok ? '' : check.reason}.`,
      where,
    });
    return null;
  }
  ctx.images['brand-cover'] = bytes;
  return {
    image: 'brand-cover',
    fit: [width, 220],
    role: 'Figure',
    alt: cover.alt || ctx.labels.coverImageAlt,
    margin: [0, 0, 0, 18],
  };
}

/** Background shapes of the cover page (page 1 only). */
export function coverBackground(ctx: BuildContext, flows: boolean) {
  const kit = ctx.input.brand.kit;
  const { width, height } = PAGE_SIZES[kit.page.size];
  const c = kit.colors;
  return (page: number): DocNode | null => {
    if (page !== 1) return null;
    switch (kit.cover.style) {
      case 'band':
        if (flows) return null; // the band is drawn around the flowing title instead
        return {
          canvas: [
            { type: 'rect', x: 0, y: height * 0.36, w: width, h: height * 0.3, color: c.primary },
            { type: 'rect', x: 0, y: height * 0.66, w: width, h: 6, color: c.accent },
          ],
        };
      case 'panel':
        return {
          canvas: [
            { type: 'rect', x: 0, y: 0, w: width * 0.09, h: height, color: c.primary },
            { type: 'rect', x: width * 0.09, y: 0, w: 5, h: height, color: c.accent },
            ...(flows
              ? []
              : [
                  {
                    type: 'rect',
                    x: width * 0.09 + 5,
                    y: height - 120,
                    w: width,
                    h: 120,
                    color: c.tint,
                  },
                ]),
          ],
        };
      case 'minimal':
        return { canvas: [{ type: 'rect', x: 0, y: 0, w: width, h: 10, color: c.accent }] };
    }
  };
}

/**
 * Whether the cover must flow instead of being placed at fixed positions: long titles,
 * subtitles, organisation lists or approval lines, or a cover image, would overflow the fixed
 * boxes (and white text would leave its colour band).
 */
export function coverFlows(ctx: BuildContext, programme: Programme, organisation: string): boolean {
  const meta = programme.meta;
  const approval = meta.approval ? approvalLine(meta.approval, ctx.language) : '';
  return (
    meta.title.length > 110 ||
    meta.subtitle.length > 220 ||
    organisation.length > 220 ||
    approval.length > 160 ||
    ctx.input.brand.kit.coverImage !== undefined
  );
}

/** The cover page content: at fixed positions, or flowing when {@link coverFlows}. */
export function coverPage(
  ctx: BuildContext,
  programme: Programme,
  organisation: string,
  flows: boolean,
): DocNode[] {
  const kit = ctx.input.brand.kit;
  const meta = programme.meta;
  const { width, height } = PAGE_SIZES[kit.page.size];
  const [left, top, right, bottomMargin] = kit.page.margins;
  const onBand = kit.cover.style === 'band';
  const titleColor = onBand ? kit.colors.onPrimary : kit.colors.primary;
  const period = formatPeriod(meta.periodStart, meta.periodEnd, ctx.language);
  const approval =
    meta.status === 'approved' && meta.approval ? approvalLine(meta.approval, ctx.language) : '';
  const where = 'cover';
  const contentLeft = kit.cover.style === 'panel' ? width * 0.09 + 40 : left;
  const boxWidth = width - contentLeft - right;
  const logo = logoNode(ctx, organisation);
  const head: DocNode[] = [
    logo ?? { text: '' },
    { text: fitText(ctx, organisation, where), style: 'coverOrg', margin: [0, 8, 0, 0] },
  ];
  const titleBlock: DocNode[] = [
    {
      text: fitText(ctx, meta.title, where, {}, true),
      role: 'P',
      style: 'coverTitle',
      color: titleColor,
      // Long titles get smaller type so the cover stays one page.
      fontSize: meta.title.length > 160 ? 16 : meta.title.length > 70 ? 22 : 30,
    },
  ];
  if (meta.subtitle.trim())
    titleBlock.push({
      text: fitText(ctx, meta.subtitle, where, {}, true),
      role: 'P',
      style: 'coverSubtitle',
      color: titleColor,
    });
  if (period && !meta.title.includes(period))
    titleBlock.push({
      text: period,
      role: 'P',
      style: 'coverPeriod',
      color: onBand ? kit.colors.onPrimary : kit.colors.accent,
    });
  // An approval line already says "approved"; otherwise the status (draft, in review) stands alone.
  const status: DocNode = approval
    ? { text: fitText(ctx, approval, where), role: 'P', style: 'coverStatus' }
    : { text: ctx.labels.status[meta.status], role: 'P', style: 'coverStatus' };
  const at = (x: number, y: number, stack: DocNode[]): DocNode => ({
    columns: [{ stack, width: boxWidth }],
    absolutePosition: { x, y },
  });
  if (!flows) {
    const titleTop = onBand ? height * 0.36 + 34 : height * 0.3;
    return [
      at(contentLeft, top, head),
      at(contentLeft, titleTop, titleBlock),
      at(contentLeft, height - bottomMargin - 78, [status]),
    ];
  }
  const image = coverImageNode(ctx, boxWidth);
  const indent = contentLeft - left;
  const band: DocNode = onBand
    ? {
        table: {
          widths: ['*'],
          body: [
            [{ stack: titleBlock, fillColor: kit.colors.primary, margin: [left, 22, right, 14] }],
          ],
        },
        layout: {
          hLineWidth: (i: number) => (i === 1 ? 6 : 0),
          hLineColor: () => kit.colors.accent,
          vLineWidth: () => 0,
          paddingLeft: () => 0,
          paddingRight: () => 0,
          paddingTop: () => 0,
          paddingBottom: () => 0,
        },
        margin: [-left, 28, -right, 28],
      }
    : { stack: titleBlock, margin: [indent, 36, 0, 28] };
  return [
    { stack: head, margin: [indent, 0, 0, 0] },
    ...(image ? [{ ...image, margin: [indent, 24, 0, 0] }] : []),
    band,
    { stack: [status], margin: [indent, 0, 0, 0] },
  ];
}

/** Cover-only styles, merged into the document styles. */
export function coverStyles(ctx: BuildContext): Record<string, DocNode> {
  const c = ctx.input.brand.kit.colors;
  return {
    coverOrg: { font: 'Heading', bold: true, fontSize: 11, color: c.primary },
    coverTitle: {
      font: 'Heading',
      bold: true,
      lineHeight: 1.05,
      margin: [0, 0, 0, 10],
    },
    coverSubtitle: { font: 'Heading', fontSize: 14, lineHeight: 1.2, margin: [0, 0, 0, 14] },
    coverPeriod: { font: 'Heading', bold: true, fontSize: 20 },
    coverStatus: {
      font: 'Heading',
      bold: true,
      fontSize: 11,
      color: c.accent,
      margin: [0, 0, 0, 3],
    },
    coverApproval: { fontSize: 10, color: c.text },
  };
}
