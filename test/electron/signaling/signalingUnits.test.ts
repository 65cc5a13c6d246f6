// The server's small parts on their own: limit validation, the token bucket, message parsing.
import { describe, expect, it } from 'vitest';
import { defaultSignalingLimits, resolveSignalingLimits } from '../../../electron/main/signaling/signalingLimits';
import { createTokenBucket } from '../../../electron/main/signaling/tokenBucket';
import { parseClientMessage, publishFrame } from '../../../electron/main/signaling/signalingProtocol';

describe('limits', () => {
  it('fills in defaults and keeps overrides', () => {
    expect(resolveSignalingLimits({})).toEqual(defaultSignalingLimits);
    expect(resolveSignalingLimits({ maxConnections: 5 }).maxConnections).toBe(5);
  });
  it('keeps each address\'s share well below the whole, and lets the largest message reach a full topic', () => {
    const d = defaultSignalingLimits;
    expect(d.maxConnectionsPerAddress * 5).toBeLessThanOrEqual(d.maxConnections);
    expect(d.maxTopicsPerAddress * 20).toBeLessThanOrEqual(d.maxTopics);
    expect(d.maxSubscribersPerTopicPerAddress).toBeLessThan(d.maxSubscribersPerTopic);
    expect((d.maxMessageBytes + 64) * d.maxSubscribersPerTopic).toBeLessThanOrEqual(d.outBytesPerSecond * d.outBurstSeconds);
  });
  it.each([
    [{ maxConnections: 0 }], [{ maxConnections: -1 }], [{ messagesPerSecond: 1.5 }], [{ maxMessageBytes: 10 }],
    [{ idleTimeoutMs: Number.NaN }], [{ unknownLimit: 1 }], [{ maxTopics: '10' }], ['nope'],
    [{ maxConnectionsPerAddress: 0 }], [{ handshakeTimeoutMs: 10 }], [{ outBytesPerSecond: 100 }], [{ outBurstSeconds: 0 }],
  ])('refuses %j', (input) => {
    expect(() => resolveSignalingLimits(input)).toThrow();
  });
});

describe('token bucket', () => {
  it('allows a burst, then the refill rate, and never mints tokens from a clock going backwards', () => {
    let t = 1_000;
    const bucket = createTokenBucket(2, 3, () => t);
    expect([1, 2, 3, 4].map(() => bucket.take())).toEqual([true, true, true, false]);
    t += 500; // one token
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    t -= 10_000;
    expect(bucket.take()).toBe(false);
    t += 60_000; // refills only up to capacity
    expect([1, 2, 3, 4].map(() => bucket.take())).toEqual([true, true, true, false]);
  });
  it('takes weighted costs only when all of it is there, and knows when it is full again', () => {
    let t = 0;
    const bytes = createTokenBucket(1_000, 2_000, () => t);
    expect(bytes.isFull()).toBe(true);
    expect(bytes.canTake(2_001)).toBe(false);
    expect(bytes.take(1_500)).toBe(true);
    expect(bytes.take(600)).toBe(false); // nothing taken on refusal
    expect(bytes.take(500)).toBe(true);
    expect(bytes.isFull()).toBe(false);
    t += 1_999;
    expect(bytes.isFull()).toBe(false);
    t += 1;
    expect(bytes.isFull()).toBe(true);
  });
});

describe('protocol parsing', () => {
  it.each([
    ['{"type":"subscribe","topics":["a",1,"b"]}', { type: 'subscribe', topics: ['a', 'b'] }],
    ['{"type":"subscribe"}', { type: 'subscribe', topics: [] }],
    ['{"type":"unsubscribe","topics":["a"]}', { type: 'unsubscribe', topics: ['a'] }],
    ['{"type":"ping"}', { type: 'ping' }],
  ])('parses %s', (raw, expected) => {
    expect(parseClientMessage(raw)).toEqual({ ok: true, message: expected });
  });
  it('keeps publish fields intact and adds clients when framing', () => {
    const parsed = parseClientMessage('{"type":"publish","topic":"t","data":"c2lnbmFs","extra":[1]}');
    if (!parsed.ok || parsed.message.type !== 'publish') throw new Error('not parsed');
    expect(JSON.parse(publishFrame(parsed.message.message, 3))).toEqual({ type: 'publish', topic: 't', data: 'c2lnbmFs', extra: [1], clients: 3 });
  });
  it.each(['', '{', 'null', '[]', '1', '{"type":"publish","topic":""}', '{"type":"subscribe","topics":{}}', '{"type":"pong"}', '{"type":"PING"}'])(
    'refuses %j',
    (raw) => expect(parseClientMessage(raw)).toEqual({ ok: false }),
  );
});

describe('warning throttle', () => {
  it('passes one warning per interval per event and reports how many it held back', async () => {
    const { throttleWarnings } = await import('../../../electron/main/signaling/signalingLog');
    const lines: [string, Record<string, number> | undefined][] = [];
    let t = 0;
    const log = throttleWarnings({ info: () => {}, warn: (e, f) => lines.push([e, f]) }, () => t, 1_000);
    for (let i = 0; i < 100; i++) log.warn('signaling.refused', { connections: 5 });
    log.warn('signaling.idle');
    t = 1_000;
    log.warn('signaling.refused', { connections: 5 });
    expect(lines).toEqual([
      ['signaling.refused', { connections: 5 }],
      ['signaling.idle', {}],
      ['signaling.refused', { connections: 5, suppressed: 99 }],
    ]);
  });
});
