import type { DeckSummary } from '../../../core/api/views.js';
import { Count } from '../../components/Counts.js';

interface DeckTableProps {
  caption: string;
  decks: DeckSummary[];
  onStudy: (deckId: string) => void;
}

/** The decks of one family with their counts and a Study button each. */
export function DeckTable({ caption, decks, onStudy }: DeckTableProps) {
  return (
    <table className="deck-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Deck</th>
          <th scope="col" className="numeric">New</th>
          <th scope="col" className="numeric">Learning</th>
          <th scope="col" className="numeric">Due</th>
          <th scope="col" className="numeric">Cards</th>
          <th scope="col" className="numeric">Prompts</th>
          <th scope="col">
            <span className="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {decks.map((deck) => (
          <tr key={deck.id} data-testid={`home-deck-${deck.id}`}>
            <th scope="row" className="deck-name">
              <span className="deck-title">{deck.title}</span>
              <span className="deck-description">{deck.description}</span>
            </th>
            <td className="numeric">
              <Count kind="new" value={deck.counts.new} />
            </td>
            <td className="numeric">
              <Count kind="learning" value={deck.counts.learning} />
            </td>
            <td className="numeric">
              <Count kind="review" value={deck.counts.review} />
            </td>
            <td className="numeric">{deck.total}</td>
            <td className="numeric">{deck.interviewPrompts}</td>
            <td className="deck-action">
              <button type="button" className="button" onClick={() => onStudy(deck.id)}>
                Study<span className="visually-hidden"> {deck.title}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
