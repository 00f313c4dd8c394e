import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { TurnEvent, TurnEventSink } from '../bot/turnEvents.js';
import type { StoreObserver } from '../storage/observedStorage.js';

/**
 * What an operator scrapes from /metrics (deploy/README.md lists what to watch). One registry per
 * application instance, so tests that build several apps in one process never share counts. Turns,
 * FAQ decisions, task outcomes and handoffs are read from the turn events the bot already emits
 * (src/bot/turnEvents.ts); the bot itself knows nothing of metrics.
 */

const PREFIX = 'candidate_assistant_';

/** The FAQ decision as an operator names it; the answerer's own kinds are in src/knowledge/faqAnswerer.ts. */
const FAQ_KINDS: Record<string, string> = {
  answer: 'answer',
  pair: 'answer',
  clarify: 'did-you-mean',
  'out-of-scope': 'declined',
  unknown: 'unknown',
};

export interface HandoffQueueReading {
  queued: number;
  /** Seconds the longest-waiting queued case has waited (0 when none). */
  oldestWaitSeconds: number;
}

export interface AppMetrics {
  registry: Registry;
  /** Counts each turn event (add next to the log's sink). */
  turnEvents: TurnEventSink;
  /** Times each store operation and counts its failures by kind (src/storage/observedStorage.ts). */
  store: StoreObserver;
  /** A reply (or proactive message) the channel did not take. */
  replyFailed(channel: string): void;
  /** A new handoff case was queued with its place, this many seconds after the turn decided to hand off. */
  handoffQueued(seconds: number): void;
  /** Where the handoff queue gauges read from, at scrape time (console handoff only). */
  watchHandoffQueue(read: () => Promise<HandoffQueueReading>): void;
  /** The scrape: Node's default metrics start with the first one. */
  scrape(): Promise<string>;
}

export function createAppMetrics(): AppMetrics {
  const registry = new Registry();
  const registers = [registry];
  const turns = new Counter({ name: `${PREFIX}turns_total`, help: 'Turns by channel and by the route table row that took them', labelNames: ['channel', 'route'], registers });
  const faq = new Counter({
    name: `${PREFIX}faq_decisions_total`,
    help: 'FAQ decisions: answer, did-you-mean, declined (out of scope) or unknown, by entry answered',
    labelNames: ['kind', 'entry'],
    registers,
  });
  const tasks = new Counter({ name: `${PREFIX}task_outcomes_total`, help: 'Guided tasks that ended, by task and outcome', labelNames: ['task', 'outcome'], registers });
  const accounts = new Counter({ name: `${PREFIX}account_outcomes_total`, help: 'Account answers and sign-ins, by outcome (never who)', labelNames: ['outcome'], registers });
  const handoffs = new Counter({
    name: `${PREFIX}handoffs_total`,
    help: 'Handoffs to staff started, or unavailable, by reason',
    labelNames: ['outcome', 'reason'],
    registers,
  });
  const storeSeconds = new Histogram({
    name: `${PREFIX}store_operation_seconds`,
    help: 'State store operations (read, write, delete), success or not',
    labelNames: ['operation'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers,
  });
  const handoffSeconds = new Histogram({
    name: `${PREFIX}handoff_request_seconds`,
    help: 'From a turn deciding to hand off to the new case queued with its place known (console handoff)',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const storeErrors = new Counter({ name: `${PREFIX}store_errors_total`, help: 'State store failures by operation and kind', labelNames: ['operation', 'kind'], registers });
  const replyFailures = new Counter({ name: `${PREFIX}reply_failures_total`, help: 'Replies the channel did not take (sent activities that failed)', labelNames: ['channel'], registers });
  let readQueue: (() => Promise<HandoffQueueReading>) | undefined;
  let lastQueue: Promise<HandoffQueueReading | undefined> | undefined;
  // Both gauges read the queue once per scrape (the first collect reads, the second reuses it).
  const queueNow = () => (lastQueue ??= (readQueue?.() ?? Promise.resolve(undefined)).catch(() => undefined));
  new Gauge({
    name: `${PREFIX}handoff_queue_length`,
    help: 'Conversations waiting for staff (console handoff)',
    registers,
    async collect() {
      const reading = await queueNow();
      if (reading) this.set(reading.queued);
    },
  });
  new Gauge({
    name: `${PREFIX}handoff_oldest_wait_seconds`,
    help: 'How long the longest-waiting queued conversation has waited',
    registers,
    async collect() {
      const reading = await queueNow();
      if (reading) this.set(reading.oldestWaitSeconds);
    },
  });
  let defaults = false;
  // Each operation's series, found once: a label object is hashed on every observe otherwise, and
  // the store is timed several times a turn.
  const storeTimers = { read: storeSeconds.labels({ operation: 'read' }), write: storeSeconds.labels({ operation: 'write' }), delete: storeSeconds.labels({ operation: 'delete' }) };

  const turnEvents = (event: TurnEvent) => {
    turns.inc({ channel: event.channel, route: event.route });
    if (event.faq) {
      const raw = event.faq.decision.replace(/-without-store$/, '');
      faq.inc({ kind: FAQ_KINDS[raw] ?? raw, entry: event.faq.entryId ?? 'none' });
    }
    if (event.dialog?.outcome && event.dialog.outcome !== 'waiting') tasks.inc({ task: event.dialog.id, outcome: event.dialog.outcome });
    if (event.account) accounts.inc({ outcome: event.account.outcome });
    if (event.handoff && (event.handoff.outcome === 'started' || event.handoff.outcome === 'unavailable')) {
      handoffs.inc({ outcome: event.handoff.outcome, reason: event.handoff.reason ?? 'unspecified' });
    }
  };

  return {
    registry,
    turnEvents,
    store: (operation, seconds, errorKind) => {
      storeTimers[operation].observe(seconds);
      if (errorKind) storeErrors.inc({ operation, kind: errorKind });
    },
    replyFailed: (channel) => replyFailures.inc({ channel }),
    handoffQueued: (seconds) => handoffSeconds.observe(seconds),
    watchHandoffQueue: (read) => {
      readQueue = read;
    },
    scrape: async () => {
      if (!defaults) {
        defaults = true;
        collectDefaultMetrics({ register: registry });
      }
      lastQueue = undefined;
      try {
        return await registry.metrics();
      } finally {
        lastQueue = undefined;
      }
    },
  };
}
