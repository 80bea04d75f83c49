/**
 * `linjaus serve` and `linjaus token` as an administrator uses them: start the server, mint a
 * token with the command, join with it, revoke it with the command, stop the server cleanly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgramme, getDocumentId, getTemplate, setMeta } from '../../core';
import { join, online, waitFor } from './helpers/clients';

const bin = path.resolve('bin/linjaus.js');
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

const linjaus = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('linjaus serve and linjaus token', () => {
  it('serves a workshop to a token minted on the command line and closes it when the token is revoked', async () => {
    const data = await mkdtemp(path.join(tmpdir(), 'linjaus-cli-'));
    dirs.push(data);
    const server = spawn(
      process.execPath,
      [bin, 'serve', '--port', '0', '--data', data, '--trust-proxy', '127.0.0.2'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    server.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    await waitFor(
      () => /listening on http:\/\/127\.0\.0\.1:\d+/.test(stdout),
      'the server prints its address',
    );
    expect(stdout).toContain('linjaus token --data');
    const wsUrl = /WebSocket (ws:\/\/[^)]+)\)/.exec(stdout)![1]!;

    const doc = createProgramme(getTemplate('elinvoimaohjelma'));
    const id = getDocumentId(doc)!;
    const minted = linjaus(
      'token',
      '--data',
      data,
      '--doc',
      id,
      '--role',
      'editor',
      '--expires',
      '1h',
    );
    expect(minted.status).toBe(0);
    const token = minted.stdout.trim();
    expect(token).toMatch(/^lj1\./);
    const tokenId = token.split('.')[1]!;

    const client = join(wsUrl, id, token, 'Ylläpitäjä', doc);
    await waitFor(() => online(client), 'client online');
    setMeta(doc, { title: 'Komentoriviltä' });
    await client.workshop.whenSaved();

    expect(linjaus('token', 'list', '--data', data).stdout).toContain(
      `${tokenId}\t${id}\teditor\tvalid`,
    );
    expect(linjaus('token', 'revoke', '--data', data, '--id', tokenId).status).toBe(0);
    await waitFor(() => client.workshop.status().connection === 'denied', 'revoked client closed');
    client.workshop.destroy();

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout + stderr).not.toContain(token.split('.')[2]);
  });

  it('mints a host token that runs a workshop through the API, and end-session stops its invite codes', async () => {
    const data = await mkdtemp(path.join(tmpdir(), 'linjaus-cli-host-'));
    dirs.push(data);
    const server = spawn(
      process.execPath,
      [bin, 'serve', '--port', '0', '--data', data, '--trust-proxy', '127.0.0.2'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    server.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    server.stderr.resume();
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    await waitFor(() => stdout.includes('--host'), 'the server explains host tokens');
    expect(stdout).toContain('Host a workshop');
    const url = /listening on (http:\/\/[^ ]+)/.exec(stdout)![1]!;

    const id = getDocumentId(createProgramme(getTemplate('elinvoimaohjelma')))!;
    const minted = linjaus('token', '--data', data, '--doc', id, '--role', 'editor', '--host');
    expect(minted.status).toBe(0);
    const hostToken = minted.stdout.trim();
    expect(minted.stderr).toContain('host');
    expect(linjaus('token', 'list', '--data', data).stdout).toContain(
      `${hostToken.split('.')[1]}\t${id}\teditor+host\tvalid`,
    );
    const post = (route: string, body: unknown, token?: string) =>
      fetch(`${url}/api/v1${route}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    const invite = await post(`/documents/${id}/invites`, { role: 'editor' }, hostToken);
    expect(invite.status).toBe(201);
    const { code } = (await invite.json()) as { code: string };
    expect((await post('/join', { code, name: 'Aino' })).status).toBe(200);

    expect(linjaus('token', 'end-session', '--data', data, '--doc', id).status).toBe(0);
    expect((await post('/join', { code, name: 'Aino' })).status).toBe(404);
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses bad arguments with a usage message and exit code 2', () => {
    const bad = linjaus('token', '--data', '/tmp', '--doc', '../x', '--role', 'editor');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('is not a document id');
    expect(
      linjaus('token', '--doc', 'dabc', '--role', 'editor', '--expires', 'forever').stderr,
    ).toContain('Invalid lifetime');
    expect(linjaus('serve', '--port', 'x').status).toBe(2);
    const viewerHost = linjaus('token', '--doc', 'dabc', '--role', 'viewer', '--host');
    expect(viewerHost.status).toBe(2);
    expect(viewerHost.stderr).toContain('--host needs --role editor');
  });
});
