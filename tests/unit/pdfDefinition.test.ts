import { describe, expect, it } from 'vitest';
import { BrandKit, BrandKitError, loadBrand, type LoadedBrand } from '../../core/pdf/brand/schema';
import { allNodes, bundledBrand, definitionOf, textOf } from '../fixtures/pdf/exporter';
import { emojiAndCjk, fixtureProgramme, onlyTitle } from '../fixtures/pdf/programme';

type Fn = (page: number, pages: number) => unknown;

describe('buildPdfDefinition', () => {
  it('puts the title, period, status and approval line on the cover', async () => {
    const { definition } = await definitionOf(fixtureProgramme());
    const cover = textOf(
      allNodes((definition.content as unknown[])[0]).filter((n) => typeof n.text !== 'undefined'),
    );
    expect(cover).toContain('Testiseudun elinvoimaohjelma 2022–2026');
    expect(cover).toContain('Uusiutuvan energian ja osaavien ihmisten seutu');
    expect(cover).toContain('Hyväksytty seutuvaltuustossa 9.5.2022 § 12');
    expect(cover).toContain('Testiseudun kuntayhtymä');
  });

  it('numbers headings and lists every chapter and theme in the TOC with a link to the heading', async () => {
    const { definition } = await definitionOf(fixtureProgramme());
    const nodes = allNodes(definition.content);
    const headings = nodes.filter(
      (n) => typeof n.role === 'string' && /^H[123]$/.test(n.role) && typeof n.id === 'string',
    );
    const titles = headings.map((h) => textOf(h.text).replace(/\s+/g, ' '));
    expect(titles.slice(0, 4)).toEqual([
      '1 Visio',
      '2 Tavoitetila 2026',
      '3 Kehittämisteemat',
      '3.1 Uusiutuva energia',
    ]);
    expect(titles).toContain('3.1.2 Tavoite 1.2: uusiutuva energia vahvistuu');
    const tocItems = nodes.filter((n) => n.role === 'TOCI');
    const targets = tocItems.map(
      (t) => allNodes(t).find((n) => typeof n.pageReference === 'string')?.pageReference,
    );
    const h12 = headings.filter((h) => h.role !== 'H3').map((h) => h.id);
    expect(targets).toEqual(h12);
    expect(headings.every((h) => h.outline === true)).toBe(true);
  });

  it('gives every data table a repeated header row of TH cells and unsplittable rows', async () => {
    const { definition } = await definitionOf(fixtureProgramme());
    const tables = allNodes(definition.content).filter((n) => n.role === 'Table');
    expect(tables.length).toBeGreaterThan(8);
    for (const t of tables) {
      const table = t.table as {
        headerRows: number;
        dontBreakRows: boolean;
        body: Record<string, unknown>[][];
      };
      expect(table.headerRows).toBe(1);
      expect(table.dontBreakRows).toBe(true);
      expect(table.body[0]?.every((c) => c.role === 'TH' && c.scope === 'Column')).toBe(true);
    }
  });

  it('formats the budget in euros with totals per year and overall, and funders with their amounts', async () => {
    const { definition } = await definitionOf(fixtureProgramme());
    const texts = allNodes(definition.content).map((n) =>
      typeof n.text === 'string' ? n.text : '',
    );
    const eur = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');
    const all = texts.map(eur);
    expect(all).toContain('116 475 €');
    expect(all).toContain('4 635 €');
    expect(all).toContain('75 630 €');
    expect(all).toContain('81 532,50 €'); // 70 % of 116 475 €
    expect(texts.some((t) => /116[\u00a0\u202f]475\u00a0€/.test(t))).toBe(true);
  });

  it('lists actions with responsible, schedule, status and estimated cost', async () => {
    const { definition } = await definitionOf(fixtureProgramme());
    const table = allNodes(definition.content).find(
      (n) =>
        n.role === 'Table' &&
        textOf((n.table as { body: unknown[][] }).body[0]?.[0]) === 'Toimenpide',
    );
    const [header, row] = (table?.table as { body: unknown[][] }).body;
    expect(header?.map(textOf)).toEqual([
      'Toimenpide',
      'Vastuutaho',
      'Aikataulu',
      'Tila',
      'Kustannusarvio',
    ]);
    expect(row?.slice(1).map((c) => textOf(c).replace(/[\u00a0\u202f]/g, ' '))).toEqual([
      'Kuusiseudun Kehitys Oy',
      '1.12.2022–30.6.2024',
      'Käynnissä',
      '12 000 €',
    ]);
  });

  it('draws the theme figure as a Figure whose alt text names the vision, every theme and goal', async () => {
    const { definition } = await definitionOf(fixtureProgramme());
    const figure = allNodes(definition.content).find(
      (n) => n.role === 'Figure' && typeof n.canvas === 'undefined' && n.stack,
    );
    expect(figure?.alt).toContain('Testiseutu 2026 – rohkea, vihreä ja välittävä');
    for (const t of [
      'Uusiutuva energia',
      'Digitaalinen seutu',
      'Yrittäjyys ja työ',
      'Tavoite 2.1: digitaalinen seutu vahvistuu',
    ])
      expect(figure?.alt).toContain(t);
  });

  it('turns rich text into paragraphs, nested tagged lists, styled runs and links', async () => {
    const { definition } = await definitionOf(fixtureProgramme());
    const nodes = allNodes(definition.content);
    expect(
      nodes.some(
        (n) => n.link === 'https://www.example.fi/ohjelma' && n.text === 'ohjelman verkkosivu',
      ),
    ).toBe(true);
    expect(nodes.some((n) => n.bold === true && n.text === 'yhdessä')).toBe(true);
    expect(nodes.some((n) => n.italics === true && n.text === 'yritysten')).toBe(true);
    expect(nodes.some((n) => n.decoration === 'underline' && n.text === 'asukkaiden')).toBe(true);
    const lists = nodes.filter((n) => n.role === 'L');
    expect(lists.length).toBe(2);
    const item = nodes.find((n) => n.role === 'LI');
    expect((item?.columns as { role: string }[]).map((c) => c.role)).toEqual(['Lbl', 'LBody']);
  });

  it('prints running footers and labels in the document language', async () => {
    const fi = (await definitionOf(fixtureProgramme())).definition;
    const sv = (await definitionOf(fixtureProgramme(), { language: 'sv' })).definition;
    const en = (await definitionOf(fixtureProgramme(), { language: 'en' })).definition;
    expect(textOf(allNodes((fi.footer as Fn)(3, 24)))).toContain('Sivu 3 / 24');
    expect(textOf(allNodes((sv.footer as Fn)(3, 24)))).toContain('Sida 3 / 24');
    expect(textOf(allNodes((en.footer as Fn)(3, 24)))).toContain('Page 3 of 24');
    expect((fi.footer as Fn)(1, 24)).toBeNull();
    expect(allNodes(sv.content).some((n) => n.text === 'Innehåll')).toBe(true);
    expect(fi.language).toBe('fi-FI');
  });

  it('declares the language the text is written in, and says so when labels are in another', async () => {
    const finnish = await definitionOf(fixtureProgramme(), { language: 'en' });
    expect(finnish.definition.language).toBe('fi-FI');
    expect(finnish.warnings.map((w) => w.code)).toContain('label-language');
    const bilingual = fixtureProgramme();
    bilingual.meta.languages = ['fi', 'sv'];
    const sv = await definitionOf(bilingual, { language: 'sv' });
    expect(sv.definition.language).toBe('sv-FI');
    expect(sv.warnings.map((w) => w.code)).not.toContain('label-language');
  });

  it('sends emoji to the fallback font and reports characters no font has, naming the item', async () => {
    const { definition, warnings } = await definitionOf(emojiAndCjk());
    const runs = allNodes(definition.content).filter((n) => n.font === 'Fallback2');
    expect(runs.map((r) => r.text)).toEqual(expect.arrayContaining(['⚡', '🌲', '🎉']));
    const missing = warnings.filter((w) => w.code === 'missing-glyphs');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.where).toBe('Kansainvälisyys');
    expect(missing[0]?.message).toContain('東 (U+6771)');
    expect(missing[0]?.message).toContain('京 (U+4EAC)');
  });

  it('draws characters a small brand font lacks (CO₂, Greek) with the broad text fallback, without warnings', async () => {
    const programme = fixtureProgramme();
    programme.meta.subtitle = 'CO₂-päästöt ja αβ-luokitus';
    const { definition, warnings } = await definitionOf(programme, { brand: 'jarvilaakso' });
    const runs = allNodes(definition.content).filter((n) => n.font === 'Fallback1');
    expect(runs.map((r) => r.text)).toEqual(expect.arrayContaining(['₂', 'αβ']));
    expect(warnings).toEqual([]);
  });

  it('warns about emoji too when no fallback font is available', async () => {
    const { warnings } = await definitionOf(emojiAndCjk(), { fallback: false });
    expect(warnings.map((w) => w.message).join(' ')).toContain('🎉');
  });

  it('builds the same definition twice from the same input', async () => {
    const a = await definitionOf(fixtureProgramme(), { brand: 'kalliorannikko' });
    const b = await definitionOf(fixtureProgramme(), { brand: 'kalliorannikko' });
    expect(JSON.stringify(a.definition.content)).toBe(JSON.stringify(b.definition.content));
  });

  it('exports a programme with only a title without errors or warnings', async () => {
    const { definition, warnings } = await definitionOf(onlyTitle());
    expect(warnings).toEqual([]);
    expect(allNodes(definition.content).filter((n) => n.role === 'TOCI')).toHaveLength(0);
  });

  it('leaves out a corrupt logo with a warning naming the kit and file', async () => {
    const base = await bundledBrand('kalliorannikko');
    const broken: LoadedBrand = {
      kit: { ...base.kit, logo: { file: 'logo.png', width: 60 } },
      files: new Map([
        ...base.files,
        ['logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])],
      ]),
    };
    const { definition, warnings } = await definitionOf(fixtureProgramme(), { brand: broken });
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'image-skipped',
        where: 'brand kit "kalliorannikko" › logo (logo.png)',
      }),
    ]);
    expect(allNodes(definition.content).some((n) => n.image !== undefined)).toBe(false);
  });
});

describe('BrandKit', () => {
  it('validates the bundled kits', async () => {
    for (const id of ['default', 'kalliorannikko', 'jarvilaakso'])
      expect((await bundledBrand(id)).kit.id).toBe(id);
  });

  it('rejects WOFF2 fonts, bad colours and paths out of the kit folder with readable messages', async () => {
    const kit = (await bundledBrand('default')).kit;
    const bad = {
      ...kit,
      colors: { ...kit.colors, primary: 'blue' },
      fonts: { body: { ...kit.fonts.body, normal: '../../etc/font.woff2' } },
    };
    expect(BrandKit.safeParse(bad).success).toBe(false);
    expect(() => loadBrand(bad, new Map(), 'x/brand.json')).toThrow(BrandKitError);
    expect(() => loadBrand(bad, new Map(), 'x/brand.json')).toThrow(
      /colors\.primary.*#RRGGBB.*fonts\.body\.normal/s,
    );
  });

  it('names a font file the kit lacks', async () => {
    const kit = (await bundledBrand('default')).kit;
    expect(() => loadBrand(kit, new Map(), 'brand.json')).toThrow(
      /names font fonts\/SourceSans3-Regular\.ttf, which is missing/,
    );
  });
});
