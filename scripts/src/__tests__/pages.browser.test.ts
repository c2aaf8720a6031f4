/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Browser } from 'playwright-core';
import { axe, describeInBrowser, phone as newPhone, startBrowserNetwork } from '../e2e/browser';
import type { TestNetwork } from '../e2e/network';

/**
 * The reference services' pages in a real browser (Debian's Chromium through playwright-core):
 * a whole conversation in each language that ends with service cards, the whole "How am I
 * doing?" flow, and axe-core on each page. `.ci/run` installs Chromium when it is missing; a
 * local run without it says clearly that these tests were skipped (and CI fails instead).
 */
const inBrowser = describeInBrowser();

let network: TestNetwork;
let browser: Browser;
let started: Awaited<ReturnType<typeof startBrowserNetwork>> | undefined;

inBrowser('the reference services in a browser', () => {
  beforeAll(async () => {
    started = await startBrowserNetwork();
    ({ network, browser } = started);
  }, 120_000);

  afterAll(() => started?.close());

  const phone = () => newPhone(browser);

  it.each([
    ['fi', 'Jäin työttömäksi', 'Asun Mikkelissä', '34', 'Missä kunnassa asut?'],
    ['sv', 'Jag har skulder', 'Jag bor i Åbo', '45', 'I vilken kommun bor du?'],
    ['en', 'I feel lonely', 'I live in Tampere', '29', 'Which municipality do you live in?'],
  ])('chat in %s: a whole conversation by keyboard ends with service cards', async (language, situation, place, age, question) => {
    const page = await phone();
    await page.goto(`${network.pages.chatbot}?lang=${language}`);
    const input = page.locator('#message');
    await input.focus();
    await page.keyboard.type(situation);
    await page.keyboard.press('Enter');
    await page.locator('#log li', { hasText: question }).waitFor();
    await page.keyboard.type(place);
    await page.keyboard.press('Enter');
    await page.locator('#log li').nth(3).waitFor();
    await page.keyboard.type(age);
    await page.keyboard.press('Enter');
    await page.locator('#results .service-card').first().waitFor({ timeout: 15_000 });
    const cards = await page.locator('#results .service-card h3').allTextContents();
    expect(cards.length).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#results .package h3').count()).toBeGreaterThan(0);
    expect(await page.locator('#quick-replies button').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    // Nothing is wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });

  it('chat: a crisis message shows the crisis line and 112 at once', async () => {
    const page = await phone();
    await page.goto(`${network.pages.chatbot}?lang=en`);
    await page.locator('#message').fill('I want to end my life');
    await page.locator('#send').click();
    const reply = page.locator('#log li.crisis');
    await reply.waitFor();
    expect(await reply.textContent()).toContain('09 2525 0111');
    expect(await reply.textContent()).toContain('112');
    await page.context().close();
  });

  it('How am I doing?: rate, see the chart, see what affects what and services, then delete everything', async () => {
    const page = await phone();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${network.pages.howAmIDoing}?lang=en`);
    await page.locator('#meter-finance').waitFor();
    expect(await page.locator('.meter').count()).toBe(10);
    expect(await page.locator('label[for="meter-finance"]').textContent()).toContain('Money matters');
    // By keyboard: finance down to 1, friends down to 3.
    await page.locator('#meter-finance').focus();
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowLeft');
    await page.locator('#meter-friends').focus();
    for (let i = 0; i < 2; i += 1) await page.keyboard.press('ArrowLeft');
    await page.locator('#save').click();
    await page.locator('#status', { hasText: 'Saved.' }).waitFor();
    await page.locator('#chart svg').waitFor();
    expect(await page.locator('#chart svg desc').textContent()).toContain('Money matters: Now 1');
    // A second answer: the chart compares it with the first.
    await page.locator('#meter-finance').focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('#save').click();
    await page.locator('#chart svg rect.before').first().waitFor();
    expect(await page.locator('#chart svg desc').textContent()).toContain('Money matters: Now 2, Previous answer 1');
    expect(await page.locator('#history tbody tr').count()).toBe(2);
    expect(await page.locator('#links li').count()).toBeGreaterThan(8);
    expect(await page.locator('#links li').first().textContent()).toMatch(/If .* may/);
    await page.locator('#packages .service-card').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('#packages .package h3').first().textContent()).toContain('Money matters');
    expect(await axe(page)).toEqual([]);
    expect(await network.stores['how-am-i-doing'].collection('assessments').countDocuments({})).toBeGreaterThanOrEqual(2);

    const before = await network.stores['how-am-i-doing'].collection('assessments').countDocuments({});
    await page.locator('#delete').click();
    await page.locator('#data-status', { hasText: 'Your data was deleted from every service.' }).waitFor();
    expect(await network.stores['how-am-i-doing'].collection('assessments').countDocuments({})).toBe(before - 2);
    expect(await page.evaluate(() => localStorage.getItem('aurora.identity'))).toBeNull();
    await page.context().close();
  });

  it('both pages work in Finnish and Swedish too, with no serious accessibility problems before any answer', async () => {
    for (const url of [`${network.pages.howAmIDoing}?lang=sv`, `${network.pages.chatbot}?lang=fi`]) {
      const page = await phone();
      await page.goto(url);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await axe(page)).toEqual([]);
      await page.context().close();
    }
  });
});
