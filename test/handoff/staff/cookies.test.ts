import { describe, expect, it } from 'vitest';
import { clearSessionCookie, readCookie, sessionCookie, STAFF_SESSION_COOKIE } from '../../../src/handoff/staff/cookies.js';

const attributesOf = (cookie: string) => cookie.split('; ').slice(1);

describe('the staff session cookie', () => {
  it('is called staff_session', () => {
    expect(STAFF_SESSION_COOKIE).toBe('staff_session');
  });

  it('over HTTPS it is HttpOnly, SameSite=Strict, Secure, scoped to /staff, with the given age', () => {
    const cookie = sessionCookie('abc_DEF-123', { secure: true, maxAgeSeconds: 43_200 });
    expect(cookie.startsWith('staff_session=abc_DEF-123; ')).toBe(true);
    expect(attributesOf(cookie).sort()).toEqual(['HttpOnly', 'Max-Age=43200', 'Path=/staff', 'SameSite=Strict', 'Secure']);
  });

  it('over plain HTTP in development it has no Secure flag but keeps the rest', () => {
    const cookie = sessionCookie('tok', { secure: false, maxAgeSeconds: 60.9 });
    expect(attributesOf(cookie).sort()).toEqual(['HttpOnly', 'Max-Age=60', 'Path=/staff', 'SameSite=Strict']);
  });

  it('a token a cookie cannot carry, or a negative age, is refused', () => {
    expect(() => sessionCookie('a;b', { secure: true, maxAgeSeconds: 60 })).toThrow(/not a valid cookie value/);
    expect(() => sessionCookie('', { secure: true, maxAgeSeconds: 60 })).toThrow(/not a valid cookie value/);
    expect(() => sessionCookie('tok', { secure: true, maxAgeSeconds: -1 })).toThrow(/maxAgeSeconds/);
  });

  it('clearing it empties the value and expires it at once, on the same path', () => {
    const cookie = clearSessionCookie(true);
    expect(cookie.startsWith('staff_session=; ')).toBe(true);
    expect(attributesOf(cookie)).toEqual(expect.arrayContaining(['Max-Age=0', 'Path=/staff', 'HttpOnly', 'SameSite=Strict', 'Secure']));
    expect(clearSessionCookie(false)).not.toContain('Secure');
  });
});

describe('reading a cookie from the request header', () => {
  it('finds the named cookie among others, with or without spaces', () => {
    expect(readCookie('a=1; staff_session=tok; b=2', 'staff_session')).toBe('tok');
    expect(readCookie('a=1;staff_session=tok;b=2', 'staff_session')).toBe('tok');
  });

  it('does not mistake a cookie whose name merely ends or starts the same', () => {
    expect(readCookie('old_staff_session=x; staff_session_2=y', 'staff_session')).toBeUndefined();
  });

  it('takes the first of two with the same name', () => {
    expect(readCookie('staff_session=first; staff_session=second', 'staff_session')).toBe('first');
  });

  it('survives a missing header, an empty one, and junk', () => {
    expect(readCookie(undefined, 'staff_session')).toBeUndefined();
    expect(readCookie('', 'staff_session')).toBeUndefined();
    expect(readCookie(';;; =; novalue; ==; staff_session', 'staff_session')).toBeUndefined();
    expect(readCookie(';;; garbage ; staff_session=tok', 'staff_session')).toBe('tok');
  });

  it('unquotes a quoted value and decodes percent-escapes, keeping a bad escape as sent', () => {
    expect(readCookie('staff_session="tok"', 'staff_session')).toBe('tok');
    expect(readCookie('staff_session=a%20b', 'staff_session')).toBe('a b');
    expect(readCookie('staff_session=100%', 'staff_session')).toBe('100%');
  });

  it('keeps "=" inside a value', () => {
    expect(readCookie('x=a=b', 'x')).toBe('a=b');
  });
});
