/**
 * The shadow document the sync server tries editors' updates on (server/sync/integrity): it
 * tells complete updates from ones that throw half-way or leave pending parts, comes back equal
 * to the real document after a refusal, and follows everything the real document applies.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { foresee } from '../../server/sync/integrity/foresee';
import { ShadowDoc } from '../../server/sync/integrity/shadowDoc';

const bytes = (doc: Y.Doc): string => Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');

/** One string struct per entry (Yjs v1 update), at the end of root text `t` unless `origin`. */
function crafted(
  structs: { client: number; clock: number; text: string; origin?: [number, number] }[],
  deletes: [client: number, clock: number, len: number][] = [],
): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, structs.length);
  for (const s of structs) {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, s.client);
    encoding.writeVarUint(e, s.clock);
    encoding.writeUint8(e, s.origin ? 4 | 0x80 : 4);
    if (s.origin) {
      encoding.writeVarUint(e, s.origin[0]);
      encoding.writeVarUint(e, s.origin[1]);
    } else {
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, 't');
    }
    encoding.writeVarString(e, s.text);
  }
  encoding.writeVarUint(e, deletes.length);
  for (const [client, clock, len] of deletes) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, clock);
    encoding.writeVarUint(e, len);
  }
  return encoding.toUint8Array(e);
}

function setup(): { real: Y.Doc; shadow: ShadowDoc; editor: Y.Doc } {
  const real = new Y.Doc();
  real.getText('t').insert(0, 'alku');
  const editor = new Y.Doc();
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(real));
  return { real, shadow: new ShadowDoc(real), editor };
}

describe('ShadowDoc', () => {
  it('accepts a complete update as a change, then the same update as a no-op', () => {
    const { real, shadow, editor } = setup();
    const updates: Uint8Array[] = [];
    editor.on('update', (u: Uint8Array) => updates.push(u));
    editor.getText('t').insert(4, ' ja loppu');
    expect(shadow.trial(updates[0]!)).toBe('change');
    expect(shadow.trial(updates[0]!)).toBe('no-op');
    Y.applyUpdate(real, updates[0]!);
    expect(bytes(shadow.current)).toBe(bytes(real));
  });

  it('follows what the real document applies from elsewhere (storage, other instances)', () => {
    const { real, shadow } = setup();
    real.getText('t').insert(0, 'palvelin: ');
    real.getMap('m').set('k', 1);
    expect(bytes(shadow.current)).toBe(bytes(real));
  });

  it('refuses an update that throws half-way and is equal to the real document again afterwards', () => {
    const { real, shadow } = setup();
    const update = crafted([
      { client: 2000, clock: 0, text: 'ehjä' },
      { client: 1000, clock: 0, text: 'rikki', origin: [1000, 5] },
    ]);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(real));
    expect(() => Y.applyUpdate(copy, update)).toThrow();
    expect(copy.getText('t').toString()).toContain('ehjä');
    expect(shadow.trial(update)).toBe('throws');
    expect(bytes(shadow.current)).toBe(bytes(real));
    expect(shadow.current.getText('t').toString()).toBe('alku');
  });

  it('rebuilds itself from the real document when a trial throws after integrating part', () => {
    const { real, shadow, editor } = setup();
    // Stands in for a throw nothing foresaw: an observer that throws after integration.
    shadow.current.getText('t').observe(() => {
      throw new Error('tarkkailija');
    });
    const updates: Uint8Array[] = [];
    editor.on('update', (u: Uint8Array) => updates.push(u));
    editor.getText('t').insert(0, 'x');
    expect(shadow.trial(updates[0]!)).toBe('throws');
    expect(shadow.current.getText('t').toString()).toBe('alku');
    expect(bytes(shadow.current)).toBe(bytes(real));
    expect(shadow.trial(updates[0]!)).toBe('change');
  });

  it('foresees gaps, missing origins, deletions of unknown content and self-references, and nothing in real edits', () => {
    const { real, editor } = setup();
    expect(foresee(real, crafted([{ client: 9, clock: 3, text: 'a' }]))).toBe('pending');
    expect(foresee(real, crafted([{ client: 9, clock: 0, text: 'a', origin: [8, 0] }]))).toBe(
      'pending',
    );
    expect(foresee(real, crafted([], [[9, 0, 1]]))).toBe('pending');
    expect(foresee(real, crafted([{ client: 9, clock: 0, text: 'a', origin: [9, 0] }]))).toBe(
      'throws',
    );
    expect(foresee(real, new Uint8Array([1, 2, 3]))).toBe('throws');
    // An update whose items depend on each other, across clients, is complete.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(real));
    const first: Uint8Array[] = [];
    const second: Uint8Array[] = [];
    editor.on('update', (u: Uint8Array) => first.push(u));
    editor.getText('t').insert(2, 'keski');
    Y.applyUpdate(other, first[0]!, 'relay');
    other.on('update', (u: Uint8Array) => second.push(u));
    other.getText('t').insert(4, 'toinen');
    other.getText('t').delete(0, 3);
    other.getMap('m').set('k', new Y.Text('sisä'));
    const updates = [...first, ...second];
    expect(foresee(real, first[0]!)).toBeNull();
    expect(foresee(real, Y.mergeUpdates(updates))).toBeNull();
    // Without the first client's insertion, the second's edit inside it cannot integrate.
    expect(foresee(real, second[0]!)).toBe('pending');
    const shadow = new ShadowDoc(real);
    expect(shadow.trial(Y.mergeUpdates(updates))).toBe('change');
  });

  it('refuses pending structs and a pending delete set, leaving no pending parts behind', () => {
    const { real, shadow } = setup();
    for (const update of [
      crafted([{ client: 3000, clock: 4, text: 'aukko' }]),
      crafted([], [[3001, 0, 3]]),
      crafted([
        { client: 3003, clock: 0, text: 'kokonainen' },
        { client: 3002, clock: 0, text: 'orpo', origin: [777, 1] },
      ]),
    ]) {
      expect(shadow.trial(update)).toBe('pending');
      expect(shadow.current.store.pendingStructs).toBeNull();
      expect(shadow.current.store.pendingDs).toBeNull();
      expect(bytes(shadow.current)).toBe(bytes(real));
    }
  });

  it('accepts edits to a document that already held pending parts, and refuses new ones', () => {
    const { real, editor } = setup();
    const oldGap = crafted([{ client: 3000, clock: 4, text: 'vanha aukko' }], [[3001, 0, 2]]);
    Y.applyUpdate(real, oldGap);
    expect(real.store.pendingStructs).not.toBeNull();
    expect(real.store.pendingDs).not.toBeNull();
    const shadow = new ShadowDoc(real);
    const updates: Uint8Array[] = [];
    editor.on('update', (u: Uint8Array) => updates.push(u));
    editor.getText('t').insert(0, 'uusi ');
    editor.getText('t').delete(0, 2);
    expect(shadow.trial(updates[0]!)).toBe('change');
    expect(shadow.trial(updates[1]!)).toBe('change');
    expect(shadow.trial(oldGap)).toBe('no-op');
    expect(shadow.trial(crafted([{ client: 3100, clock: 2, text: 'uusi aukko' }]))).toBe('pending');
    expect(shadow.trial(crafted([{ client: 3000, clock: 9, text: 'pidempi' }]))).toBe('pending');
    expect(shadow.trial(crafted([], [[3001, 0, 5]]))).toBe('pending');
    for (const update of updates) Y.applyUpdate(real, update);
    expect(bytes(shadow.current)).toBe(bytes(real));
  });

  it('refuses content the editor bindings cannot show in a rich-text field, and accepts real rich text', () => {
    // As the model lays a field out: an element without a name in the item's map.
    const real = new Y.Doc();
    const root = new Y.XmlElement();
    real.getMap('kohta').set('kenttä', root);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('teksti')]);
    root.insert(0, [paragraph]);
    const shadow = new ShadowDoc(real);
    const edit = (change: (field: Y.XmlElement) => void): Uint8Array => {
      const editor = new Y.Doc();
      Y.applyUpdate(editor, Y.encodeStateAsUpdate(real));
      const before = Y.encodeStateVector(editor);
      change(editor.getMap('kohta').get('kenttä') as Y.XmlElement);
      return Y.encodeStateAsUpdate(editor, before);
    };
    const first = (field: Y.XmlElement) => field.get(0) as Y.XmlElement;
    const text = (field: Y.XmlElement) => first(field).get(0) as Y.XmlText;
    for (const foreign of [
      edit((field) => (first(field) as unknown as Y.Array<string>).insert(0, ['raakateksti'])),
      edit((field) => field.insert(1, [new Y.XmlElement('marquee')])),
      edit((field) => field.insert(1, [new Y.XmlHook('koukku') as unknown as Y.XmlElement])),
      edit((field) => text(field).insertEmbed(0, { kuva: 1 })),
    ]) {
      expect(shadow.trial(foreign)).toBe('unsupported');
      expect(bytes(shadow.current)).toBe(bytes(real));
    }
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('__tag', 'h2');
    const legit = edit((field) => {
      text(field).insert(6, ' lihavoitu', { b: true });
      field.insert(1, [heading]);
      heading.insert(0, [new Y.XmlText('Otsikko')]);
    });
    expect(shadow.trial(legit)).toBe('change');
  });

  it('lets the first update give a document its identity, and refuses one that changes it', () => {
    const empty = new ShadowDoc(new Y.Doc(), (doc) => doc.getMap('meta').get('id'));
    const source = new Y.Doc();
    source.getMap('meta').set('id', 'asiakirja');
    expect(empty.trial(Y.encodeStateAsUpdate(source))).toBe('change');
    const { real, editor } = setup();
    real.getMap('meta').set('id', 'asiakirja');
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(real));
    const shadow = new ShadowDoc(real, (doc) => doc.getMap('meta').get('id'));
    const before = Y.encodeStateVector(editor);
    editor.getMap('meta').set('id', 'toinen');
    expect(shadow.trial(Y.encodeStateAsUpdate(editor, before))).toBe('unsupported');
    expect(shadow.current.getMap('meta').get('id')).toBe('asiakirja');
  });

  it('stops following the real document once disposed', () => {
    const { real, shadow } = setup();
    shadow.dispose();
    real.getText('t').insert(0, 'x');
    expect(() => shadow.trial(new Uint8Array([0, 0]))).toThrow('dispose');
  });
});
