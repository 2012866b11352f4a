import type { RangeDays } from '../../stores/stats.js';

const RANGES: RangeDays[] = [30, 90, 365];

/** Three radio buttons styled as one segmented control: the days of the per-day charts. */
export function RangePicker({ value, onChange }: { value: RangeDays; onChange: (range: RangeDays) => void }) {
  return (
    <fieldset className="stats-range">
      <legend className="visually-hidden">Days shown</legend>
      {RANGES.map((range) => (
        <label key={range} className={range === value ? 'stats-range-selected' : undefined}>
          <input
            type="radio"
            name="stats-range"
            value={range}
            checked={range === value}
            onChange={() => onChange(range)}
          />
          {range === 365 ? '1 year' : `${range} days`}
        </label>
      ))}
    </fieldset>
  );
}
