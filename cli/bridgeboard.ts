#!/usr/bin/env node
// The bridgeboard command line, for those without the desktop app: `serve` hosts the web app and
// signaling over HTTPS for browsers, `signal` runs a signaling server alone for remote
// workshops, `verify` checks an exported charter offline.
import { runServe } from './serveCommand';
import { runSignal } from './signalCommand';
import { runVerify } from './verifyCommand';

const USAGE = `Usage: bridgeboard <command> [options]

Commands:
  serve --host H --port P [--cert FILE --key FILE]
                             serve the web app and signaling over HTTPS (browsers join
                             with nothing to install)
  signal --host H --port P   run a signaling server alone, for remote workshops
  verify FILE [--json]       verify an exported charter (PDF, JSON or Markdown)

Run "bridgeboard <command> --help" for a command's options.`;

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return runServe(rest);
    case 'signal':
      return runSignal(rest);
    case 'verify':
      return runVerify(rest);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`bridgeboard: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bridgeboard: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
