/**
 * Programme snapshot + template + brand kit + language → pdfmake document definition. Pure:
 * the same input gives the same definition, and nothing here reads files or draws; the
 * rendering step ({@link renderPdf}) turns the definition into bytes.
 */
import { pdfLabels } from '../labels';
import { FONT } from '../brand/fonts';
import { localeOf } from '../format/numbers';
import { coverBackground, coverFlows, coverPage, coverStyles, organisationOf } from './cover';
import { chapters } from './sections';
import { footer, header, PAGE_SIZES, styles } from './styles';
import { tocPage } from './toc';
import type { BuildContext, DefinitionInput, DocNode, PdfWarning } from './types';

export type { DefinitionInput, DocNode, PdfWarning, TagProps } from './types';

/** A document definition ready for {@link renderPdf}, with the warnings met while building it. */
export interface PdfDefinition {
  /** The pdfmake definition; `images` holds image bytes by key (converted when rendering). */
  definition: DocNode & { images: Record<string, Uint8Array> };
  warnings: PdfWarning[];
}

/**
 * Builds the document definition of a programme.
 * @example
 * const { definition, warnings } = buildPdfDefinition({ programme, template, brand, language: 'fi', coverage });
 */
export function buildPdfDefinition(input: DefinitionInput): PdfDefinition {
  const { programme, language } = input;
  const kit = input.brand.kit;
  let counter = 0;
  const ctx: BuildContext = {
    input,
    language,
    labels: pdfLabels(language),
    colors: kit.colors,
    warnings: [],
    toc: [],
    images: {},
    nextId: (prefix) => `${prefix}-${++counter}`,
  };
  // /Lang declares the language of the text. Labels can be asked for in another language, but
  // the programme's own text stays in the language(s) it was written in.
  const written = programme.meta.languages;
  const textLanguage = written.includes(language) ? language : (written[0] ?? language);
  if (textLanguage !== language) {
    ctx.warnings.push({
      code: 'label-language',
      message: `Labels are in ${language}, but the text is written in ${written.join(', ')}; the PDF declares ${textLanguage}.`,
      where: 'meta.languages',
    });
  }
  const organisation = organisationOf(ctx, programme);
  const title = programme.meta.title.trim() || kit.name;
  const flows = coverFlows(ctx, programme, organisation);
  const cover = coverPage(ctx, programme, organisation, flows);
  const body = chapters(ctx, programme);
  const definition = {
    info: {
      title,
      author: organisation,
      subject: programme.meta.subtitle,
      creator: 'Linjaus',
      producer: 'Linjaus (pdfmake, tagged)',
    },
    language: localeOf(textLanguage),
    pageSize: PAGE_SIZES[kit.page.size],
    pageMargins: kit.page.margins,
    defaultStyle: { font: FONT.body, fontSize: 10, lineHeight: 1.32, color: kit.colors.text },
    styles: { ...styles(kit), ...coverStyles(ctx) },
    background: coverBackground(ctx, flows),
    header: header(
      ctx,
      title,
      programme.meta.organisations.find((o) => o.trim() !== '') ?? organisation,
    ),
    footer: footer(ctx),
    content: [{ stack: cover, role: 'Sect' }, tocPage(ctx), ...body] satisfies DocNode[],
    images: ctx.images,
  };
  return { definition, warnings: ctx.warnings };
}
