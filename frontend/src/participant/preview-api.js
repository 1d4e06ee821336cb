// "Preview as participant": a researcher walks through a study exactly as a participant would, in any state
// (a draft too), and nothing is stored. The session comes from the researcher API (the dashboard's login
// cookie); consent, answers and finishing are answered here, in the page, with what the server would answer,
// so the experiment code runs unchanged.
import { requestJson } from '../shared/http.js';

export const PREVIEW_COMPLETION = Object.freeze({ kind: 'preview', code: null });

/** The participant API's shape (api.js) for a preview of study version `studyId`. */
export function previewApi(studyId, fetchImpl = globalThis.fetch) {
  let session = null;
  return {
    start: async () => {
      session = await requestJson(`/api/researcher/studies/${encodeURIComponent(studyId)}/preview-session`, { fetchImpl });
      return session;
    },
    session: async () => session,
    consent: async () => ({ ...session, consentedAt: new Date().toISOString() }),
    saveResponse: async (token, clientResponseId, body) => ({ clientResponseId, trialIndex: body?.trialIndex, preview: true }),
    finish: async () => PREVIEW_COMPLETION,
  };
}
