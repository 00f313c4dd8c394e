import nock from 'nock';
import twilio from 'twilio';
import { beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, requireChromium, screenshot, signedInConsole } from '../support/browser.js';
import { movableClock, STAFF_PASSWORD } from './support.js';
import { consoleInBrowser } from './consoleInBrowser.js';

/** A candidate who texts in through Twilio, and the agent who answers in the console. */
describe('an SMS conversation in the staff console (headless Chromium)', () => {
  const accountSid = `AC${'0123456789abcdef'.repeat(2)}`;
  const authToken = 'not-a-real-auth-token';
  const ourNumber = '+15550109999';
  const candidateNumber = '+15550100002';
  const webhookUrl = 'https://bot.example.org/api/sms/twilio';
  const texts: string[] = [];
  let sid = 0;

  const candidateTexts = async (body: string) => {
    const params = { MessageSid: `SM${String(++sid).padStart(32, '0')}`, AccountSid: accountSid, From: candidateNumber, To: ourNumber, Body: body, NumMedia: '0' };
    const response = await fetch(`${desk.server.url}/api/sms/twilio`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, webhookUrl, params) },
      body: new URLSearchParams(params).toString(),
    });
    expect(response.status).toBe(200);
    await expect.poll(() => desk.server.twilio!.inFlight()).toBe(0);
  };

  // Twilio's API answers from here before the app starts.
  beforeAll(() => {
    if (!haveChromium) return;
    nock('https://api.twilio.com')
      .persist()
      .post(`/2010-04-01/Accounts/${accountSid}/Messages.json`)
      .reply((_uri, body) => {
        texts.push(new URLSearchParams(String(body)).get('Body') ?? '');
        return [201, { sid: `SM${String(texts.length).padStart(32, 'f')}`, status: 'queued' }];
      });
  });
  const desk = consoleInBrowser({
    start: {
      clock: movableClock().now,
      env: { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_PHONE_NUMBER: ourNumber, TWILIO_WEBHOOK_URL: webhookUrl },
    },
    cleanUp: async () => {
      nock.cleanAll();
    },
  });

  it('a reply too long for two text segments is flagged before it is sent, since the candidate would get its start and "Reply MORE"', { timeout: 60_000 }, async (test) => {
    requireChromium(test);
    await candidateTexts('talk to a person');
    const { page, problems } = await signedInConsole(desk.browser, desk.server.url, 'agent1', STAFF_PASSWORD);
    await page.locator('[data-testid=claim]').click();
    const box = page.locator('#reply-text');
    await expect.poll(() => box.isVisible(), { timeout: 10_000 }).toBe(true);
    const note = page.locator('[data-testid=reply-sms]');

    await box.fill('Your new appointment is confirmed for Monday at 9 AM.');
    expect(await note.isVisible()).toBe(false);

    const long = 'Thanks for waiting. I have looked at your account and your appointment. '.repeat(5).trim();
    await box.fill(long);
    await expect.poll(() => note.isVisible()).toBe(true);
    await screenshot(page, 'staff-sms-long-reply.png');
    await box.press('Enter');
    await expect.poll(() => texts.at(-1) ?? '').toMatch(/Reply MORE for details\.$/);
    // The box is emptied once the reply is sent, and the note goes with it (a moment later, not at once).
    await expect.poll(() => note.isVisible()).toBe(false);
    expect(problems).toEqual([]);
  });
});
