/**
 * What the process says once it listens: a few plain lines for a person at a terminal, one JSON log
 * line for a log collector. Both say only what is really served: /staff appears only when the
 * staff console is mounted, and when it is not, the banner says why.
 */

export interface StartupFacts {
  /** Where to open it, e.g. http://localhost:3978. */
  url: string;
  store: 'memory' | 'redis';
  /** 'bot-framework-jwt' or 'none (emulator mode)'. */
  auth: string;
  entries: number;
  /** Mounted, or why not: HANDOFF_MODE off/external, or console mode without staff accounts. */
  staff: 'mounted' | 'no-accounts' | 'off' | 'external';
  /** Demo staff (development): their password came from STAFF_DEMO_PASSWORD, or was made up now. */
  demoStaff?: { from: 'STAFF_DEMO_PASSWORD' } | { generated: string };
  /** /metrics: open, behind METRICS_TOKEN, or not served. */
  metrics: 'open' | 'token' | 'off';
}

const STAFF_ABSENT: Record<Exclude<StartupFacts['staff'], 'mounted'>, string> = {
  'no-accounts': 'no staff console: no staff accounts (set STAFF_ACCOUNTS_FILE; with Redis, demo staff need STAFF_DEMO_PASSWORD); candidates get the phone number',
  off: 'no staff console (HANDOFF_MODE=off); candidates get the phone number',
  external: 'no staff console (HANDOFF_MODE=external: handoff events go to the contact centre)',
};

/** The lines a person reads at a terminal. */
export function startupBanner(facts: StartupFacts): string {
  const lines = [
    `Candidate Assistant is ready (${facts.entries} FAQ entries, ${facts.store} store, auth: ${facts.auth})`,
    `  Web Chat page    ${facts.url}/`,
    `  Bot Framework    ${facts.url}/api/messages`,
  ];
  if (facts.staff === 'mounted') {
    lines.push(`  Staff console    ${facts.url}/staff`);
    if (facts.demoStaff) {
      const password = 'generated' in facts.demoStaff ? facts.demoStaff.generated : 'the value of STAFF_DEMO_PASSWORD';
      lines.push(`                   demo staff agent1, agent2, supervisor; password: ${password}`);
    }
  } else {
    lines.push(`  ${STAFF_ABSENT[facts.staff]}`);
  }
  if (facts.metrics !== 'off') lines.push(`  Metrics          ${facts.url}/metrics${facts.metrics === 'token' ? ' (bearer METRICS_TOKEN)' : ''}`);
  return `${lines.join('\n')}\n`;
}

/** The one JSON log line's fields and message (the generated password is not repeated: it was logged once). */
export function startupRecord(facts: StartupFacts): { fields: Record<string, unknown>; message: string } {
  const routes = ['/ (Web Chat)', '/api/messages (Bot Framework)', ...(facts.staff === 'mounted' ? ['/staff (staff console)'] : []), ...(facts.metrics !== 'off' ? ['/metrics'] : [])];
  return {
    fields: { url: facts.url, store: facts.store, auth: facts.auth, entries: facts.entries, staffConsole: facts.staff, metrics: facts.metrics },
    message: `Candidate Assistant on ${facts.url}: ${routes.join(', ')}${facts.staff === 'mounted' ? '' : `; ${STAFF_ABSENT[facts.staff]}`}`,
  };
}
