/**
 * The shapes the definition builder works with. A pdfmake document definition is open-ended
 * data; `DocNode` keeps it as plain objects, and the tagging layer reads the extra keys
 * documented on {@link TagProps}.
 */
import type { Language, Programme } from '../../model/schema';
import type { Template } from '../../templates/schema';
import type { GlyphCoverage } from '../brand/fonts';
import type { LoadedBrand } from '../brand/schema';
import type { PdfLabels } from '../labels';

/** Keys the tagging layer reads from a definition node (pdfmake ignores them). */
export interface TagProps {
  /** Structure type: 'P', 'H1'…'H6', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TH', 'TD', 'Figure', 'TOC', 'TOCI', 'Sect', 'BlockQuote', 'Artifact' … */
  role?: string;
  /** Text alternative of a Figure. */
  alt?: string;
  /** Scope of a TH: 'Column' or 'Row'. */
  scope?: 'Column' | 'Row' | 'Both';
  /** An id other nodes can name in `tagParentId`. */
  tagId?: string;
  /** Attach this node's structure under the node with this `tagId` instead of the layout parent. */
  tagParentId?: string;
}

/** One node of a pdfmake document definition (plain data, plus header/footer functions). */
export type DocNode = TagProps & { [key: string]: unknown };

/** A problem that did not stop the export; `where` names the item for the user. */
export interface PdfWarning {
  code:
    'missing-glyphs' | 'image-skipped' | 'list-flattened' | 'budget-mismatch' | 'label-language';
  message: string;
  where: string;
}

/** Everything the definition is built from. */
export interface DefinitionInput {
  programme: Programme;
  template: Template;
  brand: LoadedBrand;
  language: Language;
  /** Coverage of the brand's body and heading fonts and of the fallback fonts, in order. */
  coverage: { body: GlyphCoverage; heading: GlyphCoverage; fallbacks: readonly GlyphCoverage[] };
  /** The document's own assets (from the .linjaus file); nothing else may become an image. */
  assets?: ReadonlyMap<string, Uint8Array>;
}

/** Shared state while building one definition. */
export interface BuildContext {
  readonly input: DefinitionInput;
  readonly language: Language;
  readonly labels: PdfLabels;
  readonly colors: LoadedBrand['kit']['colors'];
  readonly warnings: PdfWarning[];
  /** Headings for the table of contents, in document order. */
  readonly toc: { level: number; number: string; title: string; id: string }[];
  /** Images the definition references, by key. */
  readonly images: Record<string, Uint8Array>;
  nextId(prefix: string): string;
}
