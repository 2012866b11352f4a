import type { ReadinessRow } from '../../../core/api/contract.js';

function percent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(0)}%`;
}

/** Readiness per deck as a table: cards seen, average recall now and the share never seen. */
export function ReadinessTable({ rows, target }: { rows: ReadinessRow[]; target: number }) {
  return (
    <table className="stats-table" data-testid="readiness-decks">
      <caption className="visually-hidden">Readiness per deck</caption>
      <thead>
        <tr>
          <th scope="col">Deck</th>
          <th scope="col" className="number">Seen</th>
          <th scope="col" className="number">Average recall now</th>
          <th scope="col" className="number">Never seen</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const behind = row.averageRetrievability !== null && row.averageRetrievability < target;
          return (
            <tr key={row.id}>
              <th scope="row">{row.title}</th>
              <td className="number">
                {row.seen} / {row.cards}
              </td>
              <td className={`number${behind ? ' stats-behind' : ''}`}>{percent(row.averageRetrievability)}</td>
              <td className="number">{percent(row.neverSeenShare)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
