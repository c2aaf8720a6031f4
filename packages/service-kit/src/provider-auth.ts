import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLocalJWKSet, createRemoteJWKSet, errors, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { codedError, ErrorCode } from './errors';

/** What a verified provider token says: who, for which organisation, allowed to do what. */
export interface ProviderClaims {
  subject: string;
  organisation: string;
  scopes: string[];
}

export interface ProviderAuthSettings {
  issuer: string;
  audience: string;
  /** A JWKS file (`{ "keys": [...] }`) or a single public JWK file. */
  publicKeyFile?: string;
  /** A JWKS URL, for keys the identity provider rotates. */
  jwksUrl?: string;
}

export const PROVIDER_ALGORITHMS = ['ES256', 'RS256', 'EdDSA'];

const unauthenticated = (message: string) => codedError(ErrorCode.UNAUTHENTICATED, message);

/**
 * Verifies provider and administrator tokens: JWTs signed by a key the deployer configures
 * (a JWKS file or URL), with the configured issuer and audience, naming the organisation in
 * `org` and the permissions in `scope` (space-separated). Keys are read lazily, so a service
 * starts without them and answers UNAUTHENTICATED until they exist.
 */
export class ProviderTokenVerifier {
  private keys: ReturnType<typeof createLocalJWKSet> | undefined;

  constructor(private readonly settings: ProviderAuthSettings) {}

  private keySet() {
    if (this.keys) return this.keys;
    if (this.settings.jwksUrl) {
      this.keys = createRemoteJWKSet(new URL(this.settings.jwksUrl));
    } else if (this.settings.publicKeyFile && fs.existsSync(this.settings.publicKeyFile)) {
      const parsed = JSON.parse(fs.readFileSync(this.settings.publicKeyFile, 'utf8')) as { keys?: JWK[] } & JWK;
      this.keys = createLocalJWKSet({ keys: parsed.keys ?? [parsed] });
    }
    return this.keys;
  }

  /** The claims of a valid `Authorization: Bearer <jwt>` header; UNAUTHENTICATED otherwise. */
  async verify(authorization: string | undefined): Promise<ProviderClaims> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw unauthenticated('This needs a provider token: send it as "Authorization: Bearer <token>".');
    const keys = this.keySet();
    if (!keys) throw unauthenticated('No keys to verify provider tokens are configured on this service.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, { issuer: this.settings.issuer, audience: this.settings.audience, algorithms: PROVIDER_ALGORITHMS }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated('The provider token has expired; get a new one.');
      throw unauthenticated('The provider token is not valid here (signature, issuer or audience do not match).');
    }
    const organisation = payload.org;
    if (typeof organisation !== 'string' || organisation === '' || typeof payload.sub !== 'string') {
      throw unauthenticated('The provider token must name its subject (sub) and organisation (org).');
    }
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
    return { subject: payload.sub, organisation, scopes };
  }
}

/** FORBIDDEN unless the claims carry the scope. */
export function requireScope(claims: ProviderClaims, scope: string): void {
  if (!claims.scopes.includes(scope)) {
    throw codedError(ErrorCode.FORBIDDEN, `The provider token lacks the scope "${scope}".`);
  }
}

export interface DevelopmentKeyFiles {
  privateKeyFile: string;
  publicKeyFile: string;
}

/** Where the development signing key lives under a data folder. */
export function developmentKeyFiles(dataDir: string): DevelopmentKeyFiles {
  const folder = path.join(dataDir, 'keys');
  return { privateKeyFile: path.join(folder, 'provider-signing.private.jwk.json'), publicKeyFile: path.join(folder, 'provider-signing.jwks.json') };
}

/**
 * Creates a development key pair for provider tokens once (ES256); later calls keep it. Only for
 * local use: a deployment configures its identity provider's keys instead.
 */
export async function ensureDevelopmentSigningKey(dataDir: string): Promise<DevelopmentKeyFiles & { created: boolean }> {
  const files = developmentKeyFiles(dataDir);
  if (fs.existsSync(files.privateKeyFile) && fs.existsSync(files.publicKeyFile)) return { ...files, created: false };
  fs.mkdirSync(path.dirname(files.privateKeyFile), { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  fs.writeFileSync(files.privateKeyFile, JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'ES256' }), { mode: 0o600 });
  fs.writeFileSync(files.publicKeyFile, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] }));
  return { ...files, created: true };
}

export interface MintOptions {
  privateKeyFile: string;
  issuer: string;
  audience: string;
  subject: string;
  organisation: string;
  scopes: string[];
  expiresIn: string;
}

/** Signs a provider token with a private JWK file (development and tests). */
export async function mintProviderToken(options: MintOptions): Promise<string> {
  const jwk = JSON.parse(fs.readFileSync(options.privateKeyFile, 'utf8')) as JWK;
  const key = await importJWK(jwk, jwk.alg ?? 'ES256');
  return new SignJWT({ org: options.organisation, scope: options.scopes.join(' ') })
    .setProtectedHeader({ alg: jwk.alg ?? 'ES256', kid: jwk.kid })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(options.subject)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn)
    .sign(key);
}
