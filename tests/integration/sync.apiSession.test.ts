/**
 * The host runs the workshop through the API, with real providers connected: revoking one
 * participant closes exactly their connection and their token is refused afterwards while the
 * others stay; ending the workshop closes everyone (the host too) and its codes stop working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgramme, getDocumentId, getMeta, getTemplate, setMeta } from '../../core';
import { eventually, startApiFixture, type ApiFixture } from './helpers/api';
import { join, online, waitFor, type TestClient } from './helpers/clients';

let f: ApiFixture;

beforeAll(async () => {
  f = await startApiFixture();
});
afterAll(() => f.close());

const denied = (client: TestClient) => client.workshop.status().connection === 'denied';

describe('revoking a participant through the API', () => {
  it('closes exactly that participant’s connection and refuses their token afterwards', async () => {
    const code = await f.invite('editor');
    const a = await f.joinByCode(code, 'Aada');
    const b = await f.joinByCode(code, 'Bruno');
    const c = await f.joinByCode(code, 'Cecilia');
    await eventually(
      async () => (await f.participants()).filter((p) => p.connected).length === 4,
      'three participants and the host connected',
    );

    const answer = await f.api(`/documents/${f.id}/participants/${b.tokenId}/revoke`, {
      token: f.hostToken,
      method: 'POST',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ revoked: 1 });
    await waitFor(() => denied(b.client), 'Bruno closed');
    expect(b.client.workshop.status().deniedReason).toBe('revoked');
    expect([a.client, c.client, f.host].every(online)).toBe(true);
    expect(f.test.server.connectionCount(f.id)).toBe(3);

    // Bruno's later edits do not land; the others' do.
    setMeta(b.client.doc, { title: 'Bruno kirjoitti' });
    setMeta(a.client.doc, { organisations: ['Aadan kunta'] });
    await waitFor(
      () => getMeta(c.client.doc).organisations.includes('Aadan kunta'),
      'Aada’s edit reaches Cecilia',
    );
    expect(getMeta(f.host.doc).title).toBe('Työpaja');

    const again = join(f.test.server.wsUrl, f.id, b.token, 'Bruno');
    await waitFor(() => denied(again), 'Bruno refused on reconnect');
    expect(again.workshop.status().deniedReason).toBe('revoked');
    again.workshop.destroy();

    const list = await f.participants();
    expect(list.find((p) => p.tokenId === b.tokenId)).toMatchObject({
      name: 'Bruno',
      revoked: true,
      connected: false,
    });
    expect(list.find((p) => p.tokenId === a.tokenId)).toMatchObject({
      revoked: false,
      connected: true,
    });
  });

  it('refuses to revoke the host’s own token, and unknown or foreign ids', async () => {
    const self = await f.api(`/documents/${f.id}/participants/${f.hostTokenId}/revoke`, {
      token: f.hostToken,
      method: 'POST',
    });
    expect(self.status).toBe(400);
    expect(self.body.error).toBe('self');
    const foreign = await f.test.server.mintToken('dforeigndocument', 'editor', 60_000);
    for (const tokenId of [
      'AAAAAAAAAAAAAAAA',
      foreign.record.id,
      'not-a-token-id',
      'x'.repeat(200),
    ]) {
      const answer = await f.api(`/documents/${f.id}/participants/${tokenId}/revoke`, {
        token: f.hostToken,
        method: 'POST',
      });
      expect(answer.status, tokenId).toBe(404);
      expect(answer.body.error).toBe('unknown-participant');
    }
    expect((await f.test.server.tokens.get(foreign.record.id))!.revokedAt).toBeNull();
    expect(online(f.host)).toBe(true);
  });
});

describe('ending a workshop through the API', () => {
  it('revokes every token and code of the document, closes everyone, and leaves other documents alone', async () => {
    const doc = createProgramme(getTemplate('hankesuunnitelma'));
    const id = getDocumentId(doc)!;
    const { token: hostToken } = await f.mintHost(id);
    const host = join(f.test.server.wsUrl, id, hostToken, 'Isäntä', doc);
    await waitFor(() => online(host), 'second host online');
    const code = await f.invite('editor', hostToken, id);
    const viewerCode = await f.invite('viewer', hostToken, id);
    const p1 = await f.joinByCode(code, 'Eino');
    const p2 = await f.joinByCode(viewerCode, 'Fanni');

    const answer = await f.api(`/documents/${id}/end`, { token: hostToken, method: 'POST' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ revoked: 3 });
    await waitFor(() => [host, p1.client, p2.client].every(denied), 'everyone closed');
    expect(f.test.server.connectionCount(id)).toBe(0);

    for (const c of [code, viewerCode]) {
      const join = await f.api('/join', { json: { code: c, name: 'Myöhässä' } });
      expect(join.status).toBe(404);
      expect(join.body.error).toBe('unknown-code');
    }
    expect((await f.test.server.invites.list(id)).every((r) => r.revokedAt !== null)).toBe(true);
    const after = await f.api(`/documents/${id}/participants`, { token: hostToken });
    expect(after.status).toBe(401);
    // The first workshop goes on.
    expect(online(f.host)).toBe(true);
    expect((await f.participants()).some((p) => p.connected)).toBe(true);
    host.workshop.destroy();
  });
});

describe('ending a workshop while people join', () => {
  it('leaves no live token behind when joins race with the end', async () => {
    const id = getDocumentId(createProgramme(getTemplate('hankesuunnitelma')))!;
    const { token: hostToken } = await f.mintHost(id);
    const code = await f.invite('editor', hostToken, id);
    const joins = Array.from({ length: 12 }, (_, i) =>
      f.api('/join', { json: { code, name: `Kiirehtijä ${i}` } }),
    );
    const end = f.api(`/documents/${id}/end`, { token: hostToken, method: 'POST' });
    const answers = await Promise.all([...joins, end]);
    expect(answers.every((a) => a.status === 200 || a.status === 404)).toBe(true);
    const live = (await f.test.server.tokens.list(id)).filter((r) => r.revokedAt === null);
    expect(live).toEqual([]);
  });
});
