import type { ClassScale } from './scale';

interface Props {
  title: string;
  scale: ClassScale;
}

export function Legend({ title, scale }: Props) {
  return (
    <figure className="legend" data-testid="map-legend">
      <figcaption className="legend__title">{title}</figcaption>
      <ul className="legend__items">
        {scale.labels.map((label, i) => (
          <li key={label} className="legend__item">
            <span className="legend__swatch" style={{ background: scale.colors[i] }} aria-hidden="true" />
            {label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
