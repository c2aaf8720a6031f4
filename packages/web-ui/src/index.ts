import * as path from 'node:path';
import express from 'express';

/** The shared browser assets: aurora.css and aurora.js. */
export const ASSETS_DIR = path.resolve(__dirname, '..', 'public');

export interface PageOptions {
  /** The folder with the page's own index.html and scripts. */
  publicDir: string;
  /** The router's GraphQL endpoint as a browser reaches it; the page talks to nothing else. */
  graphqlUrl: () => string;
}

/**
 * Serves a reference service's page beside its /graphql: the page at /, the shared assets at
 * /assets, and /config.js telling the page where the router is. Strict headers: the page may load
 * only its own scripts and talk only to the router.
 */
export function mountPage(app: express.Express, options: PageOptions): void {
  app.use((request, response, next) => {
    if (request.path === '/graphql') return next();
    const router = new URL(options.graphqlUrl()).origin;
    response.setHeader(
      'Content-Security-Policy',
      `default-src 'self'; connect-src 'self' ${router}; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`,
    );
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  app.get('/config.js', (_request, response) => {
    response
      .type('application/javascript')
      .set('Cache-Control', 'no-store')
      .send(`window.AURORA_CONFIG = ${JSON.stringify({ graphqlUrl: options.graphqlUrl() })};\n`);
  });
  app.use('/assets', express.static(ASSETS_DIR, { fallthrough: false, maxAge: '1h' }));
  app.use(express.static(options.publicDir, { index: 'index.html' }));
}
