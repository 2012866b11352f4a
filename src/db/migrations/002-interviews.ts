import type { Database } from 'better-sqlite3';

/**
 * Mock-interview sessions and one row per prompt of a session. The prompt's
 * text and key points are copied into the answer row when the session is
 * planned, so history shows what was asked even after a deck edits the card.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE interview_sessions (
      id TEXT PRIMARY KEY,
      format TEXT NOT NULL CHECK (format IN ('rapid', 'deep-dive', 'system-design', 'behavioural', 'custom')),
      options TEXT NOT NULL DEFAULT '{}',
      seed INTEGER NOT NULL,
      review_mode TEXT NOT NULL CHECK (review_mode IN ('each', 'end')),
      replay_of TEXT REFERENCES interview_sessions (id) ON DELETE SET NULL,
      requested INTEGER NOT NULL CHECK (requested > 0),
      status TEXT NOT NULL CHECK (status IN ('active', 'finished')),
      started_at INTEGER NOT NULL,
      finished_at INTEGER
    ) STRICT;
    CREATE INDEX interview_sessions_started ON interview_sessions (started_at);
    CREATE INDEX interview_sessions_status ON interview_sessions (status);

    CREATE TABLE interview_answers (
      session_id TEXT NOT NULL REFERENCES interview_sessions (id) ON DELETE CASCADE,
      position INTEGER NOT NULL CHECK (position >= 0),
      card_id TEXT NOT NULL REFERENCES cards (id),
      prompt TEXT NOT NULL,
      key_points TEXT NOT NULL,
      time_limit_ms INTEGER NOT NULL CHECK (time_limit_ms > 0),
      used_ms INTEGER NOT NULL DEFAULT 0 CHECK (used_ms >= 0),
      answer TEXT NOT NULL DEFAULT '',
      revision INTEGER NOT NULL DEFAULT 0,
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'answering', 'closed', 'scored')),
      closed_by TEXT CHECK (closed_by IN ('next', 'skip', 'expired')),
      matched_points TEXT,
      covered_points TEXT,
      proposed_rating INTEGER CHECK (proposed_rating BETWEEN 1 AND 4),
      rating INTEGER CHECK (rating BETWEEN 1 AND 4),
      review_request_id TEXT,
      saved_at INTEGER,
      closed_at INTEGER,
      scored_at INTEGER,
      PRIMARY KEY (session_id, position)
    ) STRICT;
    CREATE INDEX interview_answers_card ON interview_answers (card_id);
  `);
}
