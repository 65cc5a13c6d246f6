// The one interface through which the renderer reaches its host (Electron via the preload, or
// the browser). The renderer owns the Y.Doc; the host stores its updates and moves files.
import type { z } from 'zod';
import type { lanAddressSchema, lanSignalingStatusSchema } from '../../../shared/protocol/signalingSchemas';
import type { BallotSigningInput } from '../../../shared/facilitation/ballots';

export interface WorkshopSummary {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type HostErrorCode =
  | 'not-found'
  | 'invalid-request'
  | 'storage-failed'
  | 'corrupt'
  | 'unrecoverable'
  | 'too-large'
  | 'cancelled'
  | 'forbidden'
  | 'unavailable';

/** Every Host method rejects with a HostError, never anything else. */
export class HostError extends Error {
  override readonly name = 'HostError';
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface LoadedWorkshop {
  /** The workshop's Yjs state: the snapshot with every stored update merged in. */
  readonly state: Uint8Array;
  /** Bytes of a torn tail (a write a crash cut short, never acknowledged) cut off on opening; 0 when the log ended cleanly. */
  readonly skippedBytes: number;
}

export interface WorkshopStorage {
  list(): Promise<WorkshopSummary[]>;
  /** Creates the workshop with its first state. Fails if the id exists. */
  create(summary: WorkshopSummary, state: Uint8Array): Promise<void>;
  load(id: string): Promise<LoadedWorkshop>;
  /** Resolves only once the update is durable (fsync'd, or committed in IndexedDB); bytes that are not a Yjs update: 'invalid-request'. */
  append(id: string, update: Uint8Array): Promise<void>;
  /** Updates the list entry (title, updatedAt) without touching the board. */
  setSummary(summary: WorkshopSummary): Promise<void>;
  /** Compacts and releases the workshop; call when its board is closed. */
  close(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  /**
   * For a workshop whose load failed with 'corrupt': rebuilds it from every stored change that
   * still reads. The damaged part is set aside, not deleted. Changes that depended on it stay
   * pending in the state and fall into place when a peer who has the lost part syncs.
   */
  recover(id: string): Promise<RecoveryReport>;
  /**
   * Every stored change this device kept for the workshop, oldest first, as stored (history
   * records, shared/history/historyRecord.ts; bare Yjs updates from older versions). The first
   * is usually a checkpoint: the whole state the kept history starts from.
   */
  history(id: string): Promise<Uint8Array[]>;
}

/**
 * What this device keeps for a workshop outside its doc, so it never syncs or exports: the room
 * secret and network credentials, the facilitator key it pinned, the secret of a vote it
 * started, its own ballots. The desktop app keeps it encrypted in the main process (like the
 * signing key); the browser in IndexedDB. Removing the workshop removes it.
 */
export interface DeviceVault {
  /** Every entry of the workshop, key → value. */
  read(workshopId: string): Promise<Record<string, string>>;
  /** Sets an entry; null removes it. */
  write(workshopId: string, key: string, value: string | null): Promise<void>;
}

export interface RecoveryReport {
  /** Damaged bytes set aside. */
  readonly skippedBytes: number;
  /** Stored changes that still read and were kept. */
  readonly keptUpdates: number;
}

/** What the picker offers: .bridgeboard workshop files, or charter exports (PDF, JSON, Markdown). */
export type FileKind = 'workshop' | 'charter';

export interface WorkshopFiles {
  /** Offers `bytes` to the user to save as `suggestedName`; false if they cancelled. */
  save(suggestedName: string, bytes: Uint8Array): Promise<boolean>;
  /** Lets the user pick a workshop file (or a charter export to verify); null if they cancelled. */
  open(kind?: FileKind): Promise<{ name: string; bytes: Uint8Array } | null>;
}

/**
 * Workshop files the OS opened with the desktop app (double-click, "Open with"); main keeps
 * them in a queue and reads each within the file limit. The page never sees a path.
 */
export interface OpenedFiles {
  /** The next file's name and bytes, taken off the queue; null when none waits. */
  take(): Promise<{ name: string; bytes: Uint8Array } | null>;
  /** True as soon as a file waits; false after a while with none (then ask again). */
  wait(): Promise<boolean>;
}

/** This device's public identity; the private key never leaves the host's key store. */
export interface PublicIdentity {
  /** base64url of the raw 32-byte Ed25519 public key, as the roster carries it. */
  readonly publicKey: string;
  /** Read-aloud fingerprint: six groups of five digits. */
  readonly fingerprint: string;
  readonly createdAt: string;
  /** `warning` is shown to the user as is, e.g. Linux's basic_text keyring fallback. */
  readonly protection: { readonly weak: boolean; readonly backend: string; readonly warning: string | null };
}

/** The fields of a ballot's signed message; the host builds the bytes itself. */
export type { BallotSigningInput } from '../../../shared/facilitation/ballots';

/** The fields of a facilitator action's signed message; the host builds the bytes itself. */
export interface ActionSigningInput {
  readonly workshopId: string;
  readonly seq: number;
  readonly actionDigest: string;
}

/** The fields of docs/charter-format.md section 3; the host builds the signed bytes itself. */
export interface CharterSigningInput {
  readonly charterId: string;
  readonly version: number;
  readonly digest: string;
  readonly signedAt: string;
}
export interface SealSigningInput extends CharterSigningInput {
  readonly signatureCount: number;
  readonly signaturesDigest: string;
}

export interface HostIdentity {
  /** Loads this device's key, creating it the first time. */
  get(): Promise<PublicIdentity>;
  /** base64url Ed25519 signature over the charter signing message. */
  signCharter(input: CharterSigningInput): Promise<string>;
  /** base64url Ed25519 signature over the seal message. */
  signSeal(input: SealSigningInput): Promise<string>;
  /** base64url Ed25519 signature over a facilitator action (shared/facilitation/actionMessage.ts). */
  signFacilitatorAction(input: ActionSigningInput): Promise<string>;
  /** base64url Ed25519 signature over a ballot (shared/facilitation/ballots.ts, ballotMessage). */
  signBallot(input: BallotSigningInput): Promise<string>;
  /**
   * Creates a new key in place of the current one (which the host sets aside, not deletes), for
   * a device whose key can no longer be used; a key that still works is refused ('forbidden').
   * Signatures already made stay valid; the new fingerprint has to be checked in person again.
   */
  replace(): Promise<PublicIdentity>;
}

/** One of this machine's network addresses, offered as the LAN signaling server's address. */
export type LanAddressInfo = Readonly<z.infer<typeof lanAddressSchema>>;

/** The LAN signaling server's state; `urls` is what goes into the invite. */
export type LanSignalingStatusInfo = Readonly<z.infer<typeof lanSignalingStatusSchema>>;

/** The facilitator's room port on the LAN (web app over HTTPS, signaling over WSS); only the
 * desktop app can listen on a port. */
export interface LanSignaling {
  addresses(): Promise<LanAddressInfo[]>;
  start(choice: { host: string; port?: number }): Promise<LanSignalingStatusInfo>;
  stop(): Promise<void>;
  status(): Promise<LanSignalingStatusInfo>;
  /** The port's certificate: the company's (picked in the app's own dialog; 'cancelled' if not)
   * or this device's self-signed one. A running port restarts with it. */
  useCertificate(source: 'company' | 'self-signed'): Promise<LanSignalingStatusInfo>;
  /** Trusts the self-signed certificate an invite names, for that host only. */
  trustCertificate(host: string, sha256: string): Promise<void>;
}

export interface Host {
  readonly kind: 'electron' | 'browser';
  readonly storage: WorkshopStorage;
  readonly vault: DeviceVault;
  readonly files: WorkshopFiles;
  /** Present only in the desktop app, where the OS can open workshop files with it. */
  readonly openedFiles?: OpenedFiles;
  /** Present only where the app can run the LAN signaling server (the desktop app). */
  readonly lanSignaling?: LanSignaling;
  readonly identity: HostIdentity;
  /** Opens an http(s) URL in the system browser (or a new tab); anything else is refused. */
  openExternal(url: string): Promise<void>;
}
