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
   * own first place again. Returns its place when it waits. `group` (kept with the item) is what
   * {@link page} can pick by.
   */
  put(id: string, value: string, waiting: boolean, group?: string): Promise<number | undefined>;
  /** The item leaves the line and the open items (closed); unknown ids are fine. */
  remove(ids: string[]): Promise<void>;
  /** The item's place in line, or undefined when it does not wait. */
  place(id: string): Promise<number | undefined>;
  /** Every open item with its place (the waiting ones in line order first): one round trip. */
  list(): Promise<OpenEntry[]>;
  /** How many wait, and the first in line. */
  head(): Promise<{ waiting: number; first?: OpenEntry }>;
  /**
   * A page of the line, read at one moment in one round trip: `limit` waiting items from `offset`
   * (0-based, in line order; only those of `group` when given), each with its place in the whole
   * line, plus every open item that does not wait (with an agent: few). Reads only the page's values.
   */
  page(request: PageRequest): Promise<OpenPage>;
}

export interface PageRequest {
  offset: number;
  limit: number;
  /** Only items put with this group (a case's language, say). */
  group?: string;
}

export interface OpenPage {
  /** How many wait in all. */
  waiting: number;
  /** How many wait in the group asked for (all of them without one). */
  matching: number;
  /** The page's waiting items, in line order, each with its place in the whole line. */
  entries: OpenEntry[];
  /** Every open item that does not wait. */
  others: OpenEntry[];
}

/** An empty id would be taken for the list reply's separator: refused. */
const mustBeId = (id: string) => {
  if (typeof id !== 'string' || id === '') throw new TypeError(`openQueue: an item's id must be a non-empty string (got ${JSON.stringify(id)})`);
};

/** The in-process queue (memory storage: one instance). Same contract as Redis: `test/storage/openQueue.test.ts`. */
export function memoryOpenQueue(): OpenQueue {
  const values = new Map<string, string>();
  const groups = new Map<string, string>();
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
    async put(id, value, waiting, group) {
      mustBeId(id);
      values.set(id, value);
      if (group !== undefined) groups.set(id, group);
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
        groups.delete(id);
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
    async page({ offset, limit, group }) {
      const inLine = new Set(line.map(({ id }) => id));
      const placed = line.map(({ id }, i) => ({ id, place: i + 1 }));
      const matching = group === undefined ? placed : placed.filter(({ id }) => groups.get(id) === group);
      return {
        waiting: line.length,
        matching: matching.length,
        entries: matching.slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit)).map(({ id, place }) => ({ id, value: values.get(id) ?? '', place })),
        others: [...values].filter(([id]) => !inLine.has(id)).map(([id, value]) => ({ id, value })),
      };
    },
  };
}

/**
 * KEYS: values (hash id -> value), orders (hash id -> arrival number), line (sorted set by arrival
 * number), arrivals (counter), groups (hash id -> group). ARGV: id, value, '1' to wait / '0' not,
 * group ('' for none). Returns the place, or 0.
 */
const PUT_LUA = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if ARGV[4] ~= '' then redis.call('HSET', KEYS[5], ARGV[1], ARGV[4]) end
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
/** KEYS: values, orders, line, groups. ARGV: ids. */
const REMOVE_LUA = `
for _, id in ipairs(ARGV) do
  redis.call('HDEL', KEYS[1], id)
  redis.call('HDEL', KEYS[2], id)
  redis.call('ZREM', KEYS[3], id)
  redis.call('HDEL', KEYS[4], id)
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

/**
 * KEYS: values, line, groups, orders. ARGV: offset, limit, group ('' for all).
 * Returns {waiting, matching, n, id, place, value (n times)..., id, value (the items not in line)...}.
 * Without a group the page is one ZRANGE by index; with one, the line's ids are walked in the
 * server (one HGET of each one's group, no values) to count and pick the group's page. Only the
 * page's values are read. The items not in line are the values' keys that have no score in the line
 * (HKEYS, walked in the server: only their values are read and sent).
 */
const PAGE_LUA = `
local waiting = redis.call('ZCARD', KEYS[2])
local offset = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local out = {waiting, 0, 0}
local page = {}
local matching = waiting
if ARGV[3] == '' then
  if limit > 0 then
    local ids = redis.call('ZRANGE', KEYS[2], offset, offset + limit - 1)
    for i, id in ipairs(ids) do page[#page + 1] = {id, offset + i} end
  end
else
  local ids = redis.call('ZRANGE', KEYS[2], 0, -1)
  matching = 0
  for i, id in ipairs(ids) do
    if redis.call('HGET', KEYS[3], id) == ARGV[3] then
      if matching >= offset and matching < offset + limit then page[#page + 1] = {id, i} end
      matching = matching + 1
    end
  end
end
out[2] = matching
out[3] = #page
for _, item in ipairs(page) do
  out[#out + 1] = item[1]
  out[#out + 1] = item[2]
  out[#out + 1] = redis.call('HGET', KEYS[1], item[1]) or ''
end
for _, id in ipairs(redis.call('HKEYS', KEYS[1])) do
  if not redis.call('ZSCORE', KEYS[2], id) then
    out[#out + 1] = id
    out[#out + 1] = redis.call('HGET', KEYS[1], id) or ''
  end
end
return out
`;

const PUT = 'candidateAssistantQueuePut';
const REMOVE = 'candidateAssistantQueueRemove';
const LIST = 'candidateAssistantQueueList';
const HEAD = 'candidateAssistantQueueHead';
const PAGE = 'candidateAssistantQueuePage';

interface QueueCommands {
  defineCommand(name: string, definition: { lua: string; numberOfKeys?: number }): void;
  zrank(key: string, member: string): Promise<number | null>;
  [PUT]?: (values: string, orders: string, line: string, arrivals: string, groups: string, id: string, value: string, waiting: string, group: string) => Promise<number>;
  [REMOVE]?: (values: string, orders: string, line: string, groups: string, ...ids: string[]) => Promise<number>;
  [PAGE]?: (values: string, line: string, groups: string, offset: string, limit: string, group: string) => Promise<Array<string | number>>;
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
  define(PUT, PUT_LUA, 5);
  define(REMOVE, REMOVE_LUA, 4);
  define(PAGE, PAGE_LUA, 3);
  define(LIST, LIST_LUA, 2);
  define(HEAD, HEAD_LUA, 2);
  const base = `${prefix}queue:{${prefix}queue:${name}}:`;
  const keys = { values: `${base}values`, orders: `${base}orders`, line: `${base}line`, arrivals: `${base}arrivals`, groups: `${base}groups` };
  const guarded = async <T>(operation: 'read' | 'write', run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toStorageError(operation, keys.line, error);
    }
  };
  return {
    put: async (id, value, waiting, group) => {
      mustBeId(id);
      return guarded('write', async () => {
        const place = Number(await commands[PUT]!(keys.values, keys.orders, keys.line, keys.arrivals, keys.groups, id, value, waiting ? '1' : '0', group ?? ''));
        return place > 0 ? place : undefined;
      });
    },
    remove: (ids) =>
      guarded('write', async () => {
        if (ids.length) await commands[REMOVE]!(keys.values, keys.orders, keys.line, keys.groups, ...ids);
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
    page: ({ offset, limit, group }) =>
      guarded('read', async () => {
        const reply = await commands[PAGE]!(keys.values, keys.line, keys.groups, String(Math.max(0, Math.floor(offset))), String(Math.max(0, Math.floor(limit))), group ?? '');
        const count = Number(reply[2]);
        const entries: OpenEntry[] = [];
        let at = 3;
        for (let i = 0; i < count; i++, at += 3) entries.push({ id: String(reply[at]), place: Number(reply[at + 1]), value: String(reply[at + 2]) });
        const others: OpenEntry[] = [];
        for (; at + 1 < reply.length; at += 2) others.push({ id: String(reply[at]), value: String(reply[at + 1]) });
        return { waiting: Number(reply[0]), matching: Number(reply[1]), entries, others };
      }),
  };
}
