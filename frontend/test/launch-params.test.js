import { describe, expect, it } from 'vitest';
import { parseLaunchParams, mturkSubmitUrl, MTURK_PREVIEW_ASSIGNMENT } from '../src/participant/launch-params.js';

describe('parseLaunchParams', () => {
  it('reads the study from the /study/{slug} path', () => {
    const p = parseLaunchParams('', '/study/demo');
    expect(p).toMatchObject({ ok: true, study: 'demo', source: 'link', preview: false, participantKey: 'anonymous' });
  });

  it('prefers the study query parameter over the path', () => {
    expect(parseLaunchParams('?study=other-study', '/study/demo').study).toBe('other-study');
  });

  it('refuses a link without a study or with an invalid slug', () => {
    expect(parseLaunchParams('', '/').ok).toBe(false);
    const bad = parseLaunchParams('?study=%3Cscript%3E', '/');
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/not valid/);
  });

  it('parses an MTurk ExternalQuestion URL', () => {
    const p = parseLaunchParams('?assignmentId=A1&hitId=H1&workerId=W1&turkSubmitTo=https%3A%2F%2Fworkersandbox.mturk.com', '/study/demo');
    expect(p).toMatchObject({
      ok: true, source: 'mturk', preview: false, participantKey: 'mturk:W1:A1',
      mturk: { assignmentId: 'A1', hitId: 'H1', workerId: 'W1', turkSubmitTo: 'https://workersandbox.mturk.com' },
    });
  });

  it('recognises MTurk preview mode, which needs no worker id', () => {
    const p = parseLaunchParams(`?assignmentId=${MTURK_PREVIEW_ASSIGNMENT}&hitId=H1`, '/study/demo');
    expect(p).toMatchObject({ ok: true, source: 'mturk', preview: true });
  });

  it('names every missing MTurk parameter', () => {
    const p = parseLaunchParams('?assignmentId=A1&hitId=H1', '/study/demo');
    expect(p.ok).toBe(false);
    expect(p.error).toContain('workerId');
    expect(p.error).toContain('turkSubmitTo');
  });

  it('refuses a turkSubmitTo that is not an http(s) URL', () => {
    const p = parseLaunchParams('?assignmentId=A1&hitId=H1&workerId=W1&turkSubmitTo=javascript%3Aalert(1)', '/study/demo');
    expect(p.ok).toBe(false);
    expect(p.error).toMatch(/turkSubmitTo/);
  });

  it('parses a Prolific URL', () => {
    const p = parseLaunchParams('?PROLIFIC_PID=P1&STUDY_ID=S1&SESSION_ID=X1', '/study/demo');
    expect(p).toMatchObject({ ok: true, source: 'prolific', participantKey: 'prolific:P1:X1', prolific: { participantId: 'P1', studyId: 'S1', sessionId: 'X1' } });
  });

  it('names the missing Prolific parameter', () => {
    const p = parseLaunchParams('?PROLIFIC_PID=P1&STUDY_ID=S1', '/study/demo');
    expect(p.ok).toBe(false);
    expect(p.error).toContain('SESSION_ID');
  });

  it('treats blank parameters as missing', () => {
    expect(parseLaunchParams('?PROLIFIC_PID=%20&study=demo', '/').source).toBe('link');
  });

  it('keys plain-link participants by their optional id', () => {
    expect(parseLaunchParams('?participant=abc', '/study/demo').participantKey).toBe('link:abc');
  });
});

describe('mturkSubmitUrl', () => {
  it('appends the externalSubmit path without doubling slashes', () => {
    expect(mturkSubmitUrl('https://www.mturk.com/')).toBe('https://www.mturk.com/mturk/externalSubmit');
    expect(mturkSubmitUrl('https://workersandbox.mturk.com')).toBe('https://workersandbox.mturk.com/mturk/externalSubmit');
  });
});

describe('researcher preview links', () => {
  it('names the study version and keeps the preview apart from any participant key', () => {
    const p = parseLaunchParams('?researcherPreview=42', '/study/demo');
    expect(p).toMatchObject({ ok: true, study: 'demo', researcherPreview: '42', participantKey: 'researcher-preview' });
  });

  it('refuses a preview id that is not a number', () => {
    expect(parseLaunchParams('?researcherPreview=x1', '/study/demo').ok).toBe(false);
  });
});
