/**
 * The explorer's small set of error kinds, mapped from whatever the AWS SDK, the credential providers or
 * the network throw. Messages are built from fixed text plus a scrubbed first line of the service message:
 * never credentials, tokens or stack traces.
 */

export type ExplorerErrorKind = 'NoCredentials' | 'ExpiredSso' | 'AccessDenied' | 'Throttled' | 'Network' | 'NotFound' | 'Other';

/**
 * The SDK side (s3Control) is a bundle of its own, loaded on first use, with its own copy of this class:
 * `instanceof` recognises the errors of either copy by a registry-wide symbol, not by class identity.
 */
const BRAND = Symbol.for('s3mrap.ExplorerError');

export class ExplorerError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }

  override readonly name = 'ExplorerError';
  readonly [BRAND] = true;
  constructor(
    readonly kind: ExplorerErrorKind,
    message: string,
    /** The AWS error code, when there is one (e.g. `NoSuchMultiRegionAccessPoint`). */
    readonly code?: string,
  ) {
    super(message);
    // The stack would only show our own frames; keep it out of anything that prints the error.
    this.stack = `${this.name}: ${message}`;
  }
}

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidClientTokenId', 'UnrecognizedClientException', 'AuthFailure']);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired', 'InvalidGrantException', 'UnauthorizedException']);
const THROTTLED = new Set(['SlowDown', 'Throttling', 'ThrottlingException', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded', 'RequestThrottled', 'RequestThrottledException', 'ProvisionedThroughputExceededException']);
const NOT_FOUND = new Set(['NoSuchMultiRegionAccessPoint', 'NotFound', 'NoSuchAsyncRequest', 'NoSuchMultiRegionAccessPointPolicy']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $fault?: unknown;
}

const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{12,}\b/g;
/** Long mixed-case base64 runs: secret keys, session tokens, SSO access tokens (names and ARNs are lowercase or short). */
const LONG_TOKEN = /[A-Za-z0-9+/=_]{32,}/g;
const looksSecret = (run: string): boolean => /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run);

export function scrub(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('***');
  out = out.replace(ACCESS_KEY_ID, '***');
  return out.replace(LONG_TOKEN, (run) => (looksSecret(run) ? '***' : run));
}

function detail(message: unknown, secrets: Iterable<string>): string {
  if (typeof message !== 'string') return '';
  const first = message.split(/\r?\n/)[0]!.trim();
  const clipped = first.length > 240 ? `${first.slice(0, 240)}…` : first;
  return scrub(clipped, secrets);
}

export function classify(error: unknown): { kind: ExplorerErrorKind; code?: string } {
  if (error instanceof ExplorerError) return { kind: error.kind, code: error.code };
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.Code === 'string' ? e.Code : typeof e.code === 'string' ? e.code : name;
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  const message = typeof e.message === 'string' ? e.message : '';
  const awsCode = e.$metadata !== undefined && code !== 'Error' ? code : undefined;

  if (name === 'CredentialsProviderError' || name === 'TokenProviderError' || /could not load credentials/i.test(message)) {
    if (/\bsso\b/i.test(message) && /expired|refresh|invalid|log ?in/i.test(message)) return { kind: 'ExpiredSso' };
    if (/token.*expired|expired.*token/i.test(message)) return { kind: 'ExpiredSso' };
    return { kind: 'NoCredentials' };
  }
  if (EXPIRED.has(code)) return { kind: 'ExpiredSso', code: awsCode };
  if (ACCESS_DENIED.has(code) || status === 403) return { kind: 'AccessDenied', code: awsCode };
  if (THROTTLED.has(code) || status === 429 || status === 503) return { kind: 'Throttled', code: awsCode };
  if (NOT_FOUND.has(code) || status === 404) return { kind: 'NotFound', code: awsCode };
  if (NETWORK_CODES.has(code) || name === 'TimeoutError' || /socket hang up|network|ECONN|getaddrinfo/i.test(message)) return { kind: 'Network' };
  return { kind: 'Other', code: awsCode };
}

const LEAD: Record<ExplorerErrorKind, string> = {
  NoCredentials: 'No AWS credentials were found',
  ExpiredSso: 'The AWS credentials have expired (for SSO profiles run `aws sso login`)',
  AccessDenied: 'Access denied',
  Throttled: 'AWS is throttling requests; try again in a moment',
  Network: 'Could not reach AWS',
  NotFound: 'Not found',
  Other: 'The request failed',
};

/**
 * Maps any thrown value to an ExplorerError. `context` names the action ("listing Multi-Region Access
 * Points"); `secrets` are credential values known to this process, removed from any echoed text.
 */
export function toExplorerError(error: unknown, context: string, secrets: Iterable<string> = []): ExplorerError {
  if (error instanceof ExplorerError) return error;
  const { kind, code } = classify(error);
  const message = (error as ErrorLike | undefined)?.message;
  const said = detail(message, secrets);
  const codePart = code ? ` (${code})` : '';
  return new ExplorerError(kind, `${LEAD[kind]} while ${context}${codePart}${said ? `: ${said}` : '.'}`, code);
}
