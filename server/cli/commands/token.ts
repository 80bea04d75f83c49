/**
 * `linjaus token` — mint, list and revoke workshop access tokens. The secret is printed once, on
 * stdout, for scripts; it is stored only as a hash. `--host` mints a host token: an editor token
 * that may also run the workshop (invite codes, participant list, revoke, end) — what the app's
 * "Host a workshop" asks for when it connects to a `linjaus serve`. `revoke` and `end-session` take effect in a
 * running server within a second (it re-reads the token store).
 */
import { FileTokenStore } from '../../sync/tokens/fileStore';
import { FileInviteStore } from '../../sync/tokens/inviteFileStore';
import { PostgresInviteStore } from '../../sync/tokens/invitePostgresStore';
import type { InviteStore } from '../../sync/tokens/invites';
import { PostgresTokenStore } from '../../sync/tokens/postgresStore';
import type { TokenStore } from '../../sync/tokens/store';
import { isLive, mintToken, parseLifetime, ROLES, type Role } from '../../sync/tokens/token';
import { isIdLike } from '../../../core';
import { parse } from '../args';
import { EXIT, UsageError, type Command } from '../io';

export const usage = `linjaus token [--data <dir> | --postgres <url>] --doc <document id> --role editor|commenter|viewer [--host] [--expires 8h] [--label <name>]
         --host: a host token (editor only) for the app's "Host a workshop": it may also create
         invite codes, list and revoke participants and end the workshop
       linjaus token list [--data <dir> | --postgres <url>] [--doc <document id>]
       linjaus token revoke [--data <dir> | --postgres <url>] --id <token id>
       linjaus token end-session [--data <dir> | --postgres <url>] --doc <document id>`;

async function openStore(
  data: string | undefined,
  postgres: string | undefined,
): Promise<{ store: TokenStore; invites: InviteStore; close: () => Promise<void> }> {
  const url = postgres ?? (data ? undefined : process.env.LINJAUS_POSTGRES_URL);
  if (url) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const store = new PostgresTokenStore(pool);
    const invites = new PostgresInviteStore(pool);
    await store.prepare();
    await invites.prepare();
    return { store, invites, close: () => pool.end() };
  }
  const dir = data ?? 'linjaus-data';
  return {
    store: new FileTokenStore(dir),
    invites: new FileInviteStore(dir),
    close: async () => {},
  };
}

function requireDoc(doc: string | undefined): string {
  if (!doc) throw new UsageError('--doc <document id> is required');
  if (!isIdLike(doc)) throw new UsageError(`"${doc}" is not a document id`);
  return doc;
}

export const run: Command = async (args, io) => {
  const sub = args[0] && !args[0].startsWith('-') ? args[0] : 'mint';
  const rest = sub === 'mint' ? args : args.slice(1);
  const { values } = parse(
    rest,
    {
      data: { type: 'string' },
      postgres: { type: 'string' },
      doc: { type: 'string' },
      role: { type: 'string' },
      expires: { type: 'string' },
      label: { type: 'string' },
      id: { type: 'string' },
      host: { type: 'boolean' },
    },
    { min: 0, max: 0, names: 'no positional arguments after the subcommand' },
  );
  const { store, invites, close } = await openStore(values.data, values.postgres);
  try {
    switch (sub) {
      case 'mint': {
        const documentName = requireDoc(values.doc);
        const role = values.role as Role | undefined;
        if (!role || !ROLES.includes(role))
          throw new UsageError('--role must be editor, commenter or viewer');
        let lifetime: number;
        try {
          lifetime = parseLifetime(values.expires ?? '8h');
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
        const host = values.host === true;
        if (host && role !== 'editor') throw new UsageError('--host needs --role editor');
        const minted = mintToken(documentName, role, lifetime, values.label ?? '', Date.now(), {
          host,
        });
        await store.add(minted.record);
        io.stdout.write(`${minted.token}\n`);
        io.stderr.write(
          `Token ${minted.record.id}: ${host ? 'host (editor)' : role} of ${documentName}, valid until ${new Date(minted.record.expiresAt).toISOString()}\n`,
        );
        return EXIT.ok;
      }
      case 'list': {
        for (const r of await store.list(values.doc)) {
          const state = r.revokedAt !== null ? 'revoked' : isLive(r) ? 'valid' : 'expired';
          // The label comes from a participant's name: keep it to one printable line.
          const label = r.label.replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ');
          io.stdout.write(
            `${r.id}\t${r.documentName}\t${r.role}${r.host ? '+host' : ''}\t${state}\t${new Date(r.expiresAt).toISOString()}\t${label}\n`,
          );
        }
        return EXIT.ok;
      }
      case 'revoke': {
        if (!values.id) throw new UsageError('--id <token id> is required');
        const n = await store.revoke({ id: values.id });
        io.stderr.write(n > 0 ? `Revoked token ${values.id}.\n` : `No valid token ${values.id}.\n`);
        return n > 0 ? EXIT.ok : EXIT.failure;
      }
      case 'end-session': {
        const documentName = requireDoc(values.doc);
        const codes = await invites.revoke({ documentName });
        const n = await store.revoke({ documentName });
        io.stderr.write(
          `Revoked ${n} token(s) and ${codes} invite code(s) of ${documentName}; their connections close within a second.\n`,
        );
        return EXIT.ok;
      }
      default:
        throw new UsageError(`unknown subcommand "${sub}"`);
    }
  } finally {
    await close();
  }
};
