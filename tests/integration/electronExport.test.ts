/**
 * PDF export out of process: the real export worker (electron/main/export/worker.ts) in a child
 * process, driven by main's export host. In the app the child is Electron's utility process; here
 * it is a Node fork running the same entry file.
 */
import { fork } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { snapshot } from '../../core';
import { createExportHost, type WorkerChannel } from '../../electron/main/export/host';
import type { ExportProgress } from '../../electron/main/export/job';
import type { FromWorker } from '../../electron/main/export/protocol';
import { addTheme, newProgramme } from '../fixtures/electron/programmes';

const WORKER = fileURLToPath(new URL('../../electron/main/export/worker.ts', import.meta.url));
const BRANDS = fileURLToPath(new URL('../../templates/brands', import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), 'linjaus-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const children: ReturnType<typeof fork>[] = [];
function startWorker(): WorkerChannel {
  const child = fork(WORKER, [BRANDS], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: 'pipe',
  });
  children.push(child);
  return {
    postMessage: (m) => child.send(m),
    onMessage: (l) => child.on('message', (m) => l(m as FromWorker)),
    onExit: (l) => child.on('exit', (code) => l(code ?? -1)),
    kill: () => child.kill('SIGKILL'),
  };
}

const programme = () => {
  const doc = newProgramme('Seutukunnan elinvoimaohjelma');
  addTheme(doc, 'Uusiutuva energia ja biotalous');
  return snapshot(doc);
};

describe('PDF export in a separate process', () => {
  it('passes the export warnings (characters no font has) back with the last progress report', async () => {
    const host = createExportHost(startWorker);
    const progress: ExportProgress[] = [];
    const doc = newProgramme('Kansainvälinen ohjelma');
    addTheme(doc, 'Yhteistyö Tokion (東京) kanssa');
    await host.exportPdf({ programme: snapshot(doc), language: 'fi' }, (p) => progress.push(p));
    host.dispose();
    const warnings = progress.flatMap((p) => p.warnings ?? []);
    expect(warnings.join('\n')).toMatch(/東/);
  });

  it('returns a PDF with the document’s text and reports progress up to done', async () => {
    const host = createExportHost(startWorker);
    const progress: ExportProgress[] = [];
    const bytes = await host.exportPdf({ programme: programme(), language: 'fi' }, (p) =>
      progress.push(p),
    );
    host.dispose();
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const file = path.join(dir, 'out.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Seutukunnan elinvoimaohjelma');
    expect(text).toContain('Uusiutuva energia ja biotalous');
    expect(progress[0]?.phase).toBe('starting');
    expect(progress.at(-1)).toEqual({ phase: 'done', fraction: 1 });
  });

  it('fails the export clearly when the process dies, and the next export starts a new process', async () => {
    let started = 0;
    const host = createExportHost(() => {
      started++;
      const worker = startWorker();
      // The first process is killed as soon as it takes the job.
      if (started === 1) return { ...worker, postMessage: () => worker.kill() };
      return worker;
    });
    await expect(
      host.exportPdf({ programme: programme(), language: 'fi' }, () => undefined),
    ).rejects.toThrow(/export process stopped/);
    const bytes = await host.exportPdf({ programme: programme(), language: 'sv' }, () => undefined);
    host.dispose();
    expect(started).toBe(2);
    expect(bytes.length).toBeGreaterThan(1000);
  });

  it('answers an export error (an unknown template) without crashing the process', async () => {
    const host = createExportHost(startWorker);
    const bad = { ...programme(), meta: { ...programme().meta, templateId: 'ei-ole' } };
    await expect(
      host.exportPdf({ programme: bad, language: 'fi' }, () => undefined),
    ).rejects.toThrow(/Unknown template/);
    const bytes = await host.exportPdf({ programme: programme(), language: 'en' }, () => undefined);
    host.dispose();
    expect(bytes.length).toBeGreaterThan(1000);
  });
});

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});
