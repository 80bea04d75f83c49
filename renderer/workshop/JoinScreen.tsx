/**
 * Opened from a join link (`#code=XXXXXXXX`, or the older `#join=<document id>&t=<token>`): the
 * code or token is taken out of the address bar at once (history, screenshots,
 * shoulder-surfing), then the join form asks for a name.
 */
import { useState } from 'react';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { formatInviteCode } from '../collab';
import { joinFromLocation, type JoinTarget } from './joinCode';
import { JoinForm } from './JoinForm';
import { useWorkshopText } from './strings';

let captured: JoinTarget | null = null;

/** True when the page was opened from a join link (checked before routing). */
export function isJoinLocation(): boolean {
  const target = joinFromLocation();
  if (target) {
    captured = target;
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/join`);
  }
  return captured !== null && window.location.hash === '#/join';
}

export function JoinScreen() {
  const t = useWorkshopText();
  const [target] = useState(() => captured);
  return (
    <div className="start ws-join-screen">
      <header className="start-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Linjaus</span>
        </div>
        <LanguageSwitch />
      </header>
      <main className="ws-join-main" id="main">
        <section className="ws-join-card" aria-labelledby="ws-join-title">
          <h1 id="ws-join-title" className="start-h2">
            {t('joinTitle')}
          </h1>
          {target?.kind === 'code' && (
            <p className="ws-code ws-code-small" lang="en" data-ws="join-code-shown">
              {formatInviteCode(target.code)}
            </p>
          )}
          <JoinForm target={target} />
        </section>
      </main>
    </div>
  );
}
