// The device's Ed25519 identity key for one profile. The private key is generated, decrypted
// and used only here in the main process; the renderer gets the public key, the fingerprint and
// signatures over charter messages, never the key (docs/architecture.md, Trust).
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { fingerprintOf, fromBase64url, sealMessage, signingMessage, toBase64url, type SealInput, type SigningInput } from '../../../shared/crypto';
import { actionMessage, type ActionSigningInput } from '../../../shared/facilitation/actionMessage';
import { ballotMessage, type BallotSigningInput } from '../../../shared/facilitation/ballots';
import { IdentityError } from './identityErrors';
import { readIdentityFile, writeIdentityFileAtomically, type IdentityFile } from './identityFile';
import type { SafeStorageLike } from './safeStorageLike';
import { storageProtection, type StorageProtection } from './storageProtection';

export interface PublicIdentity {
  /** base64url of the raw 32-byte Ed25519 public key, as the charter roster carries it. */
  readonly publicKey: string;
  /** Read-aloud fingerprint (six groups of five digits). */
  readonly fingerprint: string;
  readonly createdAt: string;
  readonly protection: StorageProtection;
}

/** What main's confirmation of a key replacement tells the user. */
export interface ReplacementQuestion {
  /** Why the current key cannot be used. */
  readonly reason: string;
  /** How the new key would be protected, when that is weak (Linux's basic_text). */
  readonly warning: string | null;
}

export interface IdentityStoreOptions {
  readonly filePath: string;
  readonly safeStorage: SafeStorageLike;
  readonly platform?: NodeJS.Platform;
  readonly now?: () => Date;
}

/** One key file per profile under the app's userData directory. */
export function identityFilePath(userDataDir: string, profile: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(profile)) throw new Error('profile names are 1-64 letters, digits, _ or -');
  return join(userDataDir, 'identity', `${profile}.json`);
}

const rawPublicKey = (key: KeyObject): string => {
  const x = key.export({ format: 'jwk' }).x;
  if (typeof x !== 'string') throw new Error('not an Ed25519 key');
  return x;
};

export class IdentityStore {
  private key: KeyObject | null = null;
  private identity: PublicIdentity | null = null;
  private readonly platform: NodeJS.Platform;
  private readonly now: () => Date;

  constructor(private readonly options: IdentityStoreOptions) {
    this.platform = options.platform ?? process.platform;
    this.now = options.now ?? (() => new Date());
  }

  protection(): Promise<StorageProtection> {
    return storageProtection(this.options.safeStorage, this.platform);
  }

  /** Loads the existing key, or creates one the first time. */
  async ensure(): Promise<PublicIdentity> {
    try {
      return await this.load();
    } catch (err) {
      if (err instanceof IdentityError && err.code === 'missing-key') return this.create();
      throw err;
    }
  }

  /**
   * A new key in place of one this device can no longer use: the keyring cannot decrypt it, or
   * the file is damaged. The old file is kept beside the new one as
   * `<profile>.replaced-<time>.json`, never deleted: a keyring unlocked later can still read it.
   * Signatures already made stay valid; the new fingerprint must be checked in person again.
   * A key that still loads, or fails for a passing reason, is never replaced: a rotated
   * facilitator key would silence their signed actions in every room. `confirm` is main's own
   * question to the user, which a compromised renderer cannot answer for them.
   */
  async replace(confirm?: (question: ReplacementQuestion) => Promise<boolean>): Promise<PublicIdentity> {
    const failure = await this.load().then(
      () => null,
      (error: unknown) => error,
    );
    if (failure === null) throw new IdentityError('key-works', "This device's signing key works; it is replaced only when it can no longer be used.");
    if (!(failure instanceof IdentityError && (failure.code === 'undecryptable' || failure.code === 'corrupt-file'))) throw failure;
    const protection = await this.protection();
    if (!protection.available) throw new IdentityError('encryption-unavailable', protection.warning ?? 'Encryption is not available.');
    if (confirm && !(await confirm({ reason: failure.message, warning: protection.warning }))) {
      throw new IdentityError('replace-cancelled', 'The signing key was not replaced.');
    }
    // The keyring may have been unlocked while the question was open: a key that loads now stays.
    if (await this.load().then(() => true, () => false)) {
      throw new IdentityError('key-works', "This device's signing key works again; it was not replaced.");
    }
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const aside = this.options.filePath.replace(/\.json$/, `.replaced-${stamp}.json`);
    await rename(this.options.filePath, aside).catch((err: unknown) => {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    });
    this.key = null;
    this.identity = null;
    return this.create({ replace: true });
  }

  /** `replace` discards an existing (e.g. undecryptable) key: the user must re-join rosters. */
  async create(options: { replace?: boolean } = {}): Promise<PublicIdentity> {
    if (!options.replace && (await readIdentityFile(this.options.filePath).catch(() => 'unreadable'))) {
      throw new IdentityError('already-exists', 'An identity key already exists for this profile; it is never overwritten silently.');
    }
    const protection = await this.protection();
    if (!protection.available) throw new IdentityError('encryption-unavailable', protection.warning ?? 'Encryption is not available.');
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const file: IdentityFile = {
      format: 'bridgeboard-identity',
      formatVersion: 1,
      publicKey: rawPublicKey(publicKey),
      encryptedPrivateKey: await this.encrypt(privateKey),
      backend: protection.backend,
      createdAt: this.now().toISOString(),
    };
    await writeIdentityFileAtomically(this.options.filePath, file);
    return this.remember(privateKey, file, protection);
  }

  async load(): Promise<PublicIdentity> {
    const file = await readIdentityFile(this.options.filePath);
    if (!file) throw new IdentityError('missing-key', 'No identity key exists for this profile yet.');
    const protection = await this.protection();
    let plain: { shouldReEncrypt: boolean; result: string };
    try {
      plain = await this.options.safeStorage.decryptStringAsync(Buffer.from(file.encryptedPrivateKey, 'base64'));
    } catch (err) {
      const hint = file.backend !== protection.backend ? ` It was stored with the "${file.backend}" keyring, and this session uses "${protection.backend}".` : '';
      throw new IdentityError('undecryptable', `This computer's keyring cannot unlock the identity key.${hint} Unlock the keyring you used before, or create a new key (you will need to be added to the roster again).`, { cause: err });
    }
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey({ key: Buffer.from(plain.result, 'base64'), format: 'der', type: 'pkcs8' });
    } catch (err) {
      throw new IdentityError('corrupt-file', 'The identity key decrypts, but what it holds is not a private key.', { cause: err });
    }
    if (privateKey.asymmetricKeyType !== 'ed25519' || rawPublicKey(createPublicKey(privateKey)) !== file.publicKey) {
      throw new IdentityError('corrupt-file', 'The identity key file is inconsistent: its private and public keys do not belong together.');
    }
    if (plain.shouldReEncrypt) {
      // The keyring rotated its key; store under the new one so the file stays readable.
      await writeIdentityFileAtomically(this.options.filePath, { ...file, encryptedPrivateKey: await this.encrypt(privateKey), backend: protection.backend });
    }
    return this.remember(privateKey, file, protection);
  }

  /** The loaded identity; call ensure() or load() first. */
  current(): PublicIdentity {
    if (!this.identity) throw new IdentityError('missing-key', 'The identity key is not loaded.');
    return this.identity;
  }

  /**
   * Signs a charter: the message is built here from its parts, so this key only ever signs
   * domain-separated charter messages, whatever a compromised renderer asks for.
   * Returns base64url of the 64-byte Ed25519 signature.
   */
  signCharter(input: SigningInput): string {
    return this.signBytes(signingMessage(input));
  }

  /** The facilitator's seal over the final set of signatures (shared/charter/charterSeal.ts). */
  signSeal(input: SealInput): string {
    return this.signBytes(sealMessage(input));
  }

  /** A facilitator action (shared/facilitation/actionMessage.ts): its own domain, never a charter message. */
  signFacilitatorAction(input: ActionSigningInput): string {
    return this.signBytes(actionMessage(input));
  }

  signBallot(input: BallotSigningInput): string {
    return this.signBytes(ballotMessage(input));
  }

  private signBytes(message: Uint8Array): string {
    if (!this.key) throw new IdentityError('missing-key', 'The identity key is not loaded.');
    return toBase64url(new Uint8Array(sign(null, message, this.key)));
  }

  private async encrypt(privateKey: KeyObject): Promise<string> {
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    return (await this.options.safeStorage.encryptStringAsync(der.toString('base64'))).toString('base64');
  }

  private remember(privateKey: KeyObject, file: IdentityFile, protection: StorageProtection): PublicIdentity {
    this.key = privateKey;
    this.identity = { publicKey: file.publicKey, fingerprint: fingerprintOf(fromBase64url(file.publicKey)), createdAt: file.createdAt, protection };
    return this.identity;
  }
}
