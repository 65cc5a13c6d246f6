// What a relay peer accepts and how it paces itself. The relay rides on the signaling server,
// whose own limits (electron/main/signaling/signalingLimits.ts) cap one WebSocket message at
// 64 KiB and a connection at 50 messages a second: frames stay below the first, batching below
// the second. Every inbound bound here is checked before the frame is decrypted or applied.

export interface RelayOptions {
  /** Local edits and presence are gathered this long and sent as one message (fan-out is per message). */
  readonly batchMs: number;
  /** A broadcast "still here" after this long without sending anything, so others keep us on their roster. */
  readonly aliveMs: number;
  /** A peer not heard from for this long leaves the roster. */
  readonly rosterTtlMs: number;
  /** Frames whose send time is further than this from our clock are refused (replays of old traffic). */
  readonly freshnessMs: number;
  /** About this many of the room answer a newcomer's hello (each answer is one tiny message). */
  readonly helloAnswers: number;
}

export const defaultRelayOptions: RelayOptions = Object.freeze({
  batchMs: 10,
  // A broadcast per peer per interval is N² deliveries a room: 300 people every 45 s is 2,000 a second.
  aliveMs: 45_000,
  rosterTtlMs: 120_000,
  freshnessMs: 120_000,
  helloAnswers: 8,
});

/** Characters of one frame as published (base64url of version, IV, ciphertext): below the server's 64 KiB. */
export const MAX_FRAME_CHARS = 60_000;
/** Plaintext bytes one frame carries of a message body; longer bodies are split into parts. */
export const FRAME_BODY_BYTES = 40 * 1024;
/** Parts of one message: 10 MiB, above a full sync of the largest board the peer guard lets through. */
export const MAX_PARTS = 256;
/** Bytes of unfinished multi-part messages kept, over all senders. */
export const MAX_REASSEMBLY_BYTES = 24 * 1024 * 1024;
/** y-webrtc messages in one relay message: a sync reply carries the room's presence in slices of 200 people. */
export const MAX_MESSAGES_PER_BODY = 10;
/** Peers tracked for replay (highest sequence number seen); the longest silent is forgotten first. */
export const MAX_TRACKED_SENDERS = 4096;
/** Frames waiting to be decrypted; beyond it inbound frames are dropped and counted. */
export const MAX_INBOUND_QUEUE = 4096;
/** Relay ids: y-webrtc peer ids (UUIDs) or any short token of this alphabet. */
export const RELAY_ID = /^[A-Za-z0-9_-]{8,64}$/;
