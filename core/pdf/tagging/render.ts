/**
 * Render-time half of the tagging layer: builds pdfkit's structure tree from the
 * {@link StructurePlan} (reading order, not drawing order) and wraps every page item in marked
 * content — text and figures in their element, everything else as an artifact. Links get
 * their own Link element holding the text and the annotation.
 */
import { ARTIFACT, SOURCE } from './layout';
import { StructurePlan, type TagInfo, type Target } from './tree';

/* eslint-disable @typescript-eslint/no-explicit-any -- pdfkit's document and structure objects are untyped JavaScript */
type PdfKitDoc = any;
type StructElem = any;
/* eslint-enable @typescript-eslint/no-explicit-any */

type Obj = Record<string, unknown>;
interface PageItem {
  type: string;
  item: Obj;
}
interface Page {
  items: PageItem[];
  pageSize: { width: number; height: number };
}

type Current = { kind: 'struct'; elem: StructElem } | { kind: 'artifact'; type: string } | null;

/** Render-time state of one document. */
export class Tagger {
  private readonly plan: StructurePlan;
  private readonly elems = new Map<TagInfo, StructElem>();
  private current: Current = null;
  private lineTarget: TagInfo | null = null;
  private link: { parent: TagInfo; key: string; elem: StructElem } | null = null;
  /** The Link element the next annotation belongs to, and its text. */
  pendingLink: { elem: StructElem; text: string } | null = null;
  /** The /Document element (set by {@link prepare}). */
  rootElem: StructElem = null;
  /** Text lines that had no place in the tree (should stay 0; reported by tests). */
  untaggedLines = 0;

  constructor(
    private readonly doc: PdfKitDoc,
    tree: unknown,
    private readonly pages: Page[],
  ) {
    this.plan = new StructurePlan(tree);
  }

  /** Finds which elements get content, then creates them in reading order under /Document. */
  prepare(): void {
    this.pages.forEach((page, p) => {
      for (const { type, item } of page.items) {
        const target = this.targetOf(type, item);
        if (target && target !== 'artifact') {
          this.plan.markUsed(target);
          if (target.role === 'Figure') this.extendBox(target, type, item, p);
        }
      }
    });
    const root = this.doc.struct('Document');
    this.rootElem = root;
    this.doc.addStructure(root);
    this.elems.set(this.plan.root, root);
    const create = (info: TagInfo, parentElem: StructElem): void => {
      for (const child of info.children) {
        if (!child.used) continue;
        const options: Obj = {};
        if (child.alt) options.alt = child.alt;
        if (child.scope) options.scope = child.scope;
        const elem = this.doc.struct(child.role, options);
        if (child.bbox) {
          const h = this.pages[child.bboxPage ?? 0]?.pageSize.height ?? 0;
          const [x1, y1, x2, y2] = child.bbox;
          elem.dictionary.data.A = {
            ...(elem.dictionary.data.A ?? {}),
            O: 'Layout',
            Placement: 'Block',
            BBox: [x1, h - y2, x2, h - y1],
          };
        }
        parentElem.add(elem);
        this.elems.set(child, elem);
        create(child, elem);
      }
    };
    create(this.plan.root, root);
  }

  private targetOf(type: string, item: Obj): Target | undefined {
    if (item[ARTIFACT]) return 'artifact';
    const target = this.plan.targetOf(item[SOURCE]);
    if (type === 'line') return target;
    if (type === 'vector')
      return target && target !== 'artifact' && target.role === 'Figure' ? target : 'artifact';
    if (type === 'image' || type === 'svg')
      return target && target !== 'artifact' && target.role === 'Figure' ? target : 'artifact';
    return undefined;
  }

  private extendBox(info: TagInfo, type: string, item: Obj, page: number): void {
    if (info.bboxPage !== undefined && info.bboxPage !== page) return;
    const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
    let box: [number, number, number, number];
    if (type === 'line') {
      const line = item as Obj & { getWidth(): number; getHeight(): number };
      box = [
        num(item.x),
        num(item.y),
        num(item.x) + line.getWidth(),
        num(item.y) + line.getHeight(),
      ];
    } else if (type === 'vector' && item.type === 'rect') {
      box = [num(item.x), num(item.y), num(item.x) + num(item.w), num(item.y) + num(item.h)];
    } else if (type === 'image' || type === 'svg') {
      box = [
        num(item.x),
        num(item.y),
        num(item.x) + num(item._width),
        num(item.y) + num(item._height),
      ];
    } else return;
    info.bboxPage = page;
    info.bbox = info.bbox
      ? [
          Math.min(info.bbox[0], box[0]),
          Math.min(info.bbox[1], box[1]),
          Math.max(info.bbox[2], box[2]),
          Math.max(info.bbox[3], box[3]),
        ]
      : box;
  }

  /** Called after each new page: structure order for Tab. */
  onPage(): void {
    this.doc.page.dictionary.data.Tabs = 'S';
    this.link = null;
  }

  /** Closes the open marked-content sequence, if any. */
  close(): void {
    if (this.current) {
      this.doc.endMarkedContent();
      this.current = null;
    }
  }

  private openStruct(elem: StructElem): void {
    if (this.current?.kind === 'struct' && this.current.elem === elem) return;
    this.close();
    const content = this.doc.markStructureContent(elem.dictionary.data.S);
    elem.add(content);
    this.current = { kind: 'struct', elem };
  }

  private openArtifact(type: string): void {
    if (this.current?.kind === 'artifact' && this.current.type === type) return;
    this.close();
    this.doc.markContent('Artifact', { type });
    this.current = { kind: 'artifact', type };
  }

  /** Opens the marked content a page item belongs in; returns false for items that draw nothing. */
  before(type: string, item: Obj): void {
    if (type !== 'line' && type !== 'vector' && type !== 'image' && type !== 'svg') {
      this.close(); // clips and alignments save/restore the graphics state: never straddle them
      return;
    }
    const target = this.targetOf(type, item);
    this.lineTarget = null;
    if (target === 'artifact' || target === undefined) {
      if (target === undefined && type === 'line') this.untaggedLines++;
      this.openArtifact(item[ARTIFACT] === 'Pagination' ? 'Pagination' : 'Layout');
      return;
    }
    const elem = this.elems.get(target);
    if (!elem) return this.openArtifact('Layout');
    this.openStruct(elem);
    if (type === 'line') this.lineTarget = target;
  }

  /**
   * Around one `text()` call of a line: inlines that carry a link go into a Link element (one
   * per run of inlines with the same target), the rest into the line's element.
   */
  aroundText(options: Obj | undefined, text: string, draw: () => void): void {
    const target = this.lineTarget;
    const key = options && (options.link ?? options.goTo);
    if (!target || key === undefined || key === null) {
      if (target) {
        this.link = null;
        this.openStruct(this.elems.get(target));
      }
      draw();
      return;
    }
    const parentElem = this.elems.get(target);
    if (!this.link || this.link.parent !== target || this.link.key !== String(key)) {
      const elem = this.doc.struct('Link');
      parentElem.add(elem);
      this.link = { parent: target, key: String(key), elem };
    }
    this.openStruct(this.link.elem);
    this.pendingLink = { elem: this.link.elem, text: text.trim() || String(key) };
    try {
      draw();
    } finally {
      this.pendingLink = null;
    }
    this.openStruct(parentElem);
  }

  /** Ends the tree; every element is written when the document ends. */
  finish(): void {
    this.close();
    this.elems.get(this.plan.root)?.end();
  }
}
