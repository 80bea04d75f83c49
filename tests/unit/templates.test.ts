import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  createProgramme,
  getExample,
  getTemplate,
  Programme,
  programmeToDoc,
  snapshot,
  Template,
  templateIds,
  type Block,
  type Inline,
  type Labels,
  type RichText,
} from '../../core/index';

const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const rawTemplate = (id: string) => readJson(path.join(TEMPLATES_DIR, `${id}.json`));
const rawExample = (id: string) => readJson(path.join(TEMPLATES_DIR, 'examples', `${id}.json`));

/** Every template file on disk, so a template added without registering it fails here. */
const filesOnDisk = readdirSync(TEMPLATES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();
const IDS = templateIds();

/** Every {fi, sv, en} object in a template, with where it is. */
function labelsIn(value: unknown, where: string, out: { where: string; labels: Labels }[] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => labelsIn(v, `${where}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('fi' in o && 'sv' in o && 'en' in o) out.push({ where, labels: o as Labels });
    else for (const [k, v] of Object.entries(o)) labelsIn(v, `${where}.${k}`, out);
  }
  return out;
}

const inlineFeatures = (inlines: Inline[], seen: Set<string>): void => {
  for (const i of inlines) {
    if (i.type === 'link') {
      seen.add('link');
      inlineFeatures(i.children, seen);
    } else if (i.type === 'text') {
      if (i.bold) seen.add('bold');
      if (i.italic) seen.add('italic');
    }
  }
};

/** Which rich-text features (heading, ordered/bulleted list, nested list, bold, italic, link) a text uses. */
function features(text: RichText, seen = new Set<string>()): Set<string> {
  const visit = (b: Block): void => {
    if (b.type === 'list') {
      seen.add(b.ordered ? 'orderedList' : 'bulletList');
      for (const item of b.items) {
        inlineFeatures(item.children, seen);
        if (item.list) {
          seen.add('nestedList');
          visit(item.list);
        }
      }
    } else {
      seen.add(b.type);
      inlineFeatures(b.children, seen);
    }
  };
  text.forEach(visit);
  return seen;
}

/** Every rich text of a programme (section bodies and item descriptions). */
function allRichText(p: Programme): RichText[] {
  const out: RichText[] = [];
  for (const s of p.sections) {
    out.push(s.body);
    if (s.kind === 'themes')
      for (const t of s.themes) {
        out.push(t.description);
        for (const g of t.goals) out.push(g.description, ...g.actions.map((a) => a.description));
      }
    if (s.kind === 'schedule') out.push(...s.entries.map((e) => e.description));
  }
  return out;
}

const idsOf = (value: unknown, out: string[] = []): string[] => {
  if (Array.isArray(value)) value.forEach((v) => idsOf(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.id === 'string') out.push(o.id);
    Object.values(o).forEach((v) => idsOf(v, out));
  }
  return out;
};

describe('templates', () => {
  it('registers exactly the template files that ship in templates/', () => {
    expect([...IDS].sort()).toEqual(filesOnDisk);
    expect(IDS).toEqual([
      'elinvoimaohjelma',
      'hankesuunnitelma',
      'sijoittumisstrategia',
      'kuntastrategia',
    ]);
  });

  it.each(IDS)('%s parses against the Template schema and its id matches its file name', (id) => {
    const result = Template.safeParse(rawTemplate(id));
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.data?.id).toBe(id);
    expect(result.data?.defaultBrandKitId).toBe('default');
    expect(getTemplate(id)).toEqual(result.data);
  });

  it.each(IDS)(
    '%s has every label, level name and guidance text in Finnish, Swedish and English',
    (id) => {
      const found = labelsIn(rawTemplate(id), id);
      // name, description, 4 levels × 2, 3 item guidances, and title + guidance per section
      expect(found.length).toBe(2 + 8 + 3 + 2 * getTemplate(id).sections.length);
      for (const { where, labels } of found) {
        for (const lang of ['fi', 'sv', 'en'] as const)
          expect(labels[lang].trim(), `${where}.${lang}`).not.toBe('');
        // An untranslated copy of the Finnish text is the usual slip.
        {
          expect(labels.sv, `${where}.sv`).not.toBe(labels.fi);
          expect(labels.en, `${where}.en`).not.toBe(labels.fi);
        }
      }
    },
  );

  it.each(IDS)('%s gives every section guidance long enough to say what to write', (id) => {
    for (const s of getTemplate(id).sections)
      for (const lang of ['fi', 'sv', 'en'] as const)
        expect(s.guidance[lang].length, `${s.key}.${lang}`).toBeGreaterThan(60);
  });

  it.each(IDS)(
    'createProgramme(getTemplate("%s")) creates exactly the template\'s sections, empty, in order',
    (id) => {
      const template = getTemplate(id);
      const p = snapshot(createProgramme(template, { title: 'Testi' }));
      expect(p.sections.map((s) => [s.key, s.kind])).toEqual(
        template.sections.map((s) => [s.key, s.kind]),
      );
      for (const s of p.sections) {
        expect(s.title).toBe('');
        expect(s.body).toEqual([]);
        if (s.kind === 'themes') expect(s.themes).toEqual([]);
        if (s.kind === 'budget') expect([s.lines, s.funders]).toEqual([[], []]);
      }
      expect(p.meta).toMatchObject({
        title: 'Testi',
        templateId: id,
        brandKitId: 'default',
        languages: ['fi'],
      });
    },
  );

  it('names the levels of each template as its users do', () => {
    const chain = (id: string) =>
      (['theme', 'goal', 'action', 'indicator'] as const)
        .map((l) => getTemplate(id).levels[l].singular.fi)
        .join(' → ');
    expect(chain('elinvoimaohjelma')).toBe('Teema → Tavoite → Toimenpide → Mittari');
    expect(chain('hankesuunnitelma')).toBe('Työpaketti → Tavoite → Toimenpide → Mittari');
    expect(chain('sijoittumisstrategia')).toBe(
      'Keihäänkärki → Tavoite → Toimenpide-ehdotus → Mittari',
    );
    expect(getTemplate('elinvoimaohjelma').levels.theme.singular.sv).toBe('Tema');
  });

  it('puts the kuntastrategia topics of Local Government Act section 37 after the current-state assessment', () => {
    const keys = getTemplate('kuntastrategia').sections.map((s) => s.key);
    const topics = [
      'hyvinvointi',
      'palvelut',
      'palvelutavoitteet',
      'omistajapolitiikka',
      'henkilostopolitiikka',
      'osallisuus',
      'elinvoima',
    ];
    expect(keys.filter((k) => topics.includes(k))).toEqual(topics);
    const first = Math.min(...topics.map((t) => keys.indexOf(t)));
    expect(keys.indexOf('nykytila')).toBeLessThan(first);
    expect(keys.indexOf('seuranta')).toBeGreaterThan(
      Math.max(...topics.map((t) => keys.indexOf(t))),
    );
  });

  it('gives the hankesuunnitelma the sections a funding application asks for', () => {
    const kinds = Object.fromEntries(
      getTemplate('hankesuunnitelma').sections.map((s) => [s.key, s.kind]),
    );
    expect(kinds).toMatchObject({
      aikataulu: 'schedule',
      budjetti: 'budget',
      yhteyshenkilot: 'contacts',
    });
    expect(Object.keys(kinds)).toEqual(
      expect.arrayContaining([
        'tausta',
        'tavoitteet',
        'kohderyhmat',
        'toteutustapa',
        'riskit',
        'tulokset',
        'viestinta',
        'jatkuvuus',
      ]),
    );
  });
});

describe('template examples', () => {
  it.each(IDS)('the %s example parses with the Programme schema', (id) => {
    const result = Programme.safeParse(rawExample(id));
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.data?.meta.templateId).toBe(id);
    expect(getExample(id)).toEqual(result.data);
  });

  it.each(IDS)("the %s example's sections follow its template's keys and kinds in order", (id) => {
    const example = getExample(id);
    expect(example.sections.map((s) => [s.key, s.kind])).toEqual(
      getTemplate(id).sections.map((s) => [s.key, s.kind]),
    );
    expect(example.sections.every((s) => s.title === '')).toBe(true);
  });

  it.each(IDS)('the %s example round-trips programmeToDoc → snapshot unchanged', (id) => {
    const example = getExample(id);
    expect(snapshot(programmeToDoc(example))).toStrictEqual(example);
  });

  it.each(IDS)('the %s example has unique ids and content in every section', (id) => {
    const example = getExample(id);
    const ids = idsOf([example.sections, example.contacts]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of example.sections) expect(s.body.length, s.key).toBeGreaterThan(0);
    expect(example.contacts.length).toBeGreaterThan(0);
    expect(JSON.stringify(example)).not.toMatch(/lorem|ipsum|TODO|xxx/i);
  });

  it.each(IDS)('the %s example has plausible dates and indicator values', (id) => {
    const example = getExample(id);
    expect(String(example.meta.periodStart) <= String(example.meta.periodEnd)).toBe(true);
    for (const s of example.sections) {
      const indicators = s.kind === 'indicators' ? s.indicators : [];
      if (s.kind !== 'themes' && s.kind !== 'indicators') continue;
      const themes = s.kind === 'themes' ? s.themes : [];
      const all = [
        ...indicators,
        ...themes.flatMap((t) => [...t.indicators, ...t.goals.flatMap((g) => g.indicators)]),
      ];
      for (const i of all) {
        expect(i.name && i.unit && i.source, i.id).toBeTruthy();
        expect(i.targetValue, i.id).not.toBeNull();
        if (i.baselineYear !== null)
          expect(i.targetYear ?? 0, i.id).toBeGreaterThan(i.baselineYear);
      }
      for (const a of themes.flatMap((t) => t.goals.flatMap((g) => g.actions))) {
        expect(a.responsible, a.id).not.toBe('');
        if (a.start && a.end) expect(a.start.slice(0, 4) <= a.end.slice(0, 4), a.id).toBe(true);
      }
    }
  });

  it('the elinvoimaohjelma example has four themes, each with 2–3 goals of 2–3 actions and indicators', () => {
    const example = getExample('elinvoimaohjelma');
    const themes = example.sections.flatMap((s) => (s.kind === 'themes' ? s.themes : []));
    expect(themes.map((t) => t.title)).toEqual([
      'Uusiutuva energia ja biotalous',
      'Digitaalinen ja älykäs seutu',
      'Yrittäjyys, työ ja verkostot',
      'Kulttuuri, luonto ja onnelliset ihmiset',
    ]);
    for (const t of themes) {
      expect(t.goals.length, t.id).toBeGreaterThanOrEqual(2);
      expect(t.goals.length, t.id).toBeLessThanOrEqual(3);
      for (const g of t.goals) {
        expect(g.actions.length, g.id).toBeGreaterThanOrEqual(2);
        expect(g.actions.length, g.id).toBeLessThanOrEqual(3);
        expect(g.indicators.length, g.id).toBeGreaterThan(0);
      }
    }
    const actions = themes.flatMap((t) => t.goals.flatMap((g) => g.actions));
    expect(new Set(actions.map((a) => a.status))).toEqual(new Set(['planned', 'ongoing', 'done']));
    expect(actions.some((a) => a.cost !== null) && actions.some((a) => a.cost === null)).toBe(true);
    expect(example.meta).toMatchObject({
      status: 'approved',
      periodStart: '2022',
      periodEnd: '2026',
      approval: { body: 'seutuvaltuusto', date: '2022-05-09', reference: '§ 12' },
    });
  });

  it('the elinvoimaohjelma example uses headings, both list kinds, bold, italic and https links', () => {
    const seen = new Set<string>();
    for (const text of allRichText(getExample('elinvoimaohjelma'))) features(text, seen);
    for (const f of ['paragraph', 'heading', 'bulletList', 'orderedList', 'bold', 'italic', 'link'])
      expect(seen).toContain(f);
    const urls = JSON.stringify(getExample('elinvoimaohjelma')).match(/"url":"[^"]+"/g) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u).toMatch(/"url":"https:\/\//);
  });

  it('the hankesuunnitelma budget totals 116 475 € within the project years and its funders share 100 %', () => {
    const example = getExample('hankesuunnitelma');
    expect([example.meta.periodStart, example.meta.periodEnd]).toEqual([
      '2022-12-01',
      '2024-06-30',
    ]);
    const budget = example.sections.find((s) => s.kind === 'budget');
    if (budget?.kind !== 'budget') throw new Error('no budget section');
    const cents = budget.lines
      .flatMap((l) => Object.values(l.amounts))
      .reduce((sum, a) => sum + Math.round(a * 100), 0);
    expect(cents).toBe(11_647_500);
    for (const l of budget.lines)
      expect(Object.keys(l.amounts).sort()).toEqual(['2022', '2023', '2024']);
    expect(budget.lines.map((l) => l.category)).toEqual(
      expect.arrayContaining(['Henkilöstökulut', 'Ostopalvelut', 'Matkakulut', 'Muut kulut']),
    );
    expect(budget.funders.reduce((sum, f) => sum + Math.round(f.share * 100), 0)).toBe(10_000);
    const schedule = example.sections.find((s) => s.kind === 'schedule');
    expect(schedule?.kind === 'schedule' && schedule.entries.length).toBeGreaterThanOrEqual(5);
    expect(
      example.contacts.every((c) => c.name && c.title && c.email.includes('@') && c.phone),
    ).toBe(true);
  });
});
