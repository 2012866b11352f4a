import type { ReactNode } from 'react';
import type { ChartView } from '../../../core/api/contract.js';
import { SvgChart } from './SvgChart.js';

interface ChartCardProps {
  id: string;
  chart: ChartView;
  /** Controls shown beside the title, such as the range picker. */
  actions?: ReactNode;
  wide?: boolean;
}

/**
 * One chart with its title and a sentence that states what it shows.
 * NOTE: the value of each bar or point is only in its hover tooltip. Keyboard and
 * screen-reader users get the summary sentence, and every figure is in the CSV exports.
 */
export function ChartCard({ id, chart, actions, wide = true }: ChartCardProps) {
  return (
    <figure
      className={`stats-card${wide ? ' stats-card-wide' : ''}`}
      data-testid={`chart-${id}`}
      aria-labelledby={`chart-${id}-title`}
    >
      <div className="stats-card-head">
        <h3 id={`chart-${id}-title`}>{chart.title}</h3>
        {actions}
      </div>
      <figcaption className="stats-summary">{chart.summary}</figcaption>
      <SvgChart svg={chart.svg} />
    </figure>
  );
}
