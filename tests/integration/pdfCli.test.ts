/**
 * `linjaus export`: a real programme file in a temporary folder in, a PDF out — or a clear
 * message, a non-zero exit and no output file.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeLinjausFile } from '../../core/format/linjausFile';
import { programmeToDoc } from '../../core/model/fromProgramme';
import { run } from '../../server/cli/commands/export';
import { UsageError } from '../../server/cli/io';
import { fixtureProgramme } from '../fixtures/pdf/programme';
import { qpdfCheck } from '../fixtures/pdf/inspect';
import { norm } from '../fixtures/pdf/verify';
import { execFileSync } from 'node:child_process';

function io(): {
  io: { stdout: PassThrough; stderr: PassThrough };
  out: () => string;
  err: () => string;
} {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { io: { stdout, stderr }, out: () => out, err: () => err };
}

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'linjaus-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('linjaus export', () => {
  it('writes the PDF from a JSON programme, reports progress on stderr and the path on stdout', async () => {
    const input = path.join(dir, 'ohjelma.json');
    const output = path.join(dir, 'ohjelma.pdf');
    writeFileSync(input, JSON.stringify(fixtureProgramme()));
    const t = io();
    expect(await run([input, '-o', output, '--brand', 'kalliorannikko'], t.io)).toBe(0);
    expect(t.out()).toBe(`${output}\n`);
    expect(t.err()).toContain('laying out pages');
    expect(t.err()).toContain('writing the PDF');
    expect(qpdfCheck(output).ok).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['ohjelma.json', 'ohjelma.pdf']);
  });

  it('reads a .linjaus file and exports it in Swedish', async () => {
    const input = path.join(dir, 'ohjelma.linjaus');
    const output = path.join(dir, 'program.pdf');
    writeFileSync(input, writeLinjausFile(programmeToDoc(fixtureProgramme())));
    const t = io();
    expect(await run([input, '-o', output, '--lang', 'sv'], t.io)).toBe(0);
    const text = norm(
      execFileSync('pdftotext', ['-enc', 'UTF-8', output, '-'], { encoding: 'utf8' }),
    );
    expect(text).toContain('Innehåll');
    expect(text).toMatch(/Sida 2 \/ \d+/);
  });

  it('fails with a message naming the file and writes nothing for an invalid programme', async () => {
    const input = path.join(dir, 'rikki.json');
    const output = path.join(dir, 'rikki.pdf');
    writeFileSync(input, JSON.stringify({ ...fixtureProgramme(), sections: 'ei lista' }));
    await expect(run([input, '-o', output], io().io)).rejects.toThrow(/rikki\.json/);
    expect(existsSync(output)).toBe(false);
  });

  it('fails with the list of kits and writes nothing for an unknown brand kit', async () => {
    const input = path.join(dir, 'ohjelma.json');
    const output = path.join(dir, 'ohjelma.pdf');
    writeFileSync(input, JSON.stringify(fixtureProgramme()));
    const t = io();
    expect(await run([input, '-o', output, '--brand', 'eioleolemassa'], t.io)).toBe(1);
    expect(t.err()).toMatch(/No brand kit "eioleolemassa".*default, jarvilaakso, kalliorannikko/);
    expect(readdirSync(dir)).toEqual(['ohjelma.json']);
  });

  it('loads a brand kit from a folder and rejects an invalid one with the problem named', async () => {
    const input = path.join(dir, 'ohjelma.json');
    writeFileSync(input, JSON.stringify(fixtureProgramme()));
    const kit = path.join(dir, 'kit');
    execFileSync('cp', ['-r', path.resolve('templates/brands/default'), kit]);
    const t = io();
    expect(await run([input, '-o', path.join(dir, 'a.pdf'), '--brand', kit], t.io)).toBe(0);
    const brand = JSON.parse(readFileSync(path.join(kit, 'brand.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    writeFileSync(
      path.join(kit, 'brand.json'),
      JSON.stringify({
        ...brand,
        fonts: {
          body: { normal: 'x.woff2', bold: 'x.ttf', italics: 'x.ttf', bolditalics: 'x.ttf' },
        },
      }),
    );
    const bad = io();
    expect(await run([input, '-o', path.join(dir, 'b.pdf'), '--brand', kit], bad.io)).toBe(1);
    expect(bad.err()).toContain('fonts.body.normal: a TrueType (.ttf) font file');
    expect(existsSync(path.join(dir, 'b.pdf'))).toBe(false);
  });

  it('rejects wrong arguments and does not replace an existing file without --force', async () => {
    const input = path.join(dir, 'ohjelma.json');
    const output = path.join(dir, 'olemassa.pdf');
    writeFileSync(input, JSON.stringify(fixtureProgramme()));
    writeFileSync(output, 'vanha');
    await expect(run([input], io().io)).rejects.toThrow(UsageError);
    await expect(
      run([input, '-o', path.join(dir, 'x.pdf'), '--lang', 'de'], io().io),
    ).rejects.toThrow(/--lang must be fi, sv or en/);
    await expect(run([input, '-o', output], io().io)).rejects.toThrow(
      /already exists; use --force/,
    );
    expect(readFileSync(output, 'utf8')).toBe('vanha');
    expect(await run([input, '-o', output, '--force'], io().io)).toBe(0);
    expect(readFileSync(output).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
