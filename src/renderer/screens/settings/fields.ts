import type { Settings } from '../../../core/settings/schema.js';

export interface FieldSpec {
  key: Exclude<keyof Settings, 'theme'>;
  label: string;
  hint: string;
  kind: 'number' | 'text';
  step?: string;
}

/** The form's text and number fields in display order; the theme has its own select. */
export const FIELDS: FieldSpec[] = [
  { key: 'newPerDay', label: 'New cards per day', hint: 'From 0 to 9999.', kind: 'number', step: '1' },
  { key: 'reviewsPerDay', label: 'Reviews per day', hint: 'From 0 to 99999.', kind: 'number', step: '1' },
  {
    key: 'desiredRetention',
    label: 'Desired retention',
    hint: 'The chance of recalling a card when it is due, from 0.70 to 0.99. Higher means more reviews.',
    kind: 'number',
    step: '0.01',
  },
  {
    key: 'dayStartHour',
    label: 'Study day starts at (hour)',
    hint: 'Local hour from 0 to 23 when a new study day begins.',
    kind: 'number',
    step: '1',
  },
  {
    key: 'learningSteps',
    label: 'Learning steps',
    hint: 'Space-separated delays for new cards, such as "1m 10m" (m minutes, h hours, d days).',
    kind: 'text',
  },
  {
    key: 'relearningSteps',
    label: 'Relearning steps',
    hint: 'Space-separated delays after a lapse, such as "10m".',
    kind: 'text',
  },
  {
    key: 'maximumIntervalDays',
    label: 'Maximum interval (days)',
    hint: 'The longest gap between two reviews, from 1 to 36500 days.',
    kind: 'number',
    step: '1',
  },
];
