// The signaling server's logger. Its fields are numbers only, which makes it structurally hard
// to log a payload or a topic name by accident.

export type LogFields = Readonly<Record<string, number>>;

export interface SignalingLogger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
}

export const silentLogger: SignalingLogger = { info() {}, warn() {} };

/** One JSON line per event, for a company server's log collector. */
export function jsonLineLogger(write: (line: string) => void, now: () => number = Date.now): SignalingLogger {
  const emit = (level: string) => (event: string, fields: LogFields = {}) =>
    write(JSON.stringify({ time: new Date(now()).toISOString(), level, event, ...fields }));
  return { info: emit('info'), warn: emit('warn') };
}

/** Warnings at most once per interval per event, with how many were held back: a connection
 * flood must not become a log flood. Info lines pass through. */
export function throttleWarnings(log: SignalingLogger, now: () => number, intervalMs = 5_000): SignalingLogger {
  const last = new Map<string, { at: number; suppressed: number }>();
  return {
    info: (event, fields) => log.info(event, fields),
    warn(event, fields = {}) {
      const t = now();
      const entry = last.get(event);
      if (entry && t - entry.at < intervalMs) {
        entry.suppressed++;
        return;
      }
      log.warn(event, entry?.suppressed ? { ...fields, suppressed: entry.suppressed } : fields);
      last.set(event, { at: t, suppressed: 0 });
    },
  };
}
