/**
 * Helmet's settings for the pages and the API. A venue laptop is reached over plain HTTP by
 * whatever LAN address the hall's Wi-Fi hands out (http://192.168.1.20:3000), so nothing may
 * tell the browser to switch to HTTPS unless the operator says the site is served over HTTPS
 * (PUBLIC_URL=https://…): helmet's default `upgrade-insecure-requests` would make a phone fetch
 * every script over https and stay on "加载中…". COOP and Origin-Agent-Cluster only apply to
 * secure origins; on plain HTTP the browser ignores them with a console warning.
 */
export function securityHeaders(publicUrl: string | undefined) {
  const https = publicUrl?.startsWith('https://') ?? false;
  return {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    hsts: https ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    crossOriginOpenerPolicy: https,
    originAgentCluster: https,
  };
}
