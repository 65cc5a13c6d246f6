// Test helper: a stock y-webrtc peer in a child process of its own (y-webrtc and lib0 share
// in-process state, so two peers in one process would sync behind signaling's back), driven
// over stdin: the test tells it what to type and asks what it sees.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eventually } from './wsClient';

export interface PeerConfig {
  readonly room: string;
  readonly password: string;
  readonly signaling: readonly string[];
}

export interface PeerState {
  readonly text: string;
  /** WebRTC connections that are up. */
  readonly peers: number;
  /** Signaling connections that are up. */
  readonly signaling: number;
  /** Times a signaling connection was lost (y-webrtc then reconnects by itself). */
  readonly signalingLost: number;
  /** Signaling messages sealed with another room secret, which y-webrtc could not open. */
  readonly undecryptable: number;
}

export interface ScriptedPeer {
  type(text: string): void;
  /** The latest state the peer reported (it reports every 50 ms). */
  state(): PeerState;
  waitFor(cond: (s: PeerState) => boolean, timeoutMs?: number): Promise<PeerState>;
  kill(): void;
}

const script = fileURLToPath(new URL('./scriptedPeerProcess.ts', import.meta.url));

export async function startPeer(config: PeerConfig): Promise<ScriptedPeer> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(config)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let latest: PeerState = { text: '', peers: 0, signaling: 0, signalingLost: 0, undecryptable: 0 };
  let pending = '';
  child.stdout.on('data', (d: Buffer) => {
    pending += d.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      try {
        latest = JSON.parse(line) as PeerState;
      } catch {
        // not one of ours
      }
    }
  });
  const peer: ScriptedPeer = {
    type: (text) => void child.stdin.write(`${JSON.stringify({ type: text })}\n`),
    state: () => latest,
    async waitFor(cond, timeoutMs = 20_000) {
      await eventually(() => cond(latest), timeoutMs).catch(() => {
        throw new Error(`peer never reached the state; last: ${JSON.stringify(latest)}`);
      });
      return latest;
    },
    kill: () => void child.kill('SIGKILL'),
  };
  // Started (tsx takes a while on a busy machine) and connected to its signaling server(s).
  await peer.waitFor((s) => s.signaling === config.signaling.length, 45_000);
  return peer;
}
