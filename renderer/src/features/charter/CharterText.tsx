// The readable charter of one frozen version, exactly as frozen: what a signer reads before
// signing. Rendered from the frozen object only, never from the live board.
import type { FrozenCharter } from '../../../../shared/charter';
import { Fingerprint } from '../identity';

export function CharterText({ charter }: { readonly charter: FrozenCharter }) {
  const { content, roster, quorum } = charter;
  return (
    <article className="charter-text" data-testid="charter-text">
      <h3>{content.title}</h3>
      <dl>
        <dt>Purpose</dt>
        <dd>{content.purpose || '—'}</dd>
        <dt>Scope</dt>
        <dd>{content.scope || '—'}</dd>
        <dt>Review date</dt>
        <dd>{content.reviewDate || '—'}</dd>
      </dl>
      {content.sections
        .filter((s) => s.items.length > 0)
        .map((section) => (
          <section key={section.id}>
            <h4>{section.title}</h4>
            <ul>
              {section.items.map((item) => (
                <li key={item.cardId}>
                  <strong>{item.title}</strong>
                  {section.fields
                    .filter((f) => (item.fields[f.key] ?? '') !== '')
                    .map((f) => (
                      <div key={f.key}>
                        {f.label}: {item.fields[f.key]}
                      </div>
                    ))}
                </li>
              ))}
            </ul>
          </section>
        ))}
      <h4>Participants</h4>
      <ul>
        {roster.map((p) => (
          <li key={p.id}>
            {p.name} ({p.side}
            {p.role ? `, ${p.role}` : ''}) <Fingerprint value={p.fingerprint} label={`Fingerprint of ${p.name}`} />
            {p.checkedInPerson ? ' · checked in person' : ' · not checked in person'}
          </li>
        ))}
      </ul>
      <p>
        Quorum: at least {quorum.minIT} IT and {quorum.minOT} OT signer(s){quorum.facilitator ? ', and the facilitator' : ''}
        {quorum.requireSeal ? '; sealed by a facilitator' : ''}.
      </p>
    </article>
  );
}
