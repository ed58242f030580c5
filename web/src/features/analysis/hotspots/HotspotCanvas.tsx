// The hotspot grid drawn on a canvas (a hundred thousand cells would be too many SVG paths), with
// boundary outlines on top, d3-zoom pan and zoom, a hover tooltip, and keyboard use: arrows pan,
// + and − zoom, and the cell under the centre cross is described.
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { VIEW_H, VIEW_W } from '../../explorer/map/geo';
import { indexCells } from './geometry';

export interface Overlay {
  /** SVG path data in view units. */
  d: string;
  color: string;
  /** Line width in CSS pixels. */
  width: number;
}

interface Props {
  xy: Float32Array;
  /** Class per cell (-1: not drawn) and the colour of each class, drawn in this order. */
  classOf: Int16Array;
  colors: string[];
  overlays: Overlay[];
  describe: (cell: number) => { title: string; lines: string[] };
  label: string;
}

interface Tip {
  x: number;
  y: number;
  cell: number;
}

const MAX_ZOOM = 256;
const SEA = '#f6f7f7';

function quad(xy: Float32Array, i: number, path: Path2D): void {
  path.moveTo(xy[i * 8]!, xy[i * 8 + 1]!);
  for (let k = 1; k < 4; k++) path.lineTo(xy[i * 8 + k * 2]!, xy[i * 8 + k * 2 + 1]!);
  path.closePath();
}

export function HotspotCanvas({ xy, classOf, colors, overlays, describe, label }: Props) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const zoomRef = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);
  const tRef = useRef<ZoomTransform>(zoomIdentity);
  const [width, setWidth] = useState(0);
  const [tip, setTip] = useState<Tip | null>(null);
  const [focused, setFocused] = useState(false);
  const height = (width * VIEW_H) / VIEW_W;

  const index = useMemo(() => indexCells(xy), [xy]);
  const paths = useMemo(() => {
    const out = colors.map(() => new Path2D());
    for (let i = 0; i < classOf.length; i++) if (classOf[i]! >= 0) quad(xy, i, out[classOf[i]!]!);
    return out;
  }, [xy, classOf, colors]);
  const lines = useMemo(() => overlays.map((o) => ({ path: new Path2D(o.d), color: o.color, width: o.width })), [overlays]);

  const tipRef = useRef<Tip | null>(null);
  tipRef.current = tip;
  const frame = useRef(0);
  const draw = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx || width === 0) return;
      const dpr = window.devicePixelRatio || 1;
      const t = tRef.current;
      const u = width / VIEW_W;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = SEA;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(dpr * t.k * u, 0, 0, dpr * t.k * u, dpr * t.x, dpr * t.y);
      paths.forEach((p, i) => {
        ctx.fillStyle = colors[i]!;
        ctx.fill(p);
      });
      ctx.lineJoin = 'round';
      for (const l of lines) {
        ctx.strokeStyle = l.color;
        ctx.lineWidth = l.width / (t.k * u);
        ctx.stroke(l.path);
      }
      const cell = tipRef.current?.cell;
      if (cell !== undefined && cell >= 0) {
        const p = new Path2D();
        quad(xy, cell, p);
        ctx.strokeStyle = '#0b0c0c';
        ctx.lineWidth = 2.5 / (t.k * u);
        ctx.stroke(p);
      }
    });
  }, [width, paths, colors, lines, xy]);

  useEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      setWidth((prev) => (Math.abs(prev - w) > 2 ? w : prev));
    });
    observer.observe(wrap);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    const behaviour = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([1, MAX_ZOOM])
      .extent([[0, 0], [width, height]])
      .translateExtent([[0, 0], [width, height]])
      .filter((event: MouseEvent & WheelEvent) => (event.type === 'wheel' ? event.ctrlKey || event.metaKey : !event.ctrlKey && !event.button))
      .wheelDelta((event: WheelEvent) => -event.deltaY * (event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002) * 4)
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
        tRef.current = event.transform;
        if (event.sourceEvent && event.sourceEvent.type !== 'keydown') setTip(null);
        draw();
      });
    zoomRef.current = behaviour;
    // Keep the view when the canvas is resized: scale the translation with the width.
    select(canvas).call(behaviour).call(behaviour.transform, tRef.current);
    draw();
    return () => {
      select(canvas).on('.zoom', null);
    };
  }, [width, height, draw]);

  // A new grid (new parameters) starts from the full view.
  useEffect(() => {
    const canvas = canvasRef.current;
    tRef.current = zoomIdentity;
    setTip(null);
    if (canvas && zoomRef.current) select(canvas).call(zoomRef.current.transform, zoomIdentity);
  }, [xy]);

  useEffect(() => draw(), [tip, draw]);

  const cellAt = useCallback((x: number, y: number) => {
    const t = tRef.current;
    const u = width / VIEW_W;
    return index.find((x - t.x) / t.k / u, (y - t.y) / t.k / u);
  }, [index, width]);

  const centreTip = useCallback(() => {
    const cell = cellAt(width / 2, height / 2);
    setTip({ x: width / 2, y: height / 2, cell });
  }, [cellAt, width, height]);

  const onMove = (e: ReactMouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    const cell = cellAt(x, y);
    setTip(cell >= 0 ? { x, y, cell } : null);
  };

  const act = (fn: (b: ZoomBehavior<HTMLCanvasElement, unknown>, s: ReturnType<typeof select<HTMLCanvasElement, unknown>>) => void) => {
    const canvas = canvasRef.current;
    if (canvas && zoomRef.current) fn(zoomRef.current, select(canvas));
  };
  const zoomBy = (f: number) => act((b, s) => s.call(b.scaleBy, f));
  const reset = () => act((b, s) => s.call(b.transform, zoomIdentity));

  const onKey = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const step = 60 / tRef.current.k;
    const moves: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const m = moves[e.key];
    if (m) act((b, s) => s.call(b.translateBy, m[0], m[1]));
    else if (e.key === '+' || e.key === '=') zoomBy(2);
    else if (e.key === '-' || e.key === '_') zoomBy(0.5);
    else if (e.key === '0') reset();
    else return;
    e.preventDefault();
    centreTip();
  };

  const text = tip && tip.cell >= 0 ? describe(tip.cell) : null;
  // Tooltip positions are on the canvas; the wrapper also holds the hint line above it.
  const top0 = canvasRef.current?.offsetTop ?? 0;

  return (
    <div className="map hotspot-map" ref={wrapRef}>
      <p className="map__hint" id="hotspot-map-hint">
        Drag to pan; Ctrl + scroll, pinch or the buttons to zoom. Or tab to the map and use the arrow keys, + and −: the cell under the cross is described.
      </p>
      <div className="map__controls" role="group" aria-label="Map zoom">
        <button type="button" className="button button--secondary button--small" onClick={() => zoomBy(2)} aria-label="Zoom in" data-testid="hotspot-zoom-in">+</button>
        <button type="button" className="button button--secondary button--small" onClick={() => zoomBy(0.5)} aria-label="Zoom out" data-testid="hotspot-zoom-out">−</button>
        <button type="button" className="button button--secondary button--small" onClick={reset}>Reset view</button>
      </div>
      <canvas
        ref={canvasRef}
        className="hotspot-map__canvas"
        style={{ height: height || undefined }}
        role="img"
        aria-label={label}
        aria-describedby="hotspot-map-hint"
        tabIndex={0}
        onMouseMove={onMove}
        onMouseLeave={() => setTip(null)}
        onFocus={() => {
          setFocused(true);
          centreTip();
        }}
        onBlur={() => {
          setFocused(false);
          setTip(null);
        }}
        onKeyDown={onKey}
        data-testid="hotspot-canvas"
      />
      {focused ? <span className="hotspot-map__cross" style={{ left: width / 2, top: height / 2 + top0 }} aria-hidden="true" /> : null}
      {tip && text ? (
        <div className={`map__tooltip hotspot-map__tooltip ${tip.x > width * 0.55 ? 'hotspot-map__tooltip--left' : ''}`} aria-hidden="true" style={{ left: tip.x, top: tip.y + top0 }} data-testid="hotspot-tooltip">
          <strong>{text.title}</strong>
          {text.lines.map((l) => <span key={l}>{l}</span>)}
        </div>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {focused ? (text ? `${text.title}. ${text.lines.join('. ')}` : 'No cell under the cross.') : ''}
      </p>
    </div>
  );
}
