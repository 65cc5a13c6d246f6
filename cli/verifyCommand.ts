// `bridgeboard verify FILE [--json]`: checks a charter PDF, JSON bundle or Markdown export
// offline, for leadership and auditors who have no desktop app. Exit 0 valid, 1 invalid,
// 2 unreadable (with the reason), within the limits of docs/charter-format.md, section 10.
import { facilitatorLine, reducedQuorumLine, sealLine, verifyCharterFile, VERIFY_LIMITS, formatBytes, type BundleVerdict, type FileVerdict, type FontLoader } from '../shared/charter';
import { nodeFontLoader } from './charterFonts';
import { readCharterFile, type ReadResult } from './readCharterFile';
import { terminalSafe, terminalSafeJson } from './terminalText';

export interface VerifyIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Reads the file, refusing one larger than a charter can be before reading it. */
  readonly readFile: (path: string) => Promise<ReadResult>;
  /** The fonts a PDF of layout 2 is re-rendered with: the ones the CLI ships. */
  readonly fonts: FontLoader;
}

export const defaultVerifyIo: VerifyIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readFile: (path) => readCharterFile(path),
  fonts: nodeFontLoader(),
};

export const VERIFY_USAGE = [
  'Usage: bridgeboard verify FILE [--json]',
  '  FILE  a charter PDF, JSON bundle or Markdown export from Bridgeboard',
  `        (at most ${formatBytes(VERIFY_LIMITS.maxFileBytes)}; its bundle at most ${formatBytes(VERIFY_LIMITS.maxBundleBytes)} and ${VERIFY_LIMITS.maxSignatures} signatures)`,
  '  Exit: 0 valid, 1 invalid, 2 unreadable',
  '',
].join('\n');

const MARK: Record<string, string> = { valid: 'OK ', duplicate: 'DUP', 'unknown-key': '???' };

/** Lines joined for a terminal; each escaped, since titles, names and reasons come from the file. */
const terminalLines = (lines: readonly string[]): string => `${lines.map(terminalSafe).join('\n')}\n`;

function humanReport(file: string, result: FileVerdict & { readable: true }): string {
  const v: BundleVerdict = result.verdict;
  const { charter } = result.bundle;
  const lines = [
    `${file}: ${v.valid ? 'VALID' : 'INVALID'} charter${v.reducedQuorum !== null ? ', REDUCED QUORUM' : ''}`,
    ...(v.reducedQuorum !== null ? [`  ${reducedQuorumLine(charter) ?? ''}`] : []),
    `  "${charter.content.title}" (${v.charterId}), version ${v.version}, frozen ${charter.frozenAt}`,
    `  SHA-256 ${v.digest}${v.digestOk ? '' : '  (does NOT match the recorded digest)'}`,
    `  ${facilitatorLine(charter) ?? 'Facilitator: not named by key (frozen before facilitator keys: a roster member with the side "facilitator" counts as the facilitator).'}`,
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
  return terminalLines(lines);
}

function jsonReport(file: string, result: FileVerdict): string {
  if (!result.readable) return `${terminalSafeJson({ file, readable: false, valid: false, error: result.error })}\n`;
  const { verdict, kind, bundle } = result;
  return `${terminalSafeJson({ file, readable: true, kind, title: bundle.charter.content.title, frozenAt: bundle.charter.frozenAt, ...verdict })}\n`;
}

export async function runVerify(argv: readonly string[], io: VerifyIo = defaultVerifyIo): Promise<number> {
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
  const read = await io.readFile(file);
  const result: FileVerdict = read.ok ? await verifyCharterFile(read.bytes, VERIFY_LIMITS, io.fonts) : { readable: false, error: read.error };
  if (json) io.out(jsonReport(file, result));
  else if (!result.readable) io.err(terminalLines([`${file}: UNREADABLE - ${result.error}`]));
  else io.out(humanReport(file, result));
  if (!result.readable) return 2;
  return result.verdict.valid ? 0 : 1;
}
