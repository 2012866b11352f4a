import type { Family } from '../decks/schema.js';

/** Display titles of the question families, in the order statistics and the report list them. */
export const FAMILY_TITLES: Record<Family, string> = {
  'system-design': 'System design & architecture',
  'data-and-experiments': 'Data versioning & experiment tracking',
  'deployment-and-serving': 'Deployment & model serving',
  'monitoring-and-retraining': 'Monitoring & retraining',
  behavioural: 'Behavioural',
};

export const FAMILY_ORDER = Object.keys(FAMILY_TITLES) as Family[];

export function isFamily(value: string): value is Family {
  return value in FAMILY_TITLES;
}
