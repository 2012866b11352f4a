import type { Family } from '../../core/decks/schema.js';

/** Section titles of the question families, in the order Home lists them. */
export const FAMILY_TITLES = {
  'system-design': 'System design & architecture',
  'data-and-experiments': 'Data versioning & experiment tracking',
  'deployment-and-serving': 'Deployment & model serving',
  'monitoring-and-retraining': 'Monitoring & retraining',
  behavioural: 'Behavioural',
} satisfies Record<Family, string>;

export const FAMILY_ORDER = Object.keys(FAMILY_TITLES) as Family[];
