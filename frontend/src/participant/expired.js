// What the page says to a participant whose session timed out (docs/frontend.md, "A session that timed
// out"). The server's `canStartAgain` says whether `POST /sessions` with the same launch parameters would be
// accepted now (a version of the study is open and, for MTurk and Prolific, it is not a refused repeat), so
// a button to start again is offered exactly when it works and nothing is offered that would be refused.

const WHERE = {
  mturk: {
    again: 'You can start again from the beginning in this HIT, as long as its own time on Mechanical Turk has '
      + 'not run out (it is still listed among your accepted HITs); if it has, please return the HIT.',
    stop: 'This HIT can no longer be completed here, so it cannot be submitted. Please return it on Mechanical '
      + 'Turk (the “Return” button on the HIT’s page). If you have questions, message the requester through '
      + 'Mechanical Turk.',
  },
  prolific: {
    again: 'You can start again from the beginning. If Prolific’s own time limit for this study has passed, '
      + 'please return your submission on Prolific instead.',
    stop: 'This submission can no longer be completed here, so there is no completion code for it. Please return '
      + 'your submission on Prolific (“Return submission” on the study’s page in Prolific). If you have questions, '
      + 'message the researcher through Prolific.',
  },
  link: {
    again: 'You can start the study again from the beginning as a new session.',
    stop: 'The study is not taking new sessions at the moment, so it cannot be started again. If you have '
      + 'questions, please contact the researcher who gave you the link.',
  },
};

/** The time a session expired, in the participant's own locale and time zone ("" when unknown). */
export function formatDeadline(expiresAt, locale = undefined) {
  const at = expiresAt ? new Date(expiresAt) : null;
  if (!at || Number.isNaN(at.getTime())) return '';
  return at.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * The expired page's paragraphs and whether it offers to start again, for a session as
 * `GET /api/participant/sessions/{token}` returns it (state `abandoned`).
 */
export function expiredAdvice(session, locale = undefined) {
  const deadline = formatDeadline(session.expiresAt, locale);
  const where = WHERE[session.source] ?? WHERE.link;
  const startAgain = session.canStartAgain === true;
  return {
    startAgain,
    paragraphs: [
      `This session had to be finished${deadline ? ` by ${deadline}` : ''}. That time limit passed before every `
        + 'screen was answered, so this session cannot be continued; its remaining screens may now be shown to other '
        + `participants.${session.answeredTrials > 0 ? ' The answers you gave are kept.' : ''}`,
      startAgain ? where.again : where.stop,
    ],
  };
}
