import type { Family, InterviewStyle } from '../../src/core/decks/schema.js';

export interface PromptSpec {
  id: string;
  style: InterviewStyle;
  family?: Family;
  timeLimit?: string;
  prompt?: string;
  keyPoints?: { point: string; phrases: string[] }[];
}

/** Four key points about model serving, each with phrases a spoken answer would use. */
export const SERVING_POINTS = [
  { point: 'Canary release with automatic rollback', phrases: ['canary release', 'gradual rollout'] },
  { point: 'Track latency percentiles', phrases: ['p99 latency', 'latency percentile'] },
  { point: 'Feature store keeps training and serving consistent', phrases: ['feature store', 'training-serving skew'] },
  { point: 'Version every model in a registry', phrases: ['model registry', 'versioned model'] },
];

function quote(text: string): string {
  return JSON.stringify(text);
}

function promptYaml(deckId: string, spec: PromptSpec): string {
  const points = (spec.keyPoints ?? SERVING_POINTS)
    .map((keyPoint) => `      - point: ${quote(keyPoint.point)}\n        phrases: [${keyPoint.phrases.map(quote).join(', ')}]`)
    .join('\n');
  return `  - id: ${spec.id}
    kind: interview
    ${spec.family ? `family: ${spec.family}\n    ` : ''}style: ${spec.style}
    time_limit: ${spec.timeLimit ?? '2m'}
    prompt: ${quote(spec.prompt ?? `How would you handle ${spec.id}?`)}
    key_points:
${points}
    follow_ups:
      - What would you monitor first for ${spec.id}?
      - How would you roll it back?
    pitfalls:
      - Naming tools without explaining the trade-off.
    model_answer: A strong answer about ${spec.id} covers rollout, latency, features and versions.
    sources:
      - title: Example source
        url: https://example.org/${deckId}/${spec.id}`;
}

/** YAML for a deck of interview prompts, valid for the deck loader. */
export function interviewDeckYaml(
  deckId: string,
  prompts: PromptSpec[],
  family: Family = 'deployment-and-serving',
  title = `Deck ${deckId}`,
): string {
  const cards = prompts.map((spec) => promptYaml(deckId, spec)).join('\n');
  return `id: ${deckId}\ntitle: ${quote(title)}\ndescription: Interview deck ${deckId}.\nfamily: ${family}\ncards:\n${cards}\n`;
}

/** `count` prompts of one style with ids `<prefix>-1`, `<prefix>-2`, ... */
export function promptSpecs(prefix: string, count: number, style: InterviewStyle, family?: Family): PromptSpec[] {
  return Array.from({ length: count }, (_, index) => ({ id: `${prefix}-${index + 1}`, style, ...(family ? { family } : {}) }));
}

/**
 * Eight rapid-fire MLOps prompts with distinct key points, so a session and
 * its summary read like real use (the end-to-end test and its screenshots use them).
 */
export const REALISTIC_RAPID_PROMPTS: PromptSpec[] = [
  {
    id: 'rapid-rollout',
    style: 'rapid',
    family: 'deployment-and-serving',
    prompt: 'How do you roll out a new model version without risking every user at once?',
    keyPoints: SERVING_POINTS,
  },
  {
    id: 'rapid-drift',
    style: 'rapid',
    family: 'monitoring-and-retraining',
    prompt: 'How would you notice that a model in production is drifting?',
    keyPoints: [
      { point: 'Compare live feature distributions with the training data', phrases: ['feature distribution', 'data drift'] },
      { point: 'Use a statistical test or distance such as PSI', phrases: ['population stability index', 'psi', 'kolmogorov-smirnov'] },
      { point: 'Track prediction drift when labels arrive late', phrases: ['prediction drift', 'delayed labels'] },
      { point: 'Alert on thresholds and route to an owner', phrases: ['alert', 'on-call'] },
    ],
  },
  {
    id: 'rapid-lineage',
    style: 'rapid',
    family: 'data-and-experiments',
    prompt: 'How do you make a training run reproducible months later?',
    keyPoints: [
      { point: 'Version the data alongside the code', phrases: ['data version', 'dvc'] },
      { point: 'Log parameters, metrics and artifacts per run', phrases: ['experiment tracking', 'log parameters'] },
      { point: 'Pin the environment', phrases: ['pinned dependencies', 'container image', 'lock file'] },
      { point: 'Fix random seeds', phrases: ['random seed', 'seeds'] },
    ],
  },
  {
    id: 'rapid-feature-store',
    style: 'rapid',
    family: 'system-design',
    prompt: 'When is a feature store worth its cost?',
    keyPoints: [
      { point: 'Several models reuse the same features', phrases: ['reuse features', 'shared features'] },
      { point: 'Online and offline values must match', phrases: ['training-serving skew', 'online and offline'] },
      { point: 'Point-in-time correct joins for training sets', phrases: ['point-in-time', 'time travel'] },
      { point: 'Low-latency lookups at serving time', phrases: ['online store', 'low latency'] },
    ],
  },
  {
    id: 'rapid-retrain',
    style: 'rapid',
    family: 'monitoring-and-retraining',
    prompt: 'What should trigger retraining, and what guards the new model?',
    keyPoints: [
      { point: 'Retrain on drift or a performance drop, not only a schedule', phrases: ['performance drop', 'drift trigger'] },
      { point: 'Validate the candidate against the current model', phrases: ['champion challenger', 'compare against production'] },
      { point: 'Keep a rollback path', phrases: ['rollback', 'previous version'] },
      { point: 'Check the new training data before use', phrases: ['data validation', 'schema check'] },
    ],
  },
  {
    id: 'rapid-batch-online',
    style: 'rapid',
    family: 'deployment-and-serving',
    prompt: 'Batch or online inference: how do you choose?',
    keyPoints: [
      { point: 'Latency the product needs', phrases: ['latency requirement', 'real time'] },
      { point: 'Freshness of the inputs', phrases: ['fresh features', 'freshness'] },
      { point: 'Cost of always-on serving', phrases: ['cost', 'always on'] },
      { point: 'Precompute when the input space is small', phrases: ['precompute', 'nightly batch'] },
    ],
  },
  {
    id: 'rapid-registry',
    style: 'rapid',
    family: 'data-and-experiments',
    prompt: 'What does a model registry give a team?',
    keyPoints: [
      { point: 'One place for versions and their lineage', phrases: ['model versions', 'lineage'] },
      { point: 'Stages or aliases for promotion', phrases: ['alias', 'stage', 'promotion'] },
      { point: 'Approval before production', phrases: ['approval', 'review'] },
      { point: 'Serving loads by name, not by path', phrases: ['load by name', 'registered model name'] },
    ],
  },
  {
    id: 'rapid-slo',
    style: 'rapid',
    family: 'system-design',
    prompt: 'Which service-level objectives would you set for a model API?',
    keyPoints: [
      { point: 'Latency percentile target', phrases: ['p99 latency', 'p95'] },
      { point: 'Availability target with an error budget', phrases: ['error budget', 'availability'] },
      { point: 'A model quality indicator', phrases: ['accuracy', 'quality metric'] },
      { point: 'Throughput the API must sustain', phrases: ['throughput', 'requests per second'] },
    ],
  },
];
