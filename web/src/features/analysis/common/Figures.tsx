import type { ReactNode } from 'react';

export interface FigureItem {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  testId?: string;
  /** Raw value for tests (data-value). */
  raw?: string | number;
  /** A smaller value font, for compound values such as "1 → 2". */
  small?: boolean;
}

/** A row of headline figures (a description list). */
export function Figures({ items }: { items: FigureItem[] }) {
  return (
    <dl className="figures figures--auto">
      {items.map((f) => (
        <div className="figure" key={f.label}>
          <dt>{f.label}</dt>
          <dd className={`figure__value ${f.small ? 'figure__value--small' : ''}`} data-testid={f.testId} data-value={f.raw ?? undefined}>
            {f.value}
          </dd>
          {f.note ? <dd className="figure__note">{f.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
