// The device vault in the desktop app: per workshop, what this device keeps outside the doc
// (room secret, network credentials, pinned facilitator key, vote secrets, its own ballots),
// encrypted with safeStorage like the signing key and written atomically. One file per
// workshop under userData/vault; removing a workshop removes its file, and files whose
// workshop is gone are removed at start.
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { VAULT_ENTRIES_MAX, vaultEntriesSchema, workshopIdSchema } from '../../../shared/protocol';
import { CodedError } from '../codedError';
import type { SafeStorageLike } from '../identity/safeStorageLike';
import { writeFileAtomic } from '../storage/durableFs';

const fileSchema = z.object({ format: z.literal('bridgeboard-vault'), formatVersion: z.literal(1), encrypted: z.string().min(1) }).strict();

type Entries = Record<string, string>;

export class VaultStore {
  private readonly cache = new Map<string, Entries>();
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly root: string,
    private readonly safeStorage: SafeStorageLike,
  ) {}

  /** Removes the files of workshops that no longer exist (a crash between the two removals). */
  async prune(workshopIds: ReadonlySet<string>): Promise<void> {
    const names = await readdir(this.root).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => n.endsWith('.vault') && !workshopIds.has(n.slice(0, -6))).map((n) => rm(join(this.root, n), { force: true })));
  }

  private path(id: string): string {
    if (!workshopIdSchema.safeParse(id).success) throw new CodedError('invalid-request', `Not a valid workshop id: ${JSON.stringify(id)}`);
    return join(this.root, `${id}.vault`);
  }

  async read(id: string): Promise<Entries> {
    const path = this.path(id);
    const cached = this.cache.get(id);
    if (cached) return { ...cached };
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new CodedError('storage-failed', `This device’s settings for the workshop cannot be read right now: ${(error as Error).message}`);
    }
    let entries: Entries;
    try {
      const file = fileSchema.parse(JSON.parse(text));
      const { result } = await this.safeStorage.decryptStringAsync(Buffer.from(file.encrypted, 'base64'));
      entries = vaultEntriesSchema.parse(JSON.parse(result));
    } catch {
      throw new CodedError('corrupt', 'This device’s settings for the workshop (room secret, pinned keys) cannot be decrypted; join the room again from an invite.');
    }
    this.cache.set(id, entries);
    return { ...entries };
  }

  /** Sets (or with null removes) one entry; writes to one workshop's file run one at a time. */
  write(id: string, key: string, value: string | null): Promise<void> {
    const path = this.path(id);
    const run = (this.queues.get(id) ?? Promise.resolve()).then(async () => {
      const entries = await this.read(id).catch(() => ({}) as Entries);
      if (value === null) delete entries[key];
      else {
        if (!(key in entries) && Object.keys(entries).length >= VAULT_ENTRIES_MAX) throw new CodedError('too-large', `This device keeps at most ${VAULT_ENTRIES_MAX} settings per workshop.`);
        entries[key] = value;
      }
      if (!(await this.safeStorage.isAsyncEncryptionAvailable())) throw new CodedError('unavailable', 'This computer cannot encrypt secrets for Bridgeboard, so the room’s settings are kept only until the app closes.');
      const encrypted = (await this.safeStorage.encryptStringAsync(JSON.stringify(entries))).toString('base64');
      await mkdir(this.root, { recursive: true });
      await writeFileAtomic(path, new TextEncoder().encode(JSON.stringify({ format: 'bridgeboard-vault', formatVersion: 1, encrypted })));
      this.cache.set(id, entries);
    });
    this.queues.set(id, run.catch(() => undefined));
    return run;
  }

  async remove(id: string): Promise<void> {
    const path = this.path(id);
    await (this.queues.get(id) ?? Promise.resolve());
    this.cache.delete(id);
    await rm(path, { force: true });
  }
}
