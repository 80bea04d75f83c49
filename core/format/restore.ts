/**
 * The one path every programme from outside passes through: imported JSON, `content.json`,
 * template examples, older format versions (STYLE.md §2). It upgrades old versions step by step,
 * rejects newer ones, validates against the schema and names the first problem precisely.
 */
import { PROGRAMME_FORMAT_VERSION, Programme } from '../model/schema';
import { hasTemplate } from '../templates/registry';
import { FormatError, formatPath } from './errors';

/**
 * Deepest nesting of objects and arrays accepted from outside. A 50-level nested list is about
 * 150 levels of JSON; far deeper input would only exhaust the stack of the recursive validators.
 */
export const MAX_NESTING = 400;

/** Nesting depth of a JSON value, measured without recursion. */
function nestingDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    max = Math.max(max, depth);
    if (depth > MAX_NESTING) return depth;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return max;
}

/** One upgrade step: takes a document of version `from` and returns version `from + 1`. */
type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upgrades keyed by the version they upgrade from. Version 1 is the first published format,
 * so there are none yet; a change to `Programme` that old files cannot satisfy adds a step here
 * and bumps {@link PROGRAMME_FORMAT_VERSION}.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Upgrade a parsed JSON value to the current version, without validating the result. */
export function migrate(value: unknown, file?: string): unknown {
  if (!isRecord(value))
    throw new FormatError('schema', 'expected a JSON object describing a programme', file);
  if (value.format !== 'linjaus-programme') {
    throw new FormatError(
      'schema',
      `not a Linjaus programme ("format" must be "linjaus-programme")`,
      file,
      'format',
    );
  }
  let version = value.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new FormatError(
      'schema',
      'missing or invalid "formatVersion" (expected a whole number ≥ 1)',
      file,
      'formatVersion',
    );
  }
  if (version > PROGRAMME_FORMAT_VERSION) {
    throw new FormatError(
      'future-version',
      `format version ${version} is newer than this Linjaus understands (${PROGRAMME_FORMAT_VERSION}); update Linjaus to open it`,
      file,
      'formatVersion',
    );
  }
  let doc = value;
  while (version < PROGRAMME_FORMAT_VERSION) {
    const step = MIGRATIONS[version];
    if (!step)
      throw new FormatError(
        'old-version',
        `no upgrade from format version ${version}`,
        file,
        'formatVersion',
      );
    doc = { ...step(doc), formatVersion: version + 1 };
    version += 1;
  }
  return doc;
}

/**
 * Validate and upgrade a programme from outside. Throws {@link FormatError} naming the file,
 * the path in the document and what was expected.
 *
 * @example
 * const programme = restoreProgramme(JSON.parse(text), 'ohjelma.json');
 */
export function restoreProgramme(value: unknown, file?: string): Programme {
  const depth = nestingDepth(value);
  if (depth > MAX_NESTING) {
    throw new FormatError(
      'schema',
      `the document is nested ${depth} levels deep; at most ${MAX_NESTING} are accepted`,
      file,
    );
  }
  const upgraded = migrate(value, file);
  const result = Programme.safeParse(upgraded);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue ? formatPath(issue.path) : '(document)';
    throw new FormatError('schema', `${path}: ${issue?.message ?? 'invalid'}`, file, path);
  }
  const programme = result.data;
  if (!hasTemplate(programme.meta.templateId)) {
    throw new FormatError(
      'unknown-template',
      `meta.templateId: unknown template "${programme.meta.templateId}"`,
      file,
      'meta.templateId',
    );
  }
  assertUniqueIds(programme, file);
  return programme;
}

function assertUniqueIds(programme: Programme, file?: string): void {
  const seen = new Set<string>();
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
    else if (isRecord(value)) {
      if (typeof value.id === 'string' && path !== '') {
        if (seen.has(value.id)) {
          throw new FormatError(
            'schema',
            `${path}.id: the id "${value.id}" is used twice`,
            file,
            `${path}.id`,
          );
        }
        seen.add(value.id);
      }
      for (const [key, child] of Object.entries(value)) {
        if (typeof child === 'object') visit(child, path ? `${path}.${key}` : key);
      }
    }
  };
  visit(programme, '');
}

/** Parse JSON text into a programme, with the line and column of a syntax error. */
export function parseProgrammeJson(text: string, file?: string): Programme {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new FormatError('bad-json', `not valid JSON (${message})`, file);
  }
  return restoreProgramme(value, file);
}
