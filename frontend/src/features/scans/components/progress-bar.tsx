import { formatNumber } from '@/utils/format';

type ProgressBarProps = {
  value: number;
  /** What `value` is a share of; nothing to compare with shows the number alone. */
  total: number;
  label: string;
  tone?: 'ok' | 'error' | 'info';
};

/** A count as a bar and in words: "12 из 40". */
export function ProgressBar({ value, total, label, tone = 'ok' }: ProgressBarProps) {
  const percent = total > 0 ? Math.min(100, Math.round((value / total) * 100)) : 0;
  return (
    <div className={`scans-bar scans-bar--${tone}`}>
      <div
        className="scans-bar__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={value}
      >
        <div className="scans-bar__fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="scans-bar__text">
        {formatNumber(value)}
        {total > 0 && ` из ${formatNumber(total)}`}
      </span>
    </div>
  );
}
