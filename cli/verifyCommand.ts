// `bridgeboard verify FILE [--json]`: checks a charter PDF or JSON bundle offline, for
// leadership and auditors who have no desktop app. Exit 0 valid, 1 invalid, 2 unreadable.
import { readFile } from 'node:fs/promises';
import { sealLine, verifyCharterFile, type BundleVerdict, type FileVerdict } from '../shared/charter';

export interface VerifyIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readFile: (path: string) => Promise<Uint8Array>;
}

const defaultIo: VerifyIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readFile: async (path) => new Uint8Array(await readFile(path)),
};

export const VERIFY_USAGE = 'Usage: bridgeboard verify FILE [--json]\n  FILE  a charter PDF, JSON bundle or Markdown export from Bridgeboard\n  Exit: 0 valid, 1 invalid, 2 unreadable\n';

const MARK: Record<string, string> = { valid: 'OK ', duplicate: 'DUP', 'unknown-key': '???' };

function humanReport(file: string, result: FileVerdict & { readable: true }): string {
  const v: BundleVerdict = result.verdict;
  const { charter } = result.bundle;
  const lines = [
    `${file}: ${v.valid ? 'VALID' : 'INVALID'} charter`,
    `  "${charter.content.title}" (${v.charterId}), version ${v.version}, frozen ${charter.frozenAt}`,
    `  SHA-256 ${v.digest}${v.digestOk ? '' : '  (does NOT match the recorded digest)'}`,
    '',
    `Signatures (${v.signers.length}):`,
  ];
  if (v.signers.length === 0) lines.push('  none');
  for (const s of v.signers) {
    const who = `${s.name} (${s.side ?? 'not on the roster'}${s.role ? `, ${s.role}` : ''})`;
    lines.push(`  [${MARK[s.status] ?? 'BAD'}] ${who}, signed ${s.signedAt}: ${s.status}${s.reason ? ` - ${s.reason}` : ''}`);
    lines.push(`        key fingerprint ${s.fingerprint}`);
  }
  lines.push('', v.quorum.met ? 'Quorum: met' : `Quorum: NOT met - missing ${v.quorum.missing.join(', ')}`, sealLine(v));
  if (v.problems.length) lines.push('', 'What is wrong:', ...v.problems.map((p) => `  - ${p}`));
  return `${lines.join('\n')}\n`;
}

function jsonReport(file: string, result: FileVerdict): string {
  if (!result.readable) return `${JSON.stringify({ file, readable: false, valid: false, error: result.error }, null, 2)}\n`;
  const { verdict, kind, bundle } = result;
  return `${JSON.stringify({ file, readable: true, kind, title: bundle.charter.content.title, frozenAt: bundle.charter.frozenAt, ...verdict }, null, 2)}\n`;
}

export async function runVerify(argv: readonly string[], io: VerifyIo = defaultIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(VERIFY_USAGE);
    return 0;
  }
  const json = argv.includes('--json');
  const files = argv.filter((a) => a !== '--json');
  if (files.length !== 1 || files[0]?.startsWith('-')) {
    io.err(VERIFY_USAGE);
    return 2;
  }
  const file = files[0] ?? '';
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (err) {
    const error = `cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`;
    if (json) io.out(jsonReport(file, { readable: false, error }));
    else io.err(`${error}\n`);
    return 2;
  }
  const result = await verifyCharterFile(bytes);
  if (json) io.out(jsonReport(file, result));
  else if (!result.readable) io.err(`${file}: UNREADABLE - ${result.error}\n`);
  else io.out(humanReport(file, result));
  if (!result.readable) return 2;
  return result.verdict.valid ? 0 : 1;
}
