// The minutes' words in the reader's language, from the catalog (shared/minutes asks for them:
// shared/ has no words of its own), with dates in the reader's locale and time zone.
import type { MinutesWords } from '../../../../shared/minutes';
import { choiceLabel, fieldLabel, sectionTitle, sideLabel, statusLabel, type Formatter, type Translate } from '../../core/i18n';
import { fieldSpec } from '../../../../shared/board';

export function minutesWords(t: Translate, format: Formatter): MinutesWords {
  return {
    language: format.locale,
    title: (title) => t('minutes.doc.title', { title }),
    facilitator: t('minutes.doc.facilitator'),
    created: t('minutes.doc.created'),
    taken: t('minutes.doc.taken'),
    summary: (counts) => t('minutes.doc.summary', { total: counts.agreed + counts.proposed + counts.parked, agreed: counts.agreed, proposed: counts.proposed, parked: counts.parked }),
    participants: t('minutes.doc.participants'),
    votes: t('minutes.doc.votes'),
    round: (r) => t('minutes.doc.round', { round: r.number, budget: r.budget, ballots: r.ballotsCounted, it: r.votersBySide.IT, ot: r.votersBySide.OT }),
    noCards: t('minutes.doc.noCards'),
    status: t('minutes.doc.status'),
    side: t('minutes.doc.side'),
    author: t('minutes.doc.author'),
    anonymous: t('minutes.doc.anonymous'),
    vote: (v) => {
      const dots = t('minutes.doc.vote', { round: v.round, total: v.total, it: v.it, ot: v.ot });
      return v.split ? t('minutes.doc.voteSplit', { vote: dots, side: v.it > v.ot ? 'IT' : 'OT' }) : dots;
    },
    legacyDots: (dots) => t('minutes.doc.legacyDots', { dots }),
    sectionTitle: (section) => sectionTitle(t, section),
    fieldLabel: (section, key) => fieldLabel(t, section, key),
    fieldValue: (section, key, value) => (fieldSpec(section, key)?.kind === 'choice' ? choiceLabel(t, value) : value),
    statusLabel: (status) => statusLabel(t, status),
    sideLabel: (side) => sideLabel(t, side),
    date: (ms) => format.dateTime(ms, 'long', 'short'),
    page: (page, pages) => t('minutes.doc.page', { page, pages }),
    csv: {
      section: t('minutes.csv.section'),
      number: t('minutes.csv.number'),
      title: t('minutes.csv.title'),
      roundTotal: (round) => t('minutes.csv.roundTotal', { round }),
      roundSide: (round, side) => t('minutes.csv.roundSide', { round, side }),
      legacyDots: t('minutes.csv.legacyDots'),
    },
  };
}
