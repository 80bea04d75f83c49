/**
 * `manifest.json` of a `.linjaus` file: what the file is and which document it holds.
 */
import { z } from 'zod';

/** Current `.linjaus` container version. */
export const LINJAUS_FILE_VERSION = 1;

export const Manifest = z
  .object({
    format: z.literal('linjaus'),
    formatVersion: z.number().int().min(1),
    documentId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
    templateId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
    title: z.string().max(500),
    savedAt: z.string().max(40),
    generator: z.string().max(100),
  })
  .strict();
export type Manifest = z.infer<typeof Manifest>;
