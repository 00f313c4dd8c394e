// @ts-check
/**
 * Telling an agent that someone is waiting when they are looking elsewhere: a count in the tab's
 * title, an optional short tone, and a desktop notification (only once the agent has allowed them
 * in the browser). Nothing here reads candidate text beyond what the console already shows.
 */

const SOUND_KEY = 'staffConsole.sound';

/**
 * @typedef {{ title: string, body: string, tag: string, onClick?: () => void }} DeskNotice
 */

/** The browser's Notification API, when this browser has one. */
function notificationApi() {
  return typeof window.Notification === 'function' ? window.Notification : undefined;
}

/** @returns {'granted' | 'denied' | 'default' | 'unsupported'} */
export function notificationPermission() {
  const api = notificationApi();
  return api ? api.permission : 'unsupported';
}

/** Asks the browser (it must follow a click); resolves to the answer. */
export async function askNotificationPermission() {
  const api = notificationApi();
  if (!api) return 'unsupported';
  if (api.permission !== 'default') return api.permission;
  return api.requestPermission();
}

/**
 * "(3) Staff console": the number of waiting cases plus unread messages, in front of the page's
 * own title, so a background tab shows it.
 * @param {string} baseTitle
 * @param {number} count
 */
export function badgeTitle(baseTitle, count) {
  return count > 0 ? '(' + count + ') ' + baseTitle : baseTitle;
}

export function soundWanted() {
  try {
    return window.localStorage.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

/** @param {boolean} on */
export function rememberSound(on) {
  try {
    window.localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
  } catch {
    /* a browser that keeps nothing: the choice lasts this page */
  }
}

/** @type {AudioContext | null} */
let audio = null;

/**
 * Makes the tone playable: browsers only start audio after a click, so the sound switch calls this.
 */
export function unlockSound() {
  if (!audio && typeof window.AudioContext === 'function') audio = new window.AudioContext();
  if (audio && audio.state === 'suspended') void audio.resume();
}

/** Two short rising beeps: generated in the page, so the CSP needs no media source. */
export function playTone() {
  if (!audio || audio.state !== 'running') return;
  const start = audio.currentTime;
  [660, 880].forEach(function (frequency, i) {
    if (!audio) return;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.12, start + i * 0.18);
    gain.gain.exponentialRampToValueAtTime(0.001, start + i * 0.18 + 0.15);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + i * 0.18);
    oscillator.stop(start + i * 0.18 + 0.16);
  });
}

/**
 * A desktop notification, when the agent allowed them. A tag per case replaces an older notice
 * about the same case instead of piling them up.
 * @param {DeskNotice} notice
 * @returns {boolean} whether one was shown
 */
export function showDesktopNotice(notice) {
  const api = notificationApi();
  if (!api || api.permission !== 'granted') return false;
  try {
    const shown = new api(notice.title, { body: notice.body, tag: notice.tag });
    shown.onclick = function () {
      window.focus();
      if (notice.onClick) notice.onClick();
      shown.close();
    };
    return true;
  } catch {
    // Some browsers allow notifications only from a service worker: the title and sound still tell.
    return false;
  }
}
