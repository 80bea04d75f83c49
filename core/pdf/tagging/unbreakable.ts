/**
 * pdfmake cannot place an unbreakable block taller than a page: the block is laid out on one
 * endless page and then fits nowhere, so it disappears — a table row with `dontBreakRows`
 * holding a long action description, or a long unbreakable stack, silently vanished. Here such
 * a block is cut between its items into page-sized slices, each placed on its own page, so
 * nothing is lost. Blocks that fit on a page behave exactly as before.
 */
import type { PatchableClass } from './classes';

type Vector = {
  type?: string;
  x?: number;
  y?: number;
  h?: number;
  y1?: number;
  y2?: number;
  points?: { y: number }[];
};
type Item = { type: string; item: Record<string, unknown> };
type Page = { items: Item[]; xOffset?: number; yOffset?: number; height?: number };
type Context = {
  pages: Page[];
  y: number;
  pageMargins: { top: number; bottom: number };
  getCurrentPage(): { pageSize: { height: number } } | null;
};
type Writer = {
  transactionLevel: number;
  contextStack: Context[];
  repeatables: { height: number }[];
  context(): Context;
  popContext(): void;
  addFragment(fragment: Page): unknown;
  moveToNextPage(): void;
};

const PATCHED = Symbol.for('linjaus.pdf.unbreakable');

function extent({ type, item }: Item): [number, number] {
  const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  if (type === 'line') {
    const y = num(item.y);
    return [y, y + (item as unknown as { getHeight(): number }).getHeight()];
  }
  if (type === 'vector') {
    const v = item as Vector;
    if (v.type === 'line') return [Math.min(num(v.y1), num(v.y2)), Math.max(num(v.y1), num(v.y2))];
    if (v.type === 'polyline' && v.points?.length) {
      const ys = v.points.map((p) => p.y);
      return [Math.min(...ys), Math.max(...ys)];
    }
    return [num(v.y), num(v.y) + num(v.h)];
  }
  return [num(item.y), num(item.y) + num(item._height)];
}

function shift({ type, item }: Item, dy: number, sliceHeight: number): void {
  if (type === 'vector') {
    const v = item as Vector;
    if (v.type === 'line') {
      v.y1 = (v.y1 ?? 0) - dy;
      v.y2 = (v.y2 ?? 0) - dy;
    } else if (v.type === 'polyline') for (const p of v.points ?? []) p.y -= dy;
    else if (typeof v.y === 'number') {
      v.y -= dy;
      // A background taller than its slice (a cell fill) stops at the slice's end.
      if (typeof v.h === 'number') v.h = Math.min(v.h, sliceHeight - v.y);
    }
    return;
  }
  if (typeof item.y === 'number') item.y -= dy;
}

/** Cuts one tall block page into slices of at most `full` points, between items. */
function slices(page: Page, full: number): Page[] {
  const out: Page[] = [];
  let current: Item[] = [];
  let start = 0;
  let bottom = 0;
  const flush = (): void => {
    if (current.length === 0) return;
    for (const item of current) shift(item, start, bottom - start);
    out.push({ items: current, height: bottom - start });
    current = [];
  };
  for (const item of page.items) {
    const [top, end] = extent(item);
    if (current.length > 0 && item.type === 'line' && end - start > full) {
      flush();
      start = top;
      bottom = top;
    }
    current.push(item);
    bottom = Math.max(bottom, Math.min(end, start + full));
  }
  flush();
  return out;
}

/** Patches `PageElementWriter#commitUnbreakableBlock`. Idempotent. */
export function installMultiPageUnbreakable(PageElementWriter: PatchableClass): void {
  const proto = PageElementWriter.prototype as Record<string | symbol, unknown>;
  if (proto[PATCHED]) return;
  const original = proto.commitUnbreakableBlock as (this: Writer, x?: number, y?: number) => void;
  proto.commitUnbreakableBlock = function (this: Writer, forcedX?: number, forcedY?: number): void {
    const block = this.context();
    const outer = this.contextStack[this.contextStack.length - 1];
    const page = block.pages[0];
    const isOutermost = this.transactionLevel === 1;
    const isPositioned = forcedX !== undefined || forcedY !== undefined;
    const outerPage = outer?.getCurrentPage();
    if (!isOutermost || isPositioned || block.pages.length !== 1 || !page || !outer || !outerPage)
      return original.call(this, forcedX, forcedY);
    const full =
      outerPage.pageSize.height -
      outer.pageMargins.top -
      outer.pageMargins.bottom -
      this.repeatables.reduce((sum, r) => sum + r.height, 0);
    if (!(block.y > full)) return original.call(this, forcedX, forcedY);
    this.transactionLevel--;
    this.popContext();
    slices(page, full).forEach((slice, i) => {
      if (i > 0) this.moveToNextPage();
      this.addFragment(slice);
    });
  };
  proto[PATCHED] = true;
}
