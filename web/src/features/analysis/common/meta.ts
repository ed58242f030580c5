// The data summary (/api/meta) and boundaries, fetched once per page load and shared by the pages.
import { getMeta } from '../../../app/api';
import type { BoundaryCollection, BoundaryLevel, Meta } from '../../../app/types';
import { useApi, type ApiState } from '../../../app/useApi';
import { getBoundaries } from '../../explorer/api';
import { monthRange } from '../../explorer/filters';
import { rewind } from '../../explorer/map/geo';

let metaPromise: Promise<Meta> | null = null;

function loadMeta(): Promise<Meta> {
  if (!metaPromise) {
    metaPromise = getMeta();
    metaPromise.catch(() => {
      metaPromise = null;
    });
  }
  return metaPromise;
}

export function useMeta(): ApiState<Meta> {
  return useApi('meta', loadMeta);
}

const rewound = new Map<BoundaryLevel, Promise<BoundaryCollection>>();

/** Boundaries wound the way d3-geo expects (see explorer/map/geo.ts). */
export function loadBoundaries(level: BoundaryLevel): Promise<BoundaryCollection> {
  let p = rewound.get(level);
  if (!p) {
    p = getBoundaries(level).then(rewind);
    p.catch(() => rewound.delete(level));
    rewound.set(level, p);
  }
  return p;
}

export function useBoundaries(level: BoundaryLevel | null): ApiState<BoundaryCollection> {
  return useApi(level ? `boundaries:${level}` : null, () => loadBoundaries(level!));
}

/** The months held, oldest first. */
export const monthsHeld = (meta: Meta): string[] => (meta.months ? monthRange(meta.months.min, meta.months.max) : []);

export const districtOptions = (meta: Meta) =>
  meta.districts.flatMap((d) => (d.key ? [{ key: d.key, count: d.count }] : [])).sort((a, b) => a.key.localeCompare(b.key));
