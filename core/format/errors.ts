/**
 * Why a file or JSON document could not be read. Messages name the file, the place in the
 * document and what was expected, in words a user can act on.
 */
export type FormatErrorCode =
  | 'empty'
  | 'not-zip'
  | 'truncated'
  | 'too-large'
  | 'missing-entry'
  | 'bad-manifest'
  | 'future-version'
  | 'old-version'
  | 'bad-json'
  | 'schema'
  | 'bad-state'
  | 'unknown-template'
  | 'unrelated-documents'
  | 'bad-asset';

export class FormatError extends Error {
  override readonly name = 'FormatError';
  constructor(
    readonly code: FormatErrorCode,
    message: string,
    /** The file the problem is in, when known. */
    readonly file?: string,
    /** Where in the document, e.g. `sections[2].themes[0].title`. */
    readonly path?: string,
  ) {
    super(file ? `${file}: ${message}` : message);
  }
}

/** `sections[2].themes[0].title` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out || '(document)';
}
