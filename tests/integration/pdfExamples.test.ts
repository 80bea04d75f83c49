/**
 * Every template's example programme, exported with its own brand kit (or the default) and
 * checked like a reviewer would: qpdf, fonts, reading order, footers, TOC, structure tree.
 */
import { describe, expect, it } from 'vitest';
import { getExample, templateIds } from '../../core/templates/registry';
import { exportProgramme } from '../fixtures/pdf/exporter';
import { expectedOrder, findInOrder, norm, readBack } from '../fixtures/pdf/verify';

const BRANDS = ['kalliorannikko', 'jarvilaakso', 'default'];

describe.each(templateIds().map((id, i) => [id, BRANDS[i % BRANDS.length] as string]))(
  'PDF export of the %s example with the %s brand',
  (id, brand) => {
    it('is valid, embedded, complete, in reading order, with correct footers, TOC and tags', async () => {
      const programme = getExample(id);
      const result = await exportProgramme(programme, { brand });
      const report = await readBack(result.bytes);
      expect(report.qpdfOk, report.qpdfOutput).toBe(true);
      expect(report.fonts.every((f) => f.embedded && f.subset)).toBe(true);
      expect(result.warnings).toEqual([]);
      expect(report.text).toContain(norm(programme.meta.title));
      expect(findInOrder(report.text, expectedOrder(programme)).missing).toBeNull();
      report.pages
        .slice(1)
        .forEach((text, i) => expect(norm(text)).toContain(`Sivu ${i + 2} / ${result.pages}`));
      expect(report.tocPages.size).toBeGreaterThan(0);
      for (const [number, page] of report.tocPages)
        expect(report.headingPages.get(number), `heading ${number}`).toBe(page);
      expect(report.textOutsideMarked).toBe(0);
      expect(report.orphanMcids).toBe(0);
      expect(result.untaggedLines).toBe(0);
      const h1 = report.elements
        .filter((e) => e.role === 'H1' && /^\d/.test(e.text))
        .map((e) => e.text);
      expect(h1.map((t) => t.split(' ')[0])).toEqual(
        programme.sections
          .map((_, i) => String(i + 1))
          .concat(
            h1.length > programme.sections.length ? [String(programme.sections.length + 1)] : [],
          ),
      );
      if (
        programme.sections.some(
          (s) => s.kind === 'indicators' || s.kind === 'themes' || s.kind === 'budget',
        )
      )
        expect(report.elements.some((e) => e.role === 'TH')).toBe(true);
      expect(report.catalog['/Lang']).toBe('u:fi-FI');
      expect(report.title).toBe(programme.meta.title);
    });
  },
);
