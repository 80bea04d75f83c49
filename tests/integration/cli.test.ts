import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { templateIds } from '../../core/templates/registry';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { readLinjausFile, writeLinjausFile } from '../../core/format/linjausFile';
import { addItem, childrenOf, getItem } from '../../core/model/items';

/** Edit a .linjaus copy as another user would: add a theme with the given title. */
async function editCopy(path: string, title: string): Promise<void> {
  const { doc } = readLinjausFile(new Uint8Array(await readFile(path)));
  const themes = childrenOf(doc, null, 'section').find(
    (id) => getItem(doc, id, 'section')?.fields.sectionKind === 'themes',
  );
  if (!themes) throw new Error('no themes section');
  addItem(doc, 'theme', themes, { title });
  await writeFile(path, writeLinjausFile(doc));
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir('linjaus-cli-');
});

describe('linjaus command line', () => {
  it('lists the four templates', async () => {
    const r = await cli('templates');
    expect(r.code).toBe(0);
    for (const id of [
      'elinvoimaohjelma',
      'hankesuunnitelma',
      'sijoittumisstrategia',
      'kuntastrategia',
    ])
      expect(r.stdout).toContain(id);
  });

  it('creates every template, with and without its example, and inspects it', async () => {
    for (const id of templateIds()) {
      const empty = join(dir, `${id}.linjaus`);
      const example = join(dir, `${id}-example.linjaus`);
      expect((await cli('new', id, empty, '--title', 'Uusi ohjelma')).code).toBe(0);
      expect((await cli('new', id, example, '--example')).code).toBe(0);
      const inspected = JSON.parse((await cli('inspect', example, '--json')).stdout) as {
        template: string;
        sections: unknown[];
      };
      expect(inspected.template).toBe(id);
      expect(inspected.sections.length).toBeGreaterThan(0);
      expect((await cli('inspect', empty)).stdout).toContain('Title:       Uusi ohjelma');
    }
  });

  it('exports JSON and imports it back to the same programme (X3)', async () => {
    const source = join(dir, 'roundtrip.linjaus');
    await cli('new', 'elinvoimaohjelma', source, '--example');
    const json = join(dir, 'roundtrip.json');
    expect((await cli('export-json', source, '-o', json)).code).toBe(0);
    const again = join(dir, 'roundtrip-again.linjaus');
    expect((await cli('import', json, again)).code).toBe(0);
    const back = (await cli('export-json', again)).stdout;
    expect(back).toBe(await readFile(json, 'utf8'));
  });

  it('merges two edited copies of one document, keeping both edits (X1)', async () => {
    const a = join(dir, 'a.linjaus');
    await cli('new', 'elinvoimaohjelma', a, '--example');
    const b = join(dir, 'b.linjaus');
    await copyFile(a, b);
    await editCopy(a, 'Lisätty kopiossa A');
    await editCopy(b, 'Lisätty kopiossa B');
    const merged = join(dir, 'merged.linjaus');
    const r = await cli('merge', a, b, '-o', merged);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Merged/);
    const json = (await cli('export-json', merged)).stdout;
    expect(json).toContain('Lisätty kopiossa A');
    expect(json).toContain('Lisätty kopiossa B');
  });

  it('leaves a self-merge unchanged and refuses unrelated documents (X1, X2)', async () => {
    const a = join(dir, 'self-a.linjaus');
    await cli('new', 'elinvoimaohjelma', a, '--example');
    const self = await cli('merge', a, a, '-o', join(dir, 'self.linjaus'));
    expect(self.code).toBe(0);
    expect(self.stderr).toContain('nothing new');
    expect((await cli('export-json', join(dir, 'self.linjaus'))).stdout).toBe(
      (await cli('export-json', a)).stdout,
    );
    const other = join(dir, 'other.linjaus');
    await cli('new', 'elinvoimaohjelma', other, '--example');
    const refused = await cli('merge', a, other, '-o', join(dir, 'bad-merge.linjaus'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/different document/);
    expect(existsSync(join(dir, 'bad-merge.linjaus'))).toBe(false);
  });

  describe('bad input', () => {
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['empty.linjaus', '', /empty/],
      ['text.linjaus', 'just text', /not a zip archive|not valid JSON/],
      ['broken.json', '{"format": ', /not valid JSON/],
      [
        'schema.json',
        JSON.stringify({
          format: 'linjaus-programme',
          formatVersion: 1,
          id: 'dx',
          meta: {},
          contacts: [],
          sections: [],
        }),
        /meta\.title/,
      ],
      [
        'future.json',
        JSON.stringify({ format: 'linjaus-programme', formatVersion: 9 }),
        /newer than this Linjaus/,
      ],
    ];

    it.each(cases)(
      '%s gives a clear error, exit 1 and no output file',
      async (name, content, message) => {
        const input = join(dir, name);
        await writeFile(input, content);
        const out = join(dir, `${name}.out.linjaus`);
        const r = await cli('import', input, out);
        const inspect = await cli('inspect', input);
        for (const result of [r, inspect]) {
          expect(result.code).toBe(1);
          expect(result.stderr).toMatch(message);
          expect(result.stderr).toContain(name);
        }
        expect(existsSync(out)).toBe(false);
      },
    );

    it('names a truncated file, a newer format version and an unknown template', async () => {
      const good = join(dir, 'source.linjaus');
      await cli('new', 'elinvoimaohjelma', good, '--example');
      const bytes = await readFile(good);
      const truncated = join(dir, 'truncated.linjaus');
      await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const r1 = await cli('inspect', truncated);
      expect([r1.code, r1.stderr]).toEqual([
        1,
        expect.stringMatching(/truncated\.linjaus: the file is damaged or incomplete/),
      ]);
      const json = JSON.parse((await cli('export-json', good)).stdout) as {
        meta: { templateId: string };
        formatVersion: number;
      };
      const future = join(dir, 'future.linjaus');
      const entries = unzipSync(new Uint8Array(bytes));
      const manifest = JSON.parse(strFromU8(entries['manifest.json'] as Uint8Array)) as Record<
        string,
        unknown
      >;
      await writeFile(
        future,
        zipSync({
          ...entries,
          'manifest.json': strToU8(JSON.stringify({ ...manifest, formatVersion: 2 })),
        }),
      );
      const r2 = await cli('export-json', future);
      expect([r2.code, r2.stderr]).toEqual([1, expect.stringMatching(/saved by a newer Linjaus/)]);
      json.meta.templateId = 'tuntematon';
      const unknown = join(dir, 'unknown-template.json');
      await writeFile(unknown, JSON.stringify(json));
      const r3 = await cli('import', unknown, join(dir, 'unknown.linjaus'));
      expect([r3.code, r3.stderr]).toEqual([
        1,
        expect.stringMatching(/meta\.templateId: unknown template "tuntematon"/),
      ]);
      expect(existsSync(join(dir, 'unknown.linjaus'))).toBe(false);
    });

    it('never overwrites a good file with a failed or unforced write', async () => {
      const good = join(dir, 'good.linjaus');
      await cli('new', 'hankesuunnitelma', good, '--example');
      const before = await readFile(good);
      const refused = await cli('new', 'hankesuunnitelma', good);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/already exists; use --force/);
      await writeFile(join(dir, 'bad.json'), '{');
      expect((await cli('import', join(dir, 'bad.json'), good, '--force')).code).toBe(1);
      expect(await readFile(good)).toEqual(before);
      expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });

    it('names an unknown template and an unknown command', async () => {
      const r = await cli('new', 'strategia', join(dir, 'x.linjaus'));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/Unknown template "strategia". Available: elinvoimaohjelma/);
      expect((await cli('frobnicate')).code).toBe(2);
      expect((await cli('new', 'elinvoimaohjelma')).stderr).toMatch(/Usage: linjaus new/);
      expect((await cli('inspect', join(dir, 'missing.linjaus'))).stderr).toMatch(/no such file/);
    });
  });

  it('runs as the installed `linjaus` binary', async () => {
    const bin = new URL('../../bin/linjaus.js', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, [
      bin,
      'templates',
      '--lang',
      'sv',
    ]);
    expect(stdout).toContain('hankesuunnitelma');
  });
});
