// The on-disk form of an identity key: JSON with the public key in the clear and the private
// key encrypted by safeStorage. Written atomically (temp file, fsync, rename) so a crash or a
// full disk never leaves a half-written key where the only copy was.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { IdentityError } from './identityErrors';

export const identityFileSchema = z
  .object({
    format: z.literal('bridgeboard-identity'),
    formatVersion: z.literal(1),
    /** base64url of the raw 32-byte Ed25519 public key. */
    publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    /** base64 of safeStorage's ciphertext of the base64 PKCS#8 DER private key. */
    encryptedPrivateKey: z.string().min(1),
    /** The safeStorage backend that encrypted it, to explain a later decryption failure. */
    backend: z.string(),
    createdAt: z.iso.datetime(),
  })
  .strict();
export type IdentityFile = z.infer<typeof identityFileSchema>;

export async function readIdentityFile(path: string): Promise<IdentityFile | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new IdentityError('unreadable', `The identity key file ${path} cannot be read right now (${(err as NodeJS.ErrnoException).code ?? 'error'}).`, { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new IdentityError('corrupt-file', `The identity key file ${path} is not valid JSON.`, { cause: err });
  }
  const parsed = identityFileSchema.safeParse(json);
  if (!parsed.success) throw new IdentityError('corrupt-file', `The identity key file ${path} is damaged (${parsed.error.issues[0]?.path.join('.') ?? 'shape'}).`);
  return parsed.data;
}

export async function writeIdentityFileAtomically(path: string, file: IdentityFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(file, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  // Make the rename itself durable; not every platform lets a directory be opened, so best effort.
  try {
    const dir = await open(dirname(path), 'r');
    await dir.sync().finally(() => dir.close());
  } catch {
    /* Windows: directories cannot be fsynced */
  }
}
