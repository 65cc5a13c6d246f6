// Workshop files the OS opened with the desktop app (double-click, "Open with"): main queues
// them (electron/main/openedFiles.ts); here each is taken and imported with the same import as
// the "Import file" button, then opened. Only the Electron host has the queue.
import { useEffect, useRef } from 'react';
import type { Host, WorkshopSummary } from '../../host/Host';
import { HostError } from '../../host/Host';
import { useHost } from '../../core/hostContext';
import { notifyError, notifyInfo } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { t } from '../../core/i18n';
import { importWorkshopFile } from './workshopFiles';

export interface OpenedFileReport {
  imported(summary: WorkshopSummary): void;
  /** `name` is null when the file could not even be read (main's message names it). */
  failed(name: string | null, error: unknown): void;
}

/** Imports every opened file waiting now, in the order they were opened; how many were taken. */
export async function importOpenedFiles(host: Host, report: OpenedFileReport): Promise<number> {
  const queue = host.openedFiles;
  if (!queue) return 0;
  let taken = 0;
  for (;;) {
    let picked: { name: string; bytes: Uint8Array } | null;
    try {
      picked = await queue.take();
    } catch (error) {
      // Unreadable (gone, too large, not a file): it left the queue; say so and go on.
      taken += 1;
      report.failed(null, error);
      continue;
    }
    if (picked === null) return taken;
    taken += 1;
    try {
      report.imported(await importWorkshopFile(host, picked));
    } catch (error) {
      report.failed(picked.name, error);
    }
  }
}

/** A pause after an answer that came back at once without a file, so a broken host is not asked in a loop. */
const MIN_ASK_INTERVAL_MS = 1_000;

/**
 * For the app shell: imports opened files as they come, for as long as it is mounted, and opens
 * the last one imported (as a double-click in any desktop app opens the document).
 */
export function useOpenedFiles(onImported: (summary: WorkshopSummary) => void): void {
  const host = useHost();
  const opened = useRef(onImported);
  useEffect(() => {
    opened.current = onImported;
  }, [onImported]);
  useEffect(() => {
    const queue = host.openedFiles;
    if (!queue) return;
    let live = true;
    const report: OpenedFileReport = {
      // Opened even if this effect was cleaned up meanwhile (React's development double mount):
      // the file left main's queue, and the shell that asked is still the one on screen.
      imported: (summary) => {
        notifyInfo(t('workshops.imported', { title: summary.title }));
        opened.current(summary);
      },
      failed: (name, error) => {
        const reason = describeError(error, t('workshops.doing.importing'));
        notifyError(name === null ? t('workshops.importFailed', { reason }) : t('workshops.openFailed', { file: name, reason }));
      },
    };
    void (async () => {
      while (live) {
        await importOpenedFiles(host, report);
        const asked = Date.now();
        let more: boolean;
        try {
          more = await queue.wait();
        } catch (error) {
          // A host that cannot tell (an older main process): nothing will arrive; stop asking.
          if (!(error instanceof HostError)) throw error;
          return;
        }
        if (!more && Date.now() - asked < MIN_ASK_INTERVAL_MS) await new Promise((resolve) => setTimeout(resolve, MIN_ASK_INTERVAL_MS));
      }
    })();
    return () => {
      live = false;
    };
  }, [host]);
}
