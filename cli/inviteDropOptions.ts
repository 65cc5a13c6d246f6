// The invite drop's flags for `bridgeboard signal` and `serve`: its store limits, or none at
// all (`--no-invite-drop`: the server then answers short-code requests with 'unavailable').
import { defaultInviteDropLimits, resolveInviteDropLimits, type InviteDropLimits } from '../electron/main/inviteDrop/inviteStore';
import type { InviteDropOptions } from '../electron/main/inviteDrop/inviteDropService';
import { parseIntegerOption, type ParsedArgs } from './args';

const flags: Record<string, keyof InviteDropLimits> = {
  'invite-max-entries': 'maxEntries',
  'invite-max-entries-per-address': 'maxEntriesPerAddress',
  'invite-max-total-length': 'maxTotalLength',
  'invite-max-ttl-seconds': 'maxTtlSeconds',
};

export const inviteDropOptionNames = Object.keys(flags);
export const inviteDropFlagNames = ['no-invite-drop'];

export function inviteDropUsage(option: (name: string, text: string) => string): string[] {
  return [
    'Short codes (sealed invites kept for their lookup, see docs/short-invites.md):',
    option('--no-invite-drop', 'keep none: joiners then need the full invite'),
    ...Object.entries(flags).map(([flag, key]) => option(`--${flag} N`, `default ${defaultInviteDropLimits[key]}`)),
  ];
}

export function parseInviteDropOptions(args: Extract<ParsedArgs, { ok: true }>): { ok: true; invites: InviteDropOptions | false } | { ok: false; error: string } {
  const off = args.flags.has('no-invite-drop');
  const limits: Partial<Record<keyof InviteDropLimits, number>> = {};
  for (const [flag, key] of Object.entries(flags)) {
    const text = args.options.get(flag);
    if (text === undefined) continue;
    if (off) return { ok: false, error: `--${flag} and --no-invite-drop do not go together` };
    const value = parseIntegerOption(text, 1, 2 ** 31);
    if (value === undefined) return { ok: false, error: `--${flag}: expected a whole number from 1, got ${text}` };
    limits[key] = value;
  }
  if (off) return { ok: true, invites: false };
  if ((limits.maxTtlSeconds ?? 0) > defaultInviteDropLimits.maxTtlSeconds) {
    return { ok: false, error: `--invite-max-ttl-seconds: at most ${defaultInviteDropLimits.maxTtlSeconds} (a week), got ${limits.maxTtlSeconds}` };
  }
  return { ok: true, invites: { limits: resolveInviteDropLimits(limits) } };
}
