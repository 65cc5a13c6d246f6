// Names of the files inside one workshop's folder, in one place so reader and writer agree.
import { join } from 'node:path';

export const SNAPSHOT_FILE = 'snapshot.bbsnap';
export const SUMMARY_FILE = 'summary.json';
const LOG_PATTERN = /^log-(\d{8})\.bblog$/;

export function logFileName(gen: number): string {
  return `log-${String(gen).padStart(8, '0')}.bblog`;
}

export function logGenOf(fileName: string): number | null {
  const match = LOG_PATTERN.exec(fileName);
  return match?.[1] === undefined ? null : Number(match[1]);
}

export function snapshotPath(dir: string): string {
  return join(dir, SNAPSHOT_FILE);
}
