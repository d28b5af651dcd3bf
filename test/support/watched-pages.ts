import { afterEach, expect } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { watchPage } from './browser.js';

// Kept apart from browser.ts, which the benches import outside Jest.

/**
 * Pages for a test file: `open(context, path)` opens `baseUrl() + path` watched by watchPage, and
 * after each test any problem a page had fails that test. Call it inside the file's `describe`.
 */
export function watchedPages(baseUrl: () => string, afterOpen?: (page: Page) => Promise<unknown>) {
  const problems: string[] = [];
  afterEach(() => {
    expect(problems).toEqual([]);
    problems.length = 0;
  });
  async function open(context: BrowserContext, path: string): Promise<Page> {
    const page = await context.newPage();
    watchPage(page, problems);
    await page.goto(baseUrl() + path);
    await afterOpen?.(page);
    return page;
  }
  return { problems, open };
}
