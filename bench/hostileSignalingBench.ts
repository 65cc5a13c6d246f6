// Hostile load on the signaling server (issue 10): for each attack, the round trip of a
// well-behaved pair on another address (connect both, join a fresh room, one publish through)
// beside its baseline on the same fresh server, and the server's peak RSS and CPU during the
// attack. The server is `bridgeboard signal` with its default limits, in a child process so its
// load can be read from /proc. Attackers and the pair share the machine's cores with it.
import { median } from './benchUtil';
import { issueAttacks, type Attack } from './hostileSignalingAttacks';
import { pairRoundTrip } from './hostileSignalingClients';
import { sampleProcess, spawnSignalServer, type ProcessLoad, type ServerProcess } from './signalServerProcess';

const pairAddress = '127.0.0.3';
const pairRuns = 5;

interface Row {
  readonly attack: string;
  idleRssMiB?: number | undefined;
  baseline?: string;
  underAttack?: string;
  load?: ProcessLoad;
  notes: string[];
}

/** The pair's runs, one every `spacingMs`. */
async function pairFigures(url: string, label: string, spacingMs: number): Promise<string> {
  const times: number[] = [];
  const failures: string[] = [];
  for (let i = 0; i < pairRuns; i++) {
    const r = await pairRoundTrip(url, pairAddress, `${label}-${i}-${Math.random().toString(36).slice(2)}`);
    if (typeof r === 'number') times.push(r);
    else failures.push(r);
    await new Promise((res) => setTimeout(res, Math.max(0, spacingMs - (typeof r === 'number' ? r : 0))));
  }
  const ok = times.length ? `${median(times).toFixed(0)} ms (max ${Math.max(...times).toFixed(0)})` : '';
  const failed = failures.length ? `${failures.length}/${pairRuns} failed: ${[...new Set(failures)].join('; ')}` : '';
  return [ok, failed].filter(Boolean).join(', ');
}

function serverSaid(stats: Record<string, number>): string {
  const keys = Object.keys(stats).filter((k) => /^(refused|dropped|closed)\./.test(k) && stats[k]! > 0 && k !== 'closed.shutdown');
  const counts = keys.map((k) => `${k} ${stats[k]}`);
  if (stats.bytesIn !== undefined && stats.bytesOut !== undefined) {
    counts.push(`${(stats.bytesIn / 1e6).toFixed(0)} MB in, ${(stats.bytesOut / 1e6).toFixed(0)} MB out`);
  }
  return counts.join(', ') || 'no counters (an older server?)';
}

async function runAttack(attack: Attack): Promise<Row> {
  const row: Row = { attack: attack.name, notes: [] };
  let server: ServerProcess | undefined;
  try {
    server = await spawnSignalServer();
    // One unmeasured run first: a fresh process's first connection also pays for its JIT warm-up.
    await pairRoundTrip(server.url, pairAddress, 'warm-up');
    row.baseline = await pairFigures(server.url, 'baseline', 50);
    const sampler = sampleProcess(server.pid);
    row.idleRssMiB = sampler.startRssMiB;
    try {
      row.notes.push(`attacker: ${await attack.start(server.url)}`);
      row.underAttack = await pairFigures(server.url, 'attacked', attack.durationMs / pairRuns);
    } finally {
      row.load = sampler.stop();
      const after = await attack.stop();
      if (after) row.notes.push(after);
    }
  } catch (e) {
    row.notes.push(`could not complete: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    if (server) row.notes.push(`server: ${serverSaid(await server.stop())}`);
  }
  return row;
}

function printRow(row: Row): void {
  const load = row.load;
  const rss = load?.peakRssMiB === undefined ? 'n/a' : `${load.peakRssMiB.toFixed(0)} MiB (${row.idleRssMiB?.toFixed(0) ?? '?'} before)`;
  const cpu = load?.cpuPercent === undefined ? 'n/a' : `${load.cpuPercent.toFixed(0)} %`;
  console.log(`\n  ${row.attack}`);
  console.log(`    pair round trip, baseline       ${row.baseline ?? 'n/a'}`);
  console.log(`    pair round trip, under attack   ${row.underAttack ?? 'n/a'}`);
  console.log(`    server peak RSS / CPU           ${rss} / ${cpu} of one core`);
  for (const note of row.notes) console.log(`    ${note}`);
}

function printSummary(rows: readonly Row[]): void {
  const cells = rows.map((r) => [
    r.attack.split(':')[0] ?? r.attack,
    r.baseline ?? 'n/a',
    r.underAttack ?? 'n/a',
    r.load?.peakRssMiB === undefined ? 'n/a' : `${r.load.peakRssMiB.toFixed(0)} MiB`,
    r.load?.cpuPercent === undefined ? 'n/a' : `${r.load.cpuPercent.toFixed(0)} %`,
  ]);
  const header = ['attack', 'pair, baseline', 'pair, under attack', 'server peak RSS', 'server CPU'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => `  | ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${line(header)}\n  |${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

async function main(): Promise<void> {
  console.log(`Hostile signaling load, server in a child process with default limits${process.env.HOSTILE_BENCH_SERVER ? ` (${process.env.HOSTILE_BENCH_SERVER})` : ''}.`);
  console.log(`Pair: two clients on ${pairAddress}, connect + subscribe + one publish through; median of ${pairRuns} (max).`);
  const rows: Row[] = [];
  for (const attack of issueAttacks()) {
    const row = await runAttack(attack);
    printRow(row);
    rows.push(row);
  }
  printSummary(rows);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.log(`hostile signaling benchmark stopped early: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(0);
  },
);
