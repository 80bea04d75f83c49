import { $getRoot, $getSelection, $isRangeSelection } from 'lexical';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addItem,
  childrenOf,
  deleteItem,
  getItem,
  getTemplate,
  origin,
  readRichText,
  richField,
  richTextToPlain,
  setMeta,
  snapshot,
  updateItem,
} from '../../core';
import { openHeadlessField } from '../../core/richtext/headlessField';
import type { StoredDocument } from '../../renderer/platform/types';
import { DocumentSession, ReadOnlyError } from '../../renderer/session/DocumentSession';
import { skeleton } from '../helpers/programme';
import { typeInto } from '../helpers/typing';

/** Storage is not what these tests are about: an in-memory document that is always saved. */
const memoryStore = (): StoredDocument => ({
  saveState: () => 'saved',
  onSaveState: () => () => undefined,
  flush: () => Promise.resolve(),
  close: () => Promise.resolve(),
});

function open() {
  const s = skeleton();
  const session = new DocumentSession(
    'dtestdocument',
    s.doc,
    memoryStore(),
    getTemplate('elinvoimaohjelma'),
  );
  return { ...s, session, doc: s.doc };
}

const text = (el: Y.XmlElement) => richTextToPlain(readRichText(el));

describe('DocumentSession read-only mode', () => {
  it('reports the mode and its reason and notifies subscribers once per change', () => {
    const { session } = open();
    let calls = 0;
    const off = session.subscribeReadOnly(() => calls++);
    expect(session.isReadOnly()).toBe(false);
    expect(session.readOnlyReason()).toBeNull();
    session.setReadOnly(true);
    session.setReadOnly(true);
    expect(session.isReadOnly()).toBe(true);
    expect(session.readOnlyReason()).toBe('viewer');
    session.setReadOnly(true, 'commenter');
    expect(session.readOnlyReason()).toBe('commenter');
    session.setReadOnly(false);
    expect(session.isReadOnly()).toBe(false);
    expect(calls).toBe(3);
    off();
    session.setReadOnly(true);
    expect(calls).toBe(3);
  });

  it('refuses structural edits, undo and redo while read-only and allows them again after', () => {
    const { session, doc, themes } = open();
    const a = session.structural(() => addItem(doc, 'theme', themes));
    expect(session.canUndo()).toBe(true);
    let undoNotices = 0;
    session.subscribeUndo(() => undoNotices++);
    session.setReadOnly(true);
    expect(undoNotices).toBeGreaterThan(0);
    expect(session.canUndo()).toBe(false);
    expect(() => session.structural(() => addItem(doc, 'theme', themes))).toThrow(ReadOnlyError);
    session.undo();
    expect(childrenOf(doc, themes, 'theme')).toEqual([a]);

    session.setReadOnly(false);
    expect(session.canUndo()).toBe(true);
    session.undo();
    expect(childrenOf(doc, themes, 'theme')).toEqual([]);
    expect(session.canRedo()).toBe(true);
    session.setReadOnly(true);
    session.redo();
    expect(childrenOf(doc, themes, 'theme')).toEqual([]);
  });

  it('reverts a local model write that still happens while read-only, and says so', () => {
    const { session, doc, themes } = open();
    const theme = session.structural(() => addItem(doc, 'theme', themes, { title: 'Energia' }));
    const before = snapshot(doc);
    session.setReadOnly(true);
    let refused = 0;
    session.subscribeRefusedWrites(() => refused++);

    doc.transact(() => setMeta(doc, { title: 'Muutettu' }), origin('local'));
    deleteItem(doc, theme, { origin: origin('local') });
    addItem(doc, 'theme', themes, { title: 'Uusi' }, { origin: origin('local') });
    // A write with no origin at all is local too.
    doc.transact(() => setMeta(doc, { subtitle: 'x' }));

    expect(snapshot(doc)).toEqual(before);
    expect(session.refusedWrites()).toBe(4);
    expect(refused).toBe(4);
  });

  it('reverts typing through a Lexical binding while read-only, and the editor shows the old text again', () => {
    const { session, doc, vision } = open();
    const el = richField(doc, vision, 'body');
    typeInto(doc, el, 'Elinvoimainen seutu');
    session.setReadOnly(true);
    const field = openHeadlessField(doc, el);
    try {
      field.editor.update(
        () => {
          $getRoot().selectEnd();
          const selection = $getSelection();
          if ($isRangeSelection(selection)) selection.insertText(' ja muuta');
        },
        { discrete: true },
      );
      expect(text(el)).toBe('Elinvoimainen seutu');
      expect(field.editor.getEditorState().read(() => $getRoot().getTextContent())).toBe(
        'Elinvoimainen seutu',
      );
      expect(session.refusedWrites()).toBe(1);
    } finally {
      field.dispose();
    }
  });

  it('reverts a write a mounted field makes by itself while read-only without notifying the user', () => {
    const { session, doc, vision } = open();
    const el = richField(doc, vision, 'body');
    typeInto(doc, el, 'Visio');
    session.setReadOnly(true);
    let notices = 0;
    session.subscribeRefusedWrites(() => notices++);
    const field = openHeadlessField(doc, el);
    const unregister = session.registerField(field.binding);
    try {
      field.editor.update(
        () => {
          $getRoot().selectEnd();
          const selection = $getSelection();
          if ($isRangeSelection(selection)) selection.insertText('!');
        },
        { discrete: true },
      );
      expect(text(el)).toBe('Visio');
      expect(session.refusedWrites()).toBe(1);
      expect(notices).toBe(0);
    } finally {
      unregister();
      field.dispose();
    }
  });

  it('keeps updates from peers while read-only: only local writes are reverted', () => {
    const { session, doc, themes } = open();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    session.setReadOnly(true);
    const fromPeer = addItem(peer, 'theme', themes, { title: 'Vertaisen teema' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), origin('remote'));
    expect(childrenOf(doc, themes, 'theme')).toEqual([fromPeer]);
    expect(session.refusedWrites()).toBe(0);
    // And the read-only copy sends nothing back that the peer lacks.
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(peer));
  });

  it('asks for a resync after reverting a key write, since a peer may then edit that key unseen', () => {
    const { session, doc, themes } = open();
    const theme = session.structural(() => addItem(doc, 'theme', themes, { title: 'Alku' }));
    // Fixed client ids: the peer's later write sorts before this copy's reverted ones.
    doc.clientID = 2 ** 31;
    const peer = new Y.Doc();
    peer.clientID = 1;
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    session.setReadOnly(true);
    let resyncs = 0;
    session.subscribeNeedsResync(() => resyncs++);

    updateItem(doc, theme, 'theme', { title: 'Muutettu' }, { origin: origin('local') });
    expect(getItem(doc, theme, 'theme')?.fields.title).toBe('Alku');
    expect(session.needsResync()).toBe(true);
    updateItem(doc, theme, 'theme', { title: 'Taas' }, { origin: origin('local') });
    expect(resyncs).toBe(1);

    updateItem(peer, theme, 'theme', { title: 'Vertaisen nimi' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), origin('remote'));
    // What the resync is for: the revert's copy of "Alku" outranks the peer's rename here.
    expect(getItem(peer, theme, 'theme')?.fields.title).toBe('Vertaisen nimi');
    expect(getItem(doc, theme, 'theme')?.fields.title).toBe('Alku');
  });

  it("does not ask for a resync after reverting typed text: a peer's later typing still shows", () => {
    const { session, doc, vision } = open();
    const el = richField(doc, vision, 'body');
    typeInto(doc, el, 'Visio');
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    session.setReadOnly(true);
    typeInto(doc, el, ' lisätty');
    expect(text(el)).toBe('Visio');
    expect(session.refusedWrites()).toBe(1);
    expect(session.needsResync()).toBe(false);

    typeInto(peer, richField(peer, vision, 'body'), ' 2030');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), origin('remote'));
    expect(text(el)).toBe('Visio 2030');
  });

  it('does not let a write reverted while read-only come back through undo later', () => {
    const { session, doc, themes } = open();
    const theme = session.structural(() => addItem(doc, 'theme', themes, { title: 'Energia' }));
    session.setReadOnly(true);
    deleteItem(doc, theme, { origin: origin('local') });
    expect(childrenOf(doc, themes, 'theme')).toHaveLength(1);
    session.setReadOnly(false);
    // The only undo step is the add: undoing it leaves no theme (not a restored duplicate).
    session.undo();
    expect(childrenOf(doc, themes, 'theme')).toEqual([]);
    expect(session.canUndo()).toBe(false);
    // Editable again: local writes land.
    session.structural(() => addItem(doc, 'theme', themes, { title: 'Uusi' }));
    expect(childrenOf(doc, themes, 'theme')).toHaveLength(1);
    expect(session.refusedWrites()).toBe(1);
  });
});
