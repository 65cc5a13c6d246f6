// Whose key counts: the first claim a device sees is pinned; a later claim with another key
// is reported as contested and changes nothing.
import { describe, expect, it } from 'vitest';
import { resolveAuthority } from '../../../shared/facilitation';

const real = { publicKey: 'R'.repeat(43), participantId: 'p-fac', name: 'Fiona' };
const other = { publicKey: 'M'.repeat(43), participantId: 'p-mal', name: 'Mallory' };

describe('resolveAuthority', () => {
  it.each([
    ['no claim, nothing pinned', null, null, { publicKey: null, contested: false, pinNow: null }],
    ['first sight of a claim', real, null, { publicKey: real.publicKey, contested: false, pinNow: real.publicKey }],
    ['the pinned claim', real, real.publicKey, { publicKey: real.publicKey, contested: false, pinNow: null }],
    ['a claim overwritten with another key', other, real.publicKey, { publicKey: real.publicKey, contested: true, pinNow: null }],
    ['a claim deleted after pinning', null, real.publicKey, { publicKey: real.publicKey, contested: false, pinNow: null }],
  ])('%s', (_what, claim, pinned, expected) => {
    expect(resolveAuthority(claim, pinned)).toEqual(expected);
  });
});
