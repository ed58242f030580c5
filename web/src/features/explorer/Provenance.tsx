import type { Meta, Provenance as ProvenanceData } from '../../app/types';
import { describeFilters, type Filters } from './filters';

interface Props {
  provenance: ProvenanceData | undefined;
  filters: Filters;
  meta: Meta;
  extra?: string;
}

const SOURCE_FALLBACK = 'data.police.uk street-level data';

/** "Source: …, cut-off YYYY-MM; filters: …" — shown under every figure. */
export function Provenance({ provenance, filters, meta, extra }: Props) {
  const source = provenance?.source || SOURCE_FALLBACK;
  const cutoff = provenance?.dataCutoff ?? meta.dataCutoff;
  const demo = provenance?.demo ?? meta.demo;
  const generated = provenance?.generatedAt ? new Date(provenance.generatedAt) : null;
  return (
    <p className="provenance" data-testid="provenance">
      Source: {demo ? 'synthetic demo data (not real incidents)' : source}
      {cutoff ? `, cut-off ${cutoff}` : ', no data cut-off recorded'}; filters: {describeFilters(filters, meta)}
      {extra ? `; ${extra}` : ''}
      {generated && !Number.isNaN(generated.getTime()) ? (
        <>
          {' '}
          <span className="provenance__time">
            (generated <time dateTime={provenance?.generatedAt}>{generated.toLocaleString('en-GB')}</time>)
          </span>
        </>
      ) : null}
    </p>
  );
}
