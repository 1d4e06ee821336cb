import { describe, expect, it } from 'vitest';
import { studyLines } from '../src/researcher/explorer-view.js';

describe('explorer study-file lines', () => {
  it('writes the axes line, and the layers line only for a layered walk', () => {
    const sefa = { axisClass: 'sefa' };
    expect(studyLines(sefa, 3, null)).toBe('axes: {sefa: 3}\n# design: axis_classes: [..., sefa]');
    expect(studyLines(sefa, 2, [2, 4]))
      .toBe('axes: {sefa: 2}\ndirections: {layers: [2, 4]}\n# design: axis_classes: [..., sefa]');
  });
});
