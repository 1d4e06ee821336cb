import { describe, expect, it, vi } from 'vitest';
import { previewApi, PREVIEW_COMPLETION } from '../src/participant/preview-api.js';

const SESSION = { token: 'preview', state: 'started', study: { title: 'T' }, trials: [{ index: 0 }], totalTrials: 1, consentedAt: null };

describe('previewApi', () => {
  it('reads the session from the researcher API once and answers everything else locally', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify(SESSION), { status: 200 }));
    const api = previewApi('7', fetchImpl);
    expect(await api.start()).toEqual(SESSION);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(fetchImpl.mock.calls[0][0]).toBe('/api/researcher/studies/7/preview-session');
    expect((await api.consent('preview')).consentedAt).toMatch(/^\d{4}-/);
    expect(await api.saveResponse('preview', 'c1', { trialIndex: 0 })).toMatchObject({ trialIndex: 0, preview: true });
    expect(await api.finish('preview')).toBe(PREVIEW_COMPLETION);
    expect(await api.session('preview')).toEqual(SESSION);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('passes a refusal on (a participant cannot use it: the endpoint needs a researcher)', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ error: 'authentication required', rule: 'authentication' }), { status: 401 }));
    await expect(previewApi('7', fetchImpl).start()).rejects.toMatchObject({ status: 401 });
  });
});
