/**
 * Node globals that pdfmake's and pdfkit's sources expect, set before they load
 * (notes/pdf-tagging.md: on Vite 8 a polyfill plugin's globals do not reach worker bundles).
 * This module must be the worker's first import.
 */
import { Buffer } from 'buffer';
import process from 'process';

const g = globalThis as Record<string, unknown>;
g.Buffer ??= Buffer;
g.process ??= process;
g.global ??= globalThis;
// pdfmake's virtual fs and pdfkit's font-metric loaders resolve names against __dirname.
g.__dirname ??= '/';
