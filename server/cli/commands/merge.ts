/** `linjaus merge <a.linjaus> <b.linjaus> -o <out.linjaus>` — merge two copies of one document. */
import * as Y from 'yjs';
import { readFile } from 'node:fs/promises';
import { mergeLinjausFile, writeLinjausFile } from '../../../core/format/linjausFile';
import { pruneOrphans } from '../../../core/model/items';
import { origin } from '../../../core/model/origins';
import { loadProgrammeFile, writeFileAtomic } from '../../files';
import { parse } from '../args';
import { assertWritable } from '../output';
import { EXIT, UsageError, type Command } from '../io';

export const usage = 'linjaus merge <a.linjaus> <b.linjaus> -o <out.linjaus> [--force]';

export const run: Command = async (args, io) => {
  const { values, positionals } = parse(
    args,
    { output: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
    { min: 2, max: 2, names: '<a.linjaus> <b.linjaus>' },
  );
  if (!values.output) throw new UsageError('-o <out.linjaus> is required');
  const [a, b] = positionals as [string, string];
  const first = await loadProgrammeFile(a);
  if (first.kind !== 'linjaus')
    throw new UsageError(
      `${a} is not a .linjaus file; only .linjaus copies carry the history a merge needs`,
    );
  const before = Y.encodeStateVector(first.doc);
  const second = mergeLinjausFile(first.doc, new Uint8Array(await readFile(b)), { fileName: b });
  // Assets are content-addressed by name; on a clash the first file's copy is kept.
  const assets = new Map([...second.assets, ...first.assets]);
  pruneOrphans(first.doc, { origin: origin('file') });
  const changed = !equalBytes(before, Y.encodeStateVector(first.doc));
  if (values.output !== a) await assertWritable(values.output, values.force);
  await writeFileAtomic(values.output, writeLinjausFile(first.doc, { assets }));
  io.stderr.write(
    changed
      ? `Merged ${b} into ${a} → ${values.output}.\n`
      : `${b} had nothing new: the result equals ${a}.\n`,
  );
  io.stdout.write(`${values.output}\n`);
  return EXIT.ok;
};

const equalBytes = (x: Uint8Array, y: Uint8Array) =>
  x.length === y.length && x.every((v, i) => v === y[i]);
