// A small bar chart of counts by side (inline SVG), with the numbers as text beside the bars so
// it reads without colour and for screen readers.
import { sideLabel, useT } from '../../core/i18n';

interface BalanceChartProps {
  readonly title: string;
  readonly counts: { readonly IT: number; readonly OT: number; readonly facilitator: number };
  readonly testId: string;
}

const ROWS = [
  { key: 'IT', className: 'bar-it' },
  { key: 'OT', className: 'bar-ot' },
  { key: 'facilitator', className: 'bar-fac' },
] as const;

export function BalanceChart({ title, counts, testId }: BalanceChartProps) {
  const t = useT();
  const max = Math.max(1, counts.IT, counts.OT, counts.facilitator);
  const width = 160;
  return (
    <figure className="balance-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg width={width + 110} height={ROWS.length * 22} role="img" aria-label={t('facilitation.chart.label', { title, it: counts.IT, ot: counts.OT, neutral: counts.facilitator, neutralSide: sideLabel(t, 'facilitator') })}>
        {ROWS.map((row, i) => (
          <g key={row.key} transform={`translate(0 ${i * 22})`}>
            <text x="0" y="14" className="chart-label">
              {sideLabel(t, row.key)}
            </text>
            <rect x="80" y="3" width={Math.max(1, (width * counts[row.key]) / max)} height="14" className={row.className} />
            <text x={86 + (width * counts[row.key]) / max} y="14" className="chart-value">
              {counts[row.key]}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
