/**
 * Bad and hostile input (issue 3): each case exports without crashing and the PDF is still
 * valid and tagged, or the export fails with a message naming the item. Time is bounded by the
 * test timeout; the benchmark reports the actual figures.
 */
import { describe, expect, it } from 'vitest';
import { brandFonts, renderPdf, type LoadedBrand, type RenderReport } from '../../core/pdf/index';
import { bundledBrand, exportProgramme } from '../fixtures/pdf/exporter';
import { corruptPng, gif, png, truncatedPng } from '../fixtures/pdf/images';
import {
  bigIndicatorTable,
  deepList,
  emojiAndCjk,
  emptyProgramme,
  fixtureProgramme,
  longWord,
  onlyTitle,
} from '../fixtures/pdf/programme';
import { readStructure, type StructNode } from '../fixtures/pdf/inspect';
import { expectedOrder, findInOrder, norm, readBack } from '../fixtures/pdf/verify';

async function withImages(images: {
  logo?: [string, Uint8Array];
  cover?: [string, Uint8Array];
}): Promise<LoadedBrand> {
  const base = await bundledBrand('jarvilaakso');
  const files = new Map(base.files);
  const kit = { ...base.kit };
  if (images.logo) {
    kit.logo = { file: images.logo[0], width: 60 };
    files.set(images.logo[0], images.logo[1]);
  }
  if (images.cover) {
    kit.coverImage = { file: images.cover[0], alt: 'Järvimaisema' };
    files.set(images.cover[0], images.cover[1]);
  }
  return { kit, files };
}

describe('PDF export of hostile input', () => {
  it('exports a 5,000-row indicator table with its header on every page and every row tagged', async () => {
    const result = await exportProgramme(bigIndicatorTable(5000));
    const report = await readBack(result.bytes);
    expect(report.qpdfOk).toBe(true);
    expect(result.pages).toBeGreaterThan(100);
    expect(report.text).toContain('Mittari numero 5000: työllisyysaste alueella');
    for (const page of report.pages.slice(2))
      expect(norm(page)).toContain('Mittari Yksikkö Lähtötaso');
    expect(report.textOutsideMarked).toBe(0);
    expect(report.elements.filter((e) => e.role === 'TH' && e.text === 'Mittari')).toHaveLength(1);
  }, 180_000);

  it('breaks a 5,000-character word across lines without losing a character', async () => {
    const result = await exportProgramme(longWord(5000));
    const report = await readBack(result.bytes);
    expect(report.qpdfOk).toBe(true);
    const word = report.elements
      .filter((e) => e.role === 'P' && /^[aö ]+$/.test(e.text))
      .map((e) => e.text.replace(/ /g, ''))
      .join('');
    expect(word.length).toBe(5000);
    expect(word === 'a'.repeat(4999) + 'ö').toBe(true);
    expect(report.textOutsideMarked).toBe(0);
  });

  it('keeps every item of a list nested 50 levels deep, nesting the first ten, with a warning', async () => {
    const result = await exportProgramme(deepList(50));
    const report = await readBack(result.bytes);
    expect(report.qpdfOk).toBe(true);
    for (const level of [1, 7, 25, 50]) expect(report.text).toContain(`taso ${level}`);
    // Elements repeat in pdf.js's per-page trees; labels and items' text sit on one page each.
    expect(report.elements.filter((e) => e.role === 'Lbl' && e.text !== '')).toHaveLength(50);
    expect(report.elements.filter((e) => e.role === 'P' && /^taso \d+$/.test(e.text))).toHaveLength(
      50,
    );
    let deepest = 0;
    const walk = (node: StructNode, lists: number): void => {
      const here = node.role === 'L' ? lists + 1 : lists;
      deepest = Math.max(deepest, here);
      for (const c of node.children ?? []) if (!('type' in c)) walk(c, here);
    };
    for (const page of await readStructure(result.bytes)) if (page.tree) walk(page.tree, 0);
    expect(deepest).toBe(10);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'list-flattened', where: 'Syvä lista' }),
    ]);
    expect(report.textOutsideMarked).toBe(0);
  });

  it('keeps a table row taller than a page whole, across pages, instead of dropping it', async () => {
    const programme = fixtureProgramme();
    const themes = programme.sections.find((s) => s.kind === 'themes');
    const action = themes?.kind === 'themes' ? themes.themes[0]?.goals[0]?.actions[0] : undefined;
    if (!action) throw new Error('fixture has no action');
    action.description = Array.from({ length: 120 }, (_, i) => ({
      type: 'paragraph' as const,
      children: [
        {
          type: 'text' as const,
          text: `Kappale ${i + 1}: pitkä kuvaus toimenpiteestä, joka jatkuu useamman rivin verran.`,
        },
      ],
    }));
    const result = await exportProgramme(programme);
    const report = await readBack(result.bytes);
    expect(report.qpdfOk).toBe(true);
    for (let n = 1; n <= 120; n++) expect(report.text).toContain(`Kappale ${n}:`);
    expect(findInOrder(report.text, expectedOrder(programme)).missing).toBeNull();
    expect(report.textOutsideMarked).toBe(0);
  });

  it('lays out an unbreakable block taller than a page across pages instead of dropping it', async () => {
    const paras = Array.from({ length: 150 }, (_, i) => ({
      text: `Kappale ${i + 1}: teksti, joka jatkuu.`,
      role: 'P',
    }));
    const bytes = await renderPdf(
      {
        content: [
          { text: 'Alku', role: 'H1' },
          { stack: paras, unbreakable: true },
          { text: 'Loppu' },
        ],
        defaultStyle: { font: 'Body' },
      },
      brandFonts(await bundledBrand('default')),
    );
    const report = await readBack(bytes);
    for (const n of [1, 75, 150]) expect(report.text).toContain(`Kappale ${n}:`);
    expect(report.text).toContain('Loppu');
    expect(report.pages.length).toBeGreaterThan(2);
  });

  it('lets an overlong cover flow onto the next page without overlapping or hiding text', async () => {
    const programme = fixtureProgramme();
    programme.meta.title = 'Pitkä otsikko '.repeat(35).trim();
    programme.meta.subtitle = 'Alaotsikko on pitkä. '.repeat(45).trim();
    programme.meta.organisations = Array.from(
      { length: 30 },
      (_, i) => `Kunta numero ${i + 1} ja sen liikelaitos`,
    );
    const result = await exportProgramme(programme, { brand: 'kalliorannikko' });
    const report = await readBack(result.bytes);
    expect(report.qpdfOk).toBe(true);
    // The subtitle is one paragraph split over two pages: join its parts from the structure tree.
    const subtitle = report.elements
      .filter((e) => e.role === 'P' && e.text.includes('Alaotsikko'))
      .map((e) => e.text)
      .join(' ');
    expect(subtitle.split('Alaotsikko on pitkä.').length - 1).toBe(45);
    expect(report.text).toContain('Kunta numero 30 ja sen liikelaitos');
    const tocPage = report.pages.findIndex((p) => p.includes('Sisällys'));
    expect(tocPage).toBeGreaterThan(0);
    expect(report.pages[tocPage]).not.toContain('Alaotsikko on pitkä');
    for (const [number, page] of report.tocPages)
      expect(report.headingPages.get(number)).toBe(page);
  });

  it('draws emoji with the fallback font and names the CJK characters no font has', async () => {
    const result = await exportProgramme(emojiAndCjk());
    const report = await readBack(result.bytes);
    expect(report.text).toContain('Energia ⚡ ja 🌲 metsä');
    expect(report.fonts.some((f) => f.name.includes('NotoEmoji'))).toBe(true);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'missing-glyphs', where: 'Kansainvälisyys' }),
    ]);
    expect(result.warnings[0]?.message).toMatch(/東 \(U\+6771\), 京 \(U\+4EAC\)/);
  });

  it('exports an empty document and a document with only a title', async () => {
    for (const programme of [emptyProgramme(), onlyTitle()]) {
      const result = await exportProgramme(programme);
      const report = await readBack(result.bytes);
      expect(report.qpdfOk).toBe(true);
      expect(result.pages).toBe(2);
      expect(report.textOutsideMarked).toBe(0);
      expect(result.warnings).toEqual([]);
    }
    const titled = await readBack((await exportProgramme(onlyTitle())).bytes);
    expect(titled.text).toContain('Testiseudun elinvoimaohjelma 2022–2026');
    expect(titled.title).toBe('Testiseudun elinvoimaohjelma 2022–2026');
  });

  it.each([
    ['a corrupt PNG', corruptPng(), 'checksum'],
    ['a truncated PNG', truncatedPng(), 'PNG'],
    ['a GIF', gif(), 'not a PNG or JPEG image'],
  ])(
    'skips %s as logo with a warning naming it, and exports the rest',
    async (_name, bytes, reason) => {
      const brand = await withImages({ logo: ['logo.png', bytes] });
      const result = await exportProgramme(fixtureProgramme(), { brand });
      const report = await readBack(result.bytes);
      expect(report.qpdfOk).toBe(true);
      expect(result.warnings).toEqual([
        expect.objectContaining({
          code: 'image-skipped',
          where: 'brand kit "jarvilaakso" › logo (logo.png)',
        }),
      ]);
      expect(result.warnings[0]?.message).toContain(reason);
      expect(report.text).toContain('3.1 Uusiutuva energia');
    },
  );

  it('draws a valid cover image as a Figure with its alt text and skips a broken one', async () => {
    const good = await exportProgramme(fixtureProgramme(), {
      brand: await withImages({ cover: ['cover.png', png(32)] }),
    });
    expect(good.warnings).toEqual([]);
    const figure = (await readBack(good.bytes)).elements.find(
      (e) => e.role === 'Figure' && e.alt === 'Järvimaisema',
    );
    expect(figure).toBeDefined();
    const bad = await exportProgramme(fixtureProgramme(), {
      brand: await withImages({ cover: ['cover.png', corruptPng()] }),
    });
    expect(bad.warnings.map((w) => w.where)).toEqual([
      'brand kit "jarvilaakso" › cover image (cover.png)',
    ]);
  });

  it('never loads images from URLs or local paths named in a definition, and skips unreadable image bytes', async () => {
    const brand = await bundledBrand('default');
    let report: RenderReport | undefined;
    const bytes = await renderPdf(
      {
        content: [
          { text: 'Kuvat', role: 'H1' },
          { image: 'https://example.com/tracker.png', width: 20 },
          { image: '/etc/passwd', width: 20, alt: 'salasanat' },
          { image: 'file:///etc/hosts', width: 20 },
          { image: 'broken', width: 20, alt: 'rikkinäinen kuva' },
        ],
        images: { broken: new Uint8Array([1, 2, 3, 4]) },
        defaultStyle: { font: 'Body' },
      },
      brandFonts(brand),
      undefined,
      (r) => (report = r),
    );
    const read = await readBack(bytes);
    expect(read.qpdfOk).toBe(true);
    expect(read.text).toContain('Kuvat');
    expect(report?.warnings.map((w) => w.where)).toEqual([
      'https://example.com/tracker.png',
      'salasanat',
      'file:///etc/hosts',
      'rikkinäinen kuva',
    ]);
  });
});
