/**
 * The host's management (renderer/workshop/hosting.ts) against a real sync server on port 0:
 * the host token is checked and its label read before starting, invites are remembered in the
 * connection, revoking refreshes the list, and failures are kept for the dialog to explain.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workshopApi, WorkshopApiError } from '../../renderer/collab';
import { tokenIdOf } from '../../renderer/workshop/controller';
import { checkHostToken, Hosting, mayLeaveWithoutEnding } from '../../renderer/workshop/hosting';
import type { WorkshopConfig } from '../../renderer/workshop/storage';
import { startSyncServer, type SyncServer } from '../../server/sync/server';

const HOUR = 3_600_000;
const dir = mkdtempSync(path.join(os.tmpdir(), 'linjaus-ws-hosting-'));
let server: SyncServer;

beforeAll(async () => {
  server = await startSyncServer({ dataDir: dir, port: 0 });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function hostingFor(documentId: string, token: string, serverUrl = server.url) {
  const saved: WorkshopConfig[] = [];
  let changes = 0;
  const config: WorkshopConfig = { serverUrl, token, role: 'editor', isHost: true };
  const hosting = new Hosting(documentId, config, {
    saveConfig: (next) => saved.push(next),
    changed: () => changes++,
  });
  return { hosting, saved, changes: () => changes };
}

describe('checkHostToken', () => {
  it('gives the label the server binds to the host token, or nothing when it has none', async () => {
    const labelled = await server.mintToken('check-doc', 'editor', HOUR, 'Aino', { host: true });
    expect(
      await checkHostToken(server.url, 'check-doc', labelled.token, tokenIdOf(labelled.token)),
    ).toBe('Aino');
    const bare = await server.mintToken('check-doc', 'editor', HOUR, '', { host: true });
    expect(await checkHostToken(server.url, 'check-doc', bare.token, tokenIdOf(bare.token))).toBe(
      '',
    );
  });

  it('refuses an editor token that is not a host token, with the code the dialog explains', async () => {
    const { token } = await server.mintToken('check-doc', 'editor', HOUR, 'Eero');
    const error = await checkHostToken(server.url, 'check-doc', token, tokenIdOf(token)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkshopApiError);
    expect((error as WorkshopApiError).code).toBe('forbidden');
  });
});

describe('Hosting', () => {
  it('remembers invites by role, lists who joined, and refreshes the list after a revoke', async () => {
    const doc = 'hosting-doc';
    const { token } = await server.mintToken(doc, 'editor', HOUR, 'Aino', { host: true });
    const { hosting, saved } = hostingFor(doc, token);
    // Asked twice at once (the dialog and the controller): one invite.
    const [editor, again] = await Promise.all([
      hosting.createInvite('editor'),
      hosting.createInvite('editor'),
    ]);
    expect(again).toBe(editor);
    const viewer = await hosting.createInvite('viewer');
    expect(viewer?.role).toBe('viewer');
    expect(saved.at(-1)?.invites).toEqual({ editor, viewer });

    const joined = await workshopApi(server.url).join(viewer!.code, 'Dora');
    await hosting.refreshParticipants();
    expect(
      hosting
        .getView()
        .roster?.map((p) => p.name)
        .sort(),
    ).toEqual(['Aino', 'Dora']);

    expect(await hosting.revoke(joined.tokenId)).toBe(true);
    expect(hosting.getView().roster?.find((p) => p.tokenId === joined.tokenId)?.revoked).toBe(true);
    expect(hosting.getView().error).toBeNull();

    // Revoking oneself is refused and explained; the workshop goes on.
    expect(await hosting.revoke(tokenIdOf(token)!)).toBe(false);
    expect(hosting.getView().error).toMatchObject({ action: 'revoke', code: 'self' });

    await hosting.endWorkshop();
    await expect(workshopApi(server.url).join(editor!.code, 'Myöhässä')).rejects.toMatchObject({
      code: 'unknown-code',
    });
  });

  it('keeps a failure for the dialog when the server cannot be reached, and throws only on end', async () => {
    const closed = await startSyncServer({ dataDir: path.join(dir, 'gone'), port: 0 });
    const url = closed.url;
    await closed.close();
    const { hosting, changes } = hostingFor(
      'gone-doc',
      `lj1.${'a'.repeat(16)}.${'b'.repeat(43)}`,
      url,
    );
    expect(await hosting.createInvite('editor')).toBeNull();
    expect(hosting.getView().error).toMatchObject({ action: 'invite', code: 'unreachable' });
    await hosting.refreshParticipants();
    expect(hosting.getView()).toMatchObject({
      roster: null,
      error: { action: 'participants', code: 'unreachable' },
    });
    expect(changes()).toBeGreaterThan(0);
    await expect(hosting.endWorkshop()).rejects.toBeInstanceOf(WorkshopApiError);
    expect(hosting.getView().error?.action).toBe('end');
  });

  it('offers to leave without ending when the server is gone or refuses the host token, not when it only asks to wait', async () => {
    const closed = await startSyncServer({ dataDir: path.join(dir, 'gone-end'), port: 0 });
    const url = closed.url;
    const { token: goneToken } = await closed.mintToken('gone-end', 'editor', HOUR, '', {
      host: true,
    });
    await closed.close();
    const gone = hostingFor('gone-end', goneToken, url).hosting;
    await expect(gone.endWorkshop()).rejects.toBeInstanceOf(WorkshopApiError);
    expect(gone.getView().error).toMatchObject({ action: 'end', code: 'unreachable' });
    expect(mayLeaveWithoutEnding(gone.getView().error, null)).toBe(true);

    // The host token was revoked (or expired): the server refuses it for ever.
    const { token, record } = await server.mintToken('revoked-host', 'editor', HOUR, '', {
      host: true,
    });
    await server.revokeToken(record.id);
    const refused = hostingFor('revoked-host', token).hosting;
    await expect(refused.endWorkshop()).rejects.toBeInstanceOf(WorkshopApiError);
    expect(refused.getView().error).toMatchObject({ action: 'end', code: 'unauthorized' });
    expect(mayLeaveWithoutEnding(refused.getView().error, null)).toBe(true);

    // A connection the server shut out counts even before ending was tried.
    const denied = {
      connection: 'denied',
      deniedReason: 'revoked',
      access: null,
      waitingChanges: 0,
      isSaved: true,
    } as const;
    expect(mayLeaveWithoutEnding(null, denied)).toBe(true);
    // Worth retrying: the workshop stays.
    const wait = { action: 'end', code: 'rate-limit', retryAfterSeconds: 5 } as const;
    expect(mayLeaveWithoutEnding(wait, { ...denied, connection: 'online' })).toBe(false);
    const invite = { action: 'invite', code: 'unreachable', retryAfterSeconds: null } as const;
    expect(mayLeaveWithoutEnding(invite, null)).toBe(false);
  });
});
