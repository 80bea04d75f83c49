/**
 * Layout-time half of the tagging layer: while pdfmake lays out, every page item (text line,
 * vector, image, SVG) is stamped with the definition node that produced it. Lines built for
 * headers, footers and backgrounds, and repeated table header rows, are stamped as artifacts.
 * Stamps are own properties, so they survive pdfmake's copies of lines in unbreakable blocks.
 */
import type { PdfmakeClasses } from './classes';

/** The stamp on a page item: the node that produced it. */
export const SOURCE = '__linjausSource';
/** Set on items that are pagination artifacts (running header/footer, repeated header rows). */
export const ARTIFACT = '__linjausArtifact';
/** The measured document tree, attached to the pages array that layout returns. */
export const TREE = '__linjausTree';
/** Problems met while laying out (e.g. an image that could not be read), attached to the pages array. */
export const LAYOUT_WARNINGS = '__linjausWarnings';

type Obj = Record<string, unknown>;

interface LayoutState {
  nodes: unknown[];
  artifactDepth: number;
  root: unknown;
  warnings: { message: string; where: string }[];
  pages: number;
}

/** A callback on the definition's root node, told the number of pages laid out so far. */
export const ON_LAYOUT_PAGE = '__linjausOnLayoutPage';

let active: LayoutState | null = null;

function stamp(item: unknown): void {
  if (!active || typeof item !== 'object' || item === null) return;
  const o = item as Obj;
  if (active.artifactDepth > 0) o[ARTIFACT] = 'Pagination';
  else if (o[SOURCE] === undefined) o[SOURCE] = active.nodes[active.nodes.length - 1];
}

type Method = (this: Obj, ...args: unknown[]) => unknown;
function wrap(proto: Obj, name: string, make: (original: Method) => Method): void {
  const original = proto[name] as Method;
  proto[name] = make(original);
}

function describe(node: Obj): string {
  if (typeof node.alt === 'string' && node.alt) return node.alt;
  if (typeof node.image === 'string') return `image "${node.image}"`;
  return 'SVG image';
}

/** Installs the layout-time stamps on pdfmake's LayoutBuilder, ElementWriter and DocMeasure. */
export function patchLayout(classes: PdfmakeClasses): void {
  const lb = classes.LayoutBuilder.prototype as Obj;
  wrap(
    lb,
    'layoutDocument',
    (original) =>
      function (this: Obj, ...args) {
        const previous = active;
        active = { nodes: [], artifactDepth: 0, root: null, warnings: [], pages: 0 };
        try {
          const pages = original.apply(this, args) as Obj;
          pages[TREE] = active.root;
          pages[LAYOUT_WARNINGS] = active.warnings;
          return pages;
        } finally {
          active = previous;
        }
      },
  );
  wrap(
    lb,
    'processNode',
    (original) =>
      function (this: Obj, node, ...rest) {
        if (!active) return original.call(this, node, ...rest);
        active.nodes.push(node);
        try {
          return original.call(this, node, ...rest);
        } finally {
          active.nodes.pop();
        }
      },
  );
  for (const name of ['addBackground', 'addDynamicRepeatable']) {
    wrap(
      lb,
      name,
      (original) =>
        function (this: Obj, ...args) {
          if (active) active.artifactDepth++;
          try {
            return original.apply(this, args);
          } finally {
            if (active) {
              active.artifactDepth--;
              // addBackground runs once for every page added: report layout progress.
              const onPage = (active.root as Obj | null)?.[ON_LAYOUT_PAGE];
              if (name === 'addBackground' && typeof onPage === 'function') onPage(++active.pages);
            }
          }
        },
    );
  }

  const ew = classes.ElementWriter.prototype as Obj;
  for (const name of ['addLine', 'addImage', 'addSVG', 'addVector']) {
    wrap(
      ew,
      name,
      (original) =>
        function (this: Obj, item, ...rest) {
          stamp(item);
          return original.call(this, item, ...rest);
        },
    );
  }
  // A table's header row repeated on a later page is a copy: only its first occurrence is TH.
  wrap(
    ew,
    'addFragment',
    (original) =>
      function (this: Obj, block, ...rest) {
        const isRepeat = typeof block === 'object' && block !== null && 'insertedOnPages' in block;
        const page = isRepeat
          ? (this as unknown as { context(): { getCurrentPage(): { items: Obj[] } | null } })
              .context()
              .getCurrentPage()
          : null;
        const before = page ? page.items.length : 0;
        const result = original.call(this, block, ...rest);
        if (page)
          for (const entry of page.items.slice(before))
            (entry.item as Obj)[ARTIFACT] = 'Pagination';
        return result;
      },
  );

  const dm = classes.DocMeasure.prototype as Obj;
  wrap(
    dm,
    'measureDocument',
    (original) =>
      function (this: Obj, ...args) {
        const root = original.apply(this, args);
        if (active) active.root = root;
        return root;
      },
  );
  // A picture that cannot be read becomes an empty text node and a warning, not a failed export.
  for (const name of ['measureImage', 'measureSVG']) {
    wrap(
      dm,
      name,
      (original) =>
        function (this: Obj, node, ...rest) {
          try {
            return original.call(this, node, ...rest);
          } catch (error) {
            const n = node as Obj;
            active?.warnings.push({
              message: `Image left out: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
              where: describe(n),
            });
            delete n.image;
            delete n.svg;
            n.text = '';
            n.role = 'Artifact';
            return (this.measureLeaf as Method).call(this, n);
          }
        },
    );
  }
}
