// The minutes feature: the whole board saved as Markdown, CSV or a printable PDF (shared/minutes),
// in the reader's language, through the host's save.
export { MinutesButton } from './MinutesButton';
export { exportMinutes, minutesFileName, renderMinutes, type MinutesFormat } from './minutesExport';
export { minutesWords } from './minutesWords';
