/**
 * The host's participant list: the server's tokens merged with live presence (roster.ts), each
 * with its role, section or "not connected", and a "remove access" button that asks first.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18n';
import { tokenIdOf, type PresenceEntry } from './controller';
import type { Hosting, HostingView } from './hosting';
import { Avatar, useSectionTitle } from './Presence';
import { mergeRoster, type RosterRow } from './roster';
import type { WorkshopConfig } from './storage';
import { useWorkshopText } from './strings';

function Row({ row, hosting }: { row: RosterRow; hosting: Hosting }) {
  const t = useWorkshopText();
  const title = useSectionTitle();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  // The revoke button and its confirmation replace each other: keyboard focus follows.
  const confirmButton = useRef<HTMLButtonElement>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const moveFocus = useRef(false);
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    (confirming ? confirmButton : revokeButton).current?.focus();
  }, [confirming]);
  const toggle = (next: boolean) => {
    moveFocus.current = true;
    setConfirming(next);
  };
  const first = row.presence[0];
  // A token minted without --label has no name; its id tells tokens apart.
  const name = row.name || `${t('unnamedToken')} ${row.tokenId?.slice(0, 6) ?? ''}…`;
  const where = row.connected
    ? (title(first?.section ?? null) ?? t('noSection'))
    : t('notConnected');
  const revoke = async () => {
    if (!row.tokenId) return;
    setBusy(true);
    const done = await hosting.revoke(row.tokenId);
    setBusy(false);
    if (done) setConfirming(false);
  };
  return (
    <li
      className={`ws-person ${row.connected ? '' : 'is-away'}`}
      data-participant={row.name}
      data-token-id={row.tokenId ?? ''}
    >
      <Avatar name={name} colour={first?.colour ?? null} />
      <span className="ws-person-name">
        {name}
        {row.isSelf && <span className="ws-you"> ({t('you')})</span>}
      </span>
      {row.role && (
        <span className="ws-badge" data-role={row.role}>
          {row.isHost ? t('roleHost') : t(`role_${row.role}`)}
        </span>
      )}
      <span className="ws-person-where" data-section={first?.section ?? ''}>
        {where}
      </span>
      {!row.isSelf && row.tokenId && (
        <span className="ws-revoke">
          {confirming ? (
            <span className="ws-confirm" role="group" aria-label={t('revokeNamed', { name })}>
              <span className="ws-confirm-text">{t('revokeConfirm', { name })}</span>
              <button
                ref={confirmButton}
                type="button"
                className="btn btn-small btn-danger"
                disabled={busy}
                onClick={() => void revoke()}
                aria-label={t('revokeNamed', { name })}
                data-ws="revoke-confirm"
              >
                {t('revoke')}
              </button>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => toggle(false)}
                data-ws="revoke-cancel"
              >
                {t('cancel')}
              </button>
            </span>
          ) : (
            <button
              ref={revokeButton}
              type="button"
              className="btn btn-small"
              onClick={() => toggle(true)}
              aria-label={t('revokeNamed', { name })}
              data-ws="revoke"
            >
              {t('revoke')}
            </button>
          )}
        </span>
      )}
    </li>
  );
}

export function HostRoster({
  config,
  hosting,
  view,
  presence,
}: {
  config: WorkshopConfig;
  hosting: Hosting;
  view: HostingView;
  presence: readonly PresenceEntry[];
}) {
  const t = useWorkshopText();
  const { formatNumber } = useI18n();
  const rows = mergeRoster(presence, view.roster, tokenIdOf(config.token));
  const here = rows.filter((r) => r.connected).length;
  return (
    <>
      <h3 className="ws-h3">
        {t('participants')} <span className="ws-count-text">({formatNumber(here)})</span>
      </h3>
      <ul className="ws-people" aria-label={t('participants')} data-ws="participants">
        {rows.map((row) => (
          <Row key={row.key} row={row} hosting={hosting} />
        ))}
      </ul>
    </>
  );
}
