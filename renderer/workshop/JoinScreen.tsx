/**
 * Opened from a join link (`#join=<document id>&t=<token>`): the token is taken out of the
 * address bar at once (history, screenshots, shoulder-surfing), then the join form is shown.
 */
import { useState } from 'react';
import { LanguageSwitch } from '../app/LanguageSwitch';
import type { JoinInfo } from '../collab';
import { joinFromLocation } from './joinCode';
import { JoinForm } from './JoinForm';
import { useWorkshopText } from './strings';

let captured: JoinInfo | null = null;

/** True when the page was opened from a join link (checked before routing). */
export function isJoinLocation(): boolean {
  const info = joinFromLocation();
  if (info) {
    captured = info;
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/join`);
  }
  return captured !== null && window.location.hash === '#/join';
}

export function JoinScreen() {
  const t = useWorkshopText();
  const [info] = useState(() => captured);
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
          <JoinForm info={info} />
        </section>
      </main>
    </div>
  );
}
