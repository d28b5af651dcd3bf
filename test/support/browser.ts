import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium fonts-noto-cjk); playwright never downloads one. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../screenshots');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface TestBrowser {
  browser: Browser;
  /** A fresh context (its own storage, like a second phone); phone-sized unless told. */
  newContext(options?: { width?: number; height?: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * Launches Chromium; Playwright gives every launch a fresh temporary profile (user-data-dir) and
 * removes it on close. A machine without Chromium fails here, loudly: the browser tests are never
 * skipped.
 */
export async function launchBrowser(options: { args?: string[] } = {}): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the browser tests need it. Install it with ` +
        '`apt-get update && apt-get install -y chromium fonts-noto-cjk` (or set CHROMIUM_PATH).',
    );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...ARGS, ...(options.args ?? [])],
    headless: true,
  });
  return {
    browser,
    newContext: (o = {}) =>
      browser.newContext({
        viewport: { width: o.width ?? 375, height: o.height ?? 800 },
        deviceScaleFactor: 1,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      }),
    close: () => browser.close(),
  };
}

/** Saves a full-page screenshot under test/screenshots/ (kept for people to look at). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Fails the test on any dialog (alert from injected script) and on uncaught page errors. */
export function watchPage(page: Page, problems: string[]): void {
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|ERR_INTERNET_DISCONNECTED|WebSocket/.test(m.text()))
      problems.push(`console error: ${m.text()}`);
  });
}
