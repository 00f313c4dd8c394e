import type { RedisClient } from './redisStorage.js';
import { toStorageError } from './storageErrors.js';

/** One open item as {@link OpenQueue.list} gives it. */
export interface OpenEntry {
  id: string;
  /** What the caller stored with it (a few hundred bytes of JSON, say). */
  value: string;
  /** 1-based place in line, when it waits. */
  place?: number;
}

/**
 * Open items, each with a small value, and among them a line of waiting ones in order of arrival
 * (the handoff queue: open cases, the queued ones in line). The line is kept per item, so it has no
 * size cap and a place is found without reading the others: on Redis a sorted set whose score is an
 * arrival number given by the server (INCR), so two instances never give two items one place, and a
 * place is its rank (O(log n)). In memory the same in one process.
 */
export interface OpenQueue {
  /**
   * Sets the item's value and whether it waits. An item that waits for the first time joins the back
   * of the line; one that left the line (claimed) and comes back (put back in the queue) takes its
   * own first place again. Returns its place when it waits.
   */
  put(id: string, value: string, waiting: boolean): Promise<number | undefined>;
  /** The item leaves the line and the open items (closed); unknown ids are fine. */
  remove(ids: string[]): Promise<void>;
  /** The item's place in line, or undefined when it does not wait. */
  place(id: string): Promise<number | undefined>;
  /** Every open item with its place (the waiting ones in line order first): one round trip. */
  list(): Promise<OpenEntry[]>;
  /** How many wait, and the first in line. */
  head(): Promise<{ waiting: number; first?: OpenEntry }>;
}

/** An empty id would be taken for the list reply's separator: refused. */
const mustBeId = (id: string) => {
  if (typeof id !== 'string' || id === '') throw new TypeError(`openQueue: an item's id must be a non-empty string (got ${JSON.stringify(id)})`);
};

/** The in-process queue (memory storage: one instance). Same contract as Redis: `test/storage/openQueue.test.ts`. */
export function memoryOpenQueue(): OpenQueue {
  const values = new Map<string, string>();
  const orders = new Map<string, number>();
  /** Waiting ids, ascending by arrival number. */
  const line: Array<{ id: string; order: number }> = [];
  let arrivals = 0;
  const indexOf = (order: number) => {
    let low = 0;
    let high = line.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (line[mid]!.order < order) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const placeOf = (id: string) => {
    const order = orders.get(id);
    if (order === undefined) return undefined;
    const at = indexOf(order);
    return line[at]?.id === id ? at + 1 : undefined;
  };
  const leave = (id: string) => {
    const at = placeOf(id);
    if (at !== undefined) line.splice(at - 1, 1);
  };
  return {
    async put(id, value, waiting) {
      mustBeId(id);
      values.set(id, value);
      if (!waiting) {
        leave(id);
        return undefined;
      }
      const known = placeOf(id);
      if (known !== undefined) return known;
      let order = orders.get(id);
      if (order === undefined) {
        order = ++arrivals;
        orders.set(id, order);
      }
      const at = indexOf(order);
      line.splice(at, 0, { id, order });
      return at + 1;
    },
    async remove(ids) {
      for (const id of ids) {
        leave(id);
        values.delete(id);
        orders.delete(id);
      }
    },
    place: async (id) => placeOf(id),
    async list() {
      const waiting = line.map(({ id }, i) => ({ id, value: values.get(id) ?? '', place: i + 1 }));
      const inLine = new Set(line.map(({ id }) => id));
      return [...waiting, ...[...values].filter(([id]) => !inLine.has(id)).map(([id, value]) => ({ id, value }))];
    },
    async head() {
      const first = line[0];
      return { waiting: line.length, ...(first ? { first: { id: first.id, value: values.get(first.id) ?? '', place: 1 } } : {}) };
    },
  };
}

/**
 * KEYS: values (hash id -> value), orders (hash id -> arrival number), line (sorted set by arrival
 * number), arrivals (counter). ARGV: id, value, '1' to wait / '0' not. Returns the place, or 0.
 */
const PUT_LUA = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if ARGV[3] ~= '1' then
  redis.call('ZREM', KEYS[3], ARGV[1])
  return 0
end
local order = redis.call('HGET', KEYS[2], ARGV[1])
if not order then
  order = redis.call('INCR', KEYS[4])
  redis.call('HSET', KEYS[2], ARGV[1], order)
end
redis.call('ZADD', KEYS[3], order, ARGV[1])
return redis.call('ZRANK', KEYS[3], ARGV[1]) + 1
`;
/** KEYS: values, orders, line. ARGV: ids. */
const REMOVE_LUA = `
for _, id in ipairs(ARGV) do
  redis.call('HDEL', KEYS[1], id)
  redis.call('HDEL', KEYS[2], id)
  redis.call('ZREM', KEYS[3], id)
end
return 1
`;
/** KEYS: values, line. Returns {waiting ids in order..., '', id, value, id, value...}: both read at one moment. */
const LIST_LUA = `
local out = redis.call('ZRANGE', KEYS[2], 0, -1)
out[#out + 1] = ''
local all = redis.call('HGETALL', KEYS[1])
for i = 1, #all do out[#out + 1] = all[i] end
return out
`;
/** KEYS: values, line. Returns {count, first id or '', its value or ''}. */
const HEAD_LUA = `
local count = redis.call('ZCARD', KEYS[2])
local first = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
if not first then return {count, '', ''} end
return {count, first, redis.call('HGET', KEYS[1], first) or ''}
`;

const PUT = 'candidateAssistantQueuePut';
const REMOVE = 'candidateAssistantQueueRemove';
const LIST = 'candidateAssistantQueueList';
const HEAD = 'candidateAssistantQueueHead';

interface QueueCommands {
  defineCommand(name: string, definition: { lua: string; numberOfKeys?: number }): void;
  zrank(key: string, member: string): Promise<number | null>;
  [PUT]?: (values: string, orders: string, line: string, arrivals: string, id: string, value: string, waiting: string) => Promise<number>;
  [REMOVE]?: (values: string, orders: string, line: string, ...ids: string[]) => Promise<number>;
  [LIST]?: (values: string, line: string) => Promise<string[]>;
  [HEAD]?: (values: string, line: string) => Promise<[number, string, string]>;
}

/**
 * The queue on Redis: four keys under `${prefix}queue:{<name>}:` (one hash tag, so one Cluster slot
 * and one script per change), with no expiry (they hold only open items; closed ones are removed).
 * Every change is one script: atomic, whatever the number of instances.
 */
export function redisOpenQueue(client: RedisClient, prefix: string, name: string): OpenQueue {
  const commands = client as unknown as QueueCommands;
  const define = (command: string, lua: string, numberOfKeys: number) => {
    if (typeof (commands as unknown as Record<string, unknown>)[command] !== 'function') commands.defineCommand(command, { lua, numberOfKeys });
  };
  define(PUT, PUT_LUA, 4);
  define(REMOVE, REMOVE_LUA, 3);
  define(LIST, LIST_LUA, 2);
  define(HEAD, HEAD_LUA, 2);
  const base = `${prefix}queue:{${prefix}queue:${name}}:`;
  const keys = { values: `${base}values`, orders: `${base}orders`, line: `${base}line`, arrivals: `${base}arrivals` };
  const guarded = async <T>(operation: 'read' | 'write', run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toStorageError(operation, keys.line, error);
    }
  };
  return {
    put: async (id, value, waiting) => {
      mustBeId(id);
      return guarded('write', async () => {
        const place = Number(await commands[PUT]!(keys.values, keys.orders, keys.line, keys.arrivals, id, value, waiting ? '1' : '0'));
        return place > 0 ? place : undefined;
      });
    },
    remove: (ids) =>
      guarded('write', async () => {
        if (ids.length) await commands[REMOVE]!(keys.values, keys.orders, keys.line, ...ids);
      }),
    place: (id) =>
      guarded('read', async () => {
        const rank = await commands.zrank(keys.line, id);
        return rank === null ? undefined : rank + 1;
      }),
    list: () =>
      guarded('read', async () => {
        const reply = await commands[LIST]!(keys.values, keys.line);
        const split = reply.indexOf('');
        const waiting = reply.slice(0, split);
        const values = new Map<string, string>();
        for (let i = split + 1; i + 1 < reply.length; i += 2) values.set(reply[i]!, reply[i + 1]!);
        const inLine = new Set(waiting);
        return [
          // An id in line has a value (both are written by one script); `?? ''` only guards foreign edits.
          ...waiting.map((id, i) => ({ id, value: values.get(id) ?? '', place: i + 1 })),
          ...[...values].filter(([id]) => !inLine.has(id)).map(([id, value]) => ({ id, value })),
        ];
      }),
    head: () =>
      guarded('read', async () => {
        const [count, id, value] = await commands[HEAD]!(keys.values, keys.line);
        return { waiting: Number(count), ...(id ? { first: { id, value, place: 1 } } : {}) };
      }),
  };
}
