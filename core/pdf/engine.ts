/**
 * pdfmake's classes, from its CommonJS build (`pdfmake/js/*`). In Node they load directly; a
 * web-worker bundle aliases `pdfmake/js/*` to `pdfmake/src/*` (see docs/pdf.md), never the bare
 * `pdfmake` import, whose pre-built bundle hides these classes.
 */
import * as DocMeasureModule from 'pdfmake/js/DocMeasure';
import * as ElementWriterModule from 'pdfmake/js/ElementWriter';
import * as LayoutBuilderModule from 'pdfmake/js/LayoutBuilder';
import * as PageElementWriterModule from 'pdfmake/js/PageElementWriter';
import * as PrinterModule from 'pdfmake/js/Printer';
import * as RendererModule from 'pdfmake/js/Renderer';
import * as StyleContextStackModule from 'pdfmake/js/StyleContextStack';
import * as URLResolverModule from 'pdfmake/js/URLResolver';
import * as VirtualFsModule from 'pdfmake/js/virtual-fs';
import type { PatchableClass, PdfmakeClasses } from './tagging/classes';

/* eslint-disable @typescript-eslint/no-explicit-any -- pdfmake's classes are untyped JavaScript */
type Ctor = (new (...args: any[]) => any) & PatchableClass;

/** `exports.default` of a Babel-compiled module, whichever way the loader wrapped it. */
function unwrap(module: unknown): any {
  const m = module as { default?: any };
  const d = m.default;
  if (d && typeof d === 'object' && 'default' in d) return d.default;
  return d ?? m;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Everything {@link renderPdf} needs from pdfmake. */
export interface PdfEngine {
  classes: PdfmakeClasses;
  Printer: Ctor;
  URLResolver: Ctor;
  /** Makes an empty, private virtual file system (pdfmake's class). */
  newVirtualFs(): { writeFileSync(name: string, content: unknown): void };
}

let engine: PdfEngine | null = null;

/** The pdfmake engine of this runtime (loaded once). */
export function pdfEngine(): PdfEngine {
  if (engine) return engine;
  const vfs = unwrap(VirtualFsModule) as {
    constructor: new () => PdfEngine extends { newVirtualFs(): infer V } ? V : never;
  };
  engine = {
    classes: {
      LayoutBuilder: unwrap(LayoutBuilderModule),
      ElementWriter: unwrap(ElementWriterModule),
      Renderer: unwrap(RendererModule),
      DocMeasure: unwrap(DocMeasureModule),
      StyleContextStack: unwrap(StyleContextStackModule),
      PageElementWriter: unwrap(PageElementWriterModule),
    },
    Printer: unwrap(PrinterModule),
    URLResolver: unwrap(URLResolverModule),
    newVirtualFs: () => new vfs.constructor(),
  };
  return engine;
}
