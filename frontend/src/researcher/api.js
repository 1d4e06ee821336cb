// The researcher half of the HTTP API (docs/api.md). Login is the backend's form login; the session cookie is
// HttpOnly, and every state-changing call carries the CSRF header the backend demands.
import { requestJson, ApiError, describeError } from '../shared/http.js';

const CSRF = { 'X-Requested-With': 'eigenstudy' };
const base = (id) => `/api/researcher/studies/${encodeURIComponent(id)}`;

/**
 * Uploads `file` as multipart form data in `field`, and each file of `extra` in the field it is keyed by
 * (absent ones skipped). XMLHttpRequest, not fetch: only it reports upload progress, which a file of
 * some hundred megabytes needs. Resolves with the JSON answer.
 */
function uploadFile(url, field, file, onProgress = () => {}, extra = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('X-Requested-With', CSRF['X-Requested-With']);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onerror = () => reject(new ApiError('Network error: the upload was interrupted', 0));
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { body = null; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(describeError(body, xhr.status), xhr.status, body));
    };
    const form = new FormData();
    form.append(field, file, file.name);
    Object.entries(extra).forEach(([name, part]) => { if (part) form.append(name, part, part.name); });
    xhr.send(form);
  });
}

export function researcherApi(fetchImpl = globalThis.fetch) {
  const get = (url) => requestJson(url, { fetchImpl });
  const post = (url, body = {}) => requestJson(url, { method: 'POST', body, headers: CSRF, fetchImpl });
  return {
    async login(username, password) {
      const form = new URLSearchParams({ j_username: username, j_password: password });
      let response;
      try {
        response = await fetchImpl('/j_security_check', {
          method: 'POST', body: form, credentials: 'same-origin', redirect: 'manual',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...CSRF },
        });
      } catch (e) {
        throw new ApiError(`Network error: ${e?.message ?? e}`, 0);
      }
      // Form login answers 200 (or a redirect, shown to fetch as an opaque response) on success, 401 on failure.
      if (response.status === 401 || response.status === 403) throw new ApiError('Wrong user name or password.', response.status);
      if (!(response.ok || response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400))) {
        throw new ApiError(describeError(null, response.status), response.status);
      }
    },
    logout: () => post('/api/researcher/logout'),
    me: () => get('/api/researcher/me'),
    changePassword: (currentPassword, newPassword) => requestJson('/api/researcher/me/password', { method: 'PUT', body: { currentPassword, newPassword }, headers: CSRF, fetchImpl }),
    tokens: () => get('/api/researcher/tokens'),
    /** Creates an API token; its secret is in this answer only. */
    createToken: (name) => post('/api/researcher/tokens', { name }),
    revokeToken: (id) => requestJson(`/api/researcher/tokens/${encodeURIComponent(id)}`, { method: 'DELETE', headers: CSRF, fetchImpl }),
    accounts: () => get('/api/researcher/accounts'),
    createAccount: (username, password, role) => post('/api/researcher/accounts', { username, password, role }),
    setAccountDisabled: (username, disabled) => requestJson(`/api/researcher/accounts/${encodeURIComponent(username)}/disabled`, { method: 'PUT', body: { disabled }, headers: CSRF, fetchImpl }),
    studies: () => get('/api/researcher/studies'),
    study: (id) => get(base(id)),
    importStudy: (body) => post('/api/researcher/studies', body),
    /** The study file a study was imported from, as text. */
    async studyConfig(id) {
      const response = await fetchImpl(`${base(id)}/config.yaml`, { credentials: 'same-origin' });
      if (!response.ok) throw new ApiError(describeError(null, response.status), response.status);
      return response.text();
    },
    configTemplates: () => get('/api/researcher/study-configs/templates'),
    /** The parser's problems and the stimuli-relevant changes of a study file (stores nothing). */
    checkConfig: (configYaml, baseStudy = null) => post('/api/researcher/study-configs/check', { configYaml, baseStudy }),
    bundles: () => get('/api/researcher/bundles'),
    /** "Compute stimuli": a precompute job for a study file (201 new, 200 the one already running). */
    submitJob: (configYaml) => post('/api/researcher/stimulus-jobs', { configYaml }),
    job: (id) => get(`/api/researcher/stimulus-jobs/${encodeURIComponent(id)}`),
    cancelJob: (id) => post(`/api/researcher/stimulus-jobs/${encodeURIComponent(id)}/cancel`),
    async jobLog(id) {
      const response = await fetchImpl(`/api/researcher/stimulus-jobs/${encodeURIComponent(id)}/log`, { credentials: 'same-origin' });
      if (!response.ok) throw new ApiError(describeError(null, response.status), response.status);
      return response.text();
    },
    /** Uploads a stimulus bundle (.zip); resolves with the bundle. */
    uploadBundle: (file, onProgress) => uploadFile('/api/researcher/bundles', 'bundle', file, onProgress),
    models: () => get('/api/researcher/models'),
    /** Uploads a generator (.zip of its card and TorchScript modules); the server checks it first. */
    uploadModel: (file, onProgress) => uploadFile('/api/researcher/models', 'model', file, onProgress),
    /** Direction files for stimuli.directions.imported: list, upload (checked first), delete (204). */
    directionFiles: () => get('/api/researcher/directions'),
    uploadDirectionFile: (file, labels = null) => uploadFile('/api/researcher/directions', 'directions', file, undefined, { labels }),
    deleteDirectionFile: (id) => requestJson(`/api/researcher/directions/${encodeURIComponent(id)}`, { method: 'DELETE', headers: CSRF, fetchImpl }),
    modelGridUrl: (id) => `/api/researcher/models/${encodeURIComponent(id)}/sample-grid.png`,
    explore: (id, body) => post(`/api/researcher/models/${encodeURIComponent(id)}/explorations`, body),
    /** Draft or pilot → open; a closed study reopens as the same version. */
    open: (id) => post(`${base(id)}/open`),
    /** Draft → pilot: the link works and sessions are marked pilot. */
    pilot: (id) => post(`${base(id)}/pilot`),
    close: (id) => post(`${base(id)}/close`),
    /** Deletes a draft (204); 409 for an open or closed study. */
    deleteDraft: (id) => requestJson(base(id), { method: 'DELETE', headers: CSRF, fetchImpl }),
    progress: (id) => get(`${base(id)}/progress`),
    /** The study's members; owners change them (PUT gives a role, DELETE removes). */
    members: (id) => get(`${base(id)}/members`),
    setMember: (id, username, role) => requestJson(`${base(id)}/members/${encodeURIComponent(username)}`, { method: 'PUT', body: { role }, headers: CSRF, fetchImpl }),
    removeMember: (id, username) => requestJson(`${base(id)}/members/${encodeURIComponent(username)}`, { method: 'DELETE', headers: CSRF, fetchImpl }),
    /** MTurk's ExternalQuestion and Prolific's study URL for the study (docs/api.md). */
    /** The participants table (ids masked unless `revealIds`), exclusions, payout files, deletions. */
    participants: (id, revealIds = false) => get(`${base(id)}/participants${revealIds ? '?revealIds=true' : ''}`),
    excludeSession: (id, session, reason) => requestJson(`${base(id)}/participants/${encodeURIComponent(session)}/exclusion`, { method: 'PUT', body: { reason }, headers: CSRF, fetchImpl }),
    includeSession: (id, session) => requestJson(`${base(id)}/participants/${encodeURIComponent(session)}/exclusion`, { method: 'DELETE', headers: CSRF, fetchImpl }),
    payoutUrl: (id, file, amount = null) => `${base(id)}/payouts/${file}${amount === null ? '' : `?amount=${encodeURIComponent(amount)}`}`,
    deleteParticipant: (id, who) => post(`${base(id)}/deletions`, who),
    deletions: (id) => get(`${base(id)}/deletions`),
    recruitment: (id) => get(`${base(id)}/recruitment`),
    statistics: (id) => get(`${base(id)}/statistics`),
    /** Sample-size planning: power of the class contrasts for a grid of study sizes (docs/api.md). */
    power: (id, body) => post(`${base(id)}/statistics/power`, body),
    bundleUrl: (id) => `${base(id)}/statistics/bundle.zip`,
    geometry: (id) => get(`${base(id)}/geometry`),
    stimuli: (id) => get(`${base(id)}/stimuli`),
    /**
     * The backend's SVG of a statistics figure: `plot` is a measure key (bars per axis class and model) or
     * 'rank' (magnitude against eigen-rank, of one `model` or of all). `revision` changes the URL after a
     * recompute, so the browser does not show the figure it drew before.
     */
    statisticsPlotUrl: (id, plot, { model = null, revision = 0 } = {}) => {
      const query = new URLSearchParams();
      if (model) query.set('model', model);
      if (revision) query.set('revision', String(revision));
      const q = query.toString();
      return `${base(id)}/statistics/plots/${encodeURIComponent(plot)}.svg${q ? `?${q}` : ''}`;
    },
    statisticsAxesCsvUrl: (id) => `${base(id)}/statistics/axes.csv`,
    exportUrl: (id, file) => `${base(id)}/exports/${file}`,
  };
}
