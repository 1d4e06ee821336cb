// The session token is the participant's only capability. It is remembered per study and participant so a
// refresh resumes the same session, while another worker using the same browser gets a session of their own.
// Identified participants (MTurk worker, Prolific id, link id) keep it in localStorage, which survives a closed
// tab; anonymous plain-link participants keep it in sessionStorage so a shared computer does not hand one
// person's session to the next.

export function tokenKey(study, participantKey) {
  return `eigenstudy:session:${study}:${participantKey}`;
}

export function queueKey(token) {
  return `eigenstudy:pending:${token}`;
}

/** Kept instead of the token once the participant withdrew, so a reload starts nothing new. */
export const WITHDRAWN = 'withdrawn';

export class SessionStore {
  constructor({ local, session }) {
    this.local = local;
    this.session = session;
  }

  storageFor(participantKey) {
    return participantKey === 'anonymous' ? this.session : this.local;
  }

  load(study, participantKey) {
    try {
      return this.storageFor(participantKey).getItem(tokenKey(study, participantKey));
    } catch {
      return null;
    }
  }

  save(study, participantKey, token) {
    try {
      this.storageFor(participantKey).setItem(tokenKey(study, participantKey), token);
    } catch {
      // Without storage a refresh starts over; the server still refuses a repeat where the study says so.
    }
  }

  forget(study, participantKey) {
    try {
      this.storageFor(participantKey).removeItem(tokenKey(study, participantKey));
    } catch {
      // nothing stored, nothing to forget
    }
  }
}
