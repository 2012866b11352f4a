import type { QueueCountsView } from '../../core/api/views.js';
import '../styles/counts.css';

type Kind = keyof QueueCountsView;

const KIND_NAMES: Record<Kind, string> = { new: 'new', learning: 'learning', review: 'due' };

interface CountProps {
  kind: Kind;
  value: number;
  testId?: string;
  current?: boolean;
}

/** One queue count, coloured like Anki's: blue new, orange learning, green due, and muted when zero. */
export function Count({ kind, value, testId, current = false }: CountProps) {
  const classes = ['count', `count-${kind}`];
  if (value === 0) classes.push('count-zero');
  if (current) classes.push('count-current');
  return (
    <span className={classes.join(' ')} data-testid={testId}>
      {value}
    </span>
  );
}

/** The visible name of a count kind, used in labels and headers. */
export function countKindName(kind: Kind): string {
  return KIND_NAMES[kind];
}
