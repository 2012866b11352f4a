import type { Database } from 'better-sqlite3';

/** Decks, cards, FSRS card state, the review log and settings. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE decks (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      family TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('bundled', 'user', 'imported')),
      content_hash TEXT,
      file_name TEXT,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE cards (
      id TEXT PRIMARY KEY,
      deck_id TEXT NOT NULL REFERENCES decks (id),
      kind TEXT NOT NULL CHECK (kind IN ('basic', 'interview')),
      family TEXT NOT NULL,
      style TEXT,
      content TEXT NOT NULL,
      tags TEXT NOT NULL DEFAULT '[]',
      position INTEGER NOT NULL,
      suspended INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
      buried_until INTEGER,
      flag INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      retired_at INTEGER
    ) STRICT;
    CREATE INDEX cards_deck ON cards (deck_id, position);

    CREATE TABLE card_state (
      card_id TEXT PRIMARY KEY REFERENCES cards (id),
      due INTEGER NOT NULL,
      stability REAL NOT NULL,
      difficulty REAL NOT NULL,
      elapsed_days INTEGER NOT NULL,
      scheduled_days INTEGER NOT NULL,
      learning_steps INTEGER NOT NULL,
      reps INTEGER NOT NULL,
      lapses INTEGER NOT NULL,
      state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),
      last_review INTEGER
    ) STRICT;
    CREATE INDEX card_state_state_due ON card_state (state, due);

    CREATE TABLE review_log (
      id INTEGER PRIMARY KEY,
      request_id TEXT NOT NULL UNIQUE,
      card_id TEXT NOT NULL REFERENCES cards (id),
      rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
      reviewed_at INTEGER NOT NULL,
      duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
      study_day INTEGER NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('review', 'interview')),
      before_due INTEGER NOT NULL,
      before_stability REAL NOT NULL,
      before_difficulty REAL NOT NULL,
      before_elapsed_days INTEGER NOT NULL,
      before_scheduled_days INTEGER NOT NULL,
      before_learning_steps INTEGER NOT NULL,
      before_reps INTEGER NOT NULL,
      before_lapses INTEGER NOT NULL,
      before_state INTEGER NOT NULL,
      before_last_review INTEGER,
      after_due INTEGER NOT NULL,
      after_stability REAL NOT NULL,
      after_difficulty REAL NOT NULL,
      after_elapsed_days INTEGER NOT NULL,
      after_scheduled_days INTEGER NOT NULL,
      after_learning_steps INTEGER NOT NULL,
      after_reps INTEGER NOT NULL,
      after_lapses INTEGER NOT NULL,
      after_state INTEGER NOT NULL,
      after_last_review INTEGER
    ) STRICT;
    CREATE INDEX review_log_day ON review_log (study_day, source);
    CREATE INDEX review_log_card ON review_log (card_id, reviewed_at);

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `);
}
