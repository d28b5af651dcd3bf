import type { FastifyReply } from 'fastify';
import vary from 'vary';

/** Adds `field` to the reply's Vary header, keeping what is there (each field once). */
export function addVary(reply: FastifyReply, field: string): void {
  const current = reply.getHeader('vary');
  void reply.header('vary', vary.append(Array.isArray(current) ? current.join(', ') : String(current ?? ''), field));
}
