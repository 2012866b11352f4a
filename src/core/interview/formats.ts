import type { Family, InterviewStyle } from '../decks/schema.js';

/** The mock-interview formats a session can use. */
export const INTERVIEW_FORMATS = ['rapid', 'deep-dive', 'system-design', 'behavioural', 'custom'] as const;
export type InterviewFormat = (typeof INTERVIEW_FORMATS)[number];

/** One timed phase of a long prompt, such as "requirements" in a system design round. */
export interface Phase {
  name: string;
  minutes: number;
}

export interface FormatDefinition {
  id: InterviewFormat;
  title: string;
  description: string;
  /** The style a prompt needs to be chosen; null accepts every style. */
  style: InterviewStyle | null;
  promptCount: number;
  /** Minutes per prompt; null uses each prompt's own time limit. */
  minutesEach: number | null;
  /** Whether all prompts come from one deck, which is one tool or topic. */
  oneTopic: boolean;
  phases: Phase[];
}

export const SYSTEM_DESIGN_PHASES: Phase[] = [
  { name: 'Requirements', minutes: 5 },
  { name: 'High-level design', minutes: 10 },
  { name: 'Deep dives', minutes: 15 },
  { name: 'Wrap-up', minutes: 5 },
];

export const FORMATS: Record<InterviewFormat, FormatDefinition> = {
  rapid: {
    id: 'rapid',
    title: 'Rapid fire',
    description: 'Eight short questions across the families, two minutes each.',
    style: 'rapid',
    promptCount: 8,
    minutesEach: 2,
    oneTopic: false,
    phases: [],
  },
  'deep-dive': {
    id: 'deep-dive',
    title: 'Tool deep dive',
    description: 'Four questions on one tool or topic, five minutes each.',
    style: 'deep-dive',
    promptCount: 4,
    minutesEach: 5,
    oneTopic: true,
    phases: [],
  },
  'system-design': {
    id: 'system-design',
    title: 'System design',
    description: 'One design question in 35 minutes: requirements, high-level design, deep dives, wrap-up.',
    style: 'system-design',
    promptCount: 1,
    minutesEach: 35,
    oneTopic: false,
    phases: SYSTEM_DESIGN_PHASES,
  },
  behavioural: {
    id: 'behavioural',
    title: 'Behavioural',
    description: 'Three questions about your own experience, four minutes each.',
    style: 'behavioural',
    promptCount: 3,
    minutesEach: 4,
    oneTopic: false,
    phases: [],
  },
  custom: {
    id: 'custom',
    title: 'Custom',
    description: 'Your choice of families, decks, number of prompts and time.',
    style: null,
    promptCount: 5,
    minutesEach: null,
    oneTopic: false,
    phases: [],
  },
};

/** What a Custom session draws from; empty lists mean every family or deck. */
export interface CustomOptions {
  families: Family[];
  deckIds: string[];
  count: number;
  minutesEach: number | null;
}

/** Upper bound of prompts in one Custom session: more would not fit an afternoon. */
export const MAX_CUSTOM_PROMPTS = 20;
