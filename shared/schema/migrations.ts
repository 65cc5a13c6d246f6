// Migrations: named steps that bring a doc written at an older schema version up to this one,
// like tldraw's migration sequences. Each step is a deterministic, idempotent write (two peers
// migrating the same doc at once write the same values), runs inside one transaction with the
// caller's origin, and ends by recording its version in meta.schema. The steps are listed in
// docs/architecture.md ("Schema versions").
import type * as Y from 'yjs';
import { docRoot } from '../doc/roots';
import { fixFacilitatorKey, readAuthorityClaim } from '../facilitation/facilitationDoc';
import { SCHEMA_VERSION } from './workshopSchema';

export interface Migration {
  /** e.g. "bridgeboard.workshop/2": the part of the schema it changes, and the version it makes. */
  readonly id: string;
  readonly to: number;
  readonly describe: string;
  up(doc: Y.Doc): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 'bridgeboard.workshop/2',
    to: 2,
    describe:
      'The schema becomes a registry the update guard enforces; the roots "clients" (who each Yjs client is) and "history" (pinned points) join it. Every schema-1 entry is valid at schema 2 as it is.',
    up: () => undefined,
  },
  {
    id: 'bridgeboard.meta/3',
    to: 3,
    describe:
      'One facilitator identity: the workshop’s meta holds the facilitator’s key (facilitatorKey, facilitatorId), which never changes. A schema-2 workshop takes the key of the facilitator’s claim (written when the room was opened), if it has one; without one, the first host to open the room fixes it. Ballots of new vote rounds are signed by their voters.',
    up: (doc) => {
      const claim = readAuthorityClaim(doc);
      if (claim) fixFacilitatorKey(doc, claim.publicKey, claim.participantId);
    },
  },
];

/** The version a doc says it was written at; null for a doc with no workshop in it yet (a room not synced). */
export function storedSchemaVersion(doc: Y.Doc): number | null {
  const meta = docRoot(doc, 'meta');
  const version = meta.get('schema');
  if (typeof version === 'number' && Number.isInteger(version) && version >= 1) return version;
  // Schema 1 always wrote its version, but a doc holding a title without one is still a workshop.
  return typeof meta.get('title') === 'string' ? 1 : null;
}

export type SchemaState =
  | { readonly kind: 'empty' }
  | { readonly kind: 'current' }
  | { readonly kind: 'older'; readonly version: number }
  /** Written by a newer Bridgeboard: shown, not changed. */
  | { readonly kind: 'newer'; readonly version: number };

export function schemaState(doc: Y.Doc): SchemaState {
  const version = storedSchemaVersion(doc);
  if (version === null) return { kind: 'empty' };
  if (version === SCHEMA_VERSION) return { kind: 'current' };
  return version < SCHEMA_VERSION ? { kind: 'older', version } : { kind: 'newer', version };
}

/** Runs the migrations an older doc needs, in order, as one transaction; returns their ids. */
export function migrate(doc: Y.Doc, origin: unknown, migrations: readonly Migration[] = MIGRATIONS, target = SCHEMA_VERSION): string[] {
  const from = storedSchemaVersion(doc);
  if (from === null || from >= target) return [];
  const steps = migrations.filter((m) => m.to > from && m.to <= target).sort((a, b) => a.to - b.to);
  doc.transact(() => {
    for (const step of steps) {
      step.up(doc);
      docRoot(doc, 'meta').set('schema', step.to);
    }
  }, origin);
  return steps.map((s) => s.id);
}
