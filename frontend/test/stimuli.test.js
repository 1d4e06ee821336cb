import { describe, expect, it } from 'vitest';
import { researcherApi } from '../src/researcher/api.js';
import { browsableModels, withFrameUrls } from '../src/researcher/stimuli.js';

// The shape of GET /api/researcher/studies/{id}/stimuli (backend stimuli.rest.StimulusStructureResource).
const view = {
  imageBase: '/stimuli/demo/1/',
  models: [{
    id: 'demo', space: 'z', exploration: 'linear', distance: 2.5, imageDistance: 'mse', steps: [-2.5, 0, 2.5],
    axes: [{
      id: 'demo-z-top-01', axisClass: 'top', rank: 1, eigenvalue: 1.5, alpha: 1.5,
      strips: [{ reference: 0, frameDistances: [0.2, 0, 0.2], frames: [{ step: -2.5, path: 'demo/top-01/r0-f0.png' }, { step: 0, path: 'demo/top-01/r0-f1.png' }] }],
    }],
  }],
};

describe('withFrameUrls', () => {
  it('joins the image base and each frame path and keeps the rest of the structure', () => {
    const [model] = withFrameUrls(view);
    expect(model).toMatchObject({ id: 'demo', distance: 2.5, imageDistance: 'mse', steps: [-2.5, 0, 2.5] });
    expect(model.axes[0].strips[0]).toEqual({
      reference: 0, frameDistances: [0.2, 0, 0.2],
      frames: [{ step: -2.5, url: '/stimuli/demo/1/demo/top-01/r0-f0.png' }, { step: 0, url: '/stimuli/demo/1/demo/top-01/r0-f1.png' }],
    });
    expect(withFrameUrls(undefined)).toEqual([]);
  });
});

describe('browsableModels', () => {
  it('keeps the study order and labels, takes axes from the structure and matches geometry by id', () => {
    const geometry = [{ model: 'demo', contactSheet: '/x/demo.png' }];
    const models = browsableModels([{ id: 'other', label: 'O', axes: [] }, { id: 'demo', label: 'Demo GAN', axes: [{ id: 'old' }] }], view, geometry);
    expect(models.map((m) => [m.id, m.label])).toEqual([['other', 'O'], ['demo', 'Demo GAN']]);
    expect(models[1].axes.map((a) => a.id)).toEqual(['demo-z-top-01']);
    expect(models[1].space).toBe('z');
    expect(models[1].geometry).toEqual(geometry[0]);
    expect(models[0].geometry).toBeNull();
  });
  it('lists the structure\'s models when the study lists none', () => {
    expect(browsableModels([], view, []).map((m) => m.id)).toEqual(['demo']);
  });
});

describe('researcherApi stimuli and plots', () => {
  it('asks the study stimuli endpoint', async () => {
    const calls = [];
    const fetchImpl = async (url) => { calls.push(url); return { ok: true, status: 200, text: async () => JSON.stringify(view) }; };
    expect((await researcherApi(fetchImpl).stimuli(7)).imageBase).toBe('/stimuli/demo/1/');
    expect(calls).toEqual(['/api/researcher/studies/7/stimuli']);
  });
  it('names the backend SVG of a figure, for one model and after a recompute', () => {
    const api = researcherApi(async () => { throw new Error('no fetch'); });
    expect(api.statisticsPlotUrl(7, 'magnitude')).toBe('/api/researcher/studies/7/statistics/plots/magnitude.svg');
    expect(api.statisticsPlotUrl(7, 'rank', { model: 'a b', revision: 2 })).toBe('/api/researcher/studies/7/statistics/plots/rank.svg?model=a+b&revision=2');
  });
});
