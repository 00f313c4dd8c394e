// @ts-check
/**
 * The staff console in the browser: sign-in, the queue and the agent's conversations, one open
 * case with its transcript, the case actions and the supervisors' audit log. Plain ES modules, no
 * framework, no build step; tsc checks it (checkJs) and ESLint lints it.
 *
 * Everything the server sends (topics, transcript text written by candidates, names) reaches the
 * page through textContent and createElement: nothing here parses server data as HTML.
 */
import { api, asApiError, casePath, errorText, onSignedOut, setCsrf, API } from './api.js';
import { $, button, buttonEl, clear, el, inlineMarkdown, input, nextId, select, textArea } from './dom.js';
import { attachCannedPicker } from './canned.js';
import { askNotificationPermission, badgeTitle, notificationPermission, playTone, rememberSound, showDesktopNotice, soundWanted, unlockSound } from './notify.js';
import { barChart, clearCharts, dayChart } from './charts.js';
import { channelLabel, closedByText, counted, languageLabel, parseDate, PARTIES, reasonLabel, statusLabel, timeElement, waitingText, whenText } from './format.js';

/** @typedef {import('../../types.js').CaseView} CaseView */
/** @typedef {import('../../types.js').TranscriptLine} TranscriptLine */
/** @typedef {import('../../types.js').StaffUser} StaffUser */
/** @typedef {import('./api.js').ApiError} ApiError */
const REFRESH_MS = 30000;
const DEBOUNCE_MS = 250;
const MAX_REPLY = 2000;
/** What two SMS segments hold in plain (GSM-7) text: src/channels/sms/renderSms.ts SHORT_SEGMENTS. */
const SMS_SHORT_CHARS = 306;
const MAX_NOTE = 500;
const TO_QUEUE = '__queue__';
/** Queued cases shown at first, added by "Show more", and the most the server gives in one page. */
const QUEUE_PAGE = 50;
const MAX_PAGE = 200;

/**
 * @typedef {{ queued: CaseView[], mine: CaseView[], others: CaseView[], waiting: number, matching: number, more: number }} CaseLists
 * @typedef {{
 *   user: StaffUser | null,
 *   agents: StaffUser[],
 *   names: Record<string, string>,
 *   lists: CaseLists,
 *   queueShown: number,
 *   listsAt: number,
 *   knownQueued: string[] | null,
 *   knownAll: boolean,
 *   knownWaiting: number,
 *   openId: string | null,
 *   openCase: CaseView | null,
 *   loadingCase: boolean,
 *   pendingLines: TranscriptLine[],
 *   lineEls: Map<string, HTMLElement>,
 *   unread: Record<string, number>,
 *   events: EventSource | null,
 *   eventsRetry: number | undefined,
 *   refreshTimer: number | undefined,
 *   caseTimer: number | undefined,
 *   openCaseChanged: boolean,
 *   pollTimer: number | undefined,
 *   view: 'case' | 'audit' | 'history' | 'insights',
 *   unseenInOpenCase: number,
 *   canned: import('./canned.js').CannedReply[],
 *   baseTitle: string
 * }} ConsoleState
 */

/** @type {ConsoleState} */
const state = {
  user: null,
  agents: [],
  names: {},
  lists: { queued: [], mine: [], others: [], waiting: 0, matching: 0, more: 0 },
  queueShown: QUEUE_PAGE,
  listsAt: 0,
  knownQueued: null,
  knownAll: true,
  knownWaiting: 0,
  openId: null,
  openCase: null,
  loadingCase: false,
  pendingLines: [],
  lineEls: new Map(),
  unread: {},
  events: null,
  eventsRetry: undefined,
  refreshTimer: undefined,
  caseTimer: undefined,
  openCaseChanged: false,
  pollTimer: undefined,
  view: 'case',
  unseenInOpenCase: 0,
  canned: [],
  baseTitle: document.title
};

/** @param {string | undefined} username */
function personName(username) {
  if (!username) return '';
  if (state.user && username === state.user.username) return state.names[username] ? state.names[username] + ' (you)' : 'You';
  return state.names[username] || username;
}


/** @param {CaseView} view */
function waitedNow(view) {
  const since = state.listsAt ? (Date.now() - state.listsAt) / 1000 : 0;
  return (Number(view.waitingSeconds) || 0) + since;
}

// ---- Notices ----------------------------------------------------------------------------

/**
 * @param {string} text
 * @param {'error' | 'info'} [kind]
 */
function showBanner(text, kind) {
  const banner = $('banner');
  $('banner-text').textContent = text;
  banner.className = 'banner banner-' + (kind || 'error');
  banner.setAttribute('role', kind === 'info' ? 'status' : 'alert');
  banner.hidden = false;
}
function hideBanner() { $('banner').hidden = true; $('banner-text').textContent = ''; }

/**
 * Shows an API failure; a lost session has already sent the viewer back to sign in.
 * @param {ApiError} err
 */
function report(err) {
  if (err && err.status === 401) return;
  showBanner(errorText(err), 'error');
}

/** @param {string} text */
function announce(text) {
  const region = $('announcer');
  region.textContent = '';
  // A fresh text node each time, so screen readers announce a repeated message too.
  window.setTimeout(function () { region.textContent = text; }, 50);
}

// ---- Signing in and out ------------------------------------------------------------------

/** @param {string} [message] */
function showLogin(message) {
  $('desk-view').hidden = true;
  $('session-bar').hidden = true;
  $('login-view').hidden = false;
  const error = $('login-error');
  if (message) { error.textContent = message; error.hidden = false; } else { error.textContent = ''; error.hidden = true; }
  input('login-password').value = '';
  buttonEl('login-submit').disabled = false;
  window.setTimeout(function () { (input('login-username').value ? input('login-password') : input('login-username')).focus(); }, 0);
}

function stopLive() {
  if (state.events) { state.events.close(); state.events = null; }
  window.clearTimeout(state.eventsRetry);
  window.clearTimeout(state.refreshTimer);
  window.clearTimeout(state.caseTimer);
  window.clearInterval(state.pollTimer);
  state.pollTimer = undefined;
}

/** @param {string} [message] */
function signedOut(message) {
  const wasIn = Boolean(state.user);
  stopLive();
  state.user = null;
  setCsrf(null);
  state.agents = [];
  state.names = {};
  state.lists = { queued: [], mine: [], others: [], waiting: 0, matching: 0, more: 0 };
  state.queueShown = QUEUE_PAGE;
  state.knownQueued = null;
  state.unread = {};
  closeCase();
  updateBadge();
  hideBanner();
  showLogin(wasIn ? message : undefined);
}

/** @param {ApiError} err */
function loginFailure(err) {
  if (err.status === 429) {
    const seconds = Number(err.body.retryAfterSeconds) || err.retryAfter || 60;
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    return 'Too many attempts, try again in ' + minutes + (minutes === 1 ? ' minute' : ' minutes') + '.';
  }
  if (err.status === 401) return 'Wrong username or password.';
  if (err.status === 400) return 'Enter your username and password.';
  return errorText(err);
}

/** @param {SubmitEvent} event */
async function onLogin(event) {
  event.preventDefault();
  const username = input('login-username').value.trim();
  const password = input('login-password').value;
  const error = $('login-error');
  if (!username || !password) {
    error.textContent = 'Enter your username and password.';
    error.hidden = false;
    (username ? input('login-password') : input('login-username')).focus();
    return;
  }
  buttonEl('login-submit').disabled = true;
  error.hidden = true;
  try {
    const session = await api('POST', '/login', { username: username, password: password });
    signedIn(session);
  } catch (caught) {
    const err = asApiError(caught);
    error.textContent = loginFailure(err);
    error.hidden = false;
    input('login-password').value = '';
    input('login-password').focus();
  } finally {
    buttonEl('login-submit').disabled = false;
  }
}

async function onLogout() {
  try { await api('POST', '/logout', {}); } catch { /* signed out either way */ }
  signedOut();
}

/** @param {{ user: StaffUser, csrfToken: string }} session */
function signedIn(session) {
  state.user = session.user;
  setCsrf(session.csrfToken);
  state.names = {};
  state.names[session.user.username] = session.user.name;
  $('login-view').hidden = true;
  input('login-password').value = '';
  $('desk-view').hidden = false;
  $('session-bar').hidden = false;
  const role = session.user.role;
  $('signed-in-as').textContent = session.user.name + ' (' + (role === 'supervisor' || role === 'editor' ? role : 'agent') + ')';
  $('others-section').hidden = role !== 'supervisor';
  $('audit-open').hidden = role !== 'supervisor';
  $('insights-open').hidden = role !== 'supervisor' && role !== 'editor';
  if (role === 'editor') {
    // Editors work on what the bot knows, not on cases: insights only.
    $('desk-view').classList.add('editor');
    ['history-open', 'agent-status', 'notify-enable', 'notify-state', 'insights-close', 'live-status'].forEach(function (id) { $(id).hidden = true; });
    $('sound-toggle').closest('label')?.setAttribute('hidden', '');
    openInsights();
    return;
  }
  $('desk-view').classList.remove('editor');
  ['history-open', 'agent-status', 'insights-close', 'live-status'].forEach(function (id) { $(id).hidden = false; });
  $('sound-toggle').closest('label')?.removeAttribute('hidden');
  renderNotifyControls();
  // Opening the console is sitting down at the desk: available until the agent says otherwise.
  select('agent-status').value = 'available';
  void setAgentStatus();
  showView('case');
  startLive();
  loadAgents();
  loadCannedReplies();
  loadCases();
  state.pollTimer = window.setInterval(function () { loadCases(); }, REFRESH_MS);
  $('queue-heading').focus();
}

async function checkSession() {
  try {
    const session = await api('GET', '/session');
    signedIn(session);
  } catch (caught) {
    const err = asApiError(caught);
    if (err.status === 401) showLogin();
    else { showLogin(); showBanner(errorText(err), 'error'); }
  }
}

// ---- Live updates ---------------------------------------------------------------------------

/** @param {'on' | 'off' | 'connecting'} kind */
function setLive(kind) {
  const live = $('live-status');
  live.className = 'live live-' + kind;
  live.textContent = kind === 'on' ? 'Live' : kind === 'off' ? 'Offline' : 'Reconnecting\u2026';
}

/**
 * @param {MessageEvent} event
 * @returns {any}
 */
function parseData(event) {
  try { return JSON.parse(event.data); } catch { return null; }
}

function startLive() {
  if (state.events) state.events.close();
  setLive('connecting');
  const source = new EventSource(API + '/events');
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
        try {
          await api('GET', '/session');
        } catch (caught) {
          if (asApiError(caught).status === 401) { signedOut('Your session has ended. Please sign in again.'); return; }
        }
        if (state.user) { startLive(); loadCases(); }
      }, 5000);
    } else {
      setLive('connecting');
    }
  };
  source.addEventListener('case', function (event) {
    const data = parseData(event);
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
    const data = parseData(event);
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
  const all = state.lists.mine.concat(state.lists.queued, state.lists.others);
  for (let i = 0; i < all.length; i++) {
    const c = /** @type {CaseView} */ (all[i]);
    if (c.id !== state.openId) continue;
    state.openCase = c;
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

/**
 * @param {string} caseId
 * @param {TranscriptLine} line
 */
function onLine(caseId, line) {
  if (caseId === state.openId) {
    if (state.loadingCase) { state.pendingLines.push(line); return; }
    const added = upsertLine(line);
    if (added && line.from === 'candidate') {
      announce('New message from the candidate: ' + line.text);
      // Another tab or window is in front: count it in the title and tell the agent.
      if (document.hidden) { state.unseenInOpenCase += 1; updateBadge(); alertNewMessage(caseId, line); }
    }
    return;
  }
  if (line.from === 'candidate' && isMine(caseId)) {
    state.unread[caseId] = (state.unread[caseId] || 0) + 1;
    renderLists();
    announce('New message from a candidate in ' + topicOf(caseId) + '.');
    alertNewMessage(caseId, line);
  }
}

// ---- Notifications ------------------------------------------------------------------------------

/** Waiting cases plus unread candidate messages, in the tab's title. */
function updateBadge() {
  let unread = state.unseenInOpenCase;
  Object.keys(state.unread).forEach(function (id) { unread += state.unread[id] || 0; });
  document.title = badgeTitle(state.baseTitle, state.user ? state.lists.waiting + unread : 0);
}

/** @param {CaseView[]} fresh */
function alertNewCases(fresh) {
  fresh.forEach(function (c) {
    showDesktopNotice({
      title: 'New case waiting' + (c.caseNumber ? ' \u2013 ' + c.caseNumber : ''),
      body: (c.topic || 'Conversation') + ' (' + channelLabel(c.channel) + ')',
      tag: 'case-' + c.id
    });
  });
  if (soundWanted()) playTone();
}

/** Cases joined behind the page shown (their details are on later pages). @param {number} joined */
function alertJoined(joined) {
  showDesktopNotice({
    title: joined === 1 ? 'New case waiting' : joined + ' new cases waiting',
    body: state.lists.waiting + ' waiting in all',
    tag: 'queue-joined'
  });
  if (soundWanted()) playTone();
}

/**
 * A candidate wrote in one of the agent's conversations that they are not looking at.
 * @param {string} caseId
 * @param {TranscriptLine} line
 */
function alertNewMessage(caseId, line) {
  const c = state.lists.mine.find(function (m) { return m.id === caseId; });
  const text = String(line.text || '');
  showDesktopNotice({
    title: 'New message' + (c && c.caseNumber ? ' \u2013 ' + c.caseNumber : ''),
    // Transcript text is already masked by the server; kept short for a notice.
    body: text.length > 120 ? text.slice(0, 117) + '...' : text,
    tag: 'line-' + caseId,
    onClick: function () { void openCase(caseId); }
  });
  if (soundWanted()) playTone();
}

function renderNotifyControls() {
  const permission = notificationPermission();
  buttonEl('notify-enable').hidden = permission !== 'default';
  const stateText = $('notify-state');
  stateText.hidden = permission === 'default';
  stateText.textContent = permission === 'granted' ? 'Desktop notifications on' : permission === 'denied' ? 'Desktop notifications blocked in this browser' : 'No desktop notifications in this browser';
  input('sound-toggle').checked = soundWanted();
}

/** Available or away: counted (or not) in the wait the queue tells candidates. */
async function setAgentStatus() {
  const chosen = select('agent-status').value;
  try {
    await api('POST', '/presence', { status: chosen });
    if (chosen === 'away') announce('You are away: the queue no longer counts you in its wait estimate.');
  } catch (caught) {
    report(asApiError(caught));
  }
}

async function enableNotifications() {
  await askNotificationPermission();
  renderNotifyControls();
}

function onSoundToggle() {
  const on = input('sound-toggle').checked;
  rememberSound(on);
  // The click that turns sound on is what lets the browser play it later.
  if (on) { unlockSound(); playTone(); }
}

/** @param {string} caseId */
function isMine(caseId) {
  return state.lists.mine.some(function (c) { return c.id === caseId; });
}
/** @param {string} caseId */
function topicOf(caseId) {
  const all = state.lists.mine.concat(state.lists.queued, state.lists.others);
  const found = all.find(function (c) { return c.id === caseId; });
  if (found) return found.topic;
  return 'a conversation';
}

// ---- Lists --------------------------------------------------------------------------------

/** The canned replies ("/" in the reply box); without them the box works as before. */
async function loadCannedReplies() {
  try {
    const data = await api('GET', '/canned-replies');
    state.canned = Array.isArray(data.replies) ? data.replies : [];
  } catch (caught) {
    report(asApiError(caught));
  }
}

async function loadAgents() {
  try {
    const data = await api('GET', '/agents');
    state.agents = Array.isArray(data.agents) ? data.agents : [];
    state.agents.forEach(function (a) { state.names[a.username] = a.name; });
    renderTransferOptions();
    renderLists();
    if (state.openCase) renderCaseHeader();
  } catch (caught) {
    const err = asApiError(caught);
    report(err);
  }
}

async function loadCases() {
  if (!state.user) return;
  try {
    // The first queueShown cases in line (of the language picked), in pages of at most MAX_PAGE.
    const language = select('queue-language').value;
    /** @type {CaseView[]} */
    let queued = [];
    let data;
    do {
      const limit = Math.min(MAX_PAGE, state.queueShown - queued.length);
      data = await api('GET', '/cases?limit=' + limit + '&offset=' + queued.length + (language ? '&language=' + encodeURIComponent(language) : ''));
      queued = queued.concat(data.queued || []);
    } while (queued.length < state.queueShown && data.nextOffset !== undefined && (data.queued || []).length > 0);
    const matching = language ? Number(data.waitingInLanguage) || 0 : Number(data.waiting) || 0;
    state.lists = { queued: queued, mine: data.mine || [], others: data.others || [], waiting: Number(data.waiting) || 0, matching: matching, more: Math.max(0, matching - queued.length) };
    state.listsAt = Date.now();
    const ids = state.lists.queued.map(function (c) { return c.id; });
    if (state.knownQueued && state.knownAll) {
      // The last read showed the whole line: a case not seen then has just joined (or was put back).
      const known = state.knownQueued;
      const fresh = state.lists.queued.filter(function (c) { return known.indexOf(c.id) < 0; });
      if (fresh.length === 1 && fresh[0]) announce('New in the queue: ' + fresh[0].topic + '.');
      else if (fresh.length > 1) announce(fresh.length + ' new conversations in the queue.');
      if (fresh.length) alertNewCases(fresh);
    } else if (state.knownQueued && state.lists.waiting > state.knownWaiting) {
      // Only a page was shown: cases moving up into it are not new, so the count says who joined
      // (those claimed meanwhile make it low, never high).
      const joined = state.lists.waiting - state.knownWaiting;
      announce(joined === 1 ? 'One new conversation in the queue.' : joined + ' new conversations in the queue.');
      alertJoined(joined);
    }
    state.knownQueued = ids;
    state.knownAll = state.lists.more === 0;
    state.knownWaiting = state.lists.waiting;
    Object.keys(state.unread).forEach(function (id) { if (!isMine(id)) delete state.unread[id]; });
    renderLists();
  } catch (caught) {
    const err = asApiError(caught);
    report(err);
  }
}

/** Which button had focus, so a re-render (every 30 s) does not drop the keyboard user's place. */
function focusKey() {
  const active = document.activeElement;
  if (!active || !active.closest) return null;
  const item = active.closest('[data-case-id]');
  if (!item || !$('lists').contains(item)) return null;
  return { id: item.getAttribute('data-case-id'), action: active.getAttribute('data-action') };
}
/** @param {{ id: string | null, action: string | null } | null} key */
function restoreFocus(key) {
  if (!key) return;
  const items = $('lists').querySelectorAll('[data-case-id]');
  for (let i = 0; i < items.length; i++) {
    const item = /** @type {Element} */ (items[i]);
    if (item.getAttribute('data-case-id') !== key.id) continue;
    const target = item.querySelector('[data-action="' + key.action + '"]');
    if (target instanceof HTMLElement) { target.focus(); return; }
  }
}

function renderLists() {
  if (!state.user) return;
  const key = focusKey();
  const supervisor = state.user.role === 'supervisor';
  const language = select('queue-language').value;
  // The server sends the page of the language picked: the list is shown as it came.
  renderList('queue', state.lists.queued, function (c) { return queueItem(c, supervisor); });
  $('queue-count').textContent = state.lists.waiting ? String(state.lists.waiting) : '';
  $('queue-empty').textContent = language && state.lists.waiting ? 'No one is waiting in ' + languageLabel(language) + '.' : 'No one is waiting.';
  $('queue-more').hidden = state.lists.more === 0;
  $('queue-more-text').textContent = state.lists.more + ' more waiting.';
  renderList('mine', state.lists.mine, mineItem);
  if (supervisor) renderList('others', state.lists.others, othersItem);
  restoreFocus(key);
  updateBadge();
}

/**
 * @param {'queue' | 'mine' | 'others'} name
 * @param {CaseView[]} cases
 * @param {(c: CaseView) => HTMLElement} make
 */
function renderList(name, cases, make) {
  const list = $(name + '-list');
  clear(list);
  cases.forEach(function (c) { list.appendChild(make(c)); });
  $(name + '-empty').hidden = cases.length > 0;
  $(name + '-count').textContent = cases.length ? String(cases.length) : '';
}

/**
 * @param {CaseView} c
 * @param {string} testid
 */
function itemBase(c, testid) {
  const li = el('li', 'item');
  li.setAttribute('data-testid', testid);
  li.setAttribute('data-case-id', c.id);
  if (c.id === state.openId) li.classList.add('item-open');
  return li;
}

/** @type {Record<string, string>} */
const PRESENCE = { here: 'Candidate here', idle: 'Candidate idle', left: 'Candidate left the chat' };

/** Whether the candidate is still there (open cases). @param {string} presence */
function presenceTag(presence) {
  const tag = el('span', 'presence presence-' + presence, PRESENCE[presence] || presence);
  tag.setAttribute('data-testid', 'presence');
  tag.setAttribute('data-presence', presence);
  return tag;
}

/** The conversation's language ("Spanish"): who can best take it. @param {string | undefined} language */
function languageTag(language) {
  const tag = el('span', 'tag tag-language', languageLabel(language));
  tag.setAttribute('data-testid', 'case-language');
  tag.setAttribute('data-language', language || 'en');
  return tag;
}

/** The case's short number, for people to quote ("C-1042"). @param {string} caseNumber */
function caseNumberTag(caseNumber) {
  const tag = el('span', 'tag tag-number', caseNumber);
  tag.setAttribute('data-testid', 'case-number');
  return tag;
}

/**
 * @param {CaseView} c
 * @param {boolean} withOwner
 */
function itemBody(c, withOwner) {
  const body = el('div', 'item-body');
  const topic = el('span', 'item-topic', c.topic || 'Conversation');
  topic.id = nextId('topic');
  body.appendChild(topic);
  const meta = el('span', 'item-meta');
  if (c.caseNumber) meta.appendChild(caseNumberTag(c.caseNumber));
  meta.appendChild(el('span', 'tag', channelLabel(c.channel)));
  meta.appendChild(languageTag(c.language));
  if (c.presence) meta.appendChild(presenceTag(c.presence));
  const waited = waitingText(waitedNow(c));
  meta.appendChild(el('span', 'item-wait', c.status === 'queued' ? 'waiting ' + waited : 'queued ' + waited + ' ago'));
  body.appendChild(meta);
  if (withOwner && c.owner) body.appendChild(el('span', 'item-owner', 'With ' + personName(c.owner)));
  // The topic is often the reason itself ("Asked for a person"): say it once.
  const reason = reasonLabel(c.reason);
  if (c.reason && reason.toLowerCase() !== String(c.topic || '').toLowerCase()) body.appendChild(el('span', 'item-reason', reason));
  if (c.replyBy) body.appendChild(el('span', 'item-after-hours', 'after hours \u2013 reply by ' + whenText(c.replyBy)));
  return { body: body, topicId: topic.id };
}

/**
 * @param {string} text
 * @param {string} action
 * @param {string} testid
 * @param {string} [describedBy]
 * @param {string} [className]
 */
function actionButton(text, action, testid, describedBy, className) {
  const b = button(text, className || 'btn btn-small', testid);
  b.setAttribute('data-action', action);
  if (describedBy) b.setAttribute('aria-describedby', describedBy);
  return b;
}

/**
 * @param {CaseView} c
 * @param {boolean} supervisor
 */
function queueItem(c, supervisor) {
  const li = itemBase(c, 'queue-item');
  const parts = itemBody(c, false);
  li.appendChild(parts.body);
  const actions = el('div', 'item-actions');
  const claim = actionButton('Claim', 'claim', 'claim', parts.topicId, 'btn btn-small btn-primary');
  claim.addEventListener('click', function () { claimCase(c.id, claim); });
  actions.appendChild(claim);
  if (supervisor) {
    const watch = actionButton('Watch', 'watch', 'watch', parts.topicId);
    watch.addEventListener('click', function () { openCase(c.id); });
    actions.appendChild(watch);
  }
  li.appendChild(actions);
  return li;
}

/** @param {CaseView} c */
function mineItem(c) {
  const li = itemBase(c, 'mine-item');
  const open = el('button', 'item-button');
  open.type = 'button';
  open.setAttribute('data-action', 'open');
  if (c.id === state.openId) open.setAttribute('aria-current', 'true');
  const parts = itemBody(c, false);
  open.appendChild(parts.body);
  const unread = state.unread[c.id];
  if (unread) open.appendChild(el('span', 'badge', unread + ' new'));
  open.addEventListener('click', function () { openCase(c.id); });
  li.appendChild(open);
  return li;
}

/** @param {CaseView} c */
function othersItem(c) {
  const li = itemBase(c, 'others-item');
  const parts = itemBody(c, true);
  li.appendChild(parts.body);
  const actions = el('div', 'item-actions');
  const watch = actionButton('Watch', 'watch', 'watch', parts.topicId);
  watch.addEventListener('click', function () { openCase(c.id); });
  const take = actionButton('Take over', 'claim', 'takeover', parts.topicId);
  take.addEventListener('click', function () { claimCase(c.id, take); });
  actions.appendChild(watch);
  actions.appendChild(take);
  li.appendChild(actions);
  return li;
}

/**
 * @param {string} id
 * @param {HTMLButtonElement} [trigger]
 */
async function claimCase(id, trigger) {
  if (trigger) trigger.disabled = true;
  try {
    await api('POST', casePath(id, 'claim'), {});
    hideBanner();
    await loadCases();
    await openCase(id);
  } catch (caught) {
    const err = asApiError(caught);
    report(err);
    if (err.status === 409 || err.status === 404) loadCases();
  } finally {
    if (trigger) trigger.disabled = false;
  }
}

// ---- The open case --------------------------------------------------------------------------

/** @param {'case' | 'audit' | 'history' | 'insights'} view */
function showView(view) {
  state.view = view;
  $('audit-view').hidden = view !== 'audit';
  $('history-view').hidden = view !== 'history';
  $('insights-view').hidden = view !== 'insights';
  $('case-view').hidden = view !== 'case' || !state.openId;
  $('case-placeholder').hidden = view !== 'case' || Boolean(state.openId);
}

function closeCase() {
  state.openId = null;
  state.unseenInOpenCase = 0;
  state.openCase = null;
  state.loadingCase = false;
  state.pendingLines = [];
  state.lineEls = new Map();
  clear($('transcript'));
  $('handback-form').hidden = true;
  showView(state.view === 'case' ? 'case' : state.view);
  renderLists();
}

/** @param {string} id */
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
    const data = await api('GET', casePath(id));
    if (state.openId !== id) return;
    state.openCase = data.case;
    state.loadingCase = false;
    renderCaseHeader();
    (data.transcript || []).forEach(/** @param {TranscriptLine} line */ function (line) { upsertLine(line, true); });
    state.pendingLines.splice(0).forEach(function (line) { upsertLine(line); });
    updateTranscriptEmpty();
    scrollTranscript(true);
    $('case-topic').focus();
  } catch (caught) {
    const err = asApiError(caught);
    if (state.openId === id) closeCase();
    report(err);
  }
}

async function refreshOpenCase() {
  const id = state.openId;
  if (!id || state.loadingCase) return;
  try {
    const data = await api('GET', casePath(id));
    if (state.openId !== id) return;
    state.openCase = data.case;
    renderCaseHeader();
    (data.transcript || []).forEach(/** @param {TranscriptLine} line */ function (line) { upsertLine(line); });
    updateTranscriptEmpty();
  } catch (caught) {
    const err = asApiError(caught);
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
  const c = state.openCase;
  return Boolean(c && state.user && c.status === 'active' && c.owner === state.user.username);
}

function renderCaseHeader() {
  const c = state.openCase;
  if (!c) return;
  updateCounter();
  const supervisor = state.user && state.user.role === 'supervisor';
  const mine = ownsOpenCase();
  $('case-topic').textContent = c.topic || 'Conversation';
  const meta = $('case-meta');
  clear(meta);
  if (c.caseNumber) meta.appendChild(caseNumberTag(c.caseNumber));
  meta.appendChild(el('span', 'tag', channelLabel(c.channel)));
  meta.appendChild(languageTag(c.language));
  meta.appendChild(el('span', 'tag tag-status tag-' + c.status, statusLabel(c.status)));
  if (c.presence && c.status !== 'closed') meta.appendChild(presenceTag(c.presence));
  const owner = c.status === 'queued' ? 'Not claimed yet' : c.owner ? (c.status === 'closed' ? 'Handled by ' : 'With ') + personName(c.owner) : 'No agent';
  meta.appendChild(el('span', 'meta-owner', owner));
  if (c.status === 'queued') meta.appendChild(el('span', 'meta-wait', 'waiting ' + waitingText(c.waitingSeconds)));
  if (c.replyBy && c.status !== 'closed') meta.appendChild(el('span', 'meta-after-hours', 'after hours \u2013 reply by ' + whenText(c.replyBy)));
  renderSummary(c);

  $('reply-form').hidden = !mine;
  $('presence-warning').hidden = !(mine && c.presence === 'left');
  $('case-actions').hidden = !(c.status === 'active' && (mine || supervisor));
  const watching = !mine && c.status !== 'closed';
  $('watch-actions').hidden = !watching;
  if (watching) {
    $('watch-note').textContent = c.status === 'queued' ? 'This conversation is waiting in the queue.' : 'You are watching ' + personName(c.owner) + '\'s conversation.';
    buttonEl('watch-claim').textContent = c.status === 'queued' ? 'Claim' : 'Take over';
    buttonEl('watch-claim').hidden = !(c.status === 'queued' || supervisor);
  }
  if (c.status !== 'active') $('handback-form').hidden = true;
  renderTransferOptions();
  const closed = $('case-closed');
  closed.hidden = c.status !== 'closed';
  if (c.status === 'closed') {
    const text = (c.closedBy ? closedByText(c.closedBy, personName(c.owner)) : 'This conversation is closed') + '. The bot answers the candidate again.';
    closed.textContent = text;
  }
}

/**
 * @param {HTMLElement} list
 * @param {string} label
 * @param {string} value
 */
function summaryRow(list, label, value) {
  list.appendChild(el('dt', null, label));
  list.appendChild(el('dd', null, value));
}

/**
 * The addresses and numbers the candidate gave, each a link the agent can use (mail, phone).
 * @param {HTMLElement} list
 * @param {string} contact
 */
function contactRow(list, contact) {
  list.appendChild(el('dt', null, 'Contact the candidate gave'));
  const cell = el('dd');
  cell.setAttribute('data-testid', 'summary-contact');
  contact.split(', ').forEach(function (value, i) {
    if (i) cell.appendChild(document.createTextNode(', '));
    const link = el('a', null, value);
    // Only a mailto: or tel: address is made from the value: never another scheme.
    link.href = value.indexOf('@') >= 0 ? 'mailto:' + encodeURIComponent(value).replace('%40', '@') : 'tel:' + value.replace(/[^\d+]/g, '');
    cell.appendChild(link);
  });
  list.appendChild(cell);
}

/** @param {CaseView} c */
function renderSummary(c) {
  const box = $('summary');
  clear(box);
  const s = c.summary || { verified: false };
  const list = el('dl', 'summary-list');
  summaryRow(list, 'Reason', reasonLabel(c.reason));
  if (s.firstName) summaryRow(list, 'First name', s.firstName);
  if (s.question) summaryRow(list, 'Question', s.question);
  if (s.dialog) summaryRow(list, 'Task', s.dialog);
  if (c.contact) contactRow(list, c.contact);
  else if (c.contactGiven) summaryRow(list, 'Contact', 'Given (shown to whoever claims the case)');
  summaryRow(list, 'Queued', whenText(c.queuedAt));
  if (c.note) summaryRow(list, 'Hand-back note', c.note);
  box.appendChild(list);
  if (Array.isArray(s.facts) && s.facts.length) {
    box.appendChild(el('h4', 'summary-sub', 'Facts'));
    const facts = el('ul', 'facts');
    s.facts.forEach(function (f) {
      const li = el('li');
      li.appendChild(el('span', 'fact-label', f.label + ': '));
      li.appendChild(el('span', 'fact-value', f.value));
      facts.appendChild(li);
    });
    box.appendChild(facts);
  }
  const verified = el('p', 'verified ' + (s.verified ? 'verified-yes' : 'verified-no'));
  verified.setAttribute('data-testid', 'summary-verified');
  verified.appendChild(document.createTextNode('Account verified: '));
  verified.appendChild(el('strong', null, s.verified ? 'yes' : 'no'));
  box.appendChild(verified);
}

function renderTransferOptions() {
  const list = select('transfer-select');
  const previous = list.value;
  clear(list);
  const placeholder = el('option', null, 'Choose\u2026');
  placeholder.value = '';
  list.appendChild(placeholder);
  const queue = el('option', null, 'Back to the queue');
  queue.value = TO_QUEUE;
  list.appendChild(queue);
  const owner = state.openCase ? state.openCase.owner : undefined;
  state.agents.forEach(function (a) {
    // Not to whoever has it, nor to yourself (a supervisor takes over instead).
    if (a.username === owner || (state.user && a.username === state.user.username)) return;
    const option = el('option', null, a.name + (a.role === 'supervisor' ? ' (supervisor)' : ''));
    option.value = a.username;
    list.appendChild(option);
  });
  list.value = previous;
  if (list.value !== previous) list.value = '';
}

// ---- Transcript -------------------------------------------------------------------------------

/** @param {TranscriptLine} line */
function lineElement(line) {
  const from = PARTIES[line.from] ? line.from : 'system';
  const li = el('li', 'line line-' + from);
  li.setAttribute('data-testid', 'transcript-line');
  li.setAttribute('data-from', String(line.from));
  li.setAttribute('data-line-id', String(line.id));
  if (line.delivery) li.setAttribute('data-delivery', String(line.delivery));
  const meta = el('div', 'line-meta');
  let who = PARTIES[from];
  if (from === 'agent' && line.agent) who = personName(line.agent);
  meta.appendChild(el('span', 'line-who', who));
  meta.appendChild(timeElement(line.at, 'line-time'));
  li.appendChild(meta);
  // The bot's and agents' lines are Markdown, shown as the candidate read them; the candidate's
  // and the system's are plain text.
  const text = el('p', 'line-text');
  if (from === 'bot' || from === 'agent') text.appendChild(inlineMarkdown(String(line.text ?? '')));
  else text.textContent = String(line.text ?? '');
  li.appendChild(text);
  // The buttons the bot offered ("Did you mean one of these?"), which its text does not name.
  if (Array.isArray(line.choices) && line.choices.length) {
    const offered = el('p', 'line-choices', 'Offered: ' + line.choices.map(function (choice, i) { return (i + 1) + '. ' + String(choice); }).join(' \u00b7 '));
    offered.setAttribute('data-testid', 'offered-choices');
    li.appendChild(offered);
  }
  if (line.delivery === 'failed') {
    li.classList.add('line-failed');
    const failure = el('p', 'line-failure');
    failure.setAttribute('data-testid', 'delivery-failure');
    failure.appendChild(el('span', 'warning-icon', '\u26a0'));
    failure.appendChild(document.createTextNode(' Not delivered to the candidate' + (line.failure ? ': ' + line.failure : '.')));
    li.appendChild(failure);
  }
  return li;
}

/** @param {HTMLElement} box */
function nearBottom(box) { return box.scrollHeight - box.scrollTop - box.clientHeight < 80; }
/** @param {boolean} [force] */
function scrollTranscript(force) {
  const box = $('transcript-box');
  if (force || nearBottom(box)) box.scrollTop = box.scrollHeight;
}

/**
 * Adds a line (or replaces one with the same id, say its delivery became known); true when new.
 * @param {TranscriptLine} line
 * @param {boolean} [quiet]
 */
function upsertLine(line, quiet) {
  if (!line || line.id === undefined || line.id === null) return false;
  const id = String(line.id);
  const list = $('transcript');
  const box = $('transcript-box');
  const stick = nearBottom(box);
  const node = lineElement(line);
  const existing = state.lineEls.get(id);
  if (existing) {
    list.replaceChild(node, existing);
    state.lineEls.set(id, node);
    return false;
  }
  // Keep time order: most lines go at the end.
  const at = parseDate(line.at);
  let before = null;
  if (at) {
    for (let child = list.lastElementChild; child; child = child.previousElementSibling) {
      const time = child.querySelector('time');
    const t = time ? parseDate(time.dateTime) : null;
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

/** @param {Event} [event] */
async function sendReply(event) {
  if (event) event.preventDefault();
  const id = state.openId;
  const box = textArea('reply-text');
  const text = box.value.trim();
  if (!id || !text) return;
  if (text.length > MAX_REPLY) { showBanner('A reply can be at most ' + MAX_REPLY + ' characters.', 'error'); return; }
  const send = buttonEl('reply-send');
  send.disabled = true;
  try {
    const data = await api('POST', casePath(id, 'messages'), { text: text });
    if (state.openId === id && data && data.line) upsertLine(data.line);
    box.value = '';
    updateCounter();
  } catch (caught) {
    const err = asApiError(caught);
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

/** When the candidate was last told this agent is typing (per case): at most one notice every 3 s. */
const TYPING_EVERY_MS = 3000;
let typingSentAt = 0;
let typingCase = '';

/** Typing in the reply box of one's own case shows "Alex is typing" in the candidate's chat. */
function noteTyping() {
  const id = state.openId;
  const c = state.openCase;
  if (!id || !c || c.status !== 'active' || !state.user || c.owner !== state.user.username) return;
  if (!textArea('reply-text').value.trim()) return;
  const now = Date.now();
  if (typingCase === id && now - typingSentAt < TYPING_EVERY_MS) return;
  typingCase = id;
  typingSentAt = now;
  // A hint: a failure here is not worth a banner (the reply itself reports its own).
  api('POST', casePath(id, 'typing')).catch(function () { typingSentAt = 0; });
}

function updateCounter() {
  const n = textArea('reply-text').value.length;
  const counter = $('reply-count');
  counter.textContent = n + ' / ' + MAX_REPLY;
  counter.classList.toggle('over', n > MAX_REPLY);
  // SMS holds every message to two segments (306 plain characters, fewer with an emoji): a longer
  // reply reaches the candidate as its first sentences and "Reply MORE for details".
  const c = state.openCase;
  $('reply-sms').hidden = !(c && c.channel === 'sms' && n > SMS_SHORT_CHARS);
}

/**
 * @param {string} id
 * @param {CaseView | undefined} view
 * @param {string} message
 */
async function afterChange(id, view, message) {
  if (state.openId === id && view) {
    state.openCase = view;
    const user = state.user;
    const supervisor = Boolean(user && user.role === 'supervisor');
    if (!supervisor && !(view.status === 'active' && user && view.owner === user.username) && view.status !== 'closed') {
      closeCase();
    } else {
      renderCaseHeader();
    }
  }
  if (message) showBanner(message, 'info');
  await loadCases();
}

/** @param {SubmitEvent} event */
async function transfer(event) {
  event.preventDefault();
  const id = state.openId;
  const choice = select('transfer-select').value;
  if (!id || !choice) { select('transfer-select').focus(); return; }
  const to = choice === TO_QUEUE ? null : choice;
  buttonEl('transfer-submit').disabled = true;
  try {
    const data = await api('POST', casePath(id, 'transfer'), { to: to });
    select('transfer-select').value = '';
    await afterChange(id, data && data.case, to ? 'Transferred to ' + personName(to) + '.' : 'Put back in the queue.');
  } catch (caught) {
    const err = asApiError(caught);
    report(err);
  } finally {
    buttonEl('transfer-submit').disabled = false;
  }
}

async function endCase() {
  const id = state.openId;
  if (!id) return;
  buttonEl('end-case').disabled = true;
  try {
    const data = await api('POST', casePath(id, 'end'), {});
    await afterChange(id, data && data.case, 'Conversation ended. The bot answers the candidate again.');
  } catch (caught) {
    const err = asApiError(caught);
    report(err);
  } finally {
    buttonEl('end-case').disabled = false;
  }
}

/** Whether the candidate wrote last (no agent line after their last message): the bot will answer it. */
function candidateUnanswered() {
  const lines = $('transcript').querySelectorAll('[data-from="candidate"], [data-from="agent"]');
  const last = lines[lines.length - 1];
  return Boolean(last && last.getAttribute('data-from') === 'candidate');
}

function openHandback() {
  $('handback-unanswered').hidden = !candidateUnanswered();
  $('handback-form').hidden = false;
  textArea('handback-note').focus();
}
function cancelHandback() {
  $('handback-form').hidden = true;
  textArea('handback-note').value = '';
  $('handback-open').focus();
}

/** @param {SubmitEvent} event */
async function handBack(event) {
  event.preventDefault();
  const id = state.openId;
  if (!id) return;
  const note = textArea('handback-note').value.trim();
  if (note.length > MAX_NOTE) { showBanner('The note can be at most ' + MAX_NOTE + ' characters.', 'error'); return; }
  buttonEl('handback-submit').disabled = true;
  try {
    const data = await api('POST', casePath(id, 'handback'), note ? { note: note } : {});
    textArea('handback-note').value = '';
    $('handback-form').hidden = true;
    await afterChange(id, data && data.case, 'Handed back to the bot.');
  } catch (caught) {
    const err = asApiError(caught);
    report(err);
  } finally {
    buttonEl('handback-submit').disabled = false;
  }
}

// ---- Audit log (supervisors) -------------------------------------------------------------------

async function openAudit() {
  showView('audit');
  const body = $('audit-rows');
  clear(body);
  $('audit-status').textContent = 'Loading\u2026';
  $('audit-heading').focus();
  try {
    const data = await api('GET', '/audit?limit=100');
    const entries = data.entries || [];
    $('audit-status').textContent = entries.length ? 'Newest first: ' + entries.length + (entries.length === 1 ? ' entry.' : ' entries.') : 'No entries yet.';
    entries.forEach(/** @param {import('../../types.js').AuditEntry} e */ function (e) {
      const tr = el('tr');
      const when = el('td');
      when.appendChild(timeElement(e.at));
      tr.appendChild(when);
      tr.appendChild(el('td', null, personName(e.actor)));
      tr.appendChild(el('td', null, e.action));
      tr.appendChild(el('td', 'mono', e.caseId || ''));
      const detail = e.detail ? Object.entries(e.detail).map(function ([k, v]) { return k + '=' + String(v); }).join(', ') : '';
      tr.appendChild(el('td', null, detail));
      body.appendChild(tr);
    });
  } catch (caught) {
    const err = asApiError(caught);
    $('audit-status').textContent = '';
    report(err);
  }
}

// ---- History of closed cases ------------------------------------------------------------------

function openHistory() {
  showView('history');
  const agents = select('history-agent');
  // Agents see only the cases they handled: the agent filter is for supervisors.
  agents.disabled = !(state.user && state.user.role === 'supervisor');
  if (agents.options.length <= 1) {
    state.agents.forEach(function (a) {
      const option = el('option', null, a.name);
      option.value = a.username;
      agents.appendChild(option);
    });
  }
  $('history-heading').focus();
  void searchHistory();
}

/** @param {Event} [event] */
async function searchHistory(event) {
  if (event) event.preventDefault();
  const params = new URLSearchParams();
  const fields = [['from', input('history-from').value], ['to', input('history-to').value], ['q', input('history-text').value.trim()], ['channel', select('history-channel').value], ['agent', select('history-agent').value], ['outcome', select('history-outcome').value]];
  fields.forEach(function ([name, value]) { if (name && value) params.set(name, value); });
  const body = $('history-rows');
  clear(body);
  $('history-status').textContent = 'Searching\u2026';
  try {
    const data = await api('GET', '/history?' + params.toString());
    // Without dates the server searches its today (UTC days, as cases are filed): show which.
    input('history-from').value = data.from || '';
    input('history-to').value = data.to || '';
    /** @type {CaseView[]} */
    const cases = data.cases || [];
    $('history-status').textContent = cases.length ? cases.length + (cases.length === 1 ? ' closed conversation' : ' closed conversations') + ', newest first.' : 'No closed conversations match.';
    cases.forEach(function (c) {
      const tr = el('tr');
      tr.setAttribute('data-testid', 'history-row');
      tr.appendChild(el('td', 'mono', c.caseNumber || ''));
      const when = el('td');
      when.appendChild(timeElement(c.closedAt));
      tr.appendChild(when);
      tr.appendChild(el('td', null, c.topic));
      tr.appendChild(el('td', null, channelLabel(c.channel)));
      tr.appendChild(el('td', null, c.owner ? personName(c.owner) : '\u2013'));
      tr.appendChild(el('td', null, c.closedBy ? closedByText(c.closedBy, personName(c.owner)) : ''));
      const open = el('td');
      const read = button('Read', 'btn btn-small', 'history-open-case');
      read.addEventListener('click', function () { void openCase(c.id); });
      open.appendChild(read);
      tr.appendChild(open);
      body.appendChild(tr);
    });
  } catch (caught) {
    $('history-status').textContent = '';
    report(asApiError(caught));
  }
}

// ---- Insights (supervisors and editors) ----------------------------------------------------------

/**
 * @param {HTMLElement} into
 * @param {string} title
 * @param {string[]} head
 * @param {Array<Array<string | number>>} rows
 * @param {string} [className]
 */
function figureTable(into, title, head, rows, className) {
  const box = el('section', className);
  box.appendChild(el('h3', null, title));
  if (!rows.length) {
    box.appendChild(el('p', 'muted', 'None in this period.'));
    into.appendChild(box);
    return box;
  }
  const table = el('table');
  const headRow = el('tr');
  head.forEach(function (h) { const th = el('th', null, h); th.scope = 'col'; headRow.appendChild(th); });
  table.appendChild(el('thead')).appendChild(headRow);
  const body = el('tbody');
  rows.forEach(function (row) {
    const tr = el('tr');
    row.forEach(function (value) { tr.appendChild(el('td', typeof value === 'number' ? 'num' : null, value)); });
    body.appendChild(tr);
  });
  table.appendChild(body);
  box.appendChild(table);
  into.appendChild(box);
  return box;
}

/** @param {number | undefined} seconds */
const minutesText = (seconds) => (seconds === undefined ? '\u2013' : seconds < 60 ? seconds + ' s' : Math.round(seconds / 6) / 10 + ' min');
/** @param {number} rate */
const percentText = (rate) => Math.round(rate * 1000) / 10 + '%';

/**
 * A chart above a figure table (under its heading): the table keeps the exact numbers.
 * @param {HTMLElement} section @param {HTMLElement} chart
 */
function withChart(section, chart) {
  const heading = section.querySelector('h3');
  if (heading && heading.nextSibling) section.insertBefore(chart, heading.nextSibling);
  else section.appendChild(chart);
}

// ---- Teaching the bot (editors) -----------------------------------------------------------------

/**
 * The editor's list: unanswered and poorly rated questions grouped by similarity, biggest first,
 * each with Teach (attach its wording to an entry) and Out of scope (off this list for good, and
 * declined by the bot with the chosen known gap's reply).
 * @param {HTMLElement} into
 * @param {Array<{ text: string, count: number, wordings: Array<{ text: string, count: number }>, decisions: Record<string, number>, ratedNo?: Record<string, number> }>} groups
 * @param {number} marked
 */
function groupList(into, groups, marked) {
  const box = el('section', 'wide groups');
  box.setAttribute('data-testid', 'insights-groups');
  box.appendChild(el('h3', null, 'Questions to teach, grouped: not answered, or answered and rated \u201cNo\u201d (' + counted(groups.length, 'group') + (marked ? ', ' + marked + ' marked out of scope' : '') + ')'));
  if (!groups.length) box.appendChild(el('p', 'muted', 'Nothing left to teach in this period.'));
  const gap = el('p');
  const gapLabel = el('label', null, 'Questions marked out of scope are declined with the reply of ');
  gapLabel.setAttribute('for', 'decline-topic');
  const gapList = document.createElement('select');
  gapList.id = 'decline-topic';
  gap.append(gapLabel, gapList);
  if (groups.length) box.appendChild(gap);
  void fillTopics(gapList);
  const list = el('ol');
  groups.slice(0, 50).forEach(function (group) {
    const item = el('li');
    item.appendChild(el('span', 'count', group.count + '\u00d7'));
    item.appendChild(el('q', null, group.text));
    if (group.wordings.length > 1) {
      item.appendChild(el('div', 'wordings', 'Also asked as: ' + group.wordings.slice(1, 6).map(function (w) { return '\u201c' + w.text + '\u201d' + (w.count > 1 ? ' (' + w.count + ')' : ''); }).join('; ')));
    }
    const rated = group.ratedNo ? Object.keys(group.ratedNo) : [];
    if (rated.length) {
      const ratedNo = /** @type {Record<string, number>} */ (group.ratedNo);
      const line = el('div', 'wordings rated-no', 'Answered, and rated \u201cNo\u201d: ' + rated.map(function (entryId) { return entryId + ' (' + ratedNo[entryId] + ')'; }).join(', '));
      line.setAttribute('data-testid', 'group-rated-no');
      item.appendChild(line);
    }
    const teach = button('Teach\u2026', 'btn btn-small', 'group-teach');
    teach.addEventListener('click', function () { void openTeach(group.text); });
    const out = button('Out of scope', 'btn btn-small', 'group-out-of-scope');
    out.addEventListener('click', function () { void markOutOfScope(group, gapList.value || undefined); });
    const actions = el('div');
    actions.append(teach, out);
    item.appendChild(actions);
    list.appendChild(item);
  });
  box.appendChild(list);
  into.appendChild(box);
}

/**
 * What editors taught in the console, newest first, each with Undo: an alternate attached to an
 * entry, or a question marked out of scope. Undo takes it back out the way it went in (the files
 * where this instance writes them, checked as kb:check checks them; the store, so every instance
 * answers as before without a restart), and is audited.
 * @param {HTMLElement} into
 */
async function taughtList(into) {
  /** @type {{ added?: Array<{ entryId: string, text: string, by: string, at: string }>, marks?: Array<{ text: string, by: string, at: string, topicId?: string, declined?: boolean }>, entries?: Array<{ id: string, question: string }>, topics?: string[] }} */
  let data;
  try {
    data = await api('GET', '/knowledge/entries');
  } catch (caught) {
    report(asApiError(caught));
    return;
  }
  faqEntries = data.entries || faqEntries;
  declineTopics = data.topics || declineTopics;
  /** @type {Array<{ at: string, by: string, kind: 'alternate' | 'out-of-scope', text: string, entryId?: string, change: string }>} */
  const changes = [];
  (data.added || []).forEach(function (a) { changes.push({ at: a.at, by: a.by, kind: 'alternate', text: a.text, entryId: a.entryId, change: 'Alternate of ' + a.entryId }); });
  (data.marks || []).forEach(function (m) { changes.push({ at: m.at, by: m.by, kind: 'out-of-scope', text: m.text, change: 'Out of scope' + (m.declined ? ' (declined: ' + m.topicId + ')' : ' (off the list only)') }); });
  changes.sort(function (x, y) { return x.at < y.at ? 1 : x.at > y.at ? -1 : 0; });
  const box = figureTable(into, 'Taught in the console (' + counted(changes.length, 'change') + ')', ['When', 'By', 'Change', 'Wording'],
    changes.map(function (c) { return [whenText(c.at), c.by, c.change, c.text]; }), 'wide');
  box.setAttribute('data-testid', 'insights-taught');
  actionColumn(box, 'Undo');
  box.querySelectorAll('tbody tr').forEach(function (row, i) {
    const change = changes[i];
    if (!change) return;
    const cell = el('td');
    const undo = button('Undo', 'btn btn-small', 'undo-taught');
    undo.setAttribute('aria-label', 'Undo: ' + change.change + ', \u201c' + change.text + '\u201d');
    undo.addEventListener('click', function () { undo.disabled = true; void undoTaught(change); });
    cell.appendChild(undo);
    row.appendChild(cell);
  });
}

/** @param {{ kind: 'alternate' | 'out-of-scope', text: string, entryId?: string }} change */
async function undoTaught(change) {
  try {
    const done = change.kind === 'alternate'
      ? await api('POST', '/knowledge/alternates/undo', { entryId: change.entryId, text: change.text })
      : await api('POST', '/knowledge/out-of-scope/undo', { text: change.text });
    await loadInsights();
    const what = done.kind === 'alternate' ? 'is no longer an alternate of ' + done.entryId : 'is no longer marked out of scope';
    $('insights-status').textContent = 'Undone: \u201c' + done.text + '\u201d ' + what + '; the bot now gives ' + done.findsNow + ', on every instance. ' + (done.note ? 'Note: ' + done.note + '. ' : '') + $('insights-status').textContent;
  } catch (caught) {
    report(asApiError(caught));
  }
}

/**
 * A heading cell (read out, not shown) over a column of buttons added to a figure table.
 * @param {HTMLElement} section @param {string} name
 */
function actionColumn(section, name) {
  const head = section.querySelector('thead tr');
  if (!head) return;
  const cell = el('th');
  cell.appendChild(el('span', 'sr-only', name));
  head.appendChild(cell);
}

/** @type {string[]} */
let declineTopics = [];

/**
 * The known gaps a question may join, off-topic first (the default).
 * @param {HTMLSelectElement} list
 */
async function fillTopics(list) {
  if (!declineTopics.length) {
    try {
      const data = await api('GET', '/knowledge/entries');
      faqEntries = data.entries || [];
      declineTopics = data.topics || [];
    } catch (caught) {
      report(asApiError(caught));
      return;
    }
  }
  /** @type {string[]} */
  const first = declineTopics.filter(function (t) { return t === 'off-topic'; });
  const ordered = first.concat(declineTopics.filter(function (t) { return t !== 'off-topic'; }));
  ordered.forEach(function (topic) {
    const option = el('option', null, topic);
    option.value = topic;
    list.appendChild(option);
  });
}

/**
 * Every wording of the group is marked, so none of them comes back on the list; the bot declines
 * those the check allows (the answer says which, and why not).
 * @param {{ text: string, wordings: Array<{ text: string }> }} group
 * @param {string} [topicId]
 */
async function markOutOfScope(group, topicId) {
  try {
    /** @type {string[]} */
    const notes = [];
    for (const wording of group.wordings) {
      const mark = await api('POST', '/knowledge/out-of-scope', topicId ? { text: wording.text, topicId: topicId } : { text: wording.text });
      notes.push('\u201c' + wording.text + '\u201d: ' + (mark.declined ? 'the bot declines it now (' + mark.topicId + ')' : 'not declined: ' + mark.reason));
    }
    await loadInsights();
    $('insights-status').textContent = 'Marked out of scope. ' + notes.join('. ') + '. ' + $('insights-status').textContent;
  } catch (caught) {
    report(asApiError(caught));
  }
}

/** @type {{ id: string, question: string }[]} */
let faqEntries = [];

/**
 * A "Teach" button on each unanswered question: attach it to an FAQ entry.
 * @param {HTMLElement} section
 * @param {import('../insights.js').UnansweredQuestion[]} questions
 */
function addTeachButtons(section, questions) {
  actionColumn(section, 'Teach');
  const rows = section.querySelectorAll('tbody tr');
  rows.forEach(function (row, i) {
    const q = questions[i];
    if (!q) return;
    const cell = el('td');
    const teach = button('Teach\u2026', 'btn btn-small', 'teach');
    teach.addEventListener('click', function () { void openTeach(q.text); });
    cell.appendChild(teach);
    row.appendChild(cell);
  });
}

/** @param {string} text */
async function openTeach(text) {
  if (!faqEntries.length) {
    try {
      const data = await api('GET', '/knowledge/entries');
      faqEntries = data.entries || [];
    } catch (caught) {
      report(asApiError(caught));
      return;
    }
  }
  const list = select('teach-entry');
  clear(list);
  faqEntries.forEach(function (entry) {
    const option = el('option', null, entry.id + ' \u2013 ' + entry.question);
    option.value = entry.id;
    list.appendChild(option);
  });
  $('teach-text').textContent = text;
  $('teach-result').textContent = '';
  buttonEl('teach-add').disabled = true;
  $('teach-form').hidden = false;
  $('teach-heading').focus();
}

/** The retrieval figures before the change is made, and whether it may be. */
async function checkTeach() {
  buttonEl('teach-add').disabled = true;
  try {
    const c = await api('POST', '/knowledge/alternates/check', { entryId: select('teach-entry').value, text: $('teach-text').textContent || '' });
    $('teach-result').textContent = 'Now the bot gives: ' + c.findsNow + '. With it: ' + c.findsAfter + '. Phrasings of the entries it touches that find their own entry: ' + c.before.own + '/' + c.before.checked + ' before, ' + c.after.own + '/' + c.after.checked + ' after. ' + (c.accepted ? 'It can be added.' : 'Not possible: ' + c.reason + '.');
    buttonEl('teach-add').disabled = !c.accepted;
  } catch (caught) {
    report(asApiError(caught));
  }
}

/** @param {Event} event */
async function addTeach(event) {
  event.preventDefault();
  try {
    const added = await api('POST', '/knowledge/alternates', { entryId: select('teach-entry').value, text: $('teach-text').textContent || '' });
    $('teach-result').textContent = 'Added to ' + added.entryId + ' (version ' + added.version + '): every instance answers it now. ' + (added.file && added.file.written ? 'Written to ' + added.file.written.map(/** @param {{ file: string }} w */ function (w) { return w.file; }).join(', ') + ' (commit it).' : 'Kept in the bot\u2019s store: npm run kb:taught -- --write puts it in the knowledge files.');
    buttonEl('teach-add').disabled = true;
    // The list of what was taught now has it, with Undo.
    await loadInsights();
  } catch (caught) {
    report(asApiError(caught));
  }
}

function openInsights() {
  showView('insights');
  $('insights-heading').focus();
  void loadInsights();
}

/** @param {Event} [event] */
async function loadInsights(event) {
  if (event) event.preventDefault();
  const params = new URLSearchParams();
  if (input('insights-from').value) params.set('from', input('insights-from').value);
  if (input('insights-to').value) params.set('to', input('insights-to').value);
  const box = $('insights-body');
  clearCharts();
  clear(box);
  $('insights-status').textContent = 'Loading\u2026';
  try {
    const r = await api('GET', '/insights?' + params.toString());
    // Without dates: the last 7 days to today (the server's days, UTC).
    input('insights-from').value = r.from;
    input('insights-to').value = r.to;
    $('insights-csv', HTMLAnchorElement).href = '/staff/api/insights.csv?from=' + encodeURIComponent(r.from) + '&to=' + encodeURIComponent(r.to);
    $('insights-status').textContent = counted(r.conversations, 'conversation') + ', ' + counted(r.questions, 'question') + ', ' + r.handoffs.count + ' handed to staff (' + percentText(r.handoffs.rate) + ').';
    const editor = Boolean(state.user && state.user.role === 'editor');
    // Editors first see what to teach, grouped; everyone sees the period's days at a glance.
    if (editor) {
      groupList(box, r.unansweredGroups, r.markedOutOfScope);
      await taughtList(box);
    }
    const days = el('section', 'wide');
    days.appendChild(el('h3', null, 'Questions per day (columns; the red line: not answered from an entry)'));
    days.appendChild(dayChart('Questions per day', r.daily.map(/** @param {{ day: string, questions: number, unanswered: number }} d */ function (d) { return { day: d.day, total: d.questions, part: Math.min(d.unanswered, d.questions) }; }), { total: ['question', 'questions'], part: ['not answered', 'not answered'] }, { width: Math.max(360, Math.min(900, box.clientWidth - 16)) }));
    box.appendChild(days);
    const unanswered = figureTable(box, 'Questions the bot could not answer or declined (' + r.unanswered.length + ')', ['When', 'How', 'Question (masked)', 'Channel'],
      r.unanswered.map(/** @param {import('../insights.js').UnansweredQuestion} q */ function (q) { return [whenText(q.at), q.decision, q.text, channelLabel(q.channel)]; }), 'wide');
    unanswered.setAttribute('data-testid', 'insights-unanswered');
    if (editor) addTeachButtons(unanswered, r.unanswered);
    const byEntry = figureTable(box, 'Questions by FAQ entry', ['Entry', 'Times answered'], r.byEntry.map(/** @param {{ entryId: string, count: number }} e */ function (e) { return [e.entryId, e.count]; }));
    withChart(byEntry, barChart('Questions by FAQ entry', r.byEntry.map(/** @param {{ entryId: string, count: number }} e */ function (e) { return { label: e.entryId, value: e.count }; })));
    const decided = figureTable(box, 'How the bot decided', ['Decision', 'Questions'], r.decisions.map(/** @param {{ decision: string, count: number }} d */ function (d) { return [d.decision, d.count]; }));
    withChart(decided, barChart('How the bot decided', r.decisions.map(/** @param {{ decision: string, count: number }} d */ function (d) { return { label: d.decision, value: d.count, tone: d.decision === 'answer' || d.decision === 'pair' ? 'good' : 'bad' }; })));
    const c = r.choices;
    const choices = figureTable(box, '\u201cDid you mean\u201d choices (' + c.offered + ' offered)', ['Outcome', 'Times', 'Of offers'],
      c.offered ? [['An entry picked', c.picked, percentText(c.picked / c.offered)], ['None of these', c.none, percentText(c.none / c.offered)], ['Not answered (asked something else)', Math.max(0, c.offered - c.picked - c.none), percentText(Math.max(0, c.offered - c.picked - c.none) / c.offered)]]
        .concat(c.byEntry.map(/** @param {{ entryId: string, count: number }} e */ function (e) { return ['\u2003picked: ' + e.entryId, e.count, percentText(e.count / c.offered)]; })) : []);
    if (c.offered) withChart(choices, barChart('Did you mean choices', [{ label: 'entry picked', value: c.picked, tone: 'good' }, { label: 'None of these', value: c.none, tone: 'bad' }, { label: 'not answered', value: Math.max(0, c.offered - c.picked - c.none) }]));
    const tasks = figureTable(box, 'Guided tasks', ['Task', 'Started', 'Finished', 'Abandoned'], r.tasks.map(/** @param {{ task: string, started: number, finished: number, abandoned: number }} t */ function (t) { return [t.task, t.started, t.finished, t.abandoned]; }));
    withChart(tasks, barChart('Guided tasks finished', r.tasks.map(/** @param {{ task: string, finished: number }} t */ function (t) { return { label: t.task + ' finished', value: t.finished, tone: 'good' }; })));
    figureTable(box, 'Handed to staff, by reason', ['Reason', 'Cases', 'Of conversations'], r.handoffs.byReason.map(/** @param {{ reason: string, count: number, rate: number }} h */ function (h) { return [reasonLabel(h.reason), h.count, percentText(h.rate)]; }));
    figureTable(box, 'Queue wait (claimed cases closed in the period)', ['Figure', 'Value'], [['Cases', r.queueWait.claimed], ['Median (p50)', minutesText(r.queueWait.p50Seconds)], ['p90', minutesText(r.queueWait.p90Seconds)]]);
    const f = r.feedback;
    const feedback = figureTable(box, 'Answer ratings (' + f.up + ' helped, ' + f.down + ' did not)', ['Entry', 'Helped', 'Did not help'], f.byEntry.map(/** @param {{ entryId: string, up: number, down: number }} e */ function (e) { return [e.entryId, e.up, e.down]; }));
    feedback.setAttribute('data-testid', 'insights-feedback');
    if (f.up + f.down) withChart(feedback, barChart('Answer ratings', [{ label: 'helped', value: f.up, tone: 'good' }, { label: 'did not help', value: f.down, tone: 'bad' }]));
    figureTable(box, 'Comments left with a rating (masked)', ['When', 'Rating', 'Entry', 'Comment'],
      f.comments.map(/** @param {{ at: string, vote: string, entryId?: string, text: string }} m */ function (m) { return [whenText(m.at), m.vote === 'up' ? 'helped' : 'did not help', m.entryId || '\u2013', m.text]; }), 'wide');
    const sv = r.satisfaction;
    const survey = figureTable(box, 'How was this chat? (' + counted(sv.count, 'answer') + (sv.average !== undefined ? ', average ' + sv.average + ' of 5' : '') + ')', ['Asked', 'Answers', 'Average'],
      sv.after.map(/** @param {{ after: string, count: number, average?: number }} a */ function (a) { return [a.after === 'handoff' ? 'after a handoff' : 'after goodbye', a.count, a.average === undefined ? '\u2013' : String(a.average)]; }));
    survey.setAttribute('data-testid', 'insights-survey');
    if (sv.count) withChart(survey, barChart('Satisfaction scores', sv.byScore.map(/** @param {number} n @param {number} i */ function (n, i) { return { label: (i + 1) + ' of 5', value: n, tone: i >= 3 ? 'good' : i <= 1 ? 'bad' : undefined }; })));
  } catch (caught) {
    $('insights-status').textContent = '';
    report(asApiError(caught));
  }
}

// ---- Wiring -------------------------------------------------------------------------------------

function start() {
  // Any call answered 401 (the session ended, here or on another tab) sends the viewer back to sign in.
  onSignedOut(function () { signedOut('Your session has ended. Please sign in again.'); });
  $('login-form').addEventListener('submit', onLogin);
  $('sign-out').addEventListener('click', onLogout);
  $('banner-dismiss').addEventListener('click', hideBanner);
  $('reply-form').addEventListener('submit', sendReply);
  // Before the Enter-sends handler: while the list is open, Enter picks a reply.
  attachCannedPicker({
    box: textArea('reply-text'),
    list: $('canned-list', HTMLUListElement),
    replies: function () { return state.canned; },
    values: function () {
      const c = state.openCase;
      return { firstName: c && c.summary ? c.summary.firstName : undefined, topic: c && c.summary ? c.summary.subject : undefined, language: c ? c.language : undefined };
    },
    inserted: updateCounter
  });
  textArea('reply-text').addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && !event.altKey && !event.ctrlKey && !event.metaKey) sendReply(event);
  });
  textArea('reply-text').addEventListener('input', updateCounter);
  textArea('reply-text').addEventListener('input', noteTyping);
  $('transfer-form').addEventListener('submit', transfer);
  buttonEl('end-case').addEventListener('click', endCase);
  $('handback-open').addEventListener('click', openHandback);
  $('handback-cancel').addEventListener('click', cancelHandback);
  $('handback-form').addEventListener('submit', handBack);
  $('handback-form').addEventListener('keydown', function (event) { if (event.key === 'Escape') cancelHandback(); });
  buttonEl('watch-claim').addEventListener('click', function () { if (state.openId) claimCase(state.openId, buttonEl('watch-claim')); });
  $('case-close').addEventListener('click', function () { closeCase(); $('queue-heading').focus(); });
  $('audit-open').addEventListener('click', openAudit);
  $('history-open').addEventListener('click', openHistory);
  $('insights-open').addEventListener('click', openInsights);
  $('insights-close').addEventListener('click', function () { showView('case'); $('queue-heading').focus(); });
  $('insights-form').addEventListener('submit', function (event) { void loadInsights(event); });
  $('teach-check').addEventListener('click', function () { void checkTeach(); });
  $('teach-form').addEventListener('submit', function (event) { void addTeach(event); });
  $('teach-cancel').addEventListener('click', function () { $('teach-form').hidden = true; });
  $('history-close').addEventListener('click', function () { showView('case'); $('queue-heading').focus(); });
  // Another page or language shows cases that are not new: nothing is announced for them.
  $('queue-language').addEventListener('change', function () { state.queueShown = QUEUE_PAGE; state.knownQueued = null; void loadCases(); });
  $('queue-show-more').addEventListener('click', function () { state.queueShown += QUEUE_PAGE; state.knownQueued = null; void loadCases(); });
  $('history-form').addEventListener('submit', function (event) { void searchHistory(event); });
  buttonEl('notify-enable').addEventListener('click', function () { void enableNotifications(); });
  input('sound-toggle').addEventListener('change', onSoundToggle);
  // Browsers start audio only after a click or key press on the page: with Sound remembered on, the
  // agent's first one after a reload (signing in, claiming...) makes the tone playable again.
  ['pointerdown', 'keydown'].forEach(function (type) {
    document.addEventListener(type, function () { if (soundWanted()) unlockSound(); }, true);
  });
  select('agent-status').addEventListener('change', function () { void setAgentStatus(); });
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden && state.unseenInOpenCase) { state.unseenInOpenCase = 0; updateBadge(); }
  });
  $('audit-close').addEventListener('click', function () { showView('case'); $('queue-heading').focus(); });
  window.addEventListener('beforeunload', function () { if (state.events) state.events.close(); });
  updateCounter();
  checkSession();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
