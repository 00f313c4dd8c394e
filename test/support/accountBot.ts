// Plain helpers for the account tests, which all run on the production composition (startBot, via
// ./accountsOnBot.ts): a clock the test moves, and the test website's identity tokens. (This file
// used to hold a harness that wired its own bot; test/account/assistantHttp.test.ts, its last user,
// now starts the composed application with ACCOUNT_API_URL set.)

import { SignJWT } from 'jose';
import { fixedNow } from './testApp.js';

export const WEB_ISSUER = 'https://candidates.example.test';
export const WEB_AUDIENCE = 'candidate-assistant';
/** HS256 shared secret of the test website (at least 32 bytes). */
export const WEB_SECRET = 'test-website-secret-0123456789-abcdefghij';

/** A clock the test moves: every part of the bot (and the demo source) reads it; the HTTP account client reads the wall clock. */
export interface TestClock {
  (): Date;
  set(at: Date): void;
  advanceMinutes(minutes: number): void;
}

export function testClock(start: Date = fixedNow): TestClock {
  let now = new Date(start);
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (at) => {
    now = new Date(at);
  };
  clock.advanceMinutes = (minutes) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  return clock;
}

export interface WebTokenOptions {
  subject?: string;
  /** Seconds relative to `now`. */
  expiresIn?: number;
  audience?: string;
  issuer?: string;
  secret?: string;
}

/** A website session token as the page would pass it in channelData.identityToken. */
export function webToken(now: Date, o: WebTokenOptions = {}): Promise<string> {
  const nowSec = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(o.issuer ?? WEB_ISSUER)
    .setAudience(o.audience ?? WEB_AUDIENCE)
    .setSubject(o.subject ?? 'demo-cand-0001')
    .setIssuedAt(nowSec - 60)
    .setExpirationTime(nowSec + (o.expiresIn ?? 600))
    .sign(new TextEncoder().encode(o.secret ?? WEB_SECRET));
}
