import { ApiError, toSearchParams } from '../../../app/api';
import { Loading } from '../../../app/ErrorMessage';
import { apiFormErrors } from '../../../app/forms';
import type { Meta } from '../../../app/types';
import { useApi } from '../../../app/useApi';
import { AnalysisPage } from '../common/AnalysisPage';
import { MetaGate } from '../common/MetaGate';
import { useQueryState } from '../common/useQueryState';
import { AnalysisError } from '../trends/History';
import type { AreaRole } from '../types';
import { COUNT_FIELDS } from './CountsFields';
import { areasQuery, areasReady, countsBody, countsReady, getWddOnData, isCounts, postWddCounts, WDD_FIELDS, WDD_SPEC, type WddParams } from './params';
import { WddForm } from './WddForm';
import { WddResult } from './WddResult';

export function WddRoute() {
  return <MetaGate>{(meta) => <WddPage meta={meta} />}</MetaGate>;
}

const num = (s: string) => Number(s || 0);

function typedCounts(p: WddParams): Partial<Record<AreaRole, { pre: number; post: number }>> {
  const out: Partial<Record<AreaRole, { pre: number; post: number }>> = { treated: { pre: num(p.tPre), post: num(p.tPost) }, control: { pre: num(p.cPre), post: num(p.cPost) } };
  if (p.dtPre || p.dtPost || p.dcPre || p.dcPost) {
    out.dispTreated = { pre: num(p.dtPre), post: num(p.dtPost) };
    out.dispControl = { pre: num(p.dcPre), post: num(p.dcPost) };
  }
  return out;
}

function WddPage({ meta }: { meta: Meta }) {
  const [params, setParams] = useQueryState(WDD_SPEC);
  const counts = isCounts(params);
  const areasKey = !counts && areasReady(params) ? `wdd-areas:${toSearchParams(areasQuery(params)).toString()}` : null;
  const countsKey = counts && countsReady(params) ? `wdd-counts:${JSON.stringify(countsBody(params))}` : null;
  const onData = useApi(areasKey, (s) => getWddOnData(params, s));
  const typed = useApi(countsKey, () => postWddCounts(params));
  const state = counts ? typed : onData;
  const active = counts ? countsKey : areasKey;
  const badRequest = state.error instanceof ApiError && state.error.status === 400;
  const apiErrors = badRequest ? apiFormErrors(state.error, counts ? COUNT_FIELDS : WDD_FIELDS).list : [];
  const ready = active === null || (!state.loading && (state.data !== undefined || state.error !== undefined));
  const alpha = Number(params.alpha || 0.1);

  let result = null;
  if (active && !state.error) {
    if (!counts && onData.data) {
      const d = onData.data;
      const used = Object.fromEntries(Object.entries(d.counts).filter(([role]) => role in d.areas)) as Partial<Record<AreaRole, { pre: number; post: number }>>;
      result = <WddResult result={d} alpha={alpha} counts={used} periods={{ pre: d.periods.pre, post: d.periods.post }} per={`in the ${d.periods.post.months}-month period after the start`} busy={onData.loading} />;
    } else if (counts && typed.data) {
      const per = params.twPre || params.twPost ? 'per unit of period length' : 'in the period after';
      result = <WddResult result={typed.data} alpha={alpha} counts={typedCounts(params)} periods={{ pre: null, post: null }} per={per} busy={typed.loading} />;
    }
  }

  return (
    <AnalysisPage
      title="Evaluate a response (WDD)"
      testId="wdd-page"
      ready={ready}
      lead={<p>Did incidents fall where the response ran, more than in a comparable area without it, and did they move next door? The weighted displacement difference test (Wheeler and Ratcliffe 2018).</p>}
      explain={<WddExplain />}
      form={<WddForm key={toSearchParams(params).toString()} meta={meta} params={params} apiErrors={apiErrors} onApply={setParams} />}
    >
      {active === null ? (
        <p className="notice" data-testid="wdd-empty">
          Fill in the design on the left and select Run the test. On imported data, choose the LSOAs of a target and a control area (and
          optionally of a displacement buffer and a control buffer), the month the response started and how many months to compare.
        </p>
      ) : state.error ? (
        badRequest ? (
          <div className="error-box" role="status" data-testid="error">
            <p className="error-box__title">Check the design</p>
            <p className="error-box__body">{state.error.message}</p>
          </div>
        ) : (
          <AnalysisError error={state.error} what="this evaluation" onRetry={state.reload} testId="wdd-history" />
        )
      ) : result ?? <Loading what="the test" />}
    </AnalysisPage>
  );
}

function WddExplain() {
  return (
    <>
      <p>
        The test compares the change in the <strong>target area</strong> (where the response ran) with the change in a <strong>control
        area</strong> that is similar but had no response, over the same months before and after. If the target fell by more than the
        control, the difference is the estimated effect. Optional <strong>buffers</strong> around each area show whether incidents moved next
        door (displacement) or the benefit spread (diffusion).
      </p>
      <p>
        Negative estimates mean fewer incidents than the control predicts. The standard error, z, p and confidence interval say how
        sure that is: counts of incidents vary by chance, and small areas vary a lot. The month the response started is left out of
        both periods. Incidents published without a location are in no area.
      </p>
    </>
  );
}
