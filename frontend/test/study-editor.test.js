import { describe, expect, it } from 'vitest';
import { duplicateYaml, nextVersionYaml } from '../src/researcher/study-editor-view.js';

const YAML = `study:
  slug: shapes
  title: "Shapes"
  version: 3
models:
  - id: demo
    card: card.json
`;

describe('study editor starting points', () => {
  it('a duplicate is version 1 of a new slug and keeps the rest', () => {
    const copy = duplicateYaml(YAML, 'shapes');
    expect(copy).toContain('  slug: shapes-copy\n');
    expect(copy).toContain('  version: 1\n');
    expect(copy).toContain('  - id: demo\n');
    expect(copy.split('\n').length).toBe(YAML.split('\n').length);
  });

  it('a quoted slug is replaced too', () => {
    expect(duplicateYaml(YAML.replace('slug: shapes', 'slug: "shapes"'), 'shapes')).toContain('slug: shapes-copy');
  });

  it('a new version raises the version, or adds one after the study key', () => {
    expect(nextVersionYaml(YAML, 3)).toContain('  version: 4\n');
    const unversioned = YAML.replace('  version: 3\n', '');
    expect(nextVersionYaml(unversioned, 1)).toMatch(/^study:\n {2}version: 2\n {2}slug: shapes/);
  });
});
