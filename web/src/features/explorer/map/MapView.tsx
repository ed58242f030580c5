import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import type { GeoProjection } from 'd3-geo';
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type MouseEvent as ReactMouseEvent } from 'react';
import type { Incident } from '../../../app/types';
import { fmt, monthLabel } from '../format';
import { AreaLayer, type Area } from './AreaLayer';
import { VIEW_H, VIEW_W, type ViewTransform } from './geo';

interface Props {
  areas: Area[];
  projection: GeoProjection;
  points: Incident[];
  /** Called (debounced) after the user zooms or pans. */
  onView: (t: ViewTransform) => void;
  label: string;
}

interface Tip {
  x: number;
  y: number;
  title: string;
  lines: string[];
  area?: number;
}

const POINT_R = 4.5;
const MAX_ZOOM = 512;

export function MapView({ areas, projection, points, onView, label }: Props) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const layerRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const onViewRef = useRef(onView);
  onViewRef.current = onView;
  const [k, setK] = useState(1);
  const [tip, setTip] = useState<Tip | null>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, MAX_ZOOM])
      .translateExtent([[0, 0], [VIEW_W, VIEW_H]])
      // The wheel zooms only with Ctrl/Cmd (or a trackpad pinch), so the page still scrolls over the map.
      .filter((event: MouseEvent & WheelEvent) =>
        event.type === 'wheel' ? event.ctrlKey || event.metaKey : !event.ctrlKey && !event.button,
      )
      .wheelDelta((event: WheelEvent) => -event.deltaY * (event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002) * 4)
      .on('zoom', (event: { transform: ViewTransform & { toString(): string } }) => {
        const t = event.transform;
        select(layerRef.current).attr('transform', t.toString());
        select(layerRef.current).selectAll<SVGCircleElement, unknown>('circle.map__point').attr('r', POINT_R / t.k);
        setTip(null);
        clearTimeout(timer);
        timer = setTimeout(() => {
          setK(t.k);
          onViewRef.current({ k: t.k, x: t.x, y: t.y });
        }, 250);
      });
    zoomRef.current = behaviour;
    select(svg).call(behaviour);
    return () => {
      clearTimeout(timer);
      select(svg).on('.zoom', null);
    };
  }, []);

  // A new projection (new boundaries or level) starts from the full view.
  useEffect(() => {
    const svg = svgRef.current;
    if (svg && zoomRef.current) select(svg).call(zoomRef.current.transform, zoomIdentity);
  }, [projection]);

  const zoomBy = (factor: number) => {
    const svg = svgRef.current;
    if (svg && zoomRef.current) select(svg).call(zoomRef.current.scaleBy, factor);
  };
  const reset = () => {
    const svg = svgRef.current;
    if (svg && zoomRef.current) select(svg).call(zoomRef.current.transform, zoomIdentity);
  };

  const placeTip = useCallback((event: { clientX?: number; clientY?: number; currentTarget: Element }) => {
    const wrap = wrapRef.current?.getBoundingClientRect();
    if (!wrap) return { x: 0, y: 0 };
    if (typeof event.clientX === 'number' && typeof event.clientY === 'number') {
      return { x: event.clientX - wrap.left, y: event.clientY - wrap.top };
    }
    const r = event.currentTarget.getBoundingClientRect();
    return { x: r.left + r.width / 2 - wrap.left, y: r.top + r.height / 2 - wrap.top };
  }, []);

  const areasRef = useRef(areas);
  areasRef.current = areas;
  const onEnter = useCallback((i: number, event: ReactMouseEvent<SVGPathElement> | FocusEvent<SVGPathElement>) => {
    const a = areasRef.current[i];
    if (!a) return;
    const pos = placeTip(event as { clientX?: number; clientY?: number; currentTarget: Element });
    setTip({ ...pos, title: a.name, lines: [...(a.detail ? [a.detail] : []), `${fmt(a.count)} incidents`], area: i });
  }, [placeTip]);
  const onMove = useCallback((i: number, event: ReactMouseEvent<SVGPathElement>) => {
    const pos = placeTip(event);
    setTip((t) => (t && t.area === i ? { ...t, ...pos } : t));
  }, [placeTip]);
  const onLeave = useCallback(() => setTip(null), []);

  const projected = useMemo(
    () =>
      points
        .filter((p) => p.longitude !== null && p.latitude !== null)
        .map((p) => ({ p, xy: projection([p.longitude!, p.latitude!]) }))
        .filter((d): d is { p: Incident; xy: [number, number] } => d.xy !== null),
    [points, projection],
  );
  const highlighted = tip?.area !== undefined ? areas[tip.area] : undefined;

  return (
    <div className="map" ref={wrapRef}>
      <p className="map__hint" id="map-hint">Drag to pan; Ctrl + scroll, pinch or the buttons to zoom. Tab to an area for its count.</p>
      <div className="map__controls" role="group" aria-label="Map zoom">
        <button type="button" className="button button--secondary button--small" onClick={() => zoomBy(2)} aria-label="Zoom in" data-testid="map-zoom-in">+</button>
        <button type="button" className="button button--secondary button--small" onClick={() => zoomBy(0.5)} aria-label="Zoom out" data-testid="map-zoom-out">−</button>
        <button type="button" className="button button--secondary button--small" onClick={reset} data-testid="map-reset">Reset view</button>
      </div>
      <svg
        ref={svgRef}
        className="map__svg"
        viewBox={`0 0 ${VIEW_W} ${VIEW_H}`}
        role="group"
        aria-label={label}
        aria-describedby="map-hint"
        data-testid="map-svg"
      >
        <rect width={VIEW_W} height={VIEW_H} className="map__sea" />
        <g ref={layerRef}>
          <AreaLayer areas={areas} onEnter={onEnter} onMove={onMove} onLeave={onLeave} />
          {highlighted ? <path d={highlighted.d} className="map__highlight" vectorEffect="non-scaling-stroke" /> : null}
          <g className="map__points" data-testid="map-points">
            {projected.map(({ p, xy }) => (
              <circle key={p.id} className="map__point" cx={xy[0]} cy={xy[1]} r={POINT_R / k} vectorEffect="non-scaling-stroke">
                <title>{`${p.category}, ${monthLabel(p.month)}\n${p.location ?? ''}${p.outcome ? `\n${p.outcome}` : ''}`}</title>
              </circle>
            ))}
          </g>
        </g>
      </svg>
      {tip ? (
        <div className="map__tooltip" aria-hidden="true" style={{ left: tip.x, top: tip.y }} data-testid="map-tooltip">
          <strong>{tip.title}</strong>
          {tip.lines.map((l) => <span key={l}>{l}</span>)}
        </div>
      ) : null}
    </div>
  );
}
