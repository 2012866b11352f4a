/** The FSRS memory state of one card as stored; times are epoch milliseconds. */
export interface MemoryStateRow {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: number | null;
}

export type ReviewSource = 'review' | 'interview';

export interface ReviewLogRow {
  id: number;
  requestId: string;
  cardId: string;
  rating: number;
  reviewedAt: number;
  durationMs: number;
  studyDay: number;
  source: ReviewSource;
  before: MemoryStateRow;
  after: MemoryStateRow;
}

export type NewReviewLogRow = Omit<ReviewLogRow, 'id'>;

export interface CardRow {
  id: string;
  deckId: string;
  kind: 'basic' | 'interview';
  family: string;
  style: string | null;
  content: string;
  tags: string[];
  position: number;
  suspended: boolean;
  retiredAt: number | null;
}

export interface DeckRow {
  id: string;
  title: string;
  description: string;
  family: string;
  source: 'bundled' | 'user' | 'imported';
  contentHash: string | null;
  fileName: string | null;
  updatedAt: number;
}
