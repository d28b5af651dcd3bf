/**
 * nginx in front of Courtside instances, as docs/deploy.md ("Several instances") sets it up:
 * WebSocket upgrade passed through on every path, requests spread over the instances. The pages
 * and the fans' socket.io clients use WebSocket only (LIVE_POLLING off), so no stickiness is
 * needed. For the benchmarks that measure more than one instance (Debian: apt-get install nginx).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const NGINX = process.env.BENCH_NGINX ?? '/usr/sbin/nginx';

/** The http block's part for Courtside (the same lines docs/deploy.md shows). */
export const courtsideUpstream = (ports: number[], listenPort: number) => `
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  upstream courtside {
    least_conn;
${ports.map((p) => `    server 127.0.0.1:${p};`).join('\n')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${listenPort};
    location / {
      proxy_pass http://courtside;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 60s;
    }
  }`;

export interface Nginx {
  port: number;
  url: string;
  /** The master and worker processes (for their CPU and memory). */
  pids(): number[];
  stop(): Promise<void>;
}

export async function startNginx(upstreamPorts: number[], port: number): Promise<Nginx> {
  if (!existsSync(NGINX)) throw new Error(`nginx not found at ${NGINX}: apt-get install nginx (or set BENCH_NGINX)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'courtside-nginx-'));
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
worker_rlimit_nofile 65536;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 40000; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
${courtsideUpstream(upstreamPorts, port)}
}
`,
  );
  execFileSync(NGINX, ['-t', '-q', '-c', conf, '-p', dir]);
  const master: ChildProcess = spawn(NGINX, ['-c', conf, '-p', dir], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const res = await fetch(`${url}/api/health`).catch(() => null);
    if (res?.ok) break;
    if (i > 100) throw new Error(`nginx did not answer: ${readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const children = () =>
    readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .map(Number)
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1] === String(master.pid);
        } catch {
          return false;
        }
      });
  return {
    port,
    url,
    pids: () => [master.pid!, ...children()],
    async stop() {
      master.kill('SIGQUIT');
      await new Promise((r) => (master.exitCode !== null ? r(null) : master.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
