import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { FixedWindowCounter } from '../../common/rate-limit/fixed-window.js';
import { rateLimited } from '../../domain/shared/domain-error.js';
import { DocumentsService } from './documents.service.js';
import type { DocumentKind } from './documents.types.js';
import { PdfRenderer } from './pdf-renderer.js';

/** Fresh renders (not from the cache) per caller address per minute. */
const RENDERS_PER_MINUTE = 6;
const CACHE_ENTRIES = 40;

export const printPath = (kind: DocumentKind, id: string) => `/print/${kind}/${id}`;
export const documentDataUrl = (kind: DocumentKind, id: string) =>
  kind === 'scoresheet' ? `/api/v1/games/${id}/documents/scoresheet` : `/api/v1/tournaments/${id}/documents/${kind}`;

export interface DocumentPdf {
  pdf: Buffer;
  /** Changes whenever the document's data or the print page does. */
  version: string;
}

/**
 * The PDFs of the printable documents. A PDF is a function of the document's data and the print
 * page's bundle, so it is cached under the hash of both ("the document's version"): anybody asking
 * again for an unchanged document gets the stored file, and concurrent requests for one version
 * share one render. Only a changed document costs a render, and those are limited per address.
 */
@Injectable()
export class DocumentPdfs {
  private readonly cache = new Map<string, Buffer>();
  private readonly rendering = new Map<string, Promise<Buffer>>();
  private readonly renders = new FixedWindowCounter(60_000);

  constructor(
    private readonly documents: DocumentsService,
    private readonly renderer: PdfRenderer,
  ) {}

  async pdf(kind: DocumentKind, id: string, caller: string): Promise<DocumentPdf> {
    const data = JSON.stringify(await this.documents.document(kind, id));
    const path = printPath(kind, id);
    // The print page's HTML names its hashed scripts and styles: a deploy that changes them is a new version.
    const page = await fetch(this.renderer.origin() + path).catch(() => null);
    const version = createHash('sha256')
      .update(`${page?.headers.get('etag') ?? (await page?.text()) ?? ''}\n${data}`)
      .digest('base64url')
      .slice(0, 22);
    const cached = this.cache.get(version);
    if (cached) {
      // Most recently used last, so the oldest goes first when full.
      this.cache.delete(version);
      this.cache.set(version, cached);
      return { pdf: cached, version };
    }
    let render = this.rendering.get(version);
    if (!render) {
      const { allowed, retryAfterSeconds } = this.renders.hit(caller, RENDERS_PER_MINUTE);
      if (!allowed)
        throw rateLimited(
          'TOO_MANY_PDF_RENDERS',
          `Too many new PDFs in a minute: try again in ${retryAfterSeconds} seconds`,
          retryAfterSeconds,
        );
      render = this.renderer.render(path, documentDataUrl(kind, id), data);
      this.rendering.set(version, render);
      render
        .then((pdf) => {
          this.cache.set(version, pdf);
          while (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
        })
        .catch(() => undefined)
        .finally(() => this.rendering.delete(version));
    }
    return { pdf: await render, version };
  }
}
