// Master Technician status. Source: status is earned with certification in all required testing
// areas of the series, kept only while each of them stays current, and reinstated by passing the
// Recertification Tests for the ones that lapsed.
//
// A required test is 'current' when today (in `zone`) is before its expiresOn (see
// certification.ts for why expiresOn is the first day it is no longer current), 'lapsed' when a
// certification exists but has expired, 'missing' when none is given. If a test appears more
// than once, the latest expiry counts. Certifications outside the series are ignored.
// Verdicts: 'holds' | 'lapsed' (all present, some expired: recertification restores it) |
// 'incomplete' (some never held) | 'unknown-series' | 'no-master-defined' (the catalogue does
// not state the composition for that series).

import { findSeries, normaliseCode } from './catalogue.js';
import { isCurrentOn } from './certification.js';
import { checkZone, checkDate, todayIn } from './dates.js';
import type { Catalogue, IsoDate, MasterDecision, MasterInput, Policy, RequiredTestState } from './types.js';

export function masterStatus(input: MasterInput, catalogue: Catalogue, policy: Policy): MasterDecision {
  const { seriesId, certifications, now, zone } = input;
  checkZone(zone, 'zone');
  const today = todayIn(now, zone);
  const s = policy.statements;
  const base = {
    seriesId,
    holds: false,
    today,
    required: [],
    current: [],
    lapsed: [],
    missing: [],
    earliestExpiry: null,
    reinstatableByRecertification: false,
  };
  const series = findSeries(catalogue, seriesId);
  if (!series) return { ...base, verdict: 'unknown-series', policy: s.masterEarned };
  if (!series.master) return { ...base, seriesId: series.id, verdict: 'no-master-defined', policy: s.masterEarned };

  const latest = new Map<string, IsoDate>();
  certifications.forEach((c, i) => {
    checkDate(c.expiresOn, `certifications[${i}].expiresOn`);
    const code = normaliseCode(c.test);
    const prev = latest.get(code);
    if (prev === undefined || c.expiresOn > prev) latest.set(code, c.expiresOn);
  });

  const required: RequiredTestState[] = series.master.requiredTests.map((code) => {
    const expiresOn = latest.get(code) ?? null;
    const status = expiresOn === null ? 'missing' : isCurrentOn(expiresOn, today) ? 'current' : 'lapsed';
    return { test: code, status, expiresOn };
  });
  const pick = (st: RequiredTestState['status']) => required.filter((r) => r.status === st).map((r) => r.test);
  const current = pick('current');
  const lapsed = pick('lapsed');
  const missing = pick('missing');

  let earliestExpiry: MasterDecision['earliestExpiry'] = null;
  for (const r of required) {
    if (r.status === 'current' && r.expiresOn !== null && (earliestExpiry === null || r.expiresOn < earliestExpiry.expiresOn)) {
      earliestExpiry = { test: r.test, expiresOn: r.expiresOn };
    }
  }
  const holds = lapsed.length === 0 && missing.length === 0;
  const verdict = holds ? 'holds' : missing.length > 0 ? 'incomplete' : 'lapsed';
  const policyText =
    verdict === 'lapsed'
      ? `${s.masterKeepCurrent} ${s.masterReinstate}`
      : `${s.masterEarned} ${s.masterKeepCurrent}`;
  return {
    verdict,
    seriesId: series.id,
    holds,
    today,
    required,
    current,
    lapsed,
    missing,
    earliestExpiry,
    reinstatableByRecertification: verdict === 'lapsed',
    policy: `${series.master.source} ${policyText}`,
  };
}
