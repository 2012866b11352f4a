/** The keys `npm run bench -- --json` prints, in order, with the target each must stay under. */
export const FIGURES = [
  { key: 'openMs', label: 'Open: migrations check + sync unchanged decks', unit: 'ms', target: 150 },
  { key: 'queueMs', label: "Build today's queue (getStudyStep)", unit: 'ms', target: 20 },
  { key: 'answerMs', label: 'Answer a card (one transaction)', unit: 'ms', target: 1 },
  { key: 'answerRatio', label: 'Answer / (ts-fsrs next + 1 insert)', unit: 'x', target: 3 },
  { key: 'statsMs', label: 'Statistics screen (getStats)', unit: 'ms', target: 200 },
  { key: 'revlogExportMs', label: 'Review-log CSV export, 2M rows', unit: 'ms', target: 5000 },
  { key: 'revlogExportPeakMB', label: 'Review-log CSV export, peak RSS', unit: 'MiB', target: 300 },
  { key: 'jsonRoundTripMs', label: 'Full JSON export + import', unit: 'ms', target: 30_000 },
  { key: 'rssMB', label: 'serve RSS, fixture open, queue built', unit: 'MiB', target: 200 },
  { key: 'firstCardMs', label: 'Chromium: navigation to first card', unit: 'ms', target: 1000 },
  { key: 'bundleKBGzip', label: 'Initial renderer JS, gzipped', unit: 'KiB', target: 500 },
] as const;

export type FigureKey = (typeof FIGURES)[number]['key'];
