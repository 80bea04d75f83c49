/**
 * Benchmarks of the programme document (issue 2):
 * 1. cold open of a `.linjaus` file whose rich text carries a long edit history (~100k
 *    single-character edits), against raw Yjs loading the same state;
 * 2. merge of two offline copies with 10k operations each, against raw Yjs applying the same
 *    missing updates.
 * Ratios are ours ÷ raw Yjs, measured in the same run.
 */
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { mergeLinjausFile, readLinjausFile, writeLinjausFile } from '../core/format/linjausFile';
import { addItem, childrenOf, getItem, richField, updateItem } from '../core/model/items';
import { programmeToDoc } from '../core/model/fromProgramme';
import { origin } from '../core/model/origins';
import { getExample } from '../core/templates/registry';
import { kb, ms, ratio, table, timePair } from './measure';

const EDITS = Number(process.env.BENCH_EDITS ?? 100_000);
const MERGE_OPS = Number(process.env.BENCH_MERGE_OPS ?? 10_000);

/** The first text node of a field: where a user's keystrokes land at the Yjs level. */
function textOf(el: Y.XmlElement): Y.XmlText {
  const paragraph = el.get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined;
  if (!(text instanceof Y.XmlText)) throw new Error('field is not seeded');
  return text;
}

/**
 * Replay `count` single-character edits as separate transactions, the way typing reaches Yjs:
 * mostly inserts at a moving caret, every tenth a backspace.
 */
function typeHistory(doc: Y.Doc, text: Y.XmlText, count: number, seed = 1): void {
  let caret = text.length;
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const alphabet = 'abcdefghijklmnopqrstuvwxyzåäö ,.';
  for (let i = 0; i < count; i += 1) {
    if (rand() < 0.02) caret = Math.floor(rand() * (text.length + 1));
    if (i % 10 === 9 && caret > 0) {
      doc.transact(() => text.delete(caret - 1, 1), origin('local'));
      caret -= 1;
    } else {
      doc.transact(
        () => text.insert(caret, alphabet[Math.floor(rand() * alphabet.length)] ?? 'a'),
        origin('local'),
      );
      caret += 1;
    }
  }
}

function example(): Y.Doc {
  return programmeToDoc(getExample('elinvoimaohjelma'), origin('template'));
}

async function coldOpen(): Promise<string[][]> {
  const doc = example();
  const sections = childrenOf(doc, null, 'section');
  // Spread the history over a few fields, as a long workshop would.
  const fields = sections.slice(0, 4).map((id) => richField(doc, id, 'body'));
  fields.forEach((el, i) => typeHistory(doc, textOf(el), Math.floor(EDITS / fields.length), i + 1));
  const file = writeLinjausFile(doc);
  const state = Y.encodeStateAsUpdate(doc);
  const [ours, raw] = await timePair(
    () => readLinjausFile(file),
    () => Y.applyUpdate(new Y.Doc(), state),
    7,
  );
  const rawFile = Y.encodeStateAsUpdate(doc).length;
  return [
    ['', 'ours (.linjaus)', 'raw Yjs', 'ratio'],
    [
      `open, ${EDITS.toLocaleString('en')} edits`,
      ms(ours.median),
      ms(raw.median),
      ratio(ours.median, raw.median),
    ],
    ['size', kb(file.length), kb(rawFile), ratio(file.length, rawFile)],
  ];
}

function randomOps(doc: Y.Doc, count: number, seed: number): void {
  const themesSection = childrenOf(doc, null, 'section').find(
    (id) => getItem(doc, id, 'section')?.fields.sectionKind === 'themes',
  );
  if (!themesSection) throw new Error('no themes section');
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const themes = childrenOf(doc, themesSection, 'theme');
  const goals: ReturnType<typeof addItem>[] = themes.flatMap((t) => childrenOf(doc, t, 'goal'));
  for (let i = 0; i < count; i += 1) {
    const r = rand();
    const theme = themes[Math.floor(rand() * themes.length)];
    if (!theme) continue;
    if (r < 0.1) goals.push(addItem(doc, 'goal', theme, { title: `Tavoite ${i}` }));
    else if (r < 0.2) {
      const goal = goals[Math.floor(rand() * goals.length)];
      if (goal) updateItem(doc, goal, 'goal', { title: `Muutettu ${i}` });
    } else {
      const goal = goals[Math.floor(rand() * goals.length)];
      if (goal) typeHistory(doc, textOf(richField(doc, goal, 'description')), 1, i);
    }
  }
}

async function merge(): Promise<string[][]> {
  const base = example();
  const a = new Y.Doc();
  const b = new Y.Doc();
  Y.applyUpdate(a, Y.encodeStateAsUpdate(base));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(base));
  randomOps(a, MERGE_OPS, 7);
  randomOps(b, MERGE_OPS, 11);
  const aState = Y.encodeStateAsUpdate(a);
  const bFile = writeLinjausFile(b);
  const bState = Y.encodeStateAsUpdate(b);
  const [ours, raw] = await timePair(
    () => {
      const target = new Y.Doc();
      Y.applyUpdate(target, aState);
      mergeLinjausFile(target, bFile);
    },
    () => {
      const target = new Y.Doc();
      Y.applyUpdate(target, aState);
      const other = new Y.Doc();
      Y.applyUpdate(other, bState);
      Y.applyUpdate(target, Y.encodeStateAsUpdate(other, Y.encodeStateVector(target)));
    },
    5,
  );
  const merged = new Y.Doc();
  Y.applyUpdate(merged, aState);
  mergeLinjausFile(merged, bFile);
  const mergedFile = writeLinjausFile(merged).length;
  const mergedRaw = Y.encodeStateAsUpdate(merged).length;
  return [
    ['', 'ours (merge .linjaus)', 'raw Yjs', 'ratio'],
    [
      `merge, 2 × ${MERGE_OPS.toLocaleString('en')} ops`,
      ms(ours.median),
      ms(raw.median),
      ratio(ours.median, raw.median),
    ],
    ['merged size', kb(mergedFile), kb(mergedRaw), ratio(mergedFile, mergedRaw)],
  ];
}

/** Run the document benchmarks and print their tables. */
export async function benchModel(): Promise<void> {
  table('Cold open of a programme with a long edit history (median of 7)', await coldOpen());
  table('Merge of two offline copies (median of 5)', await merge());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchModel();
