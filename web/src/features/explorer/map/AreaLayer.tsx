import { memo, type FocusEvent, type MouseEvent } from 'react';

export interface Area {
  key: string;
  name: string;
  /** Second line of the tooltip, e.g. the district of an LSOA. */
  detail: string | null;
  d: string;
  count: number;
  fill: string;
}

interface Props {
  areas: Area[];
  onEnter: (index: number, event: MouseEvent<SVGPathElement> | FocusEvent<SVGPathElement>) => void;
  onMove: (index: number, event: MouseEvent<SVGPathElement>) => void;
  onLeave: () => void;
}

/** Choropleth polygons. Memoised: hovering must not re-render a thousand paths. */
export const AreaLayer = memo(function AreaLayer({ areas, onEnter, onMove, onLeave }: Props) {
  return (
    <g className="map__areas" data-testid="map-areas">
      {areas.map((a, i) => (
        <path
          key={a.key}
          d={a.d}
          fill={a.fill}
          className="map__area"
          tabIndex={0}
          role="img"
          aria-label={`${a.name}${a.detail ? `, ${a.detail}` : ''}: ${a.count.toLocaleString('en-GB')} incidents`}
          data-key={a.key}
          data-count={a.count}
          vectorEffect="non-scaling-stroke"
          onMouseEnter={(e) => onEnter(i, e)}
          onMouseMove={(e) => onMove(i, e)}
          onMouseLeave={onLeave}
          onFocus={(e) => onEnter(i, e)}
          onBlur={onLeave}
        />
      ))}
    </g>
  );
});
