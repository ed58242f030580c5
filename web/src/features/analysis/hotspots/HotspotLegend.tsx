import type { CellScale } from './scale';

export function HotspotLegend({ scale }: { scale: CellScale }) {
  return (
    <figure className="legend" data-testid="hotspot-legend">
      <figcaption className="legend__title">{scale.title}</figcaption>
      <ul className="legend__items">
        {scale.classes.map((c) => (
          <li key={c.label} className="legend__item">
            <span className="legend__swatch" style={{ background: c.color }} aria-hidden="true" />
            {c.label}
          </li>
        ))}
      </ul>
      <p className="legend__note">{scale.note}</p>
    </figure>
  );
}
