// The stimulus browser's models from GET /api/researcher/studies/{id}/stimuli (the manifest's models, axes,
// strips and frames, as the backend read them from the study's manifest.json), merged with the study's own
// model list (labels) and the geometry entries. Pure functions, so they are unit-tested.
import { withGeometry } from './geometry.js';

/** The structure's models with each frame's `url` (the view's `imageBase` followed by the frame's path). */
export function withFrameUrls(view) {
  const base = view?.imageBase ?? '';
  return (view?.models ?? []).map((m) => ({
    ...m,
    axes: (m.axes ?? []).map((a) => ({
      ...a,
      strips: (a.strips ?? []).map((s) => ({ ...s, frames: (s.frames ?? []).map((f) => ({ step: f.step, url: base + f.path })) })),
    })),
  }));
}

/**
 * The study's models (in the study's order, with its labels) carrying the structure's axes and the geometry
 * entry; a model only the structure knows is added after them.
 */
export function browsableModels(studyModels, view, geometry) {
  const structure = withFrameUrls(view);
  const byId = new Map(structure.map((m) => [m.id, m]));
  const known = new Set((studyModels ?? []).map((m) => m.id));
  const models = [
    ...(studyModels ?? []).map((m) => ({ ...m, ...byId.get(m.id), label: m.label, axes: byId.get(m.id)?.axes ?? m.axes })),
    ...structure.filter((m) => !known.has(m.id)),
  ];
  return withGeometry(models, geometry);
}
