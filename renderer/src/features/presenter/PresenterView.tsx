// Presenting the board on a projector: the whole window, large type, one section or one card at
// a time, then the vote results. Keys: → ↓ Page Down or Space next, ← ↑ Page Up previous, Home
// and End, Esc leaves (a clicker sends Page Up/Down). It shows the board live: a card added
// while presenting appears on its section's slide.
import './presenter.css';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { sectionSpec, type Card } from '../../../../shared/board';
import type { CardTally, RoundResults } from '../../../../shared/facilitation';
import { choiceLabel, fieldLabel, sectionPurpose, sectionTitle, sideLabel, statusLabel, useT, type Translate } from '../../core/i18n';
import { Dialog } from '../../ui/Dialog';
import { SideIcon } from '../../ui/SideIcon';
import { useBoard } from '../board';
import { matchingSlide, presenterSlides, type PresenterMode, type Slide } from './presenterSlides';

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

interface PresenterViewProps {
  readonly results: RoundResults | null;
  readonly onClose: () => void;
}

export function PresenterView({ results, onClose }: PresenterViewProps) {
  const t = useT();
  const title = useBoard((s) => s.snapshot.meta.title);
  const sections = useBoard((s) => s.snapshot.sections);
  const [mode, setMode] = useState<PresenterMode>('sections');
  const [at, setAt] = useState(0);
  const slides = useMemo(() => presenterSlides(sections, mode), [sections, mode]);
  const index = Math.min(at, slides.length - 1);
  const slide = slides[index];
  const go = (to: number) => setAt(Math.max(0, Math.min(slides.length - 1, to)));
  const switchMode = (next: PresenterMode) => {
    if (next === mode) return;
    setAt(matchingSlide(presenterSlides(sections, next), slide));
    setMode(next);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      // Space presses a focused button; arrows and Space keep their meaning in a field.
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest('select, input, textarea') || (event.key === ' ' && target?.closest('button'))) return;
      const last = slides.length - 1;
      if (NEXT.has(event.key)) setAt((n) => Math.min(last, n + 1));
      else if (PREVIOUS.has(event.key)) setAt((n) => Math.max(0, n - 1));
      else if (event.key === 'Home') setAt(0);
      else if (event.key === 'End') setAt(last);
      else if (event.key === 'Escape') onClose();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [slides.length, onClose]);

  const fullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  };

  return (
    <Dialog title={t('presenter.title', { title })} onClose={onClose} testId="presenter">
      <div className="presenter-controls">
        <div className="segmented" role="group" aria-label={t('presenter.mode.label')}>
          <button type="button" aria-pressed={mode === 'sections'} onClick={() => switchMode('sections')} data-testid="presenter-mode-sections">
            {t('presenter.mode.sections')}
          </button>
          <button type="button" aria-pressed={mode === 'cards'} onClick={() => switchMode('cards')} data-testid="presenter-mode-cards">
            {t('presenter.mode.cards')}
          </button>
        </div>
        <button type="button" onClick={() => go(index - 1)} disabled={index === 0} aria-keyshortcuts="ArrowLeft PageUp" data-testid="presenter-previous">
          {t('presenter.previous')}
        </button>
        <span className="presenter-position" data-testid="presenter-position">
          {t('presenter.position', { current: index + 1, total: slides.length })}
        </span>
        <button type="button" onClick={() => go(index + 1)} disabled={index === slides.length - 1} aria-keyshortcuts="ArrowRight PageDown Space" data-testid="presenter-next">
          {t('presenter.next')}
        </button>
        <button type="button" onClick={fullScreen}>
          {t('presenter.fullScreen')}
        </button>
        <button type="button" onClick={onClose} aria-keyshortcuts="Escape" data-testid="presenter-exit">
          {t('presenter.exit')}
        </button>
      </div>
      {/* Announced as it changes, so someone following by screen reader hears each slide. */}
      <div className="presenter-stage" aria-live="polite" data-testid="presenter-slide" data-slide-kind={slide?.kind}>
        {slide && <SlideView slide={slide} results={results} />}
      </div>
      <p className="presenter-keys muted">{t('presenter.keys')}</p>
    </Dialog>
  );
}

function SlideView({ slide, results }: { readonly slide: Slide; readonly results: RoundResults | null }) {
  const t = useT();
  if (slide.kind === 'results') return <ResultsSlide results={results} />;
  if (slide.kind === 'card') {
    return (
      <article className="presenter-card-slide">
        <p className="presenter-kicker">{t('presenter.cardOf', { index: slide.index + 1, count: slide.count, section: sectionTitle(t, slide.section) })}</p>
        <CardBody card={slide.card} tally={results?.tallies.find((x) => x.cardId === slide.card.id)} large />
      </article>
    );
  }
  return (
    <section className="presenter-section-slide" aria-labelledby={`presenter-${slide.section}`}>
      <h3 id={`presenter-${slide.section}`} className="presenter-heading">
        {sectionTitle(t, slide.section)}
      </h3>
      <p className="presenter-purpose">{sectionPurpose(t, slide.section)}</p>
      {slide.cards.length === 0 ? (
        <p className="presenter-empty">{t('presenter.noCards')}</p>
      ) : (
        <ol className="presenter-cards">
          {slide.cards.map((card) => (
            <li key={card.id} className={`presenter-card status-${card.status}`} data-testid="presenter-card">
              <CardBody card={card} tally={results?.tallies.find((x) => x.cardId === card.id)} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function CardBody({ card, tally, large = false }: { readonly card: Card; readonly tally: CardTally | undefined; readonly large?: boolean }) {
  const t = useT();
  const spec = sectionSpec(card.section);
  const [titleField, ...rest] = spec.fields;
  const details = rest.filter((f) => (card.fields[f.key] ?? '').trim().length > 0);
  const Title = large ? 'h3' : 'p';
  return (
    <>
      <Title className="presenter-card-title">{titleField ? card.fields[titleField.key] : ''}</Title>
      <p className="presenter-card-meta">
        <Badges card={card} t={t} />
        {tally && tally.total > 0 && <span className="presenter-card-votes">{t('presenter.cardVotes', { total: tally.total, it: tally.it, ot: tally.ot })}</span>}
      </p>
      {details.length > 0 && (
        <dl className="presenter-fields">
          {details.map((f) => (
            <div key={f.key}>
              <dt>{fieldLabel(t, card.section, f.key)}</dt>
              <dd>{f.kind === 'choice' ? choiceLabel(t, card.fields[f.key] ?? '') : card.fields[f.key]}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

function Badges({ card, t }: { readonly card: Card; readonly t: Translate }): ReactNode {
  return (
    <>
      <span className={`badge side-${card.side}`}>
        <SideIcon side={card.side} />
        {sideLabel(t, card.side)}
      </span>{' '}
      <span className={`badge status-badge status-${card.status}`}>{statusLabel(t, card.status)}</span>
    </>
  );
}

function ResultsSlide({ results }: { readonly results: RoundResults | null }) {
  const t = useT();
  const cards = useBoard((s) => s.snapshot.cards);
  if (!results) {
    return (
      <section className="presenter-results" aria-labelledby="presenter-results-heading">
        <h3 id="presenter-results-heading" className="presenter-heading">
          {t('presenter.results.title')}
        </h3>
        <p className="presenter-empty" data-testid="presenter-no-results">
          {t('presenter.results.none')}
        </p>
      </section>
    );
  }
  const max = Math.max(1, ...results.tallies.map((x) => x.total));
  return (
    <section className="presenter-results" aria-labelledby="presenter-results-heading" data-testid="presenter-results">
      <h3 id="presenter-results-heading" className="presenter-heading">
        {t('presenter.results.title')}
      </h3>
      <p className="presenter-purpose">{t('presenter.results.counted', { ballots: results.ballotsCounted, it: results.votersBySide.IT, ot: results.votersBySide.OT })}</p>
      <ol className="presenter-tallies">
        {results.tallies.map((x) => (
          <li key={x.cardId} className="presenter-tally" data-testid="presenter-tally">
            <span className="presenter-tally-title">{cards[x.cardId]?.fields.title ?? t('presenter.deletedCard')}</span>
            <span className="presenter-tally-total">{t('presenter.results.dots', { total: x.total })}</span>
            <span className="presenter-tally-bar" aria-hidden="true">
              <span className="bar-segment side-fill-IT" style={{ width: `${(100 * x.it) / max}%` }} />
              <span className="bar-segment side-fill-OT" style={{ width: `${(100 * x.ot) / max}%` }} />
            </span>
            <span className="presenter-tally-sides">
              {t('presenter.results.sides', { it: x.it, ot: x.ot })}
              {x.split && <strong className="presenter-split"> · {t('presenter.results.split', { side: x.it > x.ot ? 'IT' : 'OT' })}</strong>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
