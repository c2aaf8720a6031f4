/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Browser } from 'playwright-core';
import { axe, describeInBrowser, phone as newPhone, startBrowserNetwork } from '../e2e/browser';
import type { TestNetwork } from '../e2e/network';

/**
 * The next step in a real browser, by keyboard, in each language, axe-core clean: from a chat
 * conversation to a confirmed (and cancelled) booking at the City of Mikkeli, and from "How am I
 * doing?" to Kela's eligibility answer, then the data section: where the person's data is, the
 * consent withdrawn, and a transfer code. Skipped, saying so, without Chromium (CI fails instead).
 */
const inBrowser = describeInBrowser();

let network: TestNetwork;
let browser: Browser;
let started: Awaited<ReturnType<typeof startBrowserNetwork>> | undefined;

inBrowser('using a service from the reference pages', () => {
  beforeAll(async () => {
    started = await startBrowserNetwork();
    ({ network, browser } = started);
  }, 120_000);

  afterAll(() => started?.close());

  const phone = () => newPhone(browser);

  it.each([
    ['fi', 'Varaa aika', /^Aika varattu: Mikkelin kaupungin .+, .+\.$/, 'Peru varaus', 'Varaus peruttu; aika on taas vapaa.'],
    ['sv', 'Boka en tid', /^Tiden är bokad: Mikkelin kaupungin .+, .+\.$/, 'Avboka', 'Bokningen är avbokad; tiden är ledig igen.'],
    ['en', 'Book a time', /^Booked: Mikkelin kaupungin .+, .+\.$/, 'Cancel the booking', 'The booking is cancelled; the time is free again.'],
  ])('chat in %s: from a conversation to a confirmed booking and back, by keyboard', async (language, bookLabel, confirmed, cancelLabel, cancelled) => {
    const page = await phone();
    await page.goto(`${network.pages.chatbot}?lang=fi`);
    // The city's bookable services are offered in Finnish only (their catalogue languages), and the engine rightly keeps
    // them from a Swedish or English conversation: the person talks in Finnish, then reads the page in the language chosen.
    for (const [index, message] of ['Rakennan taloa', 'Mikkeli', '40'].entries()) {
      await page.locator('#message').focus();
      await page.keyboard.type(message);
      await page.keyboard.press('Enter');
      await page
        .locator('#log li')
        .nth(index * 2 + 1)
        .waitFor();
    }
    await page.locator('#results .service-card').first().waitFor({ timeout: 15_000 });
    if (language !== 'fi') await page.locator('#language').selectOption(language.toUpperCase());
    const book = page.locator('#results .next-step button', { hasText: bookLabel }).first();
    await book.waitFor();
    expect(await book.getAttribute('aria-expanded')).toBe('false');
    const before = await network.stores.mikkeli.collection('appointments').countDocuments({});

    await book.focus();
    await page.keyboard.press('Enter');
    await page.locator('.action-panel input[type="radio"]').first().waitFor();
    expect(await book.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('radio');
    // The second time, by arrow key; Tab to the button; Enter books it.
    await page.keyboard.press('ArrowRight');
    const chosen = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const status = page.locator('.action-panel .confirmed');
    await status.waitFor();
    expect(await status.textContent()).toMatch(confirmed);
    expect(await network.stores.mikkeli.collection('appointments').countDocuments({ start: chosen })).toBe(1);
    expect(await network.stores.mikkeli.collection('appointments').countDocuments({})).toBe(before + 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axe(page)).toEqual([]);

    // Focus is on "cancel": Enter cancels, and the time is free again.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(cancelLabel);
    await page.keyboard.press('Enter');
    await page.locator('.action-panel [role="status"]', { hasText: cancelled }).waitFor();
    expect(await network.stores.mikkeli.collection('appointments').countDocuments({})).toBe(before);
    expect(await page.locator(`.action-panel input[value="${chosen}"]`).count()).toBe(1);
    await page.context().close();
  });

  it.each([
    [
      'fi',
      'Tarkista, voitko saada',
      'Salli tietojen käyttö tukikelpoisuuden tarkistukseen',
      'Tätä ei voi vielä arvioida.',
      'Näytä tietoni',
      'Tukikelpoisuuden tarkistus',
      'Peru suostumus',
      'Suostumus peruttu.',
    ],
    [
      'sv',
      'Kontrollera om du kan få',
      'Tillåt att uppgifterna används för att kontrollera rätt till förmåner',
      'Detta kan inte bedömas ännu.',
      'Visa mina uppgifter',
      'Kontroll av rätt till förmåner',
      'Återkalla samtycket',
      'Samtycket har återkallats.',
    ],
    [
      'en',
      'Check if you qualify',
      'Allow them to be used for eligibility checks',
      'This cannot be estimated yet.',
      'Show my data',
      'Eligibility checks',
      'Withdraw consent',
      'Consent withdrawn.',
    ],
  ])(
    'How am I doing? in %s: from an answer to an eligibility answer, then the consent withdrawn in the data section, by keyboard',
    async (language, checkLabel, allowLabel, unknownText, showLabel, purposeLabel, withdrawLabel, withdrawnText) => {
      const page = await phone();
      await page.goto(`${network.pages.howAmIDoing}?lang=${language}`);
      await page.locator('#meter-housing').waitFor();
      await page.locator('#meter-housing').focus();
      for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowLeft');
      await page.locator('#save').focus();
      await page.keyboard.press('Enter');
      const check = page.locator('#packages .next-step button', { hasText: checkLabel }).first();
      await check.waitFor({ timeout: 15_000 });
      await check.focus();
      await page.keyboard.press('Enter');

      // Not shared yet: the panel says what the check needs; allowing it is one Enter away.
      const allow = page.locator('.action-panel button', { hasText: allowLabel });
      await allow.waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(allowLabel);
      await page.keyboard.press('Enter');
      // Consented, but no age or municipality given yet: the panel asks for them (focus on the first).
      await page.locator('.action-panel input[name="AGE"]').waitFor();
      await page.keyboard.type('30');
      await page.keyboard.press('Tab');
      await page.keyboard.type('491');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const answer = page.locator('.action-panel .eligibility');
      await answer.waitFor();
      expect(await answer.textContent()).toBe(unknownText);
      expect(await page.locator('.action-panel li').count()).toBe(2);
      expect(await axe(page)).toEqual([]);

      // The data section: who holds what, and the consent, withdrawn.
      expect(await page.locator('#show').textContent()).toBe(showLabel);
      await page.locator('#show').focus();
      await page.keyboard.press('Enter');
      const consent = page.locator('#consents li', { hasText: purposeLabel });
      await consent.waitFor();
      expect(await page.locator('#holders li').count()).toBeGreaterThanOrEqual(2);
      expect(await axe(page)).toEqual([]);
      await consent.locator('button', { hasText: withdrawLabel }).focus();
      await page.keyboard.press('Enter');
      await page.locator('#manage-status', { hasText: withdrawnText }).waitFor();
      expect(await page.locator('#consents li', { hasText: purposeLabel }).count()).toBe(0);
      // And Kela answers no more: the check asks for consent again.
      await check.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await allow.waitFor();
      await page.context().close();
    },
  );

  it('How am I doing?: a one-time transfer code from the latest conversation, redeemed once by the receiving organisation', async () => {
    const page = await phone();
    await page.goto(`${network.pages.howAmIDoing}?lang=en`);
    await page.locator('#meter-finance').waitFor();
    await page.locator('#save').focus();
    await page.keyboard.press('Enter');
    await page.locator('#status', { hasText: 'Saved.' }).waitFor();
    // The same person has had a conversation in the chat.
    const token = (await page.evaluate(() => localStorage.getItem('aurora.identity'))) as string;
    let sessionId: string | null = null;
    for (const message of ['I lost my job', 'I live in Mikkeli', '34']) {
      const turn = await network.query(
        'mutation($id: ID, $m: String!) { chat(sessionId: $id, message: $m, language: EN) { sessionId } }',
        { id: sessionId, m: message },
        {
          authorization: `Bearer ${token}`,
        },
      );
      sessionId = turn.data.chat.sessionId;
    }
    const recipient = 'a7c1f3e2-0000-4000-8000-000000000001';
    await page.locator('#show').focus();
    await page.keyboard.press('Enter');
    await page.locator('#recipient').waitFor();
    await page.locator('#recipient').focus();
    await page.keyboard.type(recipient);
    for (const name of ['AGE', 'MUNICIPALITY']) {
      await page.locator(`#transfer-form input[value="${name}"]`).focus();
      await page.keyboard.press('Space');
    }
    await page.locator('#transfer-form button[type="submit"]').focus();
    await page.keyboard.press('Enter');
    const status = page.locator('#transfer-status', { hasText: 'Your code:' });
    await status.waitFor();
    const code = /Your code: (\S+)/.exec((await status.textContent()) ?? '')?.[1] as string;
    expect(await axe(page)).toEqual([]);
    const provider = await network.providerToken(recipient, ['transfer:redeem']);
    const REDEEM = 'mutation($code: String!) { redeemTransfer(code: $code) { age municipality lifeEvents attributes } }';
    const redeemed = await network.query(REDEEM, { code }, { authorization: `Bearer ${provider}` });
    expect(redeemed.data.redeemTransfer).toEqual({ age: 34, municipality: '491', lifeEvents: null, attributes: ['AGE', 'MUNICIPALITY'] });
    expect((await network.query(REDEEM, { code }, { authorization: `Bearer ${provider}` })).errors[0].extensions.code).toBe('NOT_FOUND');
    await page.context().close();
  });
});
