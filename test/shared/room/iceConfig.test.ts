// ICE settings: nothing by default, only stun:/turn:/turns: URLs, and the RTCConfiguration mapping.
import { describe, expect, it } from 'vitest';
import { defaultIceSettings, parseIceSettings, toRtcConfiguration } from '../../../shared/room';

describe('ICE settings', () => {
  it('defaults to no servers: host candidates only', () => {
    expect(toRtcConfiguration(defaultIceSettings)).toEqual({ iceServers: [], iceTransportPolicy: 'all' });
    const parsed = parseIceSettings({});
    expect(parsed.ok && toRtcConfiguration(parsed.value)).toEqual({ iceServers: [], iceTransportPolicy: 'all' });
  });

  it('maps STUN and TURN, and relay-only drops STUN', () => {
    const input = { urls: ['stun:stun.example.com:3478', 'turn:turn.example.com:443?transport=tcp', 'turns:turn.example.com'], username: 'u', credential: 'p' };
    const parsed = parseIceSettings(input);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(toRtcConfiguration(parsed.value)).toEqual({
      iceServers: [
        { urls: ['stun:stun.example.com:3478'] },
        { urls: ['turn:turn.example.com:443?transport=tcp', 'turns:turn.example.com'], username: 'u', credential: 'p' },
      ],
      iceTransportPolicy: 'all',
    });
    const relay = parseIceSettings({ ...input, relayOnly: true });
    if (!relay.ok) throw new Error(relay.error);
    expect(toRtcConfiguration(relay.value)).toEqual({
      iceServers: [{ urls: ['turn:turn.example.com:443?transport=tcp', 'turns:turn.example.com'], username: 'u', credential: 'p' }],
      iceTransportPolicy: 'relay',
    });
  });

  const bad: [string, unknown][] = [
    ['http URL', { urls: ['http://x'] }],
    ['javascript URL', { urls: ['javascript:alert(1)'] }],
    ['ws URL', { urls: ['ws://x:1'] }],
    ['URL with spaces', { urls: ['stun: x'] }],
    ['TURN without credentials', { urls: ['turn:x:3478'] }],
    ['relay-only without TURN', { urls: ['stun:x'], relayOnly: true }],
    ['unknown field', { urls: [], iceServers: [] }],
    ['not an object', 'stun:x'],
    ['too many servers', { urls: Array(9).fill('stun:x') }],
  ];
  it.each(bad)('refuses %s', (_name, input) => {
    expect(parseIceSettings(input).ok).toBe(false);
  });
});
