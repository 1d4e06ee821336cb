// What the participant's URL says: which study, and whether they came from Mechanical Turk (ExternalQuestion
// parameters), Prolific, or a plain link. MTurk shows the task page with assignmentId=ASSIGNMENT_ID_NOT_AVAILABLE
// while a worker only previews the HIT: then nothing may start or be stored.

export const MTURK_PREVIEW_ASSIGNMENT = 'ASSIGNMENT_ID_NOT_AVAILABLE';
const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

/**
 * @param {string} search location.search
 * @param {string} [pathname] location.pathname; `/study/{slug}` also names the study
 * @returns {{ok: boolean, error: string|null, study: string|null, source: 'mturk'|'prolific'|'link',
 *   preview: boolean, participantKey: string, mturk: object|null, prolific: object|null,
 *   researcherPreview?: string}} researcherPreview: the study id of a researcher's preview
 */
export function parseLaunchParams(search, pathname = '') {
  const q = new URLSearchParams(search);
  const get = (name) => {
    const v = q.get(name);
    return v === null || v.trim() === '' ? null : v.trim();
  };
  const pathSlug = /^\/study\/([^/]+)\/?$/.exec(pathname)?.[1];
  const study = get('study') ?? (pathSlug && pathSlug !== 'index.html' ? decodeURIComponent(pathSlug) : null);
  const result = { ok: true, error: null, study, source: 'link', preview: false, participantKey: 'anonymous', mturk: null, prolific: null };
  const fail = (error) => ({ ...result, ok: false, error });

  if (!study) return fail('The link does not name a study (missing "study" parameter).');
  if (!SLUG.test(study)) return fail(`The study name "${study}" in the link is not valid.`);

  // A researcher's "Preview as participant" (from the dashboard): the study version by id, nothing stored.
  const tryOut = get('researcherPreview');
  if (tryOut !== null) {
    if (!/^\d{1,18}$/.test(tryOut)) return fail('The preview link names no study version.');
    result.researcherPreview = tryOut;
    result.participantKey = 'researcher-preview';
    return result;
  }

  const assignmentId = get('assignmentId');
  if (assignmentId !== null) {
    result.source = 'mturk';
    result.mturk = { assignmentId, hitId: get('hitId'), workerId: get('workerId'), turkSubmitTo: get('turkSubmitTo') };
    if (assignmentId === MTURK_PREVIEW_ASSIGNMENT) {
      result.preview = true;
      result.participantKey = 'preview';
      return result;
    }
    const missing = ['hitId', 'workerId', 'turkSubmitTo'].filter((k) => !result.mturk[k]);
    if (missing.length) return fail(`The Mechanical Turk link lacks ${missing.join(', ')}.`);
    if (!isHttpUrl(result.mturk.turkSubmitTo)) return fail('The Mechanical Turk link has an invalid turkSubmitTo address.');
    // One token per assignment (not per worker): the worker's next HIT of this study is a new assignment,
    // which must not be shown the completion of the previous one.
    result.participantKey = `mturk:${result.mturk.workerId}:${assignmentId}`;
    return result;
  }

  const pid = get('PROLIFIC_PID');
  if (pid !== null) {
    result.source = 'prolific';
    result.prolific = { participantId: pid, studyId: get('STUDY_ID'), sessionId: get('SESSION_ID') };
    const missing = [['STUDY_ID', 'studyId'], ['SESSION_ID', 'sessionId']].filter(([, k]) => !result.prolific[k]).map(([n]) => n);
    if (missing.length) return fail(`The Prolific link lacks ${missing.join(', ')}.`);
    result.participantKey = `prolific:${pid}:${result.prolific.sessionId}`;
    return result;
  }

  const participant = get('participant') ?? get('pid');
  if (participant !== null) result.participantKey = `link:${participant}`;
  result.linkParticipant = participant;
  return result;
}

export function isHttpUrl(value) {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The URL the MTurk form posts to: `{turkSubmitTo}/mturk/externalSubmit` (no doubled slash). */
export function mturkSubmitUrl(turkSubmitTo) {
  return `${String(turkSubmitTo).replace(/\/+$/, '')}/mturk/externalSubmit`;
}
