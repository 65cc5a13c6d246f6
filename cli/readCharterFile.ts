// Reads a charter file for `bridgeboard verify`, but never more of it than a charter can be: the
// size is checked before reading, and the read stops one byte past the limit in case the file
// grew after the check. Devices, pipes and directories are refused without being opened
// (/dev/zero would otherwise never end, a FIFO would block).
import { open, stat } from 'node:fs/promises';
import { fileTooLargeReason, formatBytes, VERIFY_LIMITS, type VerifyLimits } from '../shared/charter';

export type ReadResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly error: string };

const why = (err: unknown): string => {
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOENT') return 'there is no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
};

export async function readCharterFile(path: string, limits: VerifyLimits = VERIFY_LIMITS): Promise<ReadResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, error: 'it is a folder, not a file' };
    if (!info.isFile()) return { ok: false, error: 'it is not a regular file (a device, pipe or socket), so it was not read' };
    if (info.size > limits.maxFileBytes) return { ok: false, error: fileTooLargeReason(info.size, limits) };
    const handle = await open(path, 'r');
    try {
      const buffer = new Uint8Array(limits.maxFileBytes + 1);
      let length = 0;
      while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length > limits.maxFileBytes) return { ok: false, error: `the file grew past ${formatBytes(limits.maxFileBytes)}, the limit for a charter export, while it was read` };
      return { ok: true, bytes: buffer.slice(0, length) };
    } finally {
      await handle.close();
    }
  } catch (err) {
    return { ok: false, error: `cannot read it: ${why(err)}` };
  }
}
