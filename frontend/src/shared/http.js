// A thin fetch wrapper: JSON in, JSON out, and one error type that says whether a retry can help.

export class ApiError extends Error {
  /**
   * @param {number} status HTTP status, 0 when the request never got an answer (offline, DNS, reset)
   * @param {object|null} body the JSON error body the backend sent, if any
   */
  constructor(message, status, body = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }

  /** Network failures, timeouts, rate limiting and server errors may succeed later; 4xx answers will not. */
  get retryable() {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/**
 * A readable message from the backend's error body (docs/api.md): `{error, field, rule, problems: [...]}`,
 * where the top-level fields repeat the first of several problems.
 */
export function describeError(body, status) {
  if (body && typeof body === 'object') {
    const problems = Array.isArray(body.problems) ? body.problems : [];
    if (problems.length > 1) return problems.map((p) => p.error ?? p.message ?? p.rule).join('; ');
    const text = body.error ?? body.message;
    if (text) return String(text);
  }
  return `HTTP ${status}`;
}

/**
 * fetch + JSON. Resolves with the parsed body (null for 204), rejects with ApiError.
 * `fetchImpl` is injectable so the logic can be tested without a network.
 */
export async function requestJson(url, { method = 'GET', body, headers = {}, fetchImpl = globalThis.fetch, signal } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers }, credentials: 'same-origin', signal };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetchImpl(url, init);
  } catch (e) {
    if (e?.name === 'AbortError') throw e;
    throw new ApiError(`Network error: ${e?.message ?? e}`, 0);
  }
  const text = await response.text();
  let parsed = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) throw new ApiError(describeError(parsed, response.status), response.status, parsed);
  return parsed;
}
