/**
 * The logical structure of a laid-out pdfmake document: which structure element each
 * definition node's content belongs to. Built from the measured definition tree (reading
 * order), then trimmed to the elements that really produced content on some page.
 */

/** A definition node as pdfmake leaves it after measuring (open-ended data). */
export type LaidNode = { [key: string]: unknown };

/** One structure element to be. */
export interface TagInfo {
  role: string;
  alt?: string;
  scope?: string;
  parent: TagInfo | null;
  children: TagInfo[];
  /** True once some page item (or a descendant's) is content of this element. */
  used: boolean;
  /** Union of the element's drawn boxes on its first page (PDF user space, top-left origin). */
  bbox?: [number, number, number, number];
  bboxPage?: number;
}

/** Where a node's content goes: an element, or nowhere (an artifact). */
export type Target = TagInfo | 'artifact';

/** Structure types whose text children add to them directly instead of becoming paragraphs. */
const TEXT_CONTAINERS = new Set([
  'P',
  'H',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TH',
  'TD',
  'Lbl',
  'TOCI',
  'Link',
  'Span',
  'Caption',
  'Figure',
  'Quote',
  'Note',
  'Reference',
]);

const isObject = (v: unknown): v is LaidNode => typeof v === 'object' && v !== null;
const isLeaf = (n: LaidNode): boolean => n.text !== undefined && !n.stack && !n.columns && !n.table;

/** The structure of one document: the root info and each node's target. */
export class StructurePlan {
  readonly root: TagInfo = { role: 'Document', parent: null, children: [], used: false };
  private readonly targets = new WeakMap<object, Target>();
  private readonly byTagId = new Map<string, TagInfo>();

  constructor(rootNode: unknown) {
    this.walk(rootNode, this.root, null, undefined);
  }

  /** The element a node's content belongs to (undefined for nodes outside the main flow). */
  targetOf(node: unknown): Target | undefined {
    return isObject(node) ? this.targets.get(node) : undefined;
  }

  /** Records that an element received content, so it and its ancestors are kept. */
  markUsed(info: TagInfo): void {
    for (let i: TagInfo | null = info; i && !i.used; i = i.parent) i.used = true;
  }

  private newInfo(role: string, parent: TagInfo, node: LaidNode | null): TagInfo {
    const attachTo =
      node && typeof node.tagParentId === 'string'
        ? (this.byTagId.get(node.tagParentId) ?? parent)
        : parent;
    const info: TagInfo = { role, parent: attachTo, children: [], used: false };
    if (node && typeof node.alt === 'string') info.alt = node.alt;
    if (node && typeof node.scope === 'string') info.scope = node.scope;
    attachTo.children.push(info);
    return info;
  }

  private markArtifact(node: unknown): void {
    if (!isObject(node)) return;
    this.targets.set(node, 'artifact');
    this.forEachChild(node, (c) => this.markArtifact(c));
  }

  private forEachChild(node: LaidNode, visit: (child: unknown) => void): void {
    for (const key of ['stack', 'columns', 'ul', 'ol'] as const) {
      const list = node[key];
      if (Array.isArray(list)) list.forEach(visit);
    }
    if (isObject(node.section)) visit(node.section);
    const table = node.table;
    if (isObject(table) && Array.isArray(table.body))
      for (const row of table.body) if (Array.isArray(row)) row.forEach(visit);
  }

  private walk(
    value: unknown,
    parent: TagInfo,
    figure: TagInfo | null,
    defaultRole: string | undefined,
  ): void {
    if (!isObject(value)) return;
    const node = value;
    if (node._span) return; // the empty placeholder of a spanned table cell
    let role = typeof node.role === 'string' ? node.role : defaultRole;
    if (role === 'Artifact') return this.markArtifact(node);
    if (figure) {
      this.targets.set(node, figure);
      this.forEachChild(node, (c) => this.walk(c, parent, figure, undefined));
      return;
    }
    if ((node.image !== undefined || node.svg !== undefined) && role === undefined) {
      if (typeof node.alt !== 'string') return this.markArtifact(node);
      role = 'Figure';
    }
    if (role === undefined && isLeaf(node) && !TEXT_CONTAINERS.has(parent.role)) role = 'P';
    const info = role !== undefined ? this.newInfo(role, parent, node) : parent;
    this.targets.set(node, info);
    if (typeof node.tagId === 'string') this.byTagId.set(node.tagId, info);
    if (role === 'Figure') {
      this.forEachChild(node, (c) => this.walk(c, info, info, undefined));
      return;
    }
    const table = node.table;
    if (role === 'Table' && isObject(table) && Array.isArray(table.body))
      return this.walkTable(table, info);
    this.forEachChild(node, (c) => this.walk(c, info, null, undefined));
  }

  /** Table › THead/TBody › TR › TH/TD; header cells default to TH with a column scope. */
  private walkTable(table: LaidNode, info: TagInfo): void {
    const headerRows = typeof table.headerRows === 'number' ? table.headerRows : 0;
    const body = table.body as unknown[];
    let head: TagInfo | null = null;
    let tbody: TagInfo | null = null;
    body.forEach((row, r) => {
      if (!Array.isArray(row)) return;
      const isHeader = r < headerRows;
      const group = isHeader
        ? (head ??= this.newInfo('THead', info, null))
        : (tbody ??= this.newInfo('TBody', info, null));
      const tr = this.newInfo('TR', group, null);
      for (const cell of row) {
        if (isHeader && isObject(cell) && cell.role === undefined && cell.scope === undefined)
          cell.scope = 'Column';
        this.walk(cell, tr, null, isHeader ? 'TH' : 'TD');
      }
    });
  }
}
