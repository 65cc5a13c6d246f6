// Where a short code is looked up: the address the dialog shows, what the desktop app makes of
// what a person types, and the browser host's own server.
import { describe, expect, it } from 'vitest';
import { ownServerUrl, serverCandidates, typedServerAddress } from '../../../shared/room';

describe('the server address to type', () => {
  it.each([
    ['wss://192.168.1.20:4444', '192.168.1.20:4444'],
    ['wss://board.example.com', 'board.example.com'],
    ['wss://board.example.com/bridgeboard', 'board.example.com/bridgeboard'],
    ['ws://10.0.0.5:4444', 'ws://10.0.0.5:4444'],
    ['wss://[fd00::1]:4444', '[fd00::1]:4444'],
  ])('%s is shown as %s, and typed back it is asked first', (url, shown) => {
    expect(typedServerAddress(url)).toBe(shown);
    expect(serverCandidates(shown)[0]).toBe(url);
  });
});

describe('what a typed address turns into', () => {
  it.each([
    ['192.168.1.20:4444', ['wss://192.168.1.20:4444', 'ws://192.168.1.20:4444']],
    ['  board.example.com ', ['wss://board.example.com', 'ws://board.example.com:4444']],
    ['https://board.example.com:8443/', ['wss://board.example.com:8443']],
    ['http://10.0.0.5:4444/#/join', ['ws://10.0.0.5:4444']],
    ['wss://board.example.com/bb', ['wss://board.example.com/bb']],
    ['', []],
    ['javascript:alert(1)', []],
    ['file:///etc/passwd', []],
    ['user@host', []],
    ['a'.repeat(201), []],
  ])('%j → %j', (typed, urls) => {
    expect(serverCandidates(typed)).toEqual(urls);
  });
});

describe("the browser host's own server", () => {
  it.each([
    ['https://lan.bridgeboard.test:4444', 'wss://lan.bridgeboard.test:4444'],
    ['https://board.example.com', 'wss://board.example.com'],
    ['http://127.0.0.1:5173', 'ws://127.0.0.1:5173'],
    ['app://bridgeboard', null],
  ])('%s → %s', (origin, url) => {
    expect(ownServerUrl(origin)).toBe(url);
  });
});
