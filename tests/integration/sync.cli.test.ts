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
    const server = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data', data], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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

  it('refuses bad arguments with a usage message and exit code 2', () => {
    const bad = linjaus('token', '--data', '/tmp', '--doc', '../x', '--role', 'editor');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('is not a document id');
    expect(
      linjaus('token', '--doc', 'dabc', '--role', 'editor', '--expires', 'forever').stderr,
    ).toContain('Invalid lifetime');
    expect(linjaus('serve', '--port', 'x').status).toBe(2);
  });
});
