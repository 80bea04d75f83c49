/**
 * PDF export benchmark: a ~50-page and a ~200-page programme (realistic Finnish content grown
 * from the elinvoimaohjelma example, brand TTF font, TOC, running header/footer, tables),
 * exported tagged, and — the anchor, measured in the same run — raw pdfkit writing the same
 * text with the same font. Prints pages, time, peak memory, the ratio to raw pdfkit (goal
 * ≤ 1.5×) and the 200/50-page time ratio (goal ≤ 4.5×).
 *
 * Run alone: `npx tsx bench/pdf.ts`.
 */
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type { Programme, RichText, Section, Theme } from '../core/model/schema';
import {
  brandFonts,
  buildPdfDefinition,
  glyphCoverage,
  renderPdf,
  type LoadedBrand,
} from '../core/pdf/index';
import { getExample, getTemplate } from '../core/templates/registry';
import { loadBrandKit } from '../server/pdf/loadBrand';
import { ms, ratio } from './measure';

const BRAND = 'kalliorannikko';

/** The little of pdfkit's API the anchor uses (pdfkit ships no types). */
interface RawPdfKit {
  registerFont(name: string, bytes: Buffer): void;
  font(name: string): RawPdfKit;
  fontSize(size: number): RawPdfKit;
  text(text: string, options: { paragraphGap: number; lineGap: number }): RawPdfKit;
  on(event: 'pageAdded' | 'end', fn: () => void): void;
  on(event: 'data', fn: (chunk: Buffer) => void): void;
  end(): void;
}
const PDFDocument = createRequire(import.meta.url)('pdfkit') as new (options: {
  size: string;
  margins: { left: number; top: number; right: number; bottom: number };
  bufferPages: boolean;
}) => RawPdfKit;

/** The example programme with its themes repeated (new ids, numbered titles) to reach a size. */
export function grownProgramme(themeCount: number): Programme {
  const base = getExample('elinvoimaohjelma');
  const themesSection = base.sections.find(
    (s): s is Extract<Section, { kind: 'themes' }> => s.kind === 'themes',
  );
  if (!themesSection) throw new Error('the example has no themes');
  const source = themesSection.themes;
  const themes: Theme[] = Array.from({ length: themeCount }, (_, i) => {
    const t = source[i % source.length] as Theme;
    const copy = JSON.parse(JSON.stringify(t)) as Theme;
    const suffix = `x${i}`;
    const reid = (id: string): string => `${id.slice(0, 50)}-${suffix}`;
    copy.id = reid(copy.id);
    copy.title =
      i < source.length ? copy.title : `${copy.title} (${Math.floor(i / source.length) + 1})`;
    for (const ind of copy.indicators) ind.id = reid(ind.id);
    for (const g of copy.goals) {
      g.id = reid(g.id);
      for (const a of g.actions) a.id = reid(a.id);
      for (const ind of g.indicators) ind.id = reid(ind.id);
    }
    return copy;
  });
  return {
    ...base,
    sections: base.sections.map((s) => (s.kind === 'themes' ? { ...s, themes } : s)),
  };
}

function plain(text: RichText): string[] {
  return text.flatMap((b) =>
    b.type === 'list'
      ? b.items.map((i) =>
          i.children
            .map((c) =>
              c.type === 'text'
                ? c.text
                : c.type === 'link'
                  ? c.children.map((x) => (x.type === 'text' ? x.text : '')).join('')
                  : '\n',
            )
            .join(''),
        )
      : [
          b.children
            .map((c) =>
              c.type === 'text'
                ? c.text
                : c.type === 'link'
                  ? c.children.map((x) => (x.type === 'text' ? x.text : '')).join('')
                  : '\n',
            )
            .join(''),
        ],
  );
}

/** The programme's text as headings and paragraphs, for the raw pdfkit anchor. */
function textOf(p: Programme): { heading: boolean; text: string }[] {
  const out: { heading: boolean; text: string }[] = [{ heading: true, text: p.meta.title }];
  const para = (t: string): void => void (t.trim() && out.push({ heading: false, text: t }));
  for (const s of p.sections) {
    out.push({ heading: true, text: s.title || s.key });
    plain(s.body).forEach(para);
    if (s.kind === 'themes')
      for (const t of s.themes) {
        out.push({ heading: true, text: t.title });
        plain(t.description).forEach(para);
        for (const g of t.goals) {
          out.push({ heading: true, text: g.title });
          plain(g.description).forEach(para);
          for (const a of g.actions)
            para(
              `${a.title} ${plain(a.description).join(' ')} ${a.responsible} ${a.start ?? ''}–${a.end ?? ''} ${a.status}`,
            );
          for (const i of g.indicators)
            para(
              `${i.name} ${i.unit} ${i.baselineValue ?? ''} (${i.baselineYear ?? ''}) ${i.targetValue ?? ''} (${i.targetYear ?? ''}) ${i.source}`,
            );
        }
      }
  }
  return out;
}

/** Raw pdfkit: the same text, same fonts and page size, no layout engine, no tagging. */
function rawPdfkit(
  brand: LoadedBrand,
  blocks: { heading: boolean; text: string }[],
): Promise<{ bytes: number; pages: number }> {
  const fonts = brandFonts(brand);
  const [left, top, right, bottom] = brand.kit.page.margins;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { left, top, right, bottom },
    bufferPages: false,
  });
  doc.registerFont('Body', Buffer.from(fonts.Body!.normal));
  doc.registerFont('Bold', Buffer.from(fonts.Body!.bold));
  let pages = 1;
  doc.on('pageAdded', () => pages++);
  for (const b of blocks) {
    doc.font(b.heading ? 'Bold' : 'Body').fontSize(b.heading ? 14 : 10);
    doc.text(b.text, { paragraphGap: 6, lineGap: 3 });
  }
  return new Promise((resolve) => {
    let bytes = 0;
    doc.on('data', (c: Buffer) => (bytes += c.length));
    doc.on('end', () => resolve({ bytes, pages }));
    doc.end();
  });
}

async function exportTagged(
  brand: LoadedBrand,
  programme: Programme,
  tagged = true,
): Promise<{ bytes: number; pages: number }> {
  const fonts = brandFonts(brand);
  const { definition } = buildPdfDefinition({
    programme,
    template: getTemplate(programme.meta.templateId),
    brand,
    language: 'fi',
    coverage: {
      body: glyphCoverage(fonts.Body!.normal),
      heading: glyphCoverage(fonts.Heading!.bold),
      fallbacks: [],
    },
  });
  let pages = 0;
  const bytes = await renderPdf(definition, fonts, undefined, (r) => (pages = r.pages), { tagged });
  return { bytes: bytes.length, pages };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

interface Sample {
  wall: number;
  cpu: number;
}

/** Wall and CPU time of one call (CPU time is steadier on a shared, loaded machine). */
async function sample(fn: () => Promise<unknown>): Promise<Sample> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Runs the three exports alternately (tagged, untagged, raw pdfkit) and returns their medians. */
async function measure(fns: (() => Promise<unknown>)[], runs: number): Promise<Sample[]> {
  const samples: Sample[][] = fns.map(() => []);
  for (let i = 0; i <= runs; i++) {
    for (const [j, fn] of fns.entries()) {
      const s = await sample(fn);
      if (i > 0) samples[j]?.push(s); // the first round warms up
    }
  }
  return samples.map((list) => ({
    wall: median(list.map((s) => s.wall)),
    cpu: median(list.map((s) => s.cpu)),
  }));
}

/** Runs the benchmark and prints its table. */
export async function benchPdf(): Promise<void> {
  const brand = await loadBrandKit(BRAND);
  const sizes = [
    { label: '~50 pages', themes: 10 },
    { label: '~200 pages', themes: 44 },
  ];
  const results: { label: string; pages: number; ours: Sample; raw: Sample; untagged: Sample }[] =
    [];
  for (const size of sizes) {
    const programme = grownProgramme(size.themes);
    const blocks = textOf(programme);
    const probe = await exportTagged(brand, programme);
    const rawProbe = await rawPdfkit(brand, blocks);
    const [ours, untagged, raw] = (await measure(
      [
        () => exportTagged(brand, programme),
        () => exportTagged(brand, programme, false),
        () => rawPdfkit(brand, blocks),
      ],
      size.themes > 20 ? 3 : 5,
    )) as [Sample, Sample, Sample];
    results.push({ label: size.label, pages: probe.pages, ours, raw, untagged });
    console.log(
      `${size.label}: ${probe.pages} pages, ${(probe.bytes / 1024).toFixed(0)} KiB (raw pdfkit: same text on ${rawProbe.pages} pages)\n` +
        `  tagged export  ${ms(ours.wall)} wall, ${ms(ours.cpu)} CPU\n` +
        `  untagged       ${ms(untagged.wall)} wall, ${ms(untagged.cpu)} CPU  → tagging costs ${ratio(ours.cpu, untagged.cpu)} (CPU)\n` +
        `  raw pdfkit     ${ms(raw.wall)} wall, ${ms(raw.cpu)} CPU  → export is ${ratio(ours.cpu, raw.cpu)} raw pdfkit (CPU), ${ratio(ours.wall, raw.wall)} (wall); goal ≤ 1.5×\n` +
        `  peak RSS of the process so far: ${mb(process.resourceUsage().maxRSS * 1024)}`,
    );
  }
  const [small, large] = results;
  if (small && large) {
    console.log(
      `200/50-page time ratio: ${ratio(large.ours.cpu, small.ours.cpu)} CPU, ${ratio(large.ours.wall, small.ours.wall)} wall, for ${ratio(large.pages, small.pages)} the pages; goal ≤ 4.5×`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchPdf();
