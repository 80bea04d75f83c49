import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  installTagging,
  missingMethods,
  PATCHED_METHODS,
  pdfEngine,
  TaggingUnsupportedError,
} from '../../core/pdf/index';
import { mergeInlines } from '../../core/pdf/tagging/mergeInlines';
import { StructurePlan, type TagInfo } from '../../core/pdf/tagging/tree';

const json = (path: string): { version?: string; dependencies?: Record<string, string> } =>
  JSON.parse(readFileSync(path, 'utf8'));

describe('the tagging layer', () => {
  it('runs on exactly the pdfmake it was written for', () => {
    expect(json('package.json').dependencies?.pdfmake).toBe('0.3.11');
    expect(json('node_modules/pdfmake/package.json').version).toBe('0.3.11');
  });

  it('finds every pdfmake internal method it patches', () => {
    expect(missingMethods(pdfEngine().classes)).toEqual([]);
    expect(Object.values(PATCHED_METHODS).flat().length).toBeGreaterThan(15);
  });

  it('refuses classes that lack a patched method, naming it', () => {
    const fake = () => ({ prototype: {} });
    const classes = {
      LayoutBuilder: fake(),
      ElementWriter: fake(),
      Renderer: fake(),
      DocMeasure: fake(),
    };
    expect(() => installTagging(classes)).toThrow(TaggingUnsupportedError);
    expect(() => installTagging(classes)).toThrow(/LayoutBuilder\.processNode/);
  });
});

describe('StructurePlan', () => {
  const roles = (info: TagInfo): unknown => ({ [info.role]: info.children.map(roles) });

  it('builds the tree in reading order: paragraphs by default, tables with header cells, figures as one element', () => {
    const cellA = { text: 'Mittari' };
    const cellB = { text: '41,5' };
    const figureText = { text: 'Visio' };
    const root = {
      stack: [
        { text: '1 Visio', role: 'H1' },
        { text: 'Kappale' },
        { table: { headerRows: 1, body: [[cellA], [cellB]] }, role: 'Table' },
        { stack: [figureText, { canvas: [] }], role: 'Figure', alt: 'Kaavio' },
        { text: 'logo', role: 'Artifact' },
      ],
    };
    const plan = new StructurePlan(root);
    expect(roles(plan.root)).toEqual({
      Document: [
        { H1: [] },
        { P: [] },
        { Table: [{ THead: [{ TR: [{ TH: [] }] }] }, { TBody: [{ TR: [{ TD: [] }] }] }] },
        { Figure: [] },
      ],
    });
    const th = plan.targetOf(cellA);
    expect(th !== 'artifact' && th?.role).toBe('TH');
    expect(th !== 'artifact' && th?.scope).toBe('Column');
    const fig = plan.targetOf(figureText);
    expect(fig !== 'artifact' && fig?.alt).toBe('Kaavio');
    expect(plan.targetOf(root.stack[4])).toBe('artifact');
  });

  it('attaches a node under the element named by tagParentId', () => {
    const nested = { stack: [{ text: 'syvä' }], role: 'L', tagParentId: 'body-1' };
    const root = {
      stack: [{ stack: [{ text: 'pinta', role: 'P' }], role: 'LBody', tagId: 'body-1' }, nested],
    };
    const plan = new StructurePlan(root);
    expect(roles(plan.root)).toEqual({ Document: [{ LBody: [{ P: [] }, { L: [{ P: [] }] }] }] });
  });

  it('keeps text in the element of its container for text containers like TD and TOCI', () => {
    const a = { text: '3.1 Teema' };
    const b = { text: '7' };
    const plan = new StructurePlan({ stack: [{ columns: [a, b], role: 'TOCI' }] });
    const ta = plan.targetOf(a);
    expect(ta !== 'artifact' && ta?.role).toBe('TOCI');
    expect(plan.targetOf(b)).toBe(ta);
  });
});

describe('mergeInlines', () => {
  const font = { name: 'Body' };
  const word = (text: string, x: number, extra: Record<string, unknown> = {}) => ({
    text,
    x,
    width: text.length * 5,
    font,
    fontSize: 10,
    color: '#000',
    ...extra,
  });

  it('joins neighbouring words that look the same and keeps the rest apart', () => {
    const line = {
      inlines: [
        word('Ohjelma ', 0),
        word('on ', 40),
        word('linkki ', 55, { link: 'https://example.fi' }),
        word('ja ', 90),
        word('lihava', 105, { font: { name: 'Bold' } }),
      ],
    };
    const merged = mergeInlines(line);
    expect(merged.inlines.map((i) => i.text)).toEqual(['Ohjelma on ', 'linkki ', 'ja ', 'lihava']);
    expect(merged.inlines[0]?.width).toBe(55);
    expect(line.inlines).toHaveLength(5);
  });

  it('never joins page-number references or justified words', () => {
    const line = {
      inlines: [
        word('Sivu ', 0),
        word('00000', 25, { _pageNodeRef: {} }),
        word('a ', 50, { justifyShift: 2 }),
        word('b', 62),
      ],
    };
    expect(mergeInlines(line).inlines).toHaveLength(4);
  });
});
