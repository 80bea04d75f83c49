/**
 * Images may only come from the brand kit and the document's own assets, as bytes; a corrupt or
 * unsupported one is left out with a warning instead of failing the export.
 */
import { unzlibSync } from 'fflate';

/** What an image's bytes turned out to be. */
export type ImageCheck = { ok: true; kind: 'png' | 'jpeg' } | { ok: false; reason: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MAX_PIXELS = 40_000_000;
/** Bit depths the PNG specification allows per colour type. */
const VALID_DEPTHS: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

let crcTable: Uint32Array | null = null;
function crc32(bytes: Uint8Array, start: number, end: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = start; i < end; i++)
    crc = (crcTable[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function checkPng(bytes: Uint8Array): ImageCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  let sawEnd = false;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const dataEnd = offset + 8 + length;
    if (dataEnd + 4 > bytes.length)
      return { ok: false, reason: `PNG chunk ${type} runs past the end of the file` };
    if (crc32(bytes, offset + 4, dataEnd) !== view.getUint32(dataEnd))
      return { ok: false, reason: `PNG chunk ${type} is damaged (checksum)` };
    if (type === 'IHDR') {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      const depth = bytes[offset + 16] ?? 0;
      const colour = bytes[offset + 17] ?? 0;
      const depths = VALID_DEPTHS[colour];
      if (!depths || !depths.includes(depth) || (bytes[offset + 20] ?? 0) > 1) {
        return {
          ok: false,
          reason: `PNG has an invalid format (colour type ${colour}, bit depth ${depth})`,
        };
      }
    } else if (type === 'IDAT') idat.push(bytes.subarray(offset + 8, dataEnd));
    else if (type === 'IEND') {
      sawEnd = true;
      break;
    }
    offset = dataEnd + 4;
  }
  if (width === 0 || height === 0) return { ok: false, reason: 'PNG has no valid header' };
  if (width * height > MAX_PIXELS)
    return { ok: false, reason: `PNG is too large (${width}×${height} pixels)` };
  if (!sawEnd || idat.length === 0) return { ok: false, reason: 'PNG is truncated' };
  const joined = new Uint8Array(idat.reduce((a, c) => a + c.length, 0));
  let at = 0;
  for (const part of idat) {
    joined.set(part, at);
    at += part.length;
  }
  try {
    unzlibSync(joined);
  } catch {
    return { ok: false, reason: 'PNG image data cannot be decompressed' };
  }
  return { ok: true, kind: 'png' };
}

function checkJpeg(bytes: Uint8Array): ImageCheck {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return { ok: false, reason: 'JPEG structure is damaged' };
    const marker = bytes[offset + 1] ?? 0;
    const length = ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (marker !== 0xc0 && marker !== 0xc1 && marker !== 0xc2)
        return { ok: false, reason: 'JPEG uses an unsupported coding' };
      const height = ((bytes[offset + 5] ?? 0) << 8) | (bytes[offset + 6] ?? 0);
      const width = ((bytes[offset + 7] ?? 0) << 8) | (bytes[offset + 8] ?? 0);
      if (width === 0 || height === 0) return { ok: false, reason: 'JPEG has no size' };
      const tail =
        bytes.length >= 2 && bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;
      return tail ? { ok: true, kind: 'jpeg' } : { ok: false, reason: 'JPEG is truncated' };
    }
    offset += 2 + length;
  }
  return { ok: false, reason: 'JPEG has no frame header' };
}

/** Checks that bytes are a complete PNG or baseline/progressive JPEG that the PDF writer can embed. */
export function checkImage(bytes: Uint8Array): ImageCheck {
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return checkPng(bytes);
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return checkJpeg(bytes);
  return { ok: false, reason: 'not a PNG or JPEG image' };
}

/** TextDecoder exists in every runtime core runs in, but not in the ES-only lib core is checked against. */
const Utf8Decoder = (
  globalThis as unknown as {
    TextDecoder: new (
      label: string,
      options: { fatal: boolean },
    ) => { decode(bytes: Uint8Array): string };
  }
).TextDecoder;

/** SVG markup that is safe to draw: well-formed enough, and referring to nothing outside itself. */
export function checkSvg(
  bytes: Uint8Array,
): { ok: true; svg: string } | { ok: false; reason: string } {
  if (bytes.length > 2_000_000) return { ok: false, reason: 'SVG is larger than 2 MB' };
  let svg: string;
  try {
    svg = new Utf8Decoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'SVG is not valid UTF-8 text' };
  }
  if (!/<svg[\s>]/i.test(svg) || !/<\/svg>\s*$/i.test(svg.trim()))
    return { ok: false, reason: 'not an SVG document' };
  if (/<!ENTITY|<script|<foreignObject/i.test(svg))
    return { ok: false, reason: 'SVG contains entities, scripts or foreign objects' };
  if (/(?:xlink:)?href\s*=\s*["'](?!#)/i.test(svg))
    return { ok: false, reason: 'SVG refers to external files' };
  if (/<text[\s>]/i.test(svg))
    return { ok: false, reason: 'SVG contains text (convert text to paths)' };
  return { ok: true, svg };
}
