import { present, type RawEnv } from './configFields.js';

/**
 * What production refuses to run on, in one place: demo data or demo secrets that are fine on a
 * laptop and wrong for real candidates. Checked on the raw environment beside the schema's own
 * parse (src/config.ts), so an operator sees these and any bad value in the same single message.
 */
export function productionProblems(env: RawEnv): Array<{ name: string; message: string }> {
  if ((env.NODE_ENV ?? '').trim() !== 'production') return [];
  const problems: Array<{ name: string; message: string }> = [];
  if (!present(env, 'ACCOUNT_API_URL')) {
    problems.push({
      name: 'ACCOUNT_API_URL',
      message: 'is required when NODE_ENV=production: without it the bot serves the fictional demo accounts (anyone could sign in as DEMO-0001)',
    });
  }
  if (present(env, 'STAFF_DEMO_PASSWORD')) {
    problems.push({ name: 'STAFF_DEMO_PASSWORD', message: 'must not be set when NODE_ENV=production (it signs in the demo staff accounts)' });
  }
  // With Redis, several instances serve one page; each would sign Web Chat tokens with its own
  // random key and refuse the others' (about half the page's requests answered 403).
  const redis = ['REDIS_URL', 'REDIS_CLUSTER_NODES', 'REDIS_SENTINELS'].find((name) => present(env, name));
  if (redis && !present(env, 'DIRECTLINE_LOCAL_SECRET') && !present(env, 'DIRECTLINE_SECRET')) {
    problems.push({
      name: 'DIRECTLINE_LOCAL_SECRET',
      message: `is required when NODE_ENV=production with ${redis} (several instances must share one Web Chat token key; or set DIRECTLINE_SECRET to use Azure Direct Line)`,
    });
  }
  return problems;
}
