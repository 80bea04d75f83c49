/**
 * Installs the tagging layer on pdfmake's classes (once per set of classes). Documents whose
 * definition has `tagged: true` get a structure tree; others render exactly as before.
 */
import { missingMethods, type PdfmakeClasses } from './classes';
import { patchLayout, TREE } from './layout';
import { installFastStyles } from './fastStyles';
import { mergeInlines } from './mergeInlines';
import { installMultiPageUnbreakable } from './unbreakable';
import { Tagger } from './render';

const INSTALLED = Symbol.for('linjaus.pdf.tagging.installed');
const TAGGER = '__linjausTagger';
const FLUSH_PATCHED = Symbol.for('linjaus.pdf.tagging.flushPatched');

/* eslint-disable @typescript-eslint/no-explicit-any -- pdfkit/pdfmake objects are untyped JavaScript */
type Any = any;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Thrown when the pdfmake in use lacks an internal method the patch relies on. */
export class TaggingUnsupportedError extends Error {
  override readonly name = 'TaggingUnsupportedError';
}

/** The tagger of a rendered document (for diagnostics in tests). */
export function taggerOf(pdfDocument: object): Tagger | undefined {
  return (pdfDocument as Record<string, Tagger | undefined>)[TAGGER];
}

function hookDocument(doc: Any, tagger: Tagger): void {
  const text = doc.text;
  doc.text = function (
    this: Any,
    value: unknown,
    x: number,
    y: number,
    options?: Record<string, unknown>,
  ) {
    let result: unknown;
    tagger.aroundText(options, String(value), () => {
      result = text.call(this, value, x, y, options);
    });
    return result;
  };
  const annotate = doc.annotate;
  doc.annotate = function (this: Any, x: number, y: number, w: number, h: number, options: Any) {
    const pending = tagger.pendingLink;
    if (pending && options && options.Subtype === 'Link' && !options.structParent) {
      options.structParent = pending.elem;
      options.Contents = new String(pending.text); // pdfkit writes String objects as PDF strings, plain strings as names
    }
    const result = annotate.call(this, x, y, w, h, options);
    if (pending) {
      const kids = pending.elem._children as Any[];
      const last = kids[kids.length - 1];
      if (last && last.annotationRef) last.__linjausPage = this.page.dictionary;
    }
    return result;
  };
}

/** pdfkit writes an OBJR's page as the page current when the tree is flushed: use the annotation's own. */
function patchStructElement(elem: Any): void {
  const proto = Object.getPrototypeOf(elem);
  if (proto[FLUSH_PATCHED]) return;
  const flushChild = proto._flushChild;
  proto._flushChild = function (this: Any, child: Any) {
    if (child && child.annotationRef && child.__linjausPage) {
      this.dictionary.data.K.push({
        Type: 'OBJR',
        Obj: child.annotationRef,
        Pg: child.__linjausPage,
      });
      return;
    }
    flushChild.call(this, child);
  };
  proto[FLUSH_PATCHED] = true;
}

/**
 * Patches pdfmake's classes so that documents with `tagged: true` come out as
 * really tagged PDFs. Idempotent.
 * @throws {@link TaggingUnsupportedError} when the classes are not those of pdfmake 0.3.11.
 */
export function installTagging(classes: PdfmakeClasses): void {
  const marker = classes.Renderer.prototype as Record<symbol, boolean>;
  if (marker[INSTALLED]) return;
  const missing = missingMethods(classes);
  if (missing.length)
    throw new TaggingUnsupportedError(
      `pdfmake lacks ${missing.join(', ')}; the tagging layer needs pdfmake 0.3.11.`,
    );
  patchLayout(classes);
  if (classes.StyleContextStack) installFastStyles(classes.StyleContextStack);
  if (classes.PageElementWriter) installMultiPageUnbreakable(classes.PageElementWriter);
  const renderer = classes.Renderer.prototype;
  const renderPages = renderer.renderPages;
  renderer.renderPages = function (this: Any, pages: Any) {
    const doc = this.pdfDocument;
    if (!pages[TREE]) return renderPages.call(this, pages);
    // Untagged documents take the same path without the tagger (same drawing, for comparison).
    const tagger = doc.options?.tagged ? new Tagger(doc, pages[TREE], pages) : null;
    if (tagger) {
      doc[TAGGER] = tagger;
      hookDocument(doc, tagger);
    }
    doc._pdfMakePages = pages;
    let total = 0;
    for (const page of pages) total += page.items.length;
    let done = 0;
    for (let i = 0; i < pages.length; i++) {
      const page = pages[i];
      tagger?.close();
      doc.addPage({ size: [page.pageSize.width, page.pageSize.height] });
      if (tagger && i === 0) {
        tagger.prepare();
        patchStructElement(tagger.rootElem);
      }
      tagger?.onPage();
      for (const entry of page.items) {
        tagger?.before(entry.type, entry.item);
        renderItem(this, entry);
        done++;
        if (this.progressCallback && (done % 200 === 0 || done === total))
          this.progressCallback(done / total);
      }
      if (page.watermark) {
        tagger?.close();
        if (tagger) doc.markContent('Artifact', { type: 'Layout' });
        this.renderWatermark(page);
        if (tagger) doc.endMarkedContent();
      }
    }
    tagger?.finish();
  };
  marker[INSTALLED] = true;
}

function renderItem(renderer: Any, { type, item }: { type: string; item: Any }): void {
  switch (type) {
    case 'vector':
      return renderer.renderVector(item);
    case 'line':
      return renderer.renderLine(mergeInlines(item), item.x, item.y);
    case 'image':
      return renderer.renderImage(item);
    case 'svg':
      return renderer.renderSVG(item);
    case 'attachment':
      return renderer.renderAttachment(item);
    case 'beginClip':
      return renderer.beginClip(item);
    case 'endClip':
      return renderer.endClip();
    case 'beginVerticalAlignment':
      return renderer.beginVerticalAlignment(item);
    case 'endVerticalAlignment':
      return renderer.endVerticalAlignment(item);
  }
}
