// The readable charter of one frozen version, exactly as frozen: what a signer reads before
// signing. Rendered from the frozen object only, never from the live board, and in the version's
// own document language (the words its PDF and Markdown print, charterWords), not the reader's:
// it is one document for everyone who signs it. Marked with that language and as not to be
// machine-translated.
import { charterWords, choiceWord } from '../../../../shared/charter';
import type { FrozenCharter } from '../../../../shared/charter';
import { useT } from '../../core/i18n';
import { Fingerprint } from '../identity';

export function CharterText({ charter }: { readonly charter: FrozenCharter }) {
  const t = useT();
  const { content, roster, quorum } = charter;
  const language = charter.language ?? 'en';
  const words = charterWords(language);
  const nameOf = (id: string) => roster.find((p) => p.id === id)?.name ?? id;
  return (
    <article className="charter-text" data-testid="charter-text" lang={language} translate="no">
      <h3>{content.title || words.untitledCharter}</h3>
      <dl>
        <dt>{words.headings.purpose}</dt>
        <dd>{content.purpose || '—'}</dd>
        <dt>{words.headings.scope}</dt>
        <dd>{content.scope || '—'}</dd>
        <dt>{words.headings.reviewDate}</dt>
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
                  <strong>{item.title || words.untitled}</strong>
                  {section.fields
                    .filter((f) => (item.fields[f.key] ?? '') !== '')
                    .map((f) => (
                      <div key={f.key}>{words.labelled(f.label, choiceWord(words, item.fields[f.key] ?? ''))}</div>
                    ))}
                </li>
              ))}
            </ul>
          </section>
        ))}
      <h4>{words.headings.participants}</h4>
      <ul>
        {roster.map((p) => (
          <li key={p.id}>
            {p.name} ({words.sides[p.side]}
            {p.role ? `, ${p.role}` : ''}) <Fingerprint value={p.fingerprint} label={t('charter.fingerprintOf', { name: p.name })} />
            {' · '}
            {words.labelled(words.checkedInPerson, p.checkedInPerson ? '✓' : '✗')}
          </li>
        ))}
      </ul>
      <p>{words.quorumRule({ minIT: quorum.minIT, minOT: quorum.minOT, facilitator: quorum.facilitator, signers: quorum.requiredSigners.map(nameOf), seal: quorum.requireSeal })}</p>
    </article>
  );
}
