// What `runSignal` writes, captured, and a stop the test pulls: the CLI's I/O without a process.
import type { SignalIo } from '../../../cli/signalCommand';

export function signalIo() {
  const out: string[] = [];
  const err: string[] = [];
  let stop: () => void = () => {};
  const stopped = new Promise<void>((r) => (stop = r));
  const value: SignalIo = { out: (l) => out.push(l), err: (l) => err.push(l), waitForStop: () => stopped, networkInterfaces: () => ({}) };
  return { out, err, stop: () => stop(), io: value };
}
