// Minimal typings for the untyped libraries the PDF layer uses. pdfmake's internal classes are
// reached through `engine.ts` only and typed there, at the one place they are used.
declare module 'fontkit' {
  interface Font {
    readonly characterSet: number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
declare module 'pdfmake/js/Printer';
declare module 'pdfmake/js/LayoutBuilder';
declare module 'pdfmake/js/ElementWriter';
declare module 'pdfmake/js/Renderer';
declare module 'pdfmake/js/DocMeasure';
declare module 'pdfmake/js/URLResolver';
declare module 'pdfmake/js/StyleContextStack';
declare module 'pdfmake/js/PageElementWriter';
declare module 'pdfmake/js/virtual-fs';
