/**
 * The fixture programme exported with each bundled brand kit and read back with qpdf, poppler
 * and pdfjs-dist: what a council member, a screen-reader user and an accessibility reviewer get.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../core/model/schema';
import { brandFonts, renderPdf, type PdfProgress } from '../../core/pdf/index';
import { bundledBrand, definitionOf, exportProgramme } from '../fixtures/pdf/exporter';
import { bigIndicatorTable, fixtureProgramme } from '../fixtures/pdf/programme';
import { readOutline, structElements, tempPdf } from '../fixtures/pdf/inspect';
import { expectedOrder, findInOrder, norm, readBack, type PdfReport } from '../fixtures/pdf/verify';

const exports = new Map<
  string,
  { report: PdfReport; pages: number; untagged: number; bytes: number }
>();
const key = (brand: string, lang: Language): string => `${brand}/${lang}`;

beforeAll(async () => {
  for (const [brand, lang] of [
    ['default', 'fi'],
    ['kalliorannikko', 'fi'],
    ['jarvilaakso', 'fi'],
    ['default', 'sv'],
    ['default', 'en'],
  ] as const) {
    const result = await exportProgramme(fixtureProgramme(), { brand, language: lang });
    exports.set(key(brand, lang), {
      report: await readBack(result.bytes),
      pages: result.pages,
      untagged: result.untaggedLines,
      bytes: result.bytes.length,
    });
  }
});

const get = (brand: string, lang: Language = 'fi') => {
  const e = exports.get(key(brand, lang));
  if (!e) throw new Error(`no export ${brand}/${lang}`);
  return e;
};

describe('PDF export of the fixture programme', () => {
  it.each(['default', 'kalliorannikko', 'jarvilaakso'])(
    'passes qpdf --check with the %s brand',
    (brand) => {
      const { report } = get(brand);
      expect(report.qpdfOk, report.qpdfOutput).toBe(true);
      expect(report.qpdfOutput).toContain('No syntax or stream encoding errors');
    },
  );

  it.each(['default', 'kalliorannikko', 'jarvilaakso'])(
    'embeds and subsets every font with the %s brand',
    (brand) => {
      const { report } = get(brand);
      expect(report.fonts.length).toBeGreaterThanOrEqual(2);
      for (const f of report.fonts) {
        expect(f.embedded, f.name).toBe(true);
        expect(f.subset, f.name).toBe(true);
      }
    },
  );

  it('prints every heading, the vision, every theme, goal and indicator in reading order, Finnish characters intact', () => {
    const { report } = get('default');
    expect(report.text).toContain('Testiseutu 2026 – rohkea, vihreä ja välittävä.');
    expect(findInOrder(report.text, expectedOrder(fixtureProgramme())).missing).toBeNull();
    expect(report.text).toContain('Äänestys, öljy ja Åland – “lainausmerkit” ja § 12.');
    expect(report.text).toContain('Hyväksytty seutuvaltuustossa 9.5.2022 § 12');
    for (const h of [
      '1 Visio',
      '2 Tavoitetila 2026',
      '3 Kehittämisteemat',
      '4 Ohjelman valmistelu',
      '6 Kustannusarvio ja rahoitus',
      '8 Yhteystiedot',
    ])
      expect(report.text).toContain(h);
  });

  it('prints the budget with Finnish number formatting', () => {
    const text = get('default').report.text.replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain('116 475 €');
    expect(text).toContain('81 532,50 €');
    expect(text).toContain('1.12.2022–28.2.2023');
  });

  it('puts "Sivu N / M" with the right total on every page but the cover', () => {
    const { report, pages } = get('default');
    expect(report.pages).toHaveLength(pages);
    expect(report.pages[0]).not.toMatch(/Sivu \d+/);
    report.pages
      .slice(1)
      .forEach((text, i) => expect(norm(text)).toContain(`Sivu ${i + 2} / ${pages}`));
  });

  it('uses Swedish and English footers and labels', () => {
    const sv = get('default', 'sv');
    const en = get('default', 'en');
    expect(norm(sv.report.pages[1] ?? '')).toContain(`Sida 2 / ${sv.pages}`);
    expect(norm(en.report.pages[1] ?? '')).toContain(`Page 2 of ${en.pages}`);
    expect(sv.report.text).toContain('Innehåll');
    expect(en.report.text).toContain('Contents');
  });

  it('has TOC page numbers that match the pages the headings are on', () => {
    const { report } = get('kalliorannikko');
    expect(report.tocPages.size).toBeGreaterThanOrEqual(11);
    for (const [number, page] of report.tocPages)
      expect(report.headingPages.get(number), `heading ${number}`).toBe(page);
  });

  it.each(['default', 'kalliorannikko', 'jarvilaakso'])(
    'has no text outside marked content with the %s brand',
    (brand) => {
      const { report, untagged } = get(brand);
      expect(report.textOutsideMarked).toBe(0);
      expect(untagged).toBe(0);
    },
  );

  it('has a structure tree with headings in order, lists, tables with header cells, figures with alt text and links', () => {
    const { report } = get('default');
    const roles = report.elements.map((e) => e.role);
    expect(roles.slice(0, 2)).toEqual(['Root', 'Document']);
    for (const r of [
      'H1',
      'H2',
      'H3',
      'P',
      'L',
      'LI',
      'Lbl',
      'LBody',
      'Table',
      'THead',
      'TBody',
      'TR',
      'TH',
      'TD',
      'Figure',
      'Link',
      'TOC',
      'TOCI',
    ])
      expect(roles, r).toContain(r);
    const headings = report.elements
      .filter((e) => /^H[1-3]$/.test(e.role) && /^\d/.test(e.text))
      .map((e) => e.text.split(' ')[0]);
    expect(headings.slice(0, 6)).toEqual(['1', '2', '3', '3.1', '3.1.1', '3.1.2']);
    const figure = report.elements.find((e) => e.role === 'Figure' && e.alt?.startsWith('Kaavio'));
    expect(figure?.alt).toContain('Digitaalinen seutu');
    const th = report.elements.filter((e) => e.role === 'TH').map((e) => e.text);
    expect(th).toEqual(
      expect.arrayContaining([
        'Mittari',
        'Yksikkö',
        'Lähtötaso',
        'Tavoite',
        'Lähde',
        'Kustannuslaji',
      ]),
    );
    const links = report.elements.filter((e) => e.role === 'Link').map((e) => e.text);
    expect(links).toContain('ohjelman verkkosivu');
  });

  it("repeats a long table's header row on every page but tags it as TH only once", async () => {
    const result = await exportProgramme(bigIndicatorTable(150));
    const report = await readBack(result.bytes);
    const tablePages = report.pages.slice(2);
    expect(tablePages.length).toBeGreaterThan(2);
    for (const page of tablePages)
      expect(norm(page)).toContain('Mittari Yksikkö Lähtötaso Tavoite Lähde');
    expect(report.elements.filter((e) => e.role === 'TH' && e.text === 'Mittari')).toHaveLength(1);
    expect(report.elements.filter((e) => e.role === 'TR').length).toBeGreaterThanOrEqual(151);
    expect(report.textOutsideMarked).toBe(0);
  });

  it('has a bookmark for every chapter, theme and goal, nested under its chapter', async () => {
    const result = await exportProgramme(fixtureProgramme());
    const outline = await readOutline(result.bytes);
    expect(outline.filter((o) => o.level === 1).map((o) => o.title)).toEqual([
      '1 Visio',
      '2 Tavoitetila 2026',
      '3 Kehittämisteemat',
      '4 Ohjelman valmistelu',
      '5 Seurannan mittarit',
      '6 Kustannusarvio ja rahoitus',
      '7 Aikataulu',
      '8 Yhteystiedot',
    ]);
    expect(outline).toContainEqual({ title: '3.2 Digitaalinen seutu', level: 2 });
    expect(outline).toContainEqual({
      title: '3.2.1 Tavoite 2.1: digitaalinen seutu vahvistuu',
      level: 3,
    });
  });

  it('marks header cells with their scope and gives figures alt text and a bounding box', async () => {
    const result = await exportProgramme(fixtureProgramme());
    const tmp = tempPdf(result.bytes);
    try {
      const elements = structElements(tmp.file);
      const th = elements.filter((e) => e['/S'] === '/TH');
      expect(th.length).toBeGreaterThan(10);
      for (const cell of th)
        expect(['/Column', '/Row']).toContain((cell['/A'] as Record<string, unknown>)['/Scope']);
      expect(th.some((c) => (c['/A'] as Record<string, unknown>)['/Scope'] === '/Row')).toBe(true); // budget total rows
      const figures = elements.filter((e) => e['/S'] === '/Figure');
      expect(figures.length).toBeGreaterThanOrEqual(1);
      for (const f of figures) {
        expect(String(f['/Alt'])).toMatch(/^u:.{10,}/);
        expect((f['/A'] as Record<string, unknown>)['/BBox']).toHaveLength(4);
      }
    } finally {
      tmp.dispose();
    }
  });

  it('reports progress: pages laid out, then drawing up to 100 %, then writing', async () => {
    const { definition } = await definitionOf(fixtureProgramme());
    const events: PdfProgress[] = [];
    let pages = 0;
    await renderPdf(
      definition,
      brandFonts(await bundledBrand('default')),
      (p) => events.push(p),
      (r) => (pages = r.pages),
    );
    const phases = events.map((e) => e.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(['layout', 'render', 'write']);
    const laidOut = events.filter((e) => e.pages !== undefined).map((e) => e.pages);
    expect(laidOut).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    expect(events.filter((e) => e.phase === 'render').at(-1)?.fraction).toBe(1);
  });

  it('sets the language, a displayed title, MarkInfo, a structure tree root, bookmarks and tab order', () => {
    const { report } = get('default');
    expect(report.catalog['/Lang']).toBe('u:fi-FI');
    expect(report.catalog['/MarkInfo']).toEqual({ '/Marked': true });
    expect(report.catalog['/ViewerPreferences']).toEqual({ '/DisplayDocTitle': true });
    expect(report.catalog['/StructTreeRoot']).toBeTruthy();
    expect(report.catalog['/Outlines']).toBeTruthy();
    expect(report.title).toBe('Testiseudun elinvoimaohjelma 2022–2026');
    expect(report.tabs.every((t) => t === '/S')).toBe(true);
    expect(get('default', 'sv').report.catalog['/Lang']).toBe('u:sv-FI');
  });
});
