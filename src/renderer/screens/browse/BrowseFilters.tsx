import { useEffect, useState } from 'react';
import { BROWSE_STATES, CARD_KINDS, MAX_SEARCH_CHARS } from '../../../core/api/contract.js';
import { FAMILY_ORDER, FAMILY_TITLES } from '../../format/families.js';
import { useBrowseStore, type BrowseFilterValues } from '../../stores/browse.js';
import { KIND_LABELS, STATE_LABELS } from './format.js';

/** Pause after the last key press before the list is searched, in milliseconds. */
const SEARCH_DELAY_MS = 250;

export const SEARCH_INPUT_ID = 'browse-search';

function toggled<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((item) => item !== value) : [...values, value];
}

interface CheckGroupProps<T extends string> {
  legend: string;
  name: string;
  options: readonly T[];
  labels: Record<T, string>;
  selected: readonly T[];
  onChange: (values: T[]) => void;
}

/** A fieldset of checkboxes; none checked means "any". */
function CheckGroup<T extends string>({ legend, name, options, labels, selected, onChange }: CheckGroupProps<T>) {
  return (
    <fieldset className="browse-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="browse-check">
          <input
            type="checkbox"
            name={name}
            value={option}
            checked={selected.includes(option)}
            onChange={() => onChange(toggled(selected, option))}
          />
          {labels[option]}
        </label>
      ))}
    </fieldset>
  );
}

function SearchField() {
  const search = useBrowseStore((state) => state.filters.search);
  const setFilters = useBrowseStore((state) => state.setFilters);
  const [text, setText] = useState(search);

  useEffect(() => {
    if (text === search) return;
    const timer = setTimeout(() => void setFilters({ search: text }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, search, setFilters]);

  return (
    <div className="browse-search">
      <label htmlFor={SEARCH_INPUT_ID}>
        Search <kbd className="key-hint" aria-hidden="true">/</kbd>
      </label>
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        value={text}
        maxLength={MAX_SEARCH_CHARS}
        placeholder="Card text"
        aria-keyshortcuts="/"
        onChange={(event) => setText(event.target.value)}
      />
    </div>
  );
}

function DeckSelect() {
  const decks = useBrowseStore((state) => state.decks);
  const deckIds = useBrowseStore((state) => state.filters.deckIds);
  const setFilters = useBrowseStore((state) => state.setFilters);

  return (
    <div className="browse-deck">
      <label htmlFor="browse-deck">Deck</label>
      <select
        id="browse-deck"
        value={deckIds[0] ?? ''}
        onChange={(event) => void setFilters({ deckIds: event.target.value === '' ? [] : [event.target.value] })}
      >
        <option value="">All decks</option>
        {(decks ?? []).map((deck) => (
          <option key={deck.id} value={deck.id}>
            {deck.title} ({deck.cards})
          </option>
        ))}
      </select>
    </div>
  );
}

/** The left column: search, deck, family, kind and state filters. */
export function BrowseFilters() {
  const filters = useBrowseStore((state) => state.filters);
  const setFilters = useBrowseStore((state) => state.setFilters);
  const update = (change: Partial<BrowseFilterValues>) => void setFilters(change);
  const active = filters.families.length + filters.deckIds.length + filters.kinds.length + filters.states.length > 0;

  return (
    <aside className="browse-filters" aria-label="Filters">
      <SearchField />
      <DeckSelect />
      <CheckGroup legend="Family" name="family" options={FAMILY_ORDER} labels={FAMILY_TITLES} selected={filters.families} onChange={(families) => update({ families })} />
      <CheckGroup legend="Kind" name="kind" options={CARD_KINDS} labels={KIND_LABELS} selected={filters.kinds} onChange={(kinds) => update({ kinds })} />
      <CheckGroup legend="State" name="state" options={BROWSE_STATES} labels={STATE_LABELS} selected={filters.states} onChange={(states) => update({ states })} />
      {active && (
        <button type="button" className="button button-quiet" onClick={() => update({ families: [], deckIds: [], kinds: [], states: [] })}>
          Clear filters
        </button>
      )}
    </aside>
  );
}
