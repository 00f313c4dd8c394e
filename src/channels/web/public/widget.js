// @ts-check
/**
 * The Candidate Assistant chat, as one <script> tag on any page:
 *
 *   <script src="https://bot.example.org/webchat/widget.js" data-title="Ask ASE" async></script>
 *
 * It adds a launcher button and a chat panel (or, with data-mode="inline", fills data-target: the
 * standalone page at / is this same widget). It loads its stylesheet, Web Chat and the Direct Line
 * client from the bot's server (versioned URLs, cached for a year), keeps the conversation in
 * sessionStorage so a reload carries on where it was, and shows "Reconnecting..." while the
 * server is away. Settings are data attributes; see docs/channels-web.md.
 */
(function () {
  'use strict';

  // The server writes these two in when it serves this file (src/channels/web/publicAssets.ts).
  const ASSET_VERSION = '__ASSET_VERSION__';
  const WEBCHAT_VERSION = '__WEBCHAT_VERSION__';

  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  if (!script) return;
  const data = script.dataset;
  const botOrigin = (data.botOrigin || new URL(script.src, window.location.href).origin).replace(/\/+$/, '');
  const locale = data.locale || navigator.language || 'en-US';
  /**
   * The widget's own words: at first in the browser's language (data-locale overrides it), Spanish
   * for es-*, English otherwise; then in the conversation's, which the bot's replies say (their
   * `locale`): a candidate writing Spanish on an English browser gets a Spanish chat box too.
   */
  const STRINGS = {
    en: {
      title: 'Candidate Assistant',
      openChat: 'Open the chat: ',
      launcher: 'Chat',
      closeChat: 'Close the chat',
      placeholder: 'Type your message',
      commentSent: 'Thanks: your comment was sent.',
      commentLabel: 'What was missing? (optional, no personal details)',
      send: 'Send',
      sendComment: 'Send the comment',
      thanks: 'Thanks for telling us.',
      rateLabel: 'Did this answer help?',
      rateText: 'Did this help?',
      yes: 'Yes',
      yesLabel: 'Yes, this answer helped',
      no: 'No',
      noLabel: 'No, this answer did not help',
      surveyLabel: 'How was this chat? 1 is poor, 5 is excellent',
      surveyText: 'How was this chat? (1 poor, 5 excellent)',
      outOf5: ' of 5',
      staffName: ', ASE support',
      staffTyping: (/** @type {string | undefined} */ name) => (name ? name + ' from ASE support' : 'ASE support') + ' is typing\u2026',
      cannotStart: 'The chat could not start. Please try again in a moment.',
      connecting: 'Connecting...',
      reconnecting: 'Reconnecting...',
      ended: 'This chat has ended. Reload the page to start a new one.',
      you: 'You',
    },
    es: {
      title: 'Asistente para candidatos',
      openChat: 'Abrir el chat: ',
      launcher: 'Chat',
      closeChat: 'Cerrar el chat',
      placeholder: 'Escriba su mensaje',
      commentSent: 'Gracias: su comentario se ha enviado.',
      commentLabel: '¿Qué faltó? (opcional, sin datos personales)',
      send: 'Enviar',
      sendComment: 'Enviar el comentario',
      thanks: 'Gracias por decírnoslo.',
      rateLabel: '¿Le ayudó esta respuesta?',
      rateText: '¿Le ayudó?',
      yes: 'Sí',
      yesLabel: 'Sí, esta respuesta me ayudó',
      no: 'No',
      noLabel: 'No, esta respuesta no me ayudó',
      surveyLabel: '¿Qué tal este chat? 1 es malo, 5 es excelente',
      surveyText: '¿Qué tal este chat? (1 malo, 5 excelente)',
      outOf5: ' de 5',
      staffName: ', soporte de ASE',
      staffTyping: (/** @type {string | undefined} */ name) => (name ? name + ', del soporte de ASE,' : 'El soporte de ASE') + ' está escribiendo\u2026',
      cannotStart: 'No se pudo iniciar el chat. Inténtelo de nuevo en un momento.',
      connecting: 'Conectando...',
      reconnecting: 'Reconectando...',
      ended: 'Este chat ha terminado. Vuelva a cargar la página para empezar uno nuevo.',
      // Initials in a 40-pixel circle: "Usted" spilled out of it.
      you: 'Ud.',
    },
  };
  /** @param {string} tag @returns {'en' | 'es' | undefined} */
  const languageOfTag = (tag) => (/^es(?:[-_]|$)/i.test(tag) ? 'es' : /^en(?:[-_]|$)/i.test(tag) ? 'en' : undefined);
  /** @param {string} tag */
  const wordsFor = (tag) => (languageOfTag(tag) === 'es' ? STRINGS.es : STRINGS.en);
  /** The language the chat box speaks now, its words, and the locale Web Chat is given (its own strings, its dates). */
  let language = languageOfTag(locale) || 'en';
  let words = wordsFor(locale);
  let webChatLocale = locale;
  /**
   * The words for what the page adds under a reply: in the reply's own language (the bot says it in
   * the activity's locale), so a Spanish answer is rated in Spanish on an English browser.
   * @param {any} activity
   */
  const wordsOf = (activity) => (activity && typeof activity.locale === 'string' ? wordsFor(activity.locale) : words);
  /** A site's own title stays; the default one follows the language. */
  const titleOf = () => data.title || words.title;
  const title = titleOf();
  const accent = /^#[0-9a-f]{3,8}$/i.test(data.accent || '') ? /** @type {string} */ (data.accent) : '#1f4e79';
  const inline = data.mode === 'inline';
  const storageKey = 'candidate-assistant.chat:' + botOrigin;

  /** @typedef {{ conversationId: string, token: string, userId: string, watermark: string, expiresAt: number }} SavedSession */

  /** @returns {SavedSession | undefined} */
  const readSaved = () => {
    try {
      const raw = window.sessionStorage.getItem(storageKey);
      const saved = raw ? JSON.parse(raw) : undefined;
      // A token about to expire cannot reconnect: start a new conversation instead.
      if (saved && typeof saved.conversationId === 'string' && typeof saved.token === 'string' && saved.expiresAt > Date.now() + 10_000) return saved;
    } catch {
      // Storage blocked (private mode, sandboxed frame): every load starts a new conversation.
    }
    return undefined;
  };
  const writeSaved = (/** @type {SavedSession | undefined} */ saved) => {
    try {
      if (saved) window.sessionStorage.setItem(storageKey, JSON.stringify(saved));
      else window.sessionStorage.removeItem(storageKey);
    } catch {
      // As above: the chat still works, only a reload starts over.
    }
  };

  /** @param {string} tag @param {Record<string, string>} [attributes] @param {string} [text] */
  const element = (tag, attributes, text) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    if (text) node.textContent = text;
    return node;
  };

  /** @param {string} src */
  const loadScript = (src) =>
    new Promise((resolve, reject) => {
      const tag = /** @type {HTMLScriptElement} */ (element('script', { src }));
      tag.onload = () => resolve(undefined);
      tag.onerror = () => reject(new Error('could not load ' + src));
      document.head.appendChild(tag);
    });

  document.head.appendChild(element('link', { rel: 'stylesheet', href: botOrigin + '/webchat/widget.css?v=' + ASSET_VERSION }));

  // The panel: a header with the title (and a close button for the launcher), a status line, the chat.
  const panel = element('section', { class: 'ca-chat' + (inline ? ' ca-chat--inline' : ' ca-chat--floating'), 'aria-label': title });
  panel.style.setProperty('--ca-accent', accent);
  const header = element('header', { class: 'ca-chat__header' });
  const heading = element('h2', { class: 'ca-chat__title' }, title);
  header.appendChild(heading);
  const status = element('p', { class: 'ca-chat__status', role: 'status' }, '');
  const transcript = element('div', { class: 'ca-chat__webchat' });
  panel.append(header, status, transcript);

  /** Puts the focus in the message box once Web Chat has drawn it (it renders after it loads). */
  const focusInput = (/** @type {number} */ until) => {
    const input = /** @type {HTMLElement | null} */ (panel.querySelector('[data-id="webchat-sendbox-input"]'));
    if (input) input.focus();
    else if (Date.now() < until && !panel.hidden) setTimeout(() => focusInput(until), 50);
  };

  /** @type {HTMLButtonElement | undefined} */
  let launcher;
  /** @type {HTMLElement | undefined} */
  let closeButton;
  /** @type {((show: boolean) => void) | undefined} */
  let openPanel;
  if (inline) {
    const target = data.target ? document.querySelector(data.target) : null;
    (target || script.parentElement || document.body).appendChild(panel);
  } else {
    launcher = /** @type {HTMLButtonElement} */ (
      element('button', { type: 'button', class: 'ca-launcher', 'aria-expanded': 'false', 'aria-label': words.openChat + title }, words.launcher)
    );
    launcher.style.setProperty('--ca-accent', accent);
    const close = element('button', { type: 'button', class: 'ca-chat__close', 'aria-label': words.closeChat }, '\u00d7');
    closeButton = close;
    header.appendChild(close);
    panel.hidden = true;
    document.body.append(launcher, panel);
    const open = (/** @type {boolean} */ show) => {
      panel.hidden = !show;
      /** @type {HTMLButtonElement} */ (launcher).setAttribute('aria-expanded', String(show));
      if (show) {
        void start();
        focusInput(Date.now() + 5000);
      } else /** @type {HTMLButtonElement} */ (launcher).focus();
    };
    launcher.addEventListener('click', () => open(panel.hidden));
    close.addEventListener('click', () => open(false));
    panel.addEventListener('keydown', (event) => {
      // In the chat history Escape means "leave this message" (Web Chat's keyboard model), never
      // "close the chat": also where Web Chat did not take the key, as on a rating re-rendered under
      // the focus (a keyboard user's Escape there had closed the whole chat).
      const target = /** @type {Element | null} */ (event.target);
      if (/** @type {KeyboardEvent} */ (event).key === 'Escape' && !target?.closest?.('.webchat__basic-transcript')) open(false);
    });
    openPanel = open;
  }

  /** Redraws Web Chat in the current language (set once Web Chat runs). */
  /** @type {() => void} */
  let redraw = () => undefined;

  /**
   * Follows the conversation's language: a reply from the bot (or staff) that says its `locale`
   * (src/app.ts sets it on every reply) in the other language switches the chat box's own words,
   * Web Chat's ("Just now", "Sent at"), and tells the page (the `candidate-chat:language` event on
   * document, which public/page.js hears) so its header and footer follow too.
   * @param {any} activity
   * @param {string} userId the candidate's id: their own messages never switch it
   */
  const followLanguage = (activity, userId) => {
    if (!activity || activity.type !== 'message' || typeof activity.locale !== 'string') return;
    if (activity.from && (activity.from.role === 'user' || activity.from.id === userId)) return;
    const next = languageOfTag(activity.locale);
    if (!next || next === language) return;
    language = next;
    words = STRINGS[next];
    // The browser's own locale when it speaks that language (es-MX keeps its date formats), else the reply's.
    webChatLocale = languageOfTag(locale) === next ? locale : activity.locale;
    const shown = titleOf();
    heading.textContent = shown;
    panel.setAttribute('aria-label', shown);
    if (launcher) {
      launcher.setAttribute('aria-label', words.openChat + shown);
      launcher.textContent = words.launcher;
    }
    if (closeButton) closeButton.setAttribute('aria-label', words.closeChat);
    redraw();
    document.dispatchEvent(new CustomEvent('candidate-chat:language', { detail: { language: next, locale: webChatLocale } }));
  };

  const showStatus = (/** @type {string} */ text, /** @type {boolean} */ problem) => {
    status.textContent = text;
    status.classList.toggle('ca-chat__status--problem', problem);
  };

  /** The site's identity token for the signed-in candidate, if the site gives one (data-token-url or data-token-callback). */
  const identityToken = async () => {
    try {
      if (data.tokenCallback) {
        const callback = /** @type {unknown} */ (/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window))[data.tokenCallback]);
        if (typeof callback === 'function') {
          const value = await callback();
          return typeof value === 'string' && value ? value : undefined;
        }
      }
      if (data.tokenUrl) {
        const response = await fetch(data.tokenUrl, { credentials: 'include', cache: 'no-store' });
        if (!response.ok) return undefined;
        const body = await response.json();
        return typeof body.token === 'string' && body.token ? body.token : undefined;
      }
    } catch {
      // No identity: the candidate can still sign in in the chat.
    }
    return undefined;
  };

  /** @returns {Promise<{ session: { conversationId: string, token: string, userId: string, expiresIn?: number }, domain: string, webSocket: boolean, resume: boolean }>} */
  const session = async () => {
    const saved = readSaved();
    const domain = botOrigin + '/v3/directline';
    if (saved) return { session: saved, domain: (data.directLineDomain || domain), webSocket: data.webSocket !== 'false', resume: true };
    const response = await fetch(botOrigin + '/api/directline/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
      cache: 'no-store',
      credentials: 'omit',
    });
    if (!response.ok) throw new Error('the token route answered ' + response.status);
    const fresh = await response.json();
    return {
      session: fresh,
      domain: new URL(fresh.domain, botOrigin + '/').href.replace(/\/+$/, ''),
      webSocket: Boolean(fresh.webSocket) && data.webSocket !== 'false',
      resume: false,
    };
  };

  /**
   * A React element without React: Web Chat's bundle keeps its React (16.8) to itself, and its
   * middleware wants elements. An element is a plain object with this tag.
   * @param {string} type
   * @param {Record<string, unknown> | null} props
   * @param {...unknown} children
   */
  const h = (type, props, ...children) => ({
    $$typeof: Symbol.for('react.element'),
    type,
    key: null,
    ref: null,
    props: { ...(props || {}), children: children.length <= 1 ? children[0] : children },
    _owner: null,
  });

  /** @param {any} activity @returns {{ kind: 'agent', name: string } | { kind: 'system' } | undefined} */
  const speakerOf = (activity) => {
    const speaker = activity && activity.channelData && activity.channelData.speaker;
    if (speaker && speaker.kind === 'agent' && typeof speaker.name === 'string') return { kind: 'agent', name: speaker.name };
    if (speaker && speaker.kind === 'system') return { kind: 'system' };
    return undefined;
  };
  const initialsOf = (/** @type {string} */ name) =>
    name
      .split(/\s+/)
      .map((word) => word.charAt(0))
      .join('')
      .slice(0, 2)
      .toUpperCase();

  /** Sends an event to the bot through Web Chat (set once Web Chat runs). */
  /** @type {(name: string, value: unknown) => void} */
  let postEvent = () => undefined;
  /** What the candidate already rated or answered (activity id -> choice), so a re-render remembers it. */
  /** @type {Map<string, string>} */
  const answered = new Map();

  /** Ratings the candidate added a comment to (activity key), so a re-render keeps the form closed. */
  /** @type {Set<string>} */
  const commented = new Set();

  /**
   * Choice buttons under a message, then "Thanks" once one is pressed. The pressed state is set on
   * the elements directly (attributes React never writes), so a re-render by Web Chat keeps it.
   * With `comment`, "No" also opens an optional one-line comment ("What was missing?"): only then, so
   * Tab after a "Yes" is not caught in Web Chat's focus trap of the activity (Escape leaves it).
   * @param {string} key @param {string} label @param {string} question
   * @param {Array<{ text: string, label: string, value: string }>} options
   * @param {(value: string) => void} choose
   * @param {(text: string, value: string) => void} [comment]
   * @param {typeof words} [said] the words of the reply's language
   */
  const choiceGroup = (key, label, question, options, choose, comment, said = words) => {
    const done = answered.get(key);
    /** @param {{ text: string, label: string, value: string }} option */
    const button = (option) =>
      h(
        'button',
        {
          type: 'button',
          className: 'ca-choice__button',
          'aria-label': option.label,
          'aria-pressed': done === option.value ? 'true' : 'false',
          disabled: Boolean(done),
          onClick: (/** @type {MouseEvent} */ event) => {
            if (answered.has(key)) return;
            answered.set(key, option.value);
            const group = /** @type {HTMLElement} */ (event.currentTarget).closest('.ca-choice');
            if (group) {
              for (const other of group.querySelectorAll('button.ca-choice__button')) other.setAttribute('disabled', '');
              /** @type {HTMLElement} */ (event.currentTarget).setAttribute('aria-pressed', 'true');
              const thanks = /** @type {HTMLElement | null} */ (group.querySelector('.ca-choice__thanks'));
              if (thanks) thanks.hidden = false;
              const form = /** @type {HTMLElement | null} */ (group.querySelector('.ca-comment'));
              if (form && option.value === 'down') form.hidden = false;
            }
            choose(option.value);
          },
        },
        option.text,
      );
    /** Sends the comment once, then closes the form with a thank-you. @param {Event} event */
    const sendComment = (event) => {
      event.preventDefault();
      const form = /** @type {HTMLFormElement} */ (event.currentTarget);
      const field = /** @type {HTMLInputElement | null} */ (form.querySelector('input'));
      const text = field ? field.value.trim() : '';
      const value = answered.get(key);
      if (!text || !value || commented.has(key) || !comment) return;
      commented.add(key);
      comment(text.slice(0, 500), value);
      form.hidden = true;
      const group = form.closest('.ca-choice');
      const thanks = /** @type {HTMLElement | null} */ (group && group.querySelector('.ca-choice__thanks'));
      if (thanks) thanks.textContent = said.commentSent;
    };
    const fieldId = 'ca-comment-' + key.replace(/[^A-Za-z0-9_-]/g, '-');
    const commentForm = comment
      ? h(
          'form',
          { className: 'ca-comment', hidden: done !== 'down' || commented.has(key), onSubmit: sendComment },
          h('label', { htmlFor: fieldId, className: 'ca-comment__label' }, said.commentLabel),
          h('input', { id: fieldId, type: 'text', maxLength: 500, className: 'ca-comment__input', autoComplete: 'off' }),
          h('button', { type: 'submit', className: 'ca-comment__send', 'aria-label': said.sendComment }, said.send),
        )
      : null;
    return h(
      'div',
      { className: 'ca-choice', role: 'group', 'aria-label': label },
      h('span', { className: 'ca-choice__question' }, question),
      ...options.map(button),
      h('span', { className: 'ca-choice__thanks', role: 'status', hidden: !done }, commented.has(key) ? said.commentSent : said.thanks),
      commentForm,
    );
  };

  /** @param {any} activity */
  const rateControl = (activity) => {
    const said = wordsOf(activity);
    return choiceGroup(
      'rate:' + activity.id,
      said.rateLabel,
      said.rateText,
      [
        // Words, not thumb emoji: a system without an emoji font shows those as empty boxes.
        { text: said.yes, label: said.yesLabel, value: 'up' },
        { text: said.no, label: said.noLabel, value: 'down' },
      ],
      (vote) => postEvent('webchat/feedback', { vote, entryId: activity.channelData.rate.entryId }),
      (comment, vote) => postEvent('webchat/feedback-comment', { vote, entryId: activity.channelData.rate.entryId, comment }),
      said,
    );
  };

  /** @param {any} activity */
  const surveyControl = (activity) => {
    const said = wordsOf(activity);
    return choiceGroup(
      'survey:' + activity.id,
      said.surveyLabel,
      said.surveyText,
      ['1', '2', '3', '4', '5'].map((score) => ({ text: score, label: score + said.outOf5, value: score })),
      (score) => postEvent('webchat/satisfaction', { score: Number(score), after: activity.channelData.survey }),
      undefined,
      said,
    );
  };

  /** @param {any} activity */
  const extrasOf = (activity) => {
    const channelData = (activity && activity.channelData) || {};
    return [
      channelData.rate && typeof channelData.rate.entryId === 'string' ? rateControl(activity) : null,
      channelData.survey === 'handoff' || channelData.survey === 'goodbye' ? surveyControl(activity) : null,
    ].filter(Boolean);
  };

  /** Staff messages: the person's initials in their own colour, and their name under the message. */
  const avatarMiddleware = () => (/** @type {(args: any) => any} */ next) => (/** @type {any} */ args) => {
    const speaker = speakerOf(args.activity);
    if (speaker && speaker.kind === 'agent') return () => h('div', { className: 'ca-avatar ca-avatar--staff', 'aria-hidden': 'true' }, initialsOf(speaker.name));
    return next(args);
  };
  const activityStatusMiddleware = () => (/** @type {(args: any) => any} */ next) => (/** @type {any} */ args) => {
    const speaker = speakerOf(args.activity);
    const status = speaker && speaker.kind === 'agent' ? h('span', { className: 'ca-staff-name' }, speaker.name + words.staffName) : next(args);
    const extras = extrasOf(args.activity);
    return extras.length ? h('div', { className: 'ca-status' }, status, ...extras) : status;
  };
  /** Web Chat groups messages by role, so a person would share the bot's avatar: group by who speaks. */
  const groupActivitiesMiddleware = () => (/** @type {(args: any) => any} */ next) => (/** @type {{ activities: any[] }} */ args) => {
    const grouped = next(args);
    const speakerKey = (/** @type {any} */ activity) => (activity.from && activity.from.role) + '|' + JSON.stringify(speakerOf(activity) || null);
    /** @type {any[][]} */
    const sender = [];
    let previous = '';
    for (const activity of args.activities) {
      const key = speakerKey(activity);
      const last = sender[sender.length - 1];
      if (last && key === previous) last.push(activity);
      else sender.push([activity]);
      previous = key;
    }
    // Every message its own status line: an answer's thumbs must not be folded into the next message's.
    return { ...grouped, sender, status: args.activities.map((activity) => [activity]) };
  };
  /** System lines ("Alex joined", "back to the bot"): a centred event line, not a bot bubble. */
  const activityMiddleware = () => (/** @type {(...args: any[]) => any} */ next) => (/** @type {any[]} */ ...args) => {
    const card = args[0];
    const speaker = speakerOf(card && card.activity);
    if (speaker && speaker.kind === 'system') {
      return () => h('div', { className: 'ca-event-row' }, h('div', { className: 'ca-event', role: 'note' }, String(card.activity.text || '')), ...extrasOf(card.activity));
    }
    return next(...args);
  };

  /**
   * A member of staff typing (their id has /staff/ in it, src/channels/web/directLineAdapter.ts):
   * "Alex from ASE support is typing", in words, announced politely; the bot's own typing keeps Web
   * Chat's dots.
   */
  const typingIndicatorMiddleware = () => (/** @type {(args: any) => any} */ next) => (/** @type {{ activeTyping: Record<string, { name?: string }>, visible: boolean }} */ args) => {
    const staff = Object.entries(args.activeTyping || {}).find(([id]) => id.indexOf('/staff/') >= 0);
    if (!staff || !args.visible) return next(args);
    const name = staff[1].name;
    return h('div', { className: 'ca-typing', role: 'status', 'aria-live': 'polite' }, h('span', { className: 'ca-typing__dots', 'aria-hidden': 'true' }), words.staffTyping(name));
  };

  /** @type {Promise<void> | undefined} */
  let starting;
  function start() {
    if (!starting) starting = run().catch(fail);
    return starting;
  }

  /** @param {unknown} error */
  function fail(error) {
    starting = undefined;
    showStatus(words.cannotStart, true);
    if (window.console) console.error('Candidate Assistant chat:', error);
  }

  async function run() {
    showStatus(words.connecting, false);
    await Promise.all([
      window.WebChat ? undefined : loadScript(botOrigin + '/webchat/webchat.js?v=' + WEBCHAT_VERSION),
      window.CandidateChatDirectLine ? undefined : loadScript(botOrigin + '/webchat/directLineClient.js?v=' + ASSET_VERSION),
    ]);
    const WebChat = window.WebChat;
    const client = window.CandidateChatDirectLine;
    if (!WebChat || !client) throw new Error('Web Chat did not load');
    const opened = await session();
    let zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch {
      zone = undefined;
    }
    const token = await identityToken();

    const directLine = client.create({
      domain: opened.domain,
      session: opened.session,
      resume: opened.resume,
      webSocket: opened.webSocket,
      // The conversation starts in the browser's language: the bot's welcome is in it.
      locale,
      onSession: (saved) => writeSaved(saved),
      onState: (state) => {
        if (state === 'online') showStatus('', false);
        else if (state === 'reconnecting') showStatus(words.reconnecting, true);
        else if (state === 'ended') {
          writeSaved(undefined);
          showStatus(words.ended, true);
        }
      },
    });

    // Every outgoing activity carries the browser's zone and locale (the bot works dates out in
    // that zone) and, when the site gave one, the candidate's identity token.
    const store = WebChat.createStore({}, (/** @type {{ dispatch: (action: unknown) => void }} */ api) => (/** @type {(action: any) => any} */ next) => (/** @type {any} */ action) => {
      if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload) {
        const activity = action.payload.activity;
        // After this action is through: Web Chat is redrawn outside its own dispatch.
        setTimeout(() => followLanguage(activity, opened.session.userId), 0);
      }
      if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && !opened.resume) {
        api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { locale } } });
      } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && action.payload && action.payload.activity) {
        const activity = { ...action.payload.activity, locale };
        if (zone) activity.localTimezone = zone;
        if (token) activity.channelData = { ...(activity.channelData || {}), identityToken: token };
        action = { ...action, payload: { ...action.payload, activity } };
      }
      return next(action);
    });

    postEvent = (name, value) => store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name, value } });

    redraw = () =>
      WebChat.renderWebChat(
        {
          directLine,
          store,
          avatarMiddleware,
          activityMiddleware,
          activityStatusMiddleware,
          groupActivitiesMiddleware,
          typingIndicatorMiddleware,
          userID: opened.session.userId,
          locale: webChatLocale,
          overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: words.placeholder },
          styleOptions: {
            hideUploadButton: true,
            botAvatarInitials: 'CA',
            userAvatarInitials: words.you,
            accent,
            bubbleBorderRadius: 6,
            bubbleFromUserBorderRadius: 6,
            bubbleFromUserBackground: '#e8f0f8',
            rootHeight: '100%',
            sendBoxTextWrap: true,
            // Stacked: every button as wide as the panel at most, its label wrapped; none hidden off-screen.
            suggestedActionLayout: 'stacked',
            suggestedActionsStackedLayoutButtonTextWrap: true,
            suggestedActionsStackedHeight: 400,
            suggestedActionHeight: 'auto',
            typingAnimationDuration: 5000,
            // A reply taller than the panel stops scrolling where it begins, so its first sentence (the answer) is read first.
            autoScrollSnapOnPage: true,
          },
        },
        transcript,
      );
    redraw();
  }

  if (inline) void start();
  // A conversation already going on this tab opens again after a reload.
  else if (openPanel && (data.open === 'true' || readSaved())) openPanel(true);
})();
