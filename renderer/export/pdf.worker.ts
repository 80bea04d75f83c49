/**
 * The PDF worker: builds the document definition and renders it with pdfmake bundled from its
 * sources plus the tagging layer of core/pdf, off the UI thread. Plain data in, the PDF's bytes
 * out (transferred). Fonts are fetched as asset URLs, never bundled into the JS.
 */
import './workerGlobals';
import { getTemplate, hasTemplate, templateIds } from '../../core';
import { exportPdf, loadBrand, type LoadedBrand } from '../../core/pdf';
import type { PdfExportRequest } from '../platform/types';
import type { FromWorker, ToWorker } from './protocol';

const brandJson = import.meta.glob<unknown>('../../templates/brands/*/brand.json', {
  eager: true,
  import: 'default',
});
const fontUrls = import.meta.glob<string>('../../templates/brands/**/*.ttf', {
  eager: true,
  query: '?url',
  import: 'default',
});

const post = (msg: FromWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(msg, transfer);

const fetchBytes = async (url: string) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Cannot load ${url}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
};

const brands = new Map<string, Promise<LoadedBrand>>();

function brandDir(id: string): string {
  const has = (d: string) => `../../templates/brands/${d}/brand.json` in brandJson;
  return has(id) ? id : 'default';
}

function loadBrandKit(id: string): Promise<LoadedBrand> {
  const dir = brandDir(id);
  let p = brands.get(dir);
  if (!p) {
    p = (async () => {
      const prefix = `../../templates/brands/${dir}/`;
      const files = new Map<string, Uint8Array>();
      await Promise.all(
        Object.entries(fontUrls)
          .filter(([path]) => path.startsWith(prefix))
          .map(async ([path, url]) => files.set(path.slice(prefix.length), await fetchBytes(url))),
      );
      return loadBrand(brandJson[`${prefix}brand.json`], files, `${dir}/brand.json`);
    })();
    p.catch(() => brands.delete(dir));
    brands.set(dir, p);
  }
  return p;
}

let fallbackFont: Promise<Uint8Array | undefined> | null = null;
const loadFallback = () =>
  (fallbackFont ??= (async () => {
    const url = Object.entries(fontUrls).find(
      ([p]) => p.includes('/_shared/') && /Emoji/i.test(p),
    )?.[1];
    return url ? fetchBytes(url) : undefined;
  })());

async function run(id: number, request: PdfExportRequest): Promise<void> {
  post({ type: 'progress', id, progress: { phase: 'fonts', fraction: 0 } });
  const { programme, language } = request;
  const templateId = hasTemplate(programme.meta.templateId)
    ? programme.meta.templateId
    : (templateIds()[0] ?? '');
  const [brand, fallback] = await Promise.all([
    loadBrandKit(programme.meta.brandKitId),
    loadFallback(),
  ]);
  const result = await exportPdf(
    {
      programme,
      template: getTemplate(templateId),
      brand,
      language,
      ...(fallback ? { fallbackFont: fallback } : {}),
    },
    (p) =>
      post({
        type: 'progress',
        id,
        progress: { phase: p.phase, fraction: overall(p.phase, p.fraction) },
      }),
  );
  if (result.warnings.length > 0) {
    const warnings = result.warnings.map(({ code, message, where }) => ({ code, message, where }));
    post({ type: 'warnings', id, warnings });
  }
  const buffer = result.bytes.buffer.slice(
    result.bytes.byteOffset,
    result.bytes.byteOffset + result.bytes.byteLength,
  ) as ArrayBuffer;
  post({ type: 'done', id, pdf: buffer }, [buffer]);
}

/** One bar across the phases: layout is the long one. */
function overall(phase: 'layout' | 'render' | 'write', fraction: number): number {
  const f = Math.max(0, Math.min(1, fraction));
  if (phase === 'layout') return 0.1 + 0.2 * f;
  if (phase === 'render') return 0.3 + 0.6 * f;
  return 0.9 + 0.1 * f;
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if (msg.type === 'warm') {
    void loadBrandKit('default').catch(() => undefined);
    return;
  }
  run(msg.id, msg.request).catch((error: unknown) =>
    post({
      type: 'error',
      id: msg.id,
      message: error instanceof Error ? error.message : String(error),
    }),
  );
});
