import { createHash } from 'node:crypto';

/**
 * The staff console: one HTML page (`GET /staff`), its script (`/staff/console.js`) and its
 * stylesheet (`/staff/console.css`), served as strings like the candidate chat page
 * (src/channels/web/page.ts). The page holds no data and no inline script or style, so its
 * Content-Security-Policy (`consoleSecurityPolicy()`) refuses both.
 *
 * Everything the server sends (topics, transcript text written by candidates, names) reaches the
 * page through `textContent` and `createElement`: the script never parses server data as HTML.
 */

/**
 * Runs in the browser: plain ES2020, no framework, no build step. Written without template
 * literals so the TS template below holds it verbatim (String.raw keeps the backslashes).
 */
export const consoleScript = String.raw`(function () {
  'use strict';

  var API = '/staff/api';
  var REFRESH_MS = 30000;
  var DEBOUNCE_MS = 250;
  var MAX_REPLY = 2000;
  var MAX_NOTE = 500;
  var TO_QUEUE = '__queue__';

  var CHANNELS = { webchat: 'Web chat', directline: 'Web chat', msteams: 'Teams', sms: 'SMS' };
  var STATUSES = { queued: 'Waiting in the queue', active: 'Active', closed: 'Closed' };
  // The same words as the topics the bot gives cases (src/messages/enHandoff.ts).
  var REASONS = { asked: 'Asked for a person', misunderstood: 'Bot didn\'t understand', 'staff-only': 'Needs staff' };
  var PARTIES = { candidate: 'Candidate', bot: 'Bot', agent: 'Agent', system: 'System' };
  var CLOSED_BY = { candidate: 'the candidate', agent: 'an agent', handback: 'hand-back to the bot' };

  var state = {
    user: null,
    csrf: null,
    agents: [],
    names: {},
    lists: { queued: [], mine: [], others: [] },
    listsAt: 0,
    knownQueued: null,
    openId: null,
    openCase: null,
    loadingCase: false,
    pendingLines: [],
    lineEls: new Map(),
    unread: {},
    events: null,
    eventsRetry: null,
    refreshTimer: null,
    caseTimer: null,
    openCaseChanged: false,
    pollTimer: null,
    view: 'case'
  };

  function $(id) { return document.getElementById(id); }

  /** createElement with a class and text; text always goes through textContent. */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function button(text, className, testid) {
    var b = el('button', className || 'btn', text);
    b.type = 'button';
    if (testid) b.setAttribute('data-testid', testid);
    return b;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  var uid = 0;
  function nextId(prefix) { uid += 1; return prefix + '-' + uid; }

  // ---- Formatting -------------------------------------------------------------------------

  function channelLabel(channel) { return CHANNELS[channel] || 'Other'; }
  function statusLabel(status) { return STATUSES[status] || String(status); }
  function reasonLabel(reason) { return REASONS[reason] || String(reason || ''); }
  function personName(username) {
    if (!username) return '';
    if (state.user && username === state.user.username) return state.names[username] ? state.names[username] + ' (you)' : 'You';
    return state.names[username] || username;
  }

  function waitingText(seconds) {
    var s = Math.max(0, Math.floor(seconds));
    if (s < 60) return 'under 1 min';
    var minutes = Math.floor(s / 60);
    if (minutes < 60) return minutes + ' min';
    var hours = Math.floor(minutes / 60);
    if (hours < 24) return hours + ' h ' + (minutes % 60) + ' min';
    var days = Math.floor(hours / 24);
    return days + ' d ' + (hours % 24) + ' h';
  }

  /** Seconds waited now: the server's count when the lists came, plus the time since. */
  function waitedNow(view) {
    var since = state.listsAt ? (Date.now() - state.listsAt) / 1000 : 0;
    return (Number(view.waitingSeconds) || 0) + since;
  }

  var timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
  var dateTimeFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  var fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

  function parseDate(iso) {
    var d = new Date(iso);
    return isNaN(d.getTime()) ? null : d;
  }
  function shortTime(iso) {
    var d = parseDate(iso);
    if (!d) return '';
    var today = new Date();
    var sameDay = d.getFullYear() === today.getFullYear() && d.getMonth() === today.getMonth() && d.getDate() === today.getDate();
    return sameDay ? timeFormat.format(d) : dateTimeFormat.format(d);
  }
  function whenText(iso) {
    var d = parseDate(iso);
    return d ? dateTimeFormat.format(d) : String(iso || '');
  }
  function timeElement(iso, className) {
    var t = el('time', className, shortTime(iso));
    t.dateTime = String(iso || '');
    var d = parseDate(iso);
    if (d) t.title = fullFormat.format(d);
    return t;
  }

  // ---- Notices ----------------------------------------------------------------------------

  function showBanner(text, kind) {
    var banner = $('banner');
    $('banner-text').textContent = text;
    banner.className = 'banner banner-' + (kind || 'error');
    banner.setAttribute('role', kind === 'info' ? 'status' : 'alert');
    banner.hidden = false;
  }
  function hideBanner() { $('banner').hidden = true; $('banner-text').textContent = ''; }

  var FALLBACK = {
    'not-signed-in': 'Your session has ended. Please sign in again.',
    csrf: 'The page is out of date. Reload it and try again.',
    forbidden: 'You are not allowed to do that.',
    'not-found': 'That conversation no longer exists.',
    conflict: 'Someone else has already taken this conversation.',
    'invalid-request': 'The request was not accepted.',
    invalid: 'That cannot be done.',
    'delivery-failed': 'The message did not reach the candidate.',
    network: 'The server could not be reached. Check your connection and try again.'
  };

  function errorText(err) {
    if (err && err.message && err.fromServer) return err.message;
    if (err && err.code && FALLBACK[err.code]) return FALLBACK[err.code];
    if (err && err.status) return 'Something went wrong (' + err.status + '). Please try again.';
    return 'Something went wrong. Please try again.';
  }

  /** Shows an API failure; a lost session has already sent the viewer back to sign in. */
  function report(err) {
    if (err && err.status === 401) return;
    showBanner(errorText(err), 'error');
  }

  function announce(text) {
    var region = $('announcer');
    region.textContent = '';
    // A fresh text node each time, so screen readers announce a repeated message too.
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  // ---- API ----------------------------------------------------------------------------------

  function ApiError(status, body) {
    var data = body && typeof body === 'object' ? body : {};
    this.name = 'ApiError';
    this.status = status;
    this.code = typeof data.error === 'string' ? data.error : (status === 0 ? 'network' : 'http-' + status);
    this.fromServer = typeof data.message === 'string' && data.message.length > 0;
    this.message = this.fromServer ? data.message : '';
    this.body = data;
  }

  async function api(method, path, body) {
    var headers = { Accept: 'application/json' };
    var init = { method: method, headers: headers, credentials: 'same-origin', cache: 'no-store' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      if (state.csrf) headers['X-CSRF-Token'] = state.csrf;
      init.body = JSON.stringify(body || {});
    }
    var response;
    try {
      response = await fetch(API + path, init);
    } catch (e) {
      throw new ApiError(0, null);
    }
    var data = null;
    if (response.status !== 204) {
      try { data = await response.json(); } catch (e) { data = null; }
    }
    if (!response.ok) {
      var err = new ApiError(response.status, data);
      err.retryAfter = Number(response.headers.get('Retry-After')) || undefined;
      if (response.status === 401 && path !== '/login' && path !== '/session') signedOut('Your session has ended. Please sign in again.');
      throw err;
    }
    return data;
  }

  function casePath(id, action) {
    return '/cases/' + encodeURIComponent(id) + (action ? '/' + action : '');
  }

  // ---- Signing in and out ------------------------------------------------------------------

  function showLogin(message) {
    $('desk-view').hidden = true;
    $('session-bar').hidden = true;
    $('login-view').hidden = false;
    var error = $('login-error');
    if (message) { error.textContent = message; error.hidden = false; } else { error.textContent = ''; error.hidden = true; }
    $('login-password').value = '';
    $('login-submit').disabled = false;
    window.setTimeout(function () { ($('login-username').value ? $('login-password') : $('login-username')).focus(); }, 0);
  }

  function stopLive() {
    if (state.events) { state.events.close(); state.events = null; }
    window.clearTimeout(state.eventsRetry);
    window.clearTimeout(state.refreshTimer);
    window.clearTimeout(state.caseTimer);
    window.clearInterval(state.pollTimer);
    state.pollTimer = null;
  }

  function signedOut(message) {
    var wasIn = Boolean(state.user);
    stopLive();
    state.user = null;
    state.csrf = null;
    state.agents = [];
    state.names = {};
    state.lists = { queued: [], mine: [], others: [] };
    state.knownQueued = null;
    state.unread = {};
    closeCase();
    hideBanner();
    showLogin(wasIn ? message : undefined);
  }

  function loginFailure(err) {
    if (err.status === 429) {
      var seconds = Number(err.body.retryAfterSeconds) || err.retryAfter || 60;
      var minutes = Math.max(1, Math.ceil(seconds / 60));
      return 'Too many attempts, try again in ' + minutes + (minutes === 1 ? ' minute' : ' minutes') + '.';
    }
    if (err.status === 401) return 'Wrong username or password.';
    if (err.status === 400) return 'Enter your username and password.';
    return errorText(err);
  }

  async function onLogin(event) {
    event.preventDefault();
    var username = $('login-username').value.trim();
    var password = $('login-password').value;
    var error = $('login-error');
    if (!username || !password) {
      error.textContent = 'Enter your username and password.';
      error.hidden = false;
      (username ? $('login-password') : $('login-username')).focus();
      return;
    }
    $('login-submit').disabled = true;
    error.hidden = true;
    try {
      var session = await api('POST', '/login', { username: username, password: password });
      signedIn(session);
    } catch (err) {
      error.textContent = loginFailure(err);
      error.hidden = false;
      $('login-password').value = '';
      $('login-password').focus();
    } finally {
      $('login-submit').disabled = false;
    }
  }

  async function onLogout() {
    try { await api('POST', '/logout', {}); } catch (err) { /* signed out either way */ }
    signedOut();
  }

  function signedIn(session) {
    state.user = session.user;
    state.csrf = session.csrfToken;
    state.names = {};
    state.names[session.user.username] = session.user.name;
    $('login-view').hidden = true;
    $('login-password').value = '';
    $('desk-view').hidden = false;
    $('session-bar').hidden = false;
    $('signed-in-as').textContent = session.user.name + ' (' + (session.user.role === 'supervisor' ? 'supervisor' : 'agent') + ')';
    $('others-section').hidden = session.user.role !== 'supervisor';
    $('audit-open').hidden = session.user.role !== 'supervisor';
    showView('case');
    startLive();
    loadAgents();
    loadCases();
    state.pollTimer = window.setInterval(function () { loadCases(); }, REFRESH_MS);
    $('queue-heading').focus();
  }

  async function checkSession() {
    try {
      var session = await api('GET', '/session');
      signedIn(session);
    } catch (err) {
      if (err.status === 401) showLogin();
      else { showLogin(); showBanner(errorText(err), 'error'); }
    }
  }

  // ---- Live updates ---------------------------------------------------------------------------

  function setLive(kind) {
    var live = $('live-status');
    live.className = 'live live-' + kind;
    live.textContent = kind === 'on' ? 'Live' : kind === 'off' ? 'Offline' : 'Reconnecting\u2026';
  }

  function parseData(event) {
    try { return JSON.parse(event.data); } catch (e) { return null; }
  }

  function startLive() {
    if (state.events) state.events.close();
    setLive('connecting');
    var source = new EventSource(API + '/events');
    state.events = source;
    source.onopen = function () { setLive('on'); };
    source.onerror = function () {
      if (state.events !== source) return;
      if (source.readyState === EventSource.CLOSED) {
        // The server refused the stream (a lost session, a restart): EventSource does not retry that.
        setLive('off');
        state.events = null;
        window.clearTimeout(state.eventsRetry);
        state.eventsRetry = window.setTimeout(async function () {
          try { await api('GET', '/session'); } catch (err) { if (err.status === 401) { signedOut('Your session has ended. Please sign in again.'); return; } }
          if (state.user) { startLive(); loadCases(); }
        }, 5000);
      } else {
        setLive('connecting');
      }
    };
    source.addEventListener('case', function (event) {
      var data = parseData(event);
      if (!data) return;
      if (data.caseId && data.caseId === state.openId) {
        if (data.status === 'closed' && state.openCase && state.openCase.status !== 'closed') {
          // Closed elsewhere (the candidate went back to the bot, a supervisor ended it).
          state.openCase = Object.assign({}, state.openCase, { status: 'closed' });
          renderCaseHeader();
          announce('This conversation has been closed.');
        } else if (data.status !== 'closed') {
          state.openCaseChanged = true;
        }
      }
      scheduleRefresh();
    });
    source.addEventListener('line', function (event) {
      var data = parseData(event);
      if (!data || !data.line) return;
      onLine(data.caseId, data.line);
    });
  }

  /** Lists, then the open case's header from them (no extra request, and no audit entry for watching). */
  function scheduleRefresh() {
    window.clearTimeout(state.refreshTimer);
    state.refreshTimer = window.setTimeout(async function () {
      await loadCases();
      if (state.openCaseChanged) { state.openCaseChanged = false; syncOpenCase(); }
    }, DEBOUNCE_MS);
  }

  function syncOpenCase() {
    if (!state.openId || !state.openCase || state.loadingCase) return;
    var all = state.lists.mine.concat(state.lists.queued, state.lists.others);
    for (var i = 0; i < all.length; i++) {
      if (all[i].id !== state.openId) continue;
      state.openCase = all[i];
      renderCaseHeader();
      return;
    }
    // Not in any list this viewer sees: it moved away or closed; the case itself says which.
    refreshOpenCase();
  }
  function scheduleCaseRefresh() {
    window.clearTimeout(state.caseTimer);
    state.caseTimer = window.setTimeout(function () { refreshOpenCase(); }, DEBOUNCE_MS);
  }

  function onLine(caseId, line) {
    if (caseId === state.openId) {
      if (state.loadingCase) { state.pendingLines.push(line); return; }
      var added = upsertLine(line);
      if (added && line.from === 'candidate') announce('New message from the candidate: ' + line.text);
      return;
    }
    if (line.from === 'candidate' && isMine(caseId)) {
      state.unread[caseId] = (state.unread[caseId] || 0) + 1;
      renderLists();
      announce('New message from a candidate in ' + topicOf(caseId) + '.');
    }
  }

  function isMine(caseId) {
    return state.lists.mine.some(function (c) { return c.id === caseId; });
  }
  function topicOf(caseId) {
    var all = state.lists.mine.concat(state.lists.queued, state.lists.others);
    for (var i = 0; i < all.length; i++) if (all[i].id === caseId) return all[i].topic;
    return 'a conversation';
  }

  // ---- Lists --------------------------------------------------------------------------------

  async function loadAgents() {
    try {
      var data = await api('GET', '/agents');
      state.agents = Array.isArray(data.agents) ? data.agents : [];
      state.agents.forEach(function (a) { state.names[a.username] = a.name; });
      renderTransferOptions();
      renderLists();
      if (state.openCase) renderCaseHeader();
    } catch (err) {
      report(err);
    }
  }

  async function loadCases() {
    if (!state.user) return;
    try {
      var data = await api('GET', '/cases');
      state.lists = { queued: data.queued || [], mine: data.mine || [], others: data.others || [] };
      state.listsAt = Date.now();
      var ids = state.lists.queued.map(function (c) { return c.id; });
      if (state.knownQueued) {
        var fresh = state.lists.queued.filter(function (c) { return state.knownQueued.indexOf(c.id) < 0; });
        if (fresh.length === 1) announce('New in the queue: ' + fresh[0].topic + '.');
        else if (fresh.length > 1) announce(fresh.length + ' new conversations in the queue.');
      }
      state.knownQueued = ids;
      Object.keys(state.unread).forEach(function (id) { if (!isMine(id)) delete state.unread[id]; });
      renderLists();
    } catch (err) {
      report(err);
    }
  }

  /** Which button had focus, so a re-render (every 30 s) does not drop the keyboard user's place. */
  function focusKey() {
    var active = document.activeElement;
    if (!active || !active.closest) return null;
    var item = active.closest('[data-case-id]');
    if (!item || !$('lists').contains(item)) return null;
    return { id: item.getAttribute('data-case-id'), action: active.getAttribute('data-action') };
  }
  function restoreFocus(key) {
    if (!key) return;
    var items = $('lists').querySelectorAll('[data-case-id]');
    for (var i = 0; i < items.length; i++) {
      if (items[i].getAttribute('data-case-id') !== key.id) continue;
      var target = items[i].querySelector('[data-action="' + key.action + '"]');
      if (target) { target.focus(); return; }
    }
  }

  function renderLists() {
    if (!state.user) return;
    var key = focusKey();
    var supervisor = state.user.role === 'supervisor';
    renderList('queue', state.lists.queued, function (c) { return queueItem(c, supervisor); });
    renderList('mine', state.lists.mine, mineItem);
    if (supervisor) renderList('others', state.lists.others, othersItem);
    restoreFocus(key);
  }

  function renderList(name, cases, make) {
    var list = $(name + '-list');
    clear(list);
    cases.forEach(function (c) { list.appendChild(make(c)); });
    $(name + '-empty').hidden = cases.length > 0;
    $(name + '-count').textContent = cases.length ? String(cases.length) : '';
  }

  function itemBase(c, testid) {
    var li = el('li', 'item');
    li.setAttribute('data-testid', testid);
    li.setAttribute('data-case-id', c.id);
    if (c.id === state.openId) li.classList.add('item-open');
    return li;
  }

  function itemBody(c, withOwner) {
    var body = el('div', 'item-body');
    var topic = el('span', 'item-topic', c.topic || 'Conversation');
    topic.id = nextId('topic');
    body.appendChild(topic);
    var meta = el('span', 'item-meta');
    meta.appendChild(el('span', 'tag', channelLabel(c.channel)));
    var waited = waitingText(waitedNow(c));
    meta.appendChild(el('span', 'item-wait', c.status === 'queued' ? 'waiting ' + waited : 'queued ' + waited + ' ago'));
    body.appendChild(meta);
    if (withOwner && c.owner) body.appendChild(el('span', 'item-owner', 'With ' + personName(c.owner)));
    // The topic is often the reason itself ("Asked for a person"): say it once.
    var reason = reasonLabel(c.reason);
    if (c.reason && reason.toLowerCase() !== String(c.topic || '').toLowerCase()) body.appendChild(el('span', 'item-reason', reason));
    if (c.replyBy) body.appendChild(el('span', 'item-after-hours', 'after hours \u2013 reply by ' + whenText(c.replyBy)));
    return { body: body, topicId: topic.id };
  }

  function actionButton(text, action, testid, describedBy, className) {
    var b = button(text, className || 'btn btn-small', testid);
    b.setAttribute('data-action', action);
    if (describedBy) b.setAttribute('aria-describedby', describedBy);
    return b;
  }

  function queueItem(c, supervisor) {
    var li = itemBase(c, 'queue-item');
    var parts = itemBody(c, false);
    li.appendChild(parts.body);
    var actions = el('div', 'item-actions');
    var claim = actionButton('Claim', 'claim', 'claim', parts.topicId, 'btn btn-small btn-primary');
    claim.addEventListener('click', function () { claimCase(c.id, claim); });
    actions.appendChild(claim);
    if (supervisor) {
      var watch = actionButton('Watch', 'watch', 'watch', parts.topicId);
      watch.addEventListener('click', function () { openCase(c.id); });
      actions.appendChild(watch);
    }
    li.appendChild(actions);
    return li;
  }

  function mineItem(c) {
    var li = itemBase(c, 'mine-item');
    var open = el('button', 'item-button');
    open.type = 'button';
    open.setAttribute('data-action', 'open');
    if (c.id === state.openId) open.setAttribute('aria-current', 'true');
    var parts = itemBody(c, false);
    open.appendChild(parts.body);
    var unread = state.unread[c.id];
    if (unread) open.appendChild(el('span', 'badge', unread + ' new'));
    open.addEventListener('click', function () { openCase(c.id); });
    li.appendChild(open);
    return li;
  }

  function othersItem(c) {
    var li = itemBase(c, 'others-item');
    var parts = itemBody(c, true);
    li.appendChild(parts.body);
    var actions = el('div', 'item-actions');
    var watch = actionButton('Watch', 'watch', 'watch', parts.topicId);
    watch.addEventListener('click', function () { openCase(c.id); });
    var take = actionButton('Take over', 'claim', 'takeover', parts.topicId);
    take.addEventListener('click', function () { claimCase(c.id, take); });
    actions.appendChild(watch);
    actions.appendChild(take);
    li.appendChild(actions);
    return li;
  }

  async function claimCase(id, trigger) {
    if (trigger) trigger.disabled = true;
    try {
      await api('POST', casePath(id, 'claim'), {});
      hideBanner();
      await loadCases();
      await openCase(id);
    } catch (err) {
      report(err);
      if (err.status === 409 || err.status === 404) loadCases();
    } finally {
      if (trigger) trigger.disabled = false;
    }
  }

  // ---- The open case --------------------------------------------------------------------------

  function showView(view) {
    state.view = view;
    $('audit-view').hidden = view !== 'audit';
    $('case-view').hidden = view !== 'case' || !state.openId;
    $('case-placeholder').hidden = view !== 'case' || Boolean(state.openId);
  }

  function closeCase() {
    state.openId = null;
    state.openCase = null;
    state.loadingCase = false;
    state.pendingLines = [];
    state.lineEls = new Map();
    clear($('transcript'));
    $('handback-form').hidden = true;
    showView(state.view === 'audit' ? 'audit' : 'case');
    renderLists();
  }

  async function openCase(id) {
    state.openId = id;
    state.openCase = null;
    state.loadingCase = true;
    state.pendingLines = [];
    state.lineEls = new Map();
    delete state.unread[id];
    clear($('transcript'));
    $('transcript-empty').hidden = true;
    $('case-topic').textContent = 'Loading\u2026';
    clear($('case-meta'));
    clear($('summary'));
    $('reply-form').hidden = true;
    $('case-actions').hidden = true;
    $('watch-actions').hidden = true;
    $('handback-form').hidden = true;
    showView('case');
    renderLists();
    try {
      var data = await api('GET', casePath(id));
      if (state.openId !== id) return;
      state.openCase = data.case;
      state.loadingCase = false;
      renderCaseHeader();
      (data.transcript || []).forEach(function (line) { upsertLine(line, true); });
      state.pendingLines.splice(0).forEach(function (line) { upsertLine(line); });
      updateTranscriptEmpty();
      scrollTranscript(true);
      $('case-topic').focus();
    } catch (err) {
      if (state.openId === id) closeCase();
      report(err);
    }
  }

  async function refreshOpenCase() {
    var id = state.openId;
    if (!id || state.loadingCase) return;
    try {
      var data = await api('GET', casePath(id));
      if (state.openId !== id) return;
      state.openCase = data.case;
      renderCaseHeader();
      (data.transcript || []).forEach(function (line) { upsertLine(line); });
      updateTranscriptEmpty();
    } catch (err) {
      if (state.openId !== id) return;
      if (err.status === 403 || err.status === 404) {
        closeCase();
        showBanner(err.status === 403 ? 'That conversation is no longer yours: it was transferred or taken over.' : 'That conversation no longer exists.', 'info');
      } else {
        report(err);
      }
    }
  }

  function ownsOpenCase() {
    var c = state.openCase;
    return Boolean(c && state.user && c.status === 'active' && c.owner === state.user.username);
  }

  function renderCaseHeader() {
    var c = state.openCase;
    if (!c) return;
    var supervisor = state.user && state.user.role === 'supervisor';
    var mine = ownsOpenCase();
    $('case-topic').textContent = c.topic || 'Conversation';
    var meta = $('case-meta');
    clear(meta);
    meta.appendChild(el('span', 'tag', channelLabel(c.channel)));
    meta.appendChild(el('span', 'tag tag-status tag-' + c.status, statusLabel(c.status)));
    var owner = c.status === 'queued' ? 'Not claimed yet' : c.owner ? (c.status === 'closed' ? 'Handled by ' : 'With ') + personName(c.owner) : 'No agent';
    meta.appendChild(el('span', 'meta-owner', owner));
    if (c.status === 'queued') meta.appendChild(el('span', 'meta-wait', 'waiting ' + waitingText(c.waitingSeconds)));
    if (c.replyBy && c.status !== 'closed') meta.appendChild(el('span', 'meta-after-hours', 'after hours \u2013 reply by ' + whenText(c.replyBy)));
    renderSummary(c);

    $('reply-form').hidden = !mine;
    $('case-actions').hidden = !(c.status === 'active' && (mine || supervisor));
    var watching = !mine && c.status !== 'closed';
    $('watch-actions').hidden = !watching;
    if (watching) {
      $('watch-note').textContent = c.status === 'queued' ? 'This conversation is waiting in the queue.' : 'You are watching ' + personName(c.owner) + '\'s conversation.';
      $('watch-claim').textContent = c.status === 'queued' ? 'Claim' : 'Take over';
      $('watch-claim').hidden = !(c.status === 'queued' || supervisor);
    }
    if (c.status !== 'active') $('handback-form').hidden = true;
    renderTransferOptions();
    var closed = $('case-closed');
    closed.hidden = c.status !== 'closed';
    if (c.status === 'closed') {
      var text = 'This conversation is closed' + (c.closedBy ? ' (' + (CLOSED_BY[c.closedBy] || c.closedBy) + ')' : '') + '. The bot answers the candidate again.';
      closed.textContent = text;
    }
  }

  function summaryRow(list, label, value) {
    list.appendChild(el('dt', null, label));
    list.appendChild(el('dd', null, value));
  }

  function renderSummary(c) {
    var box = $('summary');
    clear(box);
    var s = c.summary || { verified: false };
    var list = el('dl', 'summary-list');
    summaryRow(list, 'Reason', reasonLabel(c.reason));
    if (s.question) summaryRow(list, 'Question', s.question);
    if (s.dialog) summaryRow(list, 'Task', s.dialog);
    if (c.contact) summaryRow(list, 'Contact', c.contact);
    summaryRow(list, 'Queued', whenText(c.queuedAt));
    if (c.note) summaryRow(list, 'Hand-back note', c.note);
    box.appendChild(list);
    if (Array.isArray(s.facts) && s.facts.length) {
      box.appendChild(el('h4', 'summary-sub', 'Facts'));
      var facts = el('ul', 'facts');
      s.facts.forEach(function (f) {
        var li = el('li');
        li.appendChild(el('span', 'fact-label', f.label + ': '));
        li.appendChild(el('span', 'fact-value', f.value));
        facts.appendChild(li);
      });
      box.appendChild(facts);
    }
    var verified = el('p', 'verified ' + (s.verified ? 'verified-yes' : 'verified-no'));
    verified.setAttribute('data-testid', 'summary-verified');
    verified.appendChild(document.createTextNode('Account verified: '));
    verified.appendChild(el('strong', null, s.verified ? 'yes' : 'no'));
    box.appendChild(verified);
  }

  function renderTransferOptions() {
    var select = $('transfer-select');
    var previous = select.value;
    clear(select);
    var placeholder = el('option', null, 'Choose\u2026');
    placeholder.value = '';
    select.appendChild(placeholder);
    var queue = el('option', null, 'Back to the queue');
    queue.value = TO_QUEUE;
    select.appendChild(queue);
    var owner = state.openCase ? state.openCase.owner : undefined;
    state.agents.forEach(function (a) {
      // Not to whoever has it, nor to yourself (a supervisor takes over instead).
      if (a.username === owner || (state.user && a.username === state.user.username)) return;
      var option = el('option', null, a.name + (a.role === 'supervisor' ? ' (supervisor)' : ''));
      option.value = a.username;
      select.appendChild(option);
    });
    select.value = previous;
    if (select.value !== previous) select.value = '';
  }

  // ---- Transcript -------------------------------------------------------------------------------

  function lineElement(line) {
    var from = PARTIES[line.from] ? line.from : 'system';
    var li = el('li', 'line line-' + from);
    li.setAttribute('data-testid', 'transcript-line');
    li.setAttribute('data-from', String(line.from));
    li.setAttribute('data-line-id', String(line.id));
    if (line.delivery) li.setAttribute('data-delivery', String(line.delivery));
    var meta = el('div', 'line-meta');
    var who = PARTIES[from];
    if (from === 'agent' && line.agent) who = personName(line.agent);
    meta.appendChild(el('span', 'line-who', who));
    meta.appendChild(timeElement(line.at, 'line-time'));
    li.appendChild(meta);
    li.appendChild(el('p', 'line-text', line.text));
    if (line.delivery === 'failed') {
      li.classList.add('line-failed');
      var failure = el('p', 'line-failure');
      failure.setAttribute('data-testid', 'delivery-failure');
      failure.appendChild(el('span', 'warning-icon', '\u26a0'));
      failure.appendChild(document.createTextNode(' Not delivered to the candidate' + (line.failure ? ': ' + line.failure : '.')));
      li.appendChild(failure);
    }
    return li;
  }

  function nearBottom(box) { return box.scrollHeight - box.scrollTop - box.clientHeight < 80; }
  function scrollTranscript(force) {
    var box = $('transcript-box');
    if (force || nearBottom(box)) box.scrollTop = box.scrollHeight;
  }

  /** Adds a line (or replaces one with the same id, say its delivery became known); true when new. */
  function upsertLine(line, quiet) {
    if (!line || line.id === undefined || line.id === null) return false;
    var id = String(line.id);
    var list = $('transcript');
    var box = $('transcript-box');
    var stick = nearBottom(box);
    var node = lineElement(line);
    var existing = state.lineEls.get(id);
    if (existing) {
      list.replaceChild(node, existing);
      state.lineEls.set(id, node);
      return false;
    }
    // Keep time order: most lines go at the end.
    var at = parseDate(line.at);
    var before = null;
    if (at) {
      for (var child = list.lastElementChild; child; child = child.previousElementSibling) {
        var t = parseDate(child.querySelector('time').dateTime);
        if (!t || t.getTime() <= at.getTime()) break;
        before = child;
      }
    }
    list.insertBefore(node, before);
    state.lineEls.set(id, node);
    if (!quiet) { updateTranscriptEmpty(); if (stick) scrollTranscript(true); }
    return true;
  }

  function updateTranscriptEmpty() {
    $('transcript-empty').hidden = state.lineEls.size > 0;
  }

  // ---- Case actions ----------------------------------------------------------------------------

  async function sendReply(event) {
    if (event) event.preventDefault();
    var id = state.openId;
    var box = $('reply-text');
    var text = box.value.trim();
    if (!id || !text) return;
    if (text.length > MAX_REPLY) { showBanner('A reply can be at most ' + MAX_REPLY + ' characters.', 'error'); return; }
    var send = $('reply-send');
    send.disabled = true;
    try {
      var data = await api('POST', casePath(id, 'messages'), { text: text });
      if (state.openId === id && data && data.line) upsertLine(data.line);
      box.value = '';
      updateCounter();
    } catch (err) {
      if (err.status === 502 && err.body && err.body.line) {
        if (state.openId === id) upsertLine(err.body.line);
        box.value = '';
        updateCounter();
        announce('Not delivered to the candidate' + (err.body.line.failure ? ': ' + err.body.line.failure : '.'));
      } else {
        report(err);
        if (err.status === 403 || err.status === 409) scheduleCaseRefresh();
      }
    } finally {
      send.disabled = false;
      if (!$('reply-form').hidden) box.focus();
    }
  }

  function updateCounter() {
    var n = $('reply-text').value.length;
    var counter = $('reply-count');
    counter.textContent = n + ' / ' + MAX_REPLY;
    counter.classList.toggle('over', n > MAX_REPLY);
  }

  async function afterChange(id, view, message) {
    if (state.openId === id && view) {
      state.openCase = view;
      var supervisor = state.user.role === 'supervisor';
      if (!supervisor && !(view.status === 'active' && view.owner === state.user.username) && view.status !== 'closed') {
        closeCase();
      } else {
        renderCaseHeader();
      }
    }
    if (message) showBanner(message, 'info');
    await loadCases();
  }

  async function transfer(event) {
    event.preventDefault();
    var id = state.openId;
    var choice = $('transfer-select').value;
    if (!id || !choice) { $('transfer-select').focus(); return; }
    var to = choice === TO_QUEUE ? null : choice;
    $('transfer-submit').disabled = true;
    try {
      var data = await api('POST', casePath(id, 'transfer'), { to: to });
      $('transfer-select').value = '';
      await afterChange(id, data && data.case, to ? 'Transferred to ' + personName(to) + '.' : 'Put back in the queue.');
    } catch (err) {
      report(err);
    } finally {
      $('transfer-submit').disabled = false;
    }
  }

  async function endCase() {
    var id = state.openId;
    if (!id) return;
    $('end-case').disabled = true;
    try {
      var data = await api('POST', casePath(id, 'end'), {});
      await afterChange(id, data && data.case, 'Conversation ended. The bot answers the candidate again.');
    } catch (err) {
      report(err);
    } finally {
      $('end-case').disabled = false;
    }
  }

  function openHandback() {
    $('handback-form').hidden = false;
    $('handback-note').focus();
  }
  function cancelHandback() {
    $('handback-form').hidden = true;
    $('handback-note').value = '';
    $('handback-open').focus();
  }

  async function handBack(event) {
    event.preventDefault();
    var id = state.openId;
    if (!id) return;
    var note = $('handback-note').value.trim();
    if (note.length > MAX_NOTE) { showBanner('The note can be at most ' + MAX_NOTE + ' characters.', 'error'); return; }
    $('handback-submit').disabled = true;
    try {
      var data = await api('POST', casePath(id, 'handback'), note ? { note: note } : {});
      $('handback-note').value = '';
      $('handback-form').hidden = true;
      await afterChange(id, data && data.case, 'Handed back to the bot.');
    } catch (err) {
      report(err);
    } finally {
      $('handback-submit').disabled = false;
    }
  }

  // ---- Audit log (supervisors) -------------------------------------------------------------------

  async function openAudit() {
    showView('audit');
    var body = $('audit-rows');
    clear(body);
    $('audit-status').textContent = 'Loading\u2026';
    $('audit-heading').focus();
    try {
      var data = await api('GET', '/audit?limit=100');
      var entries = data.entries || [];
      $('audit-status').textContent = entries.length ? 'Newest first: ' + entries.length + (entries.length === 1 ? ' entry.' : ' entries.') : 'No entries yet.';
      entries.forEach(function (e) {
        var tr = el('tr');
        var when = el('td');
        when.appendChild(timeElement(e.at));
        tr.appendChild(when);
        tr.appendChild(el('td', null, personName(e.actor)));
        tr.appendChild(el('td', null, e.action));
        tr.appendChild(el('td', 'mono', e.caseId || ''));
        var detail = e.detail ? Object.keys(e.detail).map(function (k) { return k + '=' + String(e.detail[k]); }).join(', ') : '';
        tr.appendChild(el('td', null, detail));
        body.appendChild(tr);
      });
    } catch (err) {
      $('audit-status').textContent = '';
      report(err);
    }
  }

  // ---- Wiring -------------------------------------------------------------------------------------

  function start() {
    $('login-form').addEventListener('submit', onLogin);
    $('sign-out').addEventListener('click', onLogout);
    $('banner-dismiss').addEventListener('click', hideBanner);
    $('reply-form').addEventListener('submit', sendReply);
    $('reply-text').addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && !event.altKey && !event.ctrlKey && !event.metaKey) sendReply(event);
    });
    $('reply-text').addEventListener('input', updateCounter);
    $('transfer-form').addEventListener('submit', transfer);
    $('end-case').addEventListener('click', endCase);
    $('handback-open').addEventListener('click', openHandback);
    $('handback-cancel').addEventListener('click', cancelHandback);
    $('handback-form').addEventListener('submit', handBack);
    $('handback-form').addEventListener('keydown', function (event) { if (event.key === 'Escape') cancelHandback(); });
    $('watch-claim').addEventListener('click', function () { if (state.openId) claimCase(state.openId, $('watch-claim')); });
    $('case-close').addEventListener('click', function () { closeCase(); $('queue-heading').focus(); });
    $('audit-open').addEventListener('click', openAudit);
    $('audit-close').addEventListener('click', function () { showView('case'); $('queue-heading').focus(); });
    window.addEventListener('beforeunload', function () { if (state.events) state.events.close(); });
    updateCounter();
    checkSession();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
`;

/** The console's stylesheet (served as /staff/console.css; the policy allows no inline style). */
export const consoleStyles = `:root {
  --accent: #1f4e79;
  --accent-dark: #163a5b;
  --accent-soft: #e8f0f8;
  --text: #1b1b1b;
  --muted: #5a6270;
  --line: #d5dae1;
  --bg: #f4f5f7;
  --panel: #ffffff;
  --danger: #a4262c;
  --danger-soft: #fdecec;
  --ok: #1e7b34;
  --warn: #8a5a00;
  --warn-soft: #fff4d6;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html, body { height: 100%; margin: 0; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--text); background: var(--bg); display: flex; flex-direction: column; }
h1, h2, h3, h4 { margin: 0; line-height: 1.25; }
h2:focus, h3:focus, [tabindex="-1"]:focus { outline: none; }
:focus-visible { outline: 3px solid #4d90fe; outline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

.topbar { display: flex; align-items: center; justify-content: space-between; gap: 16px; padding: 10px 20px; background: var(--accent); color: #fff; }
.topbar h1 { font-size: 1.1rem; font-weight: 600; }
.topbar h1 .product { opacity: 0.8; font-weight: 400; }
.session { display: flex; align-items: center; gap: 14px; font-size: 0.9rem; }
.session .btn { background: transparent; color: #fff; border-color: rgba(255,255,255,0.6); }
.session .btn:hover { background: rgba(255,255,255,0.12); }
.live { display: inline-flex; align-items: center; gap: 6px; }
.live::before { content: ""; width: 9px; height: 9px; border-radius: 50%; background: #f0b429; }
.live-on::before { background: #5fd37a; }
.live-off::before { background: #ff6b6b; }

.btn { font: inherit; font-size: 0.9rem; padding: 6px 14px; border-radius: 6px; border: 1px solid var(--line); background: #fff; color: var(--text); cursor: pointer; white-space: nowrap; }
.btn:hover { background: #f0f2f5; }
.btn:disabled { opacity: 0.6; cursor: default; }
.btn-primary { background: var(--accent); border-color: var(--accent); color: #fff; }
.btn-primary:hover { background: var(--accent-dark); }
.btn-danger { color: var(--danger); border-color: #e3b4b6; }
.btn-danger:hover { background: var(--danger-soft); }
.btn-small { padding: 3px 10px; font-size: 0.85rem; }
.btn-link { border: none; background: none; color: var(--accent); padding: 4px 6px; text-decoration: underline; }

.banner { display: flex; align-items: flex-start; justify-content: space-between; gap: 12px; margin: 0; padding: 10px 20px; border-bottom: 1px solid; }
.banner-error { background: var(--danger-soft); color: var(--danger); border-color: #f1c0c2; }
.banner-info { background: var(--accent-soft); color: var(--accent-dark); border-color: #c6d7ea; }
.banner button { font: inherit; font-size: 1.2rem; line-height: 1; border: none; background: none; color: inherit; cursor: pointer; padding: 0 4px; }

.login { flex: 1; display: flex; align-items: flex-start; justify-content: center; padding: 8vh 16px; }
.login form { width: 100%; max-width: 360px; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 28px; box-shadow: 0 2px 10px rgba(0,0,0,0.05); }
.login h2 { font-size: 1.3rem; margin-bottom: 4px; }
.login p.intro { color: var(--muted); margin: 0 0 18px; font-size: 0.9rem; }
.field { display: flex; flex-direction: column; gap: 4px; margin-bottom: 14px; }
label { font-weight: 600; font-size: 0.9rem; }
input[type="text"], input[type="password"], textarea, select { font: inherit; padding: 7px 10px; border: 1px solid #b8c0cc; border-radius: 6px; background: #fff; color: var(--text); }
input:focus, textarea:focus, select:focus { border-color: var(--accent); }
.login .btn { width: 100%; padding: 9px; }
.form-error { color: var(--danger); background: var(--danger-soft); border-radius: 6px; padding: 8px 10px; margin: 0 0 14px; font-size: 0.9rem; }

.desk { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(260px, 340px) 1fr; }
.lists { overflow-y: auto; border-right: 1px solid var(--line); background: #fbfbfc; padding: 14px 12px 24px; }
.lists section + section { margin-top: 22px; }
.lists h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0 4px 8px; display: flex; align-items: center; gap: 8px; }
.count { background: var(--accent); color: #fff; border-radius: 10px; padding: 0 7px; font-size: 0.75rem; letter-spacing: 0; }
.count:empty { display: none; }
.lists ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.empty { color: var(--muted); font-size: 0.88rem; margin: 0 4px; }
.item { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; display: flex; flex-direction: column; gap: 8px; }
.item-open { border-color: var(--accent); box-shadow: inset 3px 0 0 var(--accent); }
.item-body { display: flex; flex-direction: column; gap: 3px; min-width: 0; }
.item-topic { font-weight: 600; overflow-wrap: anywhere; }
.item-meta { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; font-size: 0.85rem; color: var(--muted); }
.item-reason, .item-owner { font-size: 0.85rem; color: var(--muted); }
.item-after-hours, .meta-after-hours { font-size: 0.82rem; color: var(--warn); background: var(--warn-soft); border-radius: 4px; padding: 1px 6px; align-self: flex-start; }
.item-actions { display: flex; gap: 8px; }
li[data-testid="mine-item"] { padding: 0; }
.item-button { font: inherit; color: inherit; text-align: left; background: none; border: none; padding: 10px 12px; width: 100%; cursor: pointer; border-radius: 8px; display: flex; justify-content: space-between; gap: 8px; }
.item-button:hover { background: #f3f6fa; }
.badge { align-self: flex-start; background: var(--danger); color: #fff; border-radius: 10px; padding: 0 8px; font-size: 0.75rem; font-weight: 600; white-space: nowrap; }
.tag { display: inline-block; font-size: 0.78rem; font-weight: 600; padding: 1px 8px; border-radius: 10px; background: #eef1f5; color: #39414d; }
.tag-active { background: #e3f4e7; color: var(--ok); }
.tag-queued { background: var(--warn-soft); color: var(--warn); }
.tag-closed { background: #eceef1; color: var(--muted); }

.pane { min-width: 0; min-height: 0; display: flex; flex-direction: column; }
.placeholder { margin: auto; color: var(--muted); text-align: center; padding: 24px; }
.case { flex: 1; min-height: 0; display: flex; flex-direction: column; }
.case-header { display: flex; flex-wrap: wrap; align-items: flex-start; justify-content: space-between; gap: 12px; padding: 14px 20px; background: var(--panel); border-bottom: 1px solid var(--line); }
.case-title { display: flex; flex-direction: column; gap: 6px; min-width: 0; }
.case-title h2 { font-size: 1.2rem; overflow-wrap: anywhere; }
.case-meta { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; font-size: 0.88rem; color: var(--muted); }
.case-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.case-actions form { display: flex; align-items: center; gap: 6px; }
.case-actions label { font-weight: 400; font-size: 0.85rem; color: var(--muted); }
.case-actions select { padding: 4px 8px; font-size: 0.88rem; }
.watch { display: flex; align-items: center; gap: 10px; padding: 8px 20px; background: var(--accent-soft); color: var(--accent-dark); font-size: 0.9rem; border-bottom: 1px solid #c6d7ea; }
.closed-note { margin: 0; padding: 8px 20px; background: #eceef1; color: #39414d; font-size: 0.9rem; border-bottom: 1px solid var(--line); }
.handback { display: flex; flex-direction: column; gap: 6px; padding: 12px 20px; background: #fbfbfc; border-bottom: 1px solid var(--line); }
.handback textarea { resize: vertical; min-height: 56px; }
.handback .row { display: flex; gap: 8px; }

.case-body { flex: 1; min-height: 0; display: grid; grid-template-columns: 1fr minmax(220px, 300px); }
.transcript-box { overflow-y: auto; padding: 16px 20px; min-height: 0; }
.transcript-box h3, .summary-box h3 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin-bottom: 10px; }
.transcript { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 10px; }
.line { max-width: 78%; padding: 8px 12px; border-radius: 10px; border: 1px solid var(--line); background: #fff; }
.line-candidate { align-self: flex-start; background: #fff; }
.line-bot { align-self: flex-start; background: #f1f3f6; border-color: #e1e5ea; }
.line-agent { align-self: flex-end; background: var(--accent-soft); border-color: #c6d7ea; }
.line-system { align-self: center; max-width: 90%; background: none; border: 1px dashed #c4cad3; color: var(--muted); font-size: 0.88rem; text-align: center; }
.line-failed { border: 2px solid var(--danger); background: var(--danger-soft); }
.line-meta { display: flex; gap: 10px; align-items: baseline; font-size: 0.78rem; color: var(--muted); margin-bottom: 2px; }
.line-system .line-meta { justify-content: center; }
.line-who { font-weight: 600; color: #39414d; }
.line-text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.line-failure { margin: 6px 0 0; font-size: 0.85rem; font-weight: 600; color: var(--danger); }
.warning-icon { font-size: 1rem; }
.summary-box { border-left: 1px solid var(--line); background: #fbfbfc; padding: 16px; overflow-y: auto; font-size: 0.9rem; }
.summary-list { margin: 0; }
.summary-list dt { font-size: 0.78rem; font-weight: 600; color: var(--muted); margin-top: 10px; }
.summary-list dt:first-child { margin-top: 0; }
.summary-list dd { margin: 1px 0 0; overflow-wrap: anywhere; }
.summary-sub { font-size: 0.78rem; font-weight: 600; color: var(--muted); margin: 10px 0 2px; }
.facts { margin: 0; padding-left: 18px; }
.fact-label { color: #39414d; }
.verified { margin: 12px 0 0; }
.verified-yes strong { color: var(--ok); }
.verified-no strong { color: var(--warn); }

.composer { border-top: 1px solid var(--line); background: var(--panel); padding: 12px 20px; display: flex; flex-direction: column; gap: 6px; }
.composer textarea { width: 100%; resize: vertical; min-height: 64px; max-height: 40vh; }
.composer .row { display: flex; justify-content: space-between; align-items: center; gap: 12px; font-size: 0.82rem; color: var(--muted); }
.composer .over { color: var(--danger); font-weight: 600; }

.audit { flex: 1; min-height: 0; overflow: auto; padding: 16px 20px; }
.audit-head { display: flex; align-items: center; justify-content: space-between; margin-bottom: 8px; }
.audit table { width: 100%; border-collapse: collapse; background: #fff; font-size: 0.88rem; }
.audit th, .audit td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
.audit th { background: #f1f3f6; font-weight: 600; }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.82rem; }

@media (max-width: 900px) {
  .desk { grid-template-columns: 1fr; grid-template-rows: auto 1fr; }
  .lists { max-height: 40vh; border-right: none; border-bottom: 1px solid var(--line); }
  .case-body { grid-template-columns: 1fr; }
  .summary-box { border-left: none; border-top: 1px solid var(--line); order: -1; max-height: 30vh; }
}
`;

const shortHash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 12);

/** Short content hash of the console script, so a new deployment changes its URL. */
export const consoleScriptVersion = shortHash(consoleScript);
/** The same for the stylesheet. */
export const consoleStylesVersion = shortHash(consoleStyles);

/** The console page. Static: everything about cases comes from the API after sign-in. */
export function consoleHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Staff console · Candidate Assistant</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/staff/console.css?v=${consoleStylesVersion}">
<script src="/staff/console.js?v=${consoleScriptVersion}" defer></script>
</head>
<body>
<header class="topbar">
  <h1><span class="product">Candidate Assistant</span> · Staff console</h1>
  <div id="session-bar" class="session" hidden>
    <span id="live-status" class="live live-connecting" role="status">Connecting…</span>
    <span>Signed in as <strong id="signed-in-as"></strong></span>
    <button id="audit-open" class="btn btn-small" type="button" hidden>Audit log</button>
    <button id="sign-out" class="btn btn-small" type="button">Sign out</button>
  </div>
</header>
<div id="banner" class="banner banner-error" role="alert" hidden>
  <span id="banner-text"></span>
  <button id="banner-dismiss" type="button" aria-label="Dismiss message">×</button>
</div>
<div id="announcer" class="sr-only" aria-live="polite" aria-atomic="true"></div>

<main id="login-view" class="login" hidden>
  <form id="login-form" method="post" action="/staff/api/login" novalidate aria-labelledby="login-heading">
    <h2 id="login-heading">Sign in</h2>
    <p class="intro">For ASE support staff. Use your staff account.</p>
    <p id="login-error" class="form-error" role="alert" hidden></p>
    <div class="field">
      <label for="login-username">Username</label>
      <input id="login-username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required>
    </div>
    <div class="field">
      <label for="login-password">Password</label>
      <input id="login-password" name="password" type="password" autocomplete="current-password" required>
    </div>
    <button id="login-submit" class="btn btn-primary" type="submit">Sign in</button>
  </form>
</main>

<div id="desk-view" class="desk" hidden>
  <nav id="lists" class="lists" aria-label="Conversations">
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading" tabindex="-1">Queue <span id="queue-count" class="count"></span></h2>
      <ul id="queue-list" aria-labelledby="queue-heading"></ul>
      <p id="queue-empty" class="empty">No one is waiting.</p>
    </section>
    <section aria-labelledby="mine-heading">
      <h2 id="mine-heading">My conversations <span id="mine-count" class="count"></span></h2>
      <ul id="mine-list" aria-labelledby="mine-heading"></ul>
      <p id="mine-empty" class="empty">You have no open conversations.</p>
    </section>
    <section id="others-section" aria-labelledby="others-heading" hidden>
      <h2 id="others-heading">Other agents' conversations <span id="others-count" class="count"></span></h2>
      <ul id="others-list" aria-labelledby="others-heading"></ul>
      <p id="others-empty" class="empty">No other agent has a conversation.</p>
    </section>
  </nav>

  <main id="pane" class="pane">
    <p id="case-placeholder" class="placeholder">Claim a conversation from the queue, or open one of yours.</p>

    <article id="case-view" class="case" aria-labelledby="case-topic" hidden>
      <header class="case-header">
        <div class="case-title">
          <h2 id="case-topic" tabindex="-1"></h2>
          <div id="case-meta" class="case-meta"></div>
        </div>
        <div class="case-actions">
          <div id="case-actions" class="case-actions" hidden>
            <form id="transfer-form">
              <label for="transfer-select">Transfer to</label>
              <select id="transfer-select"></select>
              <button id="transfer-submit" class="btn btn-small" type="submit">Transfer</button>
            </form>
            <button id="handback-open" class="btn btn-small" type="button" aria-controls="handback-form">Hand back to bot</button>
            <button id="end-case" class="btn btn-small btn-danger" type="button">End conversation</button>
          </div>
          <button id="case-close" class="btn btn-small btn-link" type="button">Close</button>
        </div>
      </header>
      <form id="handback-form" class="handback" hidden>
        <label for="handback-note">Note for the record (optional)</label>
        <textarea id="handback-note" rows="2" maxlength="500" aria-describedby="handback-hint"></textarea>
        <span id="handback-hint" class="sr-only">The candidate is told the bot will answer again. Up to 500 characters.</span>
        <div class="row">
          <button id="handback-submit" class="btn btn-small btn-primary" type="submit">Hand back</button>
          <button id="handback-cancel" class="btn btn-small" type="button">Cancel</button>
        </div>
      </form>
      <div id="watch-actions" class="watch" hidden>
        <span id="watch-note"></span>
        <button id="watch-claim" class="btn btn-small btn-primary" type="button" data-testid="watch-claim">Take over</button>
      </div>
      <p id="case-closed" class="closed-note" role="status" hidden></p>
      <div class="case-body">
        <section id="transcript-box" class="transcript-box" aria-labelledby="transcript-heading">
          <h3 id="transcript-heading">Transcript</h3>
          <ol id="transcript" class="transcript" aria-labelledby="transcript-heading"></ol>
          <p id="transcript-empty" class="empty" hidden>No messages yet.</p>
        </section>
        <aside id="summary-box" class="summary-box" aria-labelledby="summary-heading">
          <h3 id="summary-heading">Summary</h3>
          <div id="summary"></div>
        </aside>
      </div>
      <form id="reply-form" class="composer" hidden>
        <label for="reply-text">Reply to the candidate</label>
        <textarea id="reply-text" rows="3" maxlength="2000" aria-describedby="reply-hint"></textarea>
        <div class="row">
          <span id="reply-hint">Enter sends · Shift+Enter adds a line · <span id="reply-count">0 / 2000</span></span>
          <button id="reply-send" class="btn btn-primary" type="submit">Send</button>
        </div>
      </form>
    </article>

    <section id="audit-view" class="audit" aria-labelledby="audit-heading" hidden>
      <div class="audit-head">
        <h2 id="audit-heading" tabindex="-1">Audit log</h2>
        <button id="audit-close" class="btn btn-small" type="button">Back to conversations</button>
      </div>
      <p id="audit-status" role="status"></p>
      <table>
        <thead><tr><th scope="col">Time</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Case</th><th scope="col">Detail</th></tr></thead>
        <tbody id="audit-rows"></tbody>
      </table>
    </section>
  </main>
</div>
<noscript><p class="placeholder">The staff console needs JavaScript.</p></noscript>
</body>
</html>
`;
}

/** The console's Content-Security-Policy: script, style and connections from this server only. */
export function consoleSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
