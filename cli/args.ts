// A tiny strict parser for `--name value` / `--name=value` options: unknown options and missing
// values are errors, because a typo in a server flag should stop the server, not be ignored.

export type ParsedArgs = { readonly ok: true; readonly options: ReadonlyMap<string, string>; readonly flags: ReadonlySet<string> } | { readonly ok: false; readonly error: string };

export interface ArgSpec {
  /** Options that take a value. */
  readonly options: readonly string[];
  /** Options without a value. */
  readonly flags?: readonly string[];
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) return { ok: false, error: `unexpected argument: ${arg}` };
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (spec.flags?.includes(name)) {
      if (eq !== -1) return { ok: false, error: `--${name} takes no value` };
      flags.add(name);
      continue;
    }
    if (!spec.options.includes(name)) return { ok: false, error: `unknown option: --${name}` };
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) return { ok: false, error: `--${name} needs a value` };
    if (options.has(name)) return { ok: false, error: `--${name} given twice` };
    options.set(name, value);
  }
  return { ok: true, options, flags };
}

/** A whole decimal number within [min, max], or undefined. */
export function parseIntegerOption(value: string, min: number, max: number): number | undefined {
  if (!/^\d{1,10}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}
