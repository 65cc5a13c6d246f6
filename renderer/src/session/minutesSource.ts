// What the minutes are taken from (shared/minutes): the board as it is now, the roster, and every
// vote round whose results were revealed (counted by shared/facilitation exactly as the results
// panel counts them). Here, where the open workshop's parts meet, so the minutes feature depends
// on none of them.
import { readRoster } from '../../../shared/board';
import { roundResults } from '../../../shared/facilitation';
import type { MinutesInput, MinutesRound } from '../../../shared/minutes';
import type { OpenWorkshop } from './openWorkshop';

export function minutesSource(workshop: OpenWorkshop, now: () => number = Date.now): MinutesInput {
  const snapshot = workshop.board.getState().snapshot;
  const state = workshop.facilitation.controller.store.getState().state;
  const rounds: MinutesRound[] = [];
  state.rounds.forEach((round, i) => {
    const results = roundResults(workshop.doc, workshop.id, round);
    if (results) rounds.push({ number: i + 1, budget: round.budget, results });
  });
  return { meta: snapshot.meta, sections: snapshot.sections, participants: readRoster(workshop.doc), rounds, takenAt: now() };
}
