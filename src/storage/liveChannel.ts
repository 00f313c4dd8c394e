import { EventEmitter } from 'node:events';
import type { RedisClient } from './redisStorage.js';

/**
 * A broadcast channel: every subscriber on every instance hears every message. In memory it reaches
 * this process only; on Redis it is pub/sub, so an agent's browser on one instance hears what a
 * candidate said to another.
 */
export interface LiveChannel<T> {
  publish(message: T): Promise<void>;
  /** Returns a function that stops listening. */
  subscribe(listener: (message: T) => void): () => void;
  /** Resolves once subscribers hear messages (a Redis SUBSCRIBE has been acknowledged). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function memoryChannel<T>(): LiveChannel<T> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(message) {
      // Listeners hear it after the publisher's own work, as they would over Redis.
      queueMicrotask(() => emitter.emit('message', message));
    },
    subscribe(listener) {
      emitter.on('message', listener);
      return () => emitter.off('message', listener);
    },
    ready: async () => undefined,
    async close() {
      emitter.removeAllListeners();
    },
  };
}

export interface RedisChannelOptions<T> {
  /** The Redis channel name (already prefixed). */
  name: string;
  /** Checks a message from the wire; returns undefined for one to ignore (another version, garbage). */
  parse: (raw: unknown) => T | undefined;
  onError?: (error: Error) => void;
}

/**
 * Redis pub/sub on a connection of its own (a subscribed connection can do nothing else). Messages
 * published while the subscriber is reconnecting are lost, which is pub/sub's nature: listeners treat
 * a message as a hint to look at the store, where the truth is.
 */
export function redisChannel<T>(client: RedisClient, options: RedisChannelOptions<T>): LiveChannel<T> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let subscriber: RedisClient | undefined;
  let subscribed: Promise<void> = Promise.resolve();
  const ensureSubscribed = () => {
    if (subscriber) return;
    subscriber = (client as { duplicate(): RedisClient }).duplicate();
    subscriber.on('error', (error: Error) => options.onError?.(error));
    subscriber.on('message', (channel: string, payload: string) => {
      if (channel !== options.name) return;
      let raw: unknown;
      try {
        raw = JSON.parse(payload);
      } catch {
        return;
      }
      const message = options.parse(raw);
      if (message !== undefined) emitter.emit('message', message);
    });
    // Our clients queue nothing while disconnected (a command fails fast instead), so SUBSCRIBE waits
    // for the connection; after a reconnect ioredis subscribes again by itself.
    const connection = subscriber;
    subscribed = new Promise<void>((resolve) => {
      const subscribe = () =>
        connection.subscribe(options.name).then(
          () => resolve(),
          (error: Error) => {
            options.onError?.(error);
            resolve();
          },
        );
      if (connection.status === 'ready') void subscribe();
      else connection.once('ready', () => void subscribe());
    });
  };
  return {
    async publish(message) {
      await client.publish(options.name, JSON.stringify(message));
    },
    subscribe(listener) {
      ensureSubscribed();
      emitter.on('message', listener);
      return () => emitter.off('message', listener);
    },
    ready: () => {
      ensureSubscribed();
      return subscribed;
    },
    async close() {
      emitter.removeAllListeners();
      const closing = subscriber;
      subscriber = undefined;
      await closing?.quit().catch(() => closing.disconnect());
    },
  };
}
