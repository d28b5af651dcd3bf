import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { unavailable } from '../../domain/shared/domain-error.js';

// Generous for a busy venue laptop; a render holds the queue at most this long.
const RENDER_TIMEOUT_MS = 45_000;
/** Renders waiting beyond the one in progress; more are refused as busy rather than queued without end. */
const MAX_WAITING = 4;

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Prints a page of our own to PDF in headless Chromium (playwright-core), the same print
 * stylesheet a browser's "Print" uses. One browser for the process, started on first use and
 * reused; one render at a time with a short queue; each render has a time limit. The browser opens
 * the page at this server's loopback address and may load nothing from anywhere else.
 */
@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  private readonly log = new Logger('PdfRenderer');
  private browser: Promise<Browser> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleDestroy(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close().catch(() => undefined);
  }

  /** Renders `path` (with `data` answering the page's one document read at `dataUrl`). */
  render(path: string, dataUrl: string, data: string): Promise<Buffer> {
    if (!existsSync(chromiumPath()))
      throw unavailable(
        'PDF_RENDERER_UNAVAILABLE',
        `PDF needs Chromium at ${chromiumPath()} (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH); the print page works in any browser`,
      );
    if (this.waiting >= MAX_WAITING)
      throw unavailable('PDF_RENDERER_BUSY', 'Other documents are being printed: try again in a few seconds', 5);
    this.waiting++;
    const run = this.queue.then(() => this.renderNow(path, dataUrl, data));
    this.queue = run.catch(() => undefined).finally(() => this.waiting--);
    return run;
  }

  /** This server on the loopback interface, where the browser opens the print page. */
  origin(): string {
    const address = this.adapterHost.httpAdapter.getHttpServer().address() as AddressInfo | string | null;
    if (!address || typeof address === 'string')
      throw unavailable('PDF_RENDERER_UNAVAILABLE', 'The server is not listening on a TCP port to print from');
    const host = address.address === '::1' ? '[::1]' : '127.0.0.1';
    return `http://${host}:${address.port}`;
  }

  private launch(): Promise<Browser> {
    this.browser ??= (async () => {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath: chromiumPath(),
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-sync'],
      });
      browser.on('disconnected', () => (this.browser = null));
      return browser;
    })();
    this.browser.catch((err: unknown) => {
      this.log.error({ err }, 'Chromium did not start');
      this.browser = null;
    });
    return this.browser;
  }

  private async renderNow(path: string, dataUrl: string, data: string): Promise<Buffer> {
    let browser: Browser;
    try {
      browser = await this.launch();
    } catch {
      throw unavailable('PDF_RENDERER_UNAVAILABLE', 'Chromium could not be started to print the PDF');
    }
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', javaScriptEnabled: true });
    let timer: NodeJS.Timeout | undefined;
    try {
      const page = await context.newPage();
      const origin = this.origin();
      await page.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        // Our own pages and assets only; the document's data is the exact text the version was made from.
        if (url.origin !== origin || route.request().method() !== 'GET') return route.abort();
        if (url.pathname + url.search === dataUrl)
          return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: data });
        return route.continue();
      });
      const work = (async () => {
        await page.goto(origin + path, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS });
        // Attribute reads, not script: the page's CSP allows no eval.
        await page.waitForSelector('html[data-print]', { state: 'attached', timeout: RENDER_TIMEOUT_MS });
        const state = await page.getAttribute('html', 'data-print');
        if (state !== 'ready') throw new Error(`print page says ${state}`);
        await page.emulateMedia({ media: 'print' });
        return page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate:
            '<div style="width:100%;font-size:8px;text-align:center;color:#555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
        });
      })();
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(unavailable('PDF_RENDER_TIMEOUT', 'Printing the PDF took too long: try again later', 10)),
          RENDER_TIMEOUT_MS,
        );
      });
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
      await context.close().catch(() => undefined);
    }
  }
}
