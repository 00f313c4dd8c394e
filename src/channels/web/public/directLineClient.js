// @ts-check
/**
 * A Direct Line 3.0 client for Web Chat that does not give up. botframework-directlinejs stops
 * polling for good on the first network error and waits 3-20 s between WebSocket reconnects, so a
 * server restart left a dead chat. This one keeps one conversation (id, token, watermark) for as
 * long as the server keeps it, reconnects with a short backoff after any drop (network, restart,
 * deploy), resumes from its watermark so nothing is lost, and drops an activity it has already
 * shown so nothing is doubled. Web Chat only needs `activity$`, `connectionStatus$`,
 * `postActivity` and `end` (its own Direct Line Speech adapter is built the same way).
 *
 * Loaded by widget.js; exposes `window.CandidateChatDirectLine.create(options)`.
 */
(function () {
  'use strict';

  /** Direct Line's connection states, as Web Chat reads them. */
  const Status = { Uninitialized: 0, Connecting: 1, Online: 2, ExpiredToken: 3, FailedToConnect: 4, Ended: 5 };

  /**
   * @template T
   * @typedef {{ next?: (value: T) => void, error?: (error: unknown) => void, complete?: () => void }} Observer
   */

  /**
   * The little of an Observable that Web Chat uses: subscribe with an observer (or a function),
   * get back something to unsubscribe with. A subject with a current value replays it on subscribe.
   * @template T
   */
  class Subject {
    /** @param {{ value?: T, hasValue?: boolean }} [initial] */
    constructor(initial) {
      /** @type {Set<Observer<T>>} */
      this.observers = new Set();
      this.hasValue = Boolean(initial && initial.hasValue);
      /** @type {T | undefined} */
      this.value = initial ? initial.value : undefined;
    }

    /** @param {Observer<T> | ((value: T) => void)} observer */
    subscribe(observer) {
      /** @type {Observer<T>} */
      const target = typeof observer === 'function' ? { next: observer } : observer;
      this.observers.add(target);
      if (this.hasValue && target.next) target.next(/** @type {T} */ (this.value));
      const observers = this.observers;
      return {
        closed: false,
        unsubscribe() {
          this.closed = true;
          observers.delete(target);
        },
      };
    }

    /** @param {T} value */
    next(value) {
      // Only a subject with a current value (connection status) remembers the last one.
      if (this.hasValue) this.value = value;
      for (const observer of [...this.observers]) if (observer.next) observer.next(value);
    }

    getValue() {
      return this.value;
    }
  }

  /**
   * @typedef {{ conversationId: string, token: string, userId: string, watermark: string, expiresAt: number }} SavedSession
   * @typedef {{ activities?: Array<Record<string, unknown>>, watermark?: string }} ActivityGroup
   * @typedef {{
   *   domain: string,
   *   session: { conversationId: string, token: string, userId: string, expiresIn?: number },
   *   resume: boolean,
   *   watermark?: string,
   *   webSocket: boolean,
   *   locale?: string,
   *   pollingIntervalMs?: number,
   *   onSession?: (saved: SavedSession) => void,
   *   onState?: (state: 'connecting' | 'online' | 'reconnecting' | 'ended') => void,
   * }} ClientOptions
   */

  /** A request that failed with an HTTP status (0: the network). */
  class RequestError extends Error {
    /** @param {number} status @param {string} message */
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  /** 401, 403 and 404 mean the conversation cannot go on (token refused, conversation gone). */
  const isFinal = (/** @type {unknown} */ error) =>
    error instanceof RequestError && (error.status === 401 || error.status === 403 || error.status === 404);

  const delay = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** @param {ClientOptions} options */
  function create(options) {
    const domain = options.domain.replace(/\/+$/, '');
    const conversationId = options.session.conversationId;
    const userId = options.session.userId;
    const pollingIntervalMs = options.pollingIntervalMs || 1000;
    let token = options.session.token;
    let expiresAt = Date.now() + (options.session.expiresIn || 1800) * 1000;
    let watermark = options.watermark || '';
    let resume = options.resume;
    let useSocket = options.webSocket && typeof WebSocket === 'function';
    let socketOpenedOnce = false;
    let socketFailures = 0;
    let failures = 0;
    let ended = false;
    let started = false;
    /** @type {WebSocket | undefined} */
    let socket;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let pollTimer;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let retryTimer;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let refreshTimer;
    /** @type {Set<string>} */
    const seen = new Set();
    /** @type {Subject<number>} */
    const connectionStatus$ = new Subject({ value: Status.Uninitialized, hasValue: true });
    /** @type {Subject<Record<string, unknown>>} */
    const activities = new Subject();
    /** @type {Array<() => void>} */
    let waitingForOnline = [];

    const save = () => {
      if (options.onSession) options.onSession({ conversationId, token, userId, watermark, expiresAt });
    };

    const setStatus = (/** @type {number} */ status) => {
      if (connectionStatus$.getValue() !== status) connectionStatus$.next(status);
      if (status === Status.Online) {
        const waiting = waitingForOnline;
        waitingForOnline = [];
        for (const resolve of waiting) resolve();
      }
    };

    /**
     * @param {string} method
     * @param {string} path
     * @param {unknown} [body]
     * @returns {Promise<any>}
     */
    const request = async (method, path, body) => {
      /** @type {Response} */
      let response;
      try {
        response = await fetch(domain + path, {
          method,
          headers: { Authorization: 'Bearer ' + token, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
          cache: 'no-store',
          credentials: 'omit',
        });
      } catch (error) {
        throw new RequestError(0, 'Direct Line: ' + method + ' ' + path + ' failed: ' + String(error));
      }
      if (!response.ok) throw new RequestError(response.status, 'Direct Line: ' + method + ' ' + path + ' answered ' + response.status);
      const text = await response.text();
      return text ? JSON.parse(text) : {};
    };

    /** @param {ActivityGroup} group */
    const receive = (group) => {
      // A typing indicator comes without a watermark: it is not stored, only shown.
      if (group.watermark) {
        watermark = group.watermark;
        save();
      }
      for (const activity of group.activities || []) {
        const id = typeof activity.id === 'string' ? activity.id : '';
        if (id) {
          if (seen.has(id)) continue;
          seen.add(id);
        }
        activities.next(activity);
      }
    };

    const stopTransport = () => {
      if (pollTimer) clearTimeout(pollTimer);
      pollTimer = undefined;
      if (socket) {
        const closing = socket;
        socket = undefined;
        closing.onclose = closing.onerror = closing.onmessage = null;
        try {
          closing.close();
        } catch {
          // Already closed.
        }
      }
    };

    /** The connection dropped: say so, then try again soon (0.25 s, doubling, at most 5 s). */
    const troubled = () => {
      if (ended) return;
      stopTransport();
      failures++;
      setStatus(Status.Connecting);
      if (options.onState) options.onState('reconnecting');
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = setTimeout(connect, Math.min(5000, 250 * Math.pow(2, failures - 1)));
    };

    const finish = () => {
      ended = true;
      stopTransport();
      if (retryTimer) clearTimeout(retryTimer);
      if (refreshTimer) clearTimeout(refreshTimer);
      setStatus(Status.Ended);
      if (options.onState) options.onState('ended');
    };

    const poll = async () => {
      pollTimer = undefined;
      if (ended) return;
      const startedAt = Date.now();
      try {
        receive(await request('GET', '/conversations/' + encodeURIComponent(conversationId) + '/activities?watermark=' + encodeURIComponent(watermark)));
      } catch (error) {
        if (isFinal(error)) return finish();
        return troubled();
      }
      if (!ended && !socket) pollTimer = setTimeout(poll, Math.max(0, pollingIntervalMs - (Date.now() - startedAt)));
    };

    /** @param {string} url */
    const openSocket = (url) => {
      const ws = new WebSocket(url);
      socket = ws;
      ws.onopen = () => {
        socketOpenedOnce = true;
        socketFailures = 0;
      };
      ws.onmessage = (message) => {
        if (typeof message.data === 'string' && message.data) receive(JSON.parse(message.data));
      };
      ws.onerror = ws.onclose = () => {
        if (socket !== ws) return;
        socket = undefined;
        // A proxy that refuses the upgrade: after three tries without ever opening, poll instead.
        if (!socketOpenedOnce && ++socketFailures >= 3) useSocket = false;
        troubled();
      };
    };

    const scheduleRefresh = () => {
      if (refreshTimer) clearTimeout(refreshTimer);
      // Halfway through the token's life, so a slow or failed refresh still has time to retry.
      const inMs = Math.max(5000, (expiresAt - Date.now()) / 2);
      refreshTimer = setTimeout(async () => {
        try {
          const refreshed = await request('POST', '/tokens/refresh');
          token = refreshed.token;
          expiresAt = Date.now() + (refreshed.expires_in || 1800) * 1000;
          save();
        } catch (error) {
          if (isFinal(error)) return;
        }
        if (!ended) scheduleRefresh();
      }, inMs);
    };

    /** Start the conversation (new) or reconnect to it (reload, drop, restart): a fresh token and stream URL. */
    async function connect() {
      retryTimer = undefined;
      if (ended) return;
      /** @type {{ token?: string, expires_in?: number, streamUrl?: string }} */
      let answer;
      try {
        answer = resume
          ? await request('GET', '/conversations/' + encodeURIComponent(conversationId) + '?watermark=' + encodeURIComponent(watermark))
          : await request('POST', '/conversations', options.locale ? { locale: options.locale } : {});
      } catch (error) {
        if (isFinal(error)) return finish();
        return troubled();
      }
      if (ended) return;
      resume = true;
      failures = 0;
      if (answer.token) token = answer.token;
      if (answer.expires_in) expiresAt = Date.now() + answer.expires_in * 1000;
      save();
      scheduleRefresh();
      setStatus(Status.Online);
      if (options.onState) options.onState('online');
      if (useSocket && answer.streamUrl) openSocket(answer.streamUrl);
      else void poll();
    }

    const whenOnline = () =>
      connectionStatus$.getValue() === Status.Online ? Promise.resolve() : new Promise((resolve) => waitingForOnline.push(() => resolve(undefined)));

    /**
     * Posts once the connection is up; a post that fails on the network is sent again (the server
     * answers a repeated clientActivityID with the first post's id and does not run it twice).
     * @param {Record<string, unknown>} activity
     */
    const send = async (activity) => {
      for (let attempt = 0; ; attempt++) {
        await whenOnline();
        try {
          const answer = await request('POST', '/conversations/' + encodeURIComponent(conversationId) + '/activities', activity);
          return String(answer.id || '');
        } catch (error) {
          if (!(error instanceof RequestError) || (error.status >= 400 && error.status < 500 && error.status !== 429) || attempt >= 5) throw error;
          if (error.status === 0) troubled();
          await delay(500 * (attempt + 1));
        }
      }
    };

    return {
      connectionStatus$,
      activity$: {
        /** @param {Observer<Record<string, unknown>> | ((value: Record<string, unknown>) => void)} observer */
        subscribe(observer) {
          const subscription = activities.subscribe(observer);
          if (!started) {
            started = true;
            setStatus(Status.Connecting);
            if (options.onState) options.onState('connecting');
            void connect();
          }
          return subscription;
        },
      },
      /** @param {Record<string, unknown>} activity */
      postActivity(activity) {
        return {
          /** @param {Observer<string>} observer */
          subscribe(observer) {
            let closed = false;
            send({ ...activity, from: { id: userId, ...(activity.from && typeof activity.from === 'object' ? activity.from : {}) } }).then(
              (id) => {
                if (closed) return;
                if (observer.next) observer.next(id);
                if (observer.complete) observer.complete();
              },
              (error) => {
                if (!closed && observer.error) observer.error(error);
              },
            );
            return {
              unsubscribe() {
                closed = true;
              },
            };
          },
        };
      },
      end: finish,
      /** Web Chat reads the user id from the token (a JWT with a `user` claim), as with directlinejs. */
      get token() {
        return token;
      },
      /** The watermark the client has read up to (what a reload resumes from). */
      get watermark() {
        return watermark;
      },
    };
  }

  window.CandidateChatDirectLine = { create, Status };
})();
