import { useEffect, useRef } from 'react';
import type { BrowsePage, BrowseRow } from '../../../core/api/contract.js';
import { FAMILY_TITLES } from '../../format/families.js';
import { useBrowseStore } from '../../stores/browse.js';
import { formatDue, formatKind, formatRetrievability, STATE_LABELS } from './format.js';

export const optionId = (cardId: string) => `browse-card-${cardId}`;

function Cell({ label, className, children }: { label: string; className: string; children: string }) {
  return (
    <span className={className}>
      <span className="visually-hidden">{label}: </span>
      {children}
    </span>
  );
}

function CardOption({ row, now, selected }: { row: BrowseRow; now: number; selected: boolean }) {
  const select = useBrowseStore((state) => state.select);
  const open = useBrowseStore((state) => state.open);
  const due = formatDue(row.due, now);

  return (
    <li
      id={optionId(row.id)}
      role="option"
      aria-selected={selected}
      className={`browse-row state-${row.state}`}
      data-testid="browse-row"
      onClick={() => {
        select(row.id);
        void open(row.id, false);
      }}
    >
      <span className="col-question">{row.question}</span>
      <span className="col-deck">
        <span className="visually-hidden">Deck: </span>
        {row.deckTitle}
        <span className="browse-family">
          <span className="visually-hidden">, family: </span>
          {FAMILY_TITLES[row.family]}
        </span>
      </span>
      <Cell label="Kind" className="col-kind">{formatKind(row)}</Cell>
      <Cell label="State" className="col-state">{STATE_LABELS[row.state]}</Cell>
      <Cell label="Due" className={due.startsWith('overdue') ? 'col-due overdue' : 'col-due'}>{due}</Cell>
      <Cell label="Reps and lapses" className="col-reps">{`${row.reps} / ${row.lapses}`}</Cell>
      <Cell label="Retrievability" className="col-recall">{formatRetrievability(row.retrievability)}</Cell>
    </li>
  );
}

function Pager({ result }: { result: BrowsePage }) {
  const goToPage = useBrowseStore((state) => state.goToPage);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const first = result.total === 0 ? 0 : result.page * result.pageSize + 1;
  const last = result.page * result.pageSize + result.rows.length;

  return (
    <nav className="browse-pager" aria-label="Pages">
      <p className="browse-range" role="status" data-testid="browse-range">
        {result.total === 0 ? 'No cards match.' : `Cards ${first}–${last} of ${result.total}`}
      </p>
      <button type="button" className="button" disabled={result.page === 0} onClick={() => void goToPage(result.page - 1)}>
        Previous page
      </button>
      <span className="browse-page-number">
        Page {result.page + 1} of {pages}
      </span>
      <button type="button" className="button" disabled={result.page + 1 >= pages} onClick={() => void goToPage(result.page + 1)}>
        Next page
      </button>
    </nav>
  );
}

/** The matching cards as a list box: arrow keys or j and k move the selection, Enter opens it. */
export function CardList() {
  const result = useBrowseStore((state) => state.result);
  const selectedId = useBrowseStore((state) => state.selectedId);
  const listRef = useRef<HTMLUListElement>(null);
  const hasResult = result !== null;

  // The list takes focus when it first appears, so Enter opens a card at once
  // instead of pressing the navigation button that opened this screen.
  useEffect(() => {
    if (hasResult) listRef.current?.focus({ preventScroll: true });
  }, [hasResult]);

  useEffect(() => {
    if (selectedId === null) return;
    const element = document.getElementById(optionId(selectedId));
    // jsdom has no scrollIntoView.
    element?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);

  if (result === null) return <p className="loading" role="status">Loading cards…</p>;

  return (
    <section className="browse-list" aria-labelledby="browse-heading">
      <h1 id="browse-heading">Browse</h1>
      <div className="browse-head" aria-hidden="true">
        <span className="col-question">Question</span>
        <span className="col-deck">Deck</span>
        <span className="col-kind">Kind</span>
        <span className="col-state">State</span>
        <span className="col-due">Due</span>
        <span className="col-reps">Reps / lapses</span>
        <span className="col-recall">Recall</span>
      </div>
      <ul
        ref={listRef}
        className="browse-rows"
        role="listbox"
        aria-label="Cards"
        tabIndex={0}
        aria-activedescendant={selectedId === null ? undefined : optionId(selectedId)}
        aria-keyshortcuts="ArrowUp ArrowDown J K Enter S"
      >
        {result.rows.map((row) => (
          <CardOption key={row.id} row={row} now={result.now} selected={row.id === selectedId} />
        ))}
      </ul>
      <Pager result={result} />
    </section>
  );
}
