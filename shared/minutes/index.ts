// The workshop's minutes (issue 15): the whole board as Markdown, CSV and a printable PDF, in
// words the caller supplies (the reader's language). Platform-free, deterministic.
export * from './minutesModel';
export * from './minutesWords';
export * from './minutesMarkdown';
export * from './minutesCsv';
export * from './minutesFonts';
export * from './minutesPdf';
