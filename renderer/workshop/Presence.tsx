/**
 * Presence: the participant list (name, colour, section), the compact strip in the status line
 * and the coloured dots on outline sections.
 */
import { memo } from 'react';
import { sectionTitle, type ItemId } from '../../core';
import { useDocLanguage } from '../editor/labels';
import { useSession } from '../session/hooks';
import { useWorkshop } from './install';
import { useWorkshopText } from './strings';

/** The title of a section by id, in the document's language; null when there is none. */
export function useSectionTitle(): (id: string | null) => string | null {
  const session = useSession();
  const lang = useDocLanguage();
  return (id) => {
    if (!id) return null;
    const item = session.store.item(id as ItemId);
    if (item?.kind !== 'section') return null;
    const f = item.fields as { sectionKind: string; key: string; title: string };
    return sectionTitle(session.template, f, lang);
  };
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toLocaleUpperCase() ?? '')
    .join('') || '?';

/** A participant's initials on their colour (grey when not present); decorative. */
export function Avatar({ name, colour }: { name: string; colour: string | null }) {
  return (
    <span
      className={`ws-avatar ${colour ? '' : 'is-away'}`}
      style={colour ? { backgroundColor: colour } : undefined}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}

/** Everyone present in the workshop with their colour and section (a participant's view). */
export function ParticipantList() {
  const { view } = useWorkshop();
  const t = useWorkshopText();
  const title = useSectionTitle();
  return (
    <ul className="ws-people" aria-label={t('participants')} data-ws="participants">
      {view.participants.map((p) => (
        <li key={p.clientId} className="ws-person" data-participant={p.name}>
          <Avatar name={p.name} colour={p.colour} />
          <span className="ws-person-name">
            {p.name}
            {p.isSelf && <span className="ws-you"> ({t('you')})</span>}
          </span>
          <span className="ws-person-where" data-section={p.section ?? ''}>
            {title(p.section) ?? t('noSection')}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Who is here, compactly, for the status line. */
export function PresenceStrip() {
  const { view } = useWorkshop();
  const t = useWorkshopText();
  const title = useSectionTitle();
  if (view.participants.length === 0) return null;
  return (
    <ul className="ws-strip" aria-label={t('participants')} data-ws="presence">
      {view.participants.map((p) => {
        const where = title(p.section);
        const label = where ? t('inSection', { name: p.name, section: where }) : p.name;
        return (
          <li key={p.clientId} className="ws-strip-item" title={label} data-participant={p.name}>
            <Avatar name={p.name} colour={p.colour} />
            <span className="ws-strip-name">
              {p.isSelf ? `${p.name} (${t('you')})` : p.name}
              {where && <span className="sr-only">: {where}</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Dots on an outline section for the other participants working in it. */
export const PresenceDots = memo(function PresenceDots({ itemId }: { itemId: string }) {
  const { view } = useWorkshop();
  const t = useWorkshopText();
  const here = view.participants.filter((p) => !p.isSelf && p.section === itemId);
  if (here.length === 0) return null;
  const names = here.map((p) => p.name).join(', ');
  return (
    <span className="ws-dots" data-ws-dots={itemId} title={names}>
      {here.map((p) => (
        <span key={p.clientId} className="ws-dot" style={{ backgroundColor: p.colour }} />
      ))}
      <span className="sr-only">{t('presenceIn', { names })}</span>
    </span>
  );
});
