// The schema of a workshop doc: every root and every nested map, by name, at the current
// version. The guard checks incoming updates against it and the readers read with it; a change
// to a shape comes with a migration (migrations.ts) and a new version.
import { defineSchema } from '../doc/shape';
import { cardFieldsShape, cardShape, cardsShape, cardVotesShape, metaShape, rosterEntryShape, rosterShape } from '../board/boardShapes';
import { charterShape } from '../charter/charterShapes';
import { facilitationShape } from '../facilitation/facilitationShapes';
import { clientsShape, historyShape } from '../history/historyShapes';
import type { RootName } from '../doc/roots';
import type { MapShape } from '../doc/shape';

/** The version this code writes and fully understands. */
export const SCHEMA_VERSION = 3;

const roots: Record<RootName, MapShape> = {
  meta: metaShape,
  cards: cardsShape,
  roster: rosterShape,
  charter: charterShape,
  facilitation: facilitationShape,
  clients: clientsShape,
  history: historyShape,
};

export const workshopSchema = defineSchema(SCHEMA_VERSION, roots, [cardShape, cardFieldsShape, cardVotesShape, rosterEntryShape]);
