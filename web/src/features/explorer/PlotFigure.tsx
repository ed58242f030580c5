import { useEffect, useRef, useState } from 'react';

interface Props {
  /** Builds the chart (an Observable Plot figure) for the given width in pixels. */
  render: (width: number) => SVGSVGElement | HTMLElement;
  testId: string;
  /** Accessible description of the chart. */
  label: string;
}

/** Mounts an Observable Plot figure and redraws it when the container is resized. */
export function PlotFigure({ render, testId, label }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      setWidth((prev) => (Math.abs(prev - w) > 4 ? w : prev));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el || width < 50) return;
    const figure = render(width);
    figure.setAttribute('role', 'img');
    figure.setAttribute('aria-label', label);
    // Plot labels its inner groups with aria-label, which is not allowed on a plain <g>; the
    // chart is one image to assistive technology and its numbers are in the table beside it.
    figure.querySelectorAll('[aria-label]').forEach((node) => {
      if (node !== figure) node.removeAttribute('aria-label');
    });
    el.replaceChildren(figure);
    return () => figure.remove();
  }, [render, width, label]);

  return <div ref={ref} className="plot" data-testid={testId} />;
}
