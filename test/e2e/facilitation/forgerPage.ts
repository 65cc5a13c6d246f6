// Runs in a browser page (bundled by forgerPeer.ts): a participant's modified app. It holds the
// room secret and syncs like any peer, then writes facilitator actions no honest app would:
// forged with the facilitator's key named, replayed, tampered, unsigned, signed with its own key
// after claiming the workshop (and making itself co-facilitator, and lowering the quorum), and
// erasures of the facilitator's real actions; and ballots in another voter's name.
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
import { ed25519 } from '@noble/curves/ed25519.js';
import { toBase64url } from '../../../shared/crypto';
import {
  actionMessage,
  ballotMessage,
  ballotSigningInput,
  currentRound,
  facilitationMap,
  readActionEntries,
  readFacilitation,
  readFacilitatorKey,
  sealDots,
  signAction,
  writeAuthorityClaim,
  writeSignedAction,
  writeSignedBallot,
} from '../../../shared/facilitation';
import { buildSnapshot, readRoster } from '../../../shared/board';
import { roomTopic } from '../../../renderer/src/features/room/roomTopic';

export type Forgery = 'forged' | 'replayed' | 'tampered' | 'unsigned' | 'erased' | 'own-claim' | 'self-delegation' | 'lower-quorum';

interface Envelope {
  seq: number;
  workshopId: string;
  action: { type: string; phaseId?: string };
  publicKey: string;
  signature: string;
}

let provider: WebrtcProvider | null = null;
// The facilitator's real actions and claim, as first seen: the targets of every forgery.
let genuine: [string, Envelope][] | null = null;
let claim: ReturnType<typeof readFacilitatorKey> = null;
const doc = new Y.Doc();
let workshop = '';
const mySecret = ed25519.utils.randomSecretKey();
const myKey = toBase64url(ed25519.getPublicKey(mySecret));
const sign = (input: Parameters<typeof actionMessage>[0]) => Promise.resolve(toBase64url(ed25519.sign(actionMessage(input), mySecret)));

function phaseActions(): [string, Envelope][] {
  return readActionEntries(doc)
    .map(([key, value]): [string, Envelope] => [key, JSON.parse(String(value)) as Envelope])
    .filter(([, e]) => e.action.type === 'phase.set')
    .sort((a, b) => a[1].seq - b[1].seq);
}

const api = {
  async connect(workshopId: string, secret: string, signaling: string[]): Promise<void> {
    workshop = workshopId;
    provider = new WebrtcProvider(await roomTopic(workshopId, secret), doc, { signaling, password: secret, filterBcConns: true, peerOpts: {} });
  },
  phaseChanges: (): number => phaseActions().length,
  async forge(kind: Forgery): Promise<void> {
    genuine ??= phaseActions();
    claim ??= readFacilitatorKey(doc);
    const first = genuine[0];
    const last = genuine.at(-1);
    if (!first || !last || !claim) throw new Error('nothing synced yet');
    const next = last[1].seq + 1;
    const map = facilitationMap(doc);
    switch (kind) {
      case 'forged': {
        const signed = await signAction(sign, workshop, next, { type: 'phase.set', phaseId: 'sign' }, myKey);
        writeSignedAction(doc, { ...signed, publicKey: claim.publicKey });
        return;
      }
      case 'replayed':
        map.set(`a:${first[1].seq}:replayed`, JSON.stringify(first[1]));
        return;
      case 'tampered':
        map.set(`a:${last[1].seq}:tampered`, JSON.stringify({ ...last[1], action: { type: 'phase.set', phaseId: 'sign' } }));
        return;
      case 'unsigned':
        map.set(`a:${next}:unsigned`, JSON.stringify({ v: 1, workshopId: workshop, seq: next, action: { type: 'phase.set', phaseId: 'vote' }, publicKey: claim.publicKey }));
        return;
      case 'erased':
        map.delete(last[0]);
        return;
      case 'own-claim':
        // The claim older versions read; since schema 3 the workshop's meta names the key, and the guard keeps it.
        writeAuthorityClaim(doc, { publicKey: myKey, participantId: 'mallory', name: 'Mallory' });
        writeSignedAction(doc, await signAction(sign, workshop, next, { type: 'phase.set', phaseId: 'agree' }, myKey));
        return;
      case 'self-delegation':
        writeSignedAction(doc, await signAction(sign, workshop, next, { type: 'delegation.grant', delegate: myKey, participantId: 'mallory', name: 'Mallory', rights: ['run', 'votes', 'charter'], expiresAt: Date.now() + 3_600_000, at: Date.now() }, myKey));
        return;
      case 'lower-quorum':
        writeSignedAction(doc, await signAction(sign, workshop, next, { type: 'charter.quorum', rule: { minIT: 0, minOT: 0, facilitator: false, requiredSigners: [], requireSeal: false, reducedReason: 'Mallory says so' }, at: Date.now() }, myKey));
        return;
    }
  },
  /** Writes a ballot in `voterName`'s name for the open vote, every dot on `cardId`, signed with this peer's own key. */
  async forgeBallot(voterName: string, cardId: string): Promise<void> {
    const voter = readRoster(doc).find((p) => p.name === voterName);
    const round = currentRound(readFacilitation(doc, workshop, readFacilitatorKey(doc)?.publicKey ?? null));
    if (!voter || !round || round.status !== 'open') throw new Error('no open vote or no such voter yet');
    const ctx = { workshopId: workshop, roundId: round.roundId, voterId: voter.id };
    const box = sealDots(round.publicKey, { [cardId]: round.budget }, ctx);
    // A newer revision than any honest one, so it would win if anyone counted it.
    const n = 99;
    const signature = toBase64url(ed25519.sign(ballotMessage(ballotSigningInput(ctx, n, box)), mySecret));
    writeSignedBallot(doc, round.roundId, { v: 2, voterId: voter.id, n, box, publicKey: myKey, signature });
  },
  /** The id of the card titled `title`, from the synced board. */
  cardId: (title: string): string | null => Object.values(buildSnapshot(doc).cards).find((c) => c.fields.title === title)?.id ?? null,

  destroy: () => provider?.destroy(),
};

(globalThis as unknown as { forger: typeof api }).forger = api;
