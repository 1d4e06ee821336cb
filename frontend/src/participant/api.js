// The participant half of the HTTP API (docs/api.md). The session token travels in the path, never in a
// query string or a cookie, so it stays out of logs and is never sent to another origin.
import { requestJson } from '../shared/http.js';

const enc = encodeURIComponent;

export function participantApi(fetchImpl = globalThis.fetch) {
  const call = (url, options = {}) => requestJson(url, { ...options, fetchImpl });
  return {
    study: (slug) => call(`/api/participant/studies/${enc(slug)}`),
    preview: (slug) => call(`/api/participant/studies/${enc(slug)}/preview`),
    start: (body) => call('/api/participant/sessions', { method: 'POST', body }),
    session: (token) => call(`/api/participant/sessions/${enc(token)}`),
    consent: (token) => call(`/api/participant/sessions/${enc(token)}/consent`, { method: 'POST', body: { consent: true } }),
    saveResponse: (token, clientResponseId, body) =>
      call(`/api/participant/sessions/${enc(token)}/responses/${enc(clientResponseId)}`, { method: 'PUT', body }),
    finish: (token) => call(`/api/participant/sessions/${enc(token)}/finish`, { method: 'POST', body: {} }),
    withdraw: (code) => call('/api/participant/withdrawals', { method: 'POST', body: { code } }),
  };
}

/** The body of `POST /api/participant/sessions` for the launch parameters and this browser. */
export function startRequest(launch, client) {
  const body = { study: launch.study, client };
  if (launch.source === 'mturk') body.mturk = { ...launch.mturk };
  if (launch.source === 'prolific') {
    const p = launch.prolific;
    body.prolific = { prolificPid: p.participantId, studyId: p.studyId, sessionId: p.sessionId };
  }
  return body;
}

export function clientInfo(win = globalThis) {
  return {
    userAgent: String(win.navigator?.userAgent ?? '').slice(0, 200),
    screenWidth: win.screen?.width ?? null,
    screenHeight: win.screen?.height ?? null,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? null,
    language: win.navigator?.language ?? null,
  };
}
