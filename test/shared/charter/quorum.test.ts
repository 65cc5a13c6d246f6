// Quorum rules as a table: who signed, which rule, and whether the charter is final.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUORUM, evaluateQuorum, type Participant, type QuorumRule } from '../../../shared/charter';

const p = (id: string, side: Participant['side']): Participant => ({ id, name: id.toUpperCase(), side, role: '', publicKey: 'A'.repeat(43), fingerprint: '', checkedInPerson: false });
const roster = [p('it1', 'IT'), p('it2', 'IT'), p('ot1', 'OT'), p('ot2', 'OT'), p('fac', 'facilitator')];
const rule = (r: Partial<QuorumRule>): QuorumRule => ({ ...DEFAULT_QUORUM, ...r });

describe('evaluateQuorum', () => {
  it.each<[string, QuorumRule, string[], boolean, string[]]>([
    ['default, all three sides', DEFAULT_QUORUM, ['it1', 'ot1', 'fac'], true, []],
    ['default, no facilitator', DEFAULT_QUORUM, ['it1', 'ot1'], false, ['the facilitator']],
    ['default, IT only', DEFAULT_QUORUM, ['it1', 'it2'], false, ['1 more OT signer', 'the facilitator']],
    ['default, nobody', DEFAULT_QUORUM, [], false, ['1 more IT signer', '1 more OT signer', 'the facilitator']],
    ['two per side', rule({ minIT: 2, minOT: 2 }), ['it1', 'ot1', 'ot2', 'fac'], false, ['1 more IT signer']],
    ['two per side, met', rule({ minIT: 2, minOT: 2 }), ['it1', 'it2', 'ot1', 'ot2', 'fac'], true, []],
    ['facilitator not required', rule({ facilitator: false }), ['it1', 'ot1'], true, []],
    ['named signer required', rule({ requiredSigners: ['ot2'] }), ['it1', 'ot1', 'fac'], false, ['OT2 (required signer)']],
    ['named signer off the roster', rule({ requiredSigners: ['ghost'] }), ['it1', 'ot1', 'fac'], false, ['required signer ghost (not on the roster)']],
    ['signer ids off the roster do not count', DEFAULT_QUORUM, ['it1', 'ot1', 'someone'], false, ['the facilitator']],
  ])('%s', (_name, quorumRule, signed, met, missing) => {
    const result = evaluateQuorum(quorumRule, roster, new Set(signed));
    expect(result).toMatchObject({ met, missing });
    // The same needs as data, one for each phrase, for the app to word in the reader's language.
    expect(result.needs).toHaveLength(missing.length);
  });
});
