import proj4 from 'proj4';

/** EPSG:27700 OSGB36 / British National Grid, with the standard 7-parameter Helmert shift. */
const BNG =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

const toBng = proj4('EPSG:4326', BNG);

export interface EastingNorthing {
  easting: number;
  northing: number;
}

/** WGS84 longitude/latitude to BNG metres, rounded to the centimetre. */
export function lonLatToBng(lon: number, lat: number): EastingNorthing {
  const [e, n] = toBng.forward([lon, lat]) as [number, number];
  return { easting: Math.round(e * 100) / 100, northing: Math.round(n * 100) / 100 };
}

/** BNG metres back to WGS84 [lon, lat]. */
export function bngToLonLat(easting: number, northing: number): [number, number] {
  return toBng.inverse([easting, northing]) as [number, number];
}

/**
 * A converter that remembers points: data.police.uk snaps incidents to a limited set of
 * anonymised map points, so most rows repeat a coordinate already seen.
 */
export function cachedBngConverter(): (lon: number, lat: number) => EastingNorthing {
  const cache = new Map<string, EastingNorthing>();
  return (lon, lat) => {
    const key = `${lon},${lat}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = lonLatToBng(lon, lat);
      cache.set(key, hit);
    }
    return hit;
  };
}
