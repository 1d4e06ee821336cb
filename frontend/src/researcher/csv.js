// RFC 4180 CSV parsing for the exports the dashboard reads back (the stimulus browser reads stimuli.csv, one
// row per frame, which carries every frame URL and each strip's distance curve).

/** Parses CSV text into an array of rows (arrays of strings). Quoted fields may hold commas, quotes, newlines. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** CSV text with a header row → array of objects keyed by the header names. */
export function csvRecords(text) {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.filter((r) => r.length > 1 || r[0] !== '').map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ''])));
}

/** A list of numbers written as JSON "[1,2]", a PostgreSQL array "{1,2}" or "1;2". */
export function parseNumberList(value) {
  const inner = String(value ?? '').trim().replace(/^[[{]|[\]}]$/g, '');
  if (!inner) return [];
  return inner.split(/[,;]/).map((v) => Number(v.trim())).filter((v) => Number.isFinite(v));
}

const num = (v) => (v === '' || v === undefined ? null : Number(v));

/**
 * Groups stimuli.csv rows into models → axes → strips → frames (the manifest's shape), ordered as in the file.
 */
export function stimuliFromCsv(records) {
  const models = new Map();
  for (const r of records) {
    if (!models.has(r.model_id)) {
      models.set(r.model_id, { id: r.model_id, space: r.space, exploration: r.exploration, distance: num(r.distance), imageDistance: r.image_distance, axes: new Map() });
    }
    const model = models.get(r.model_id);
    if (!model.axes.has(r.axis_id)) {
      model.axes.set(r.axis_id, { id: r.axis_id, axisClass: r.axis_class, rank: num(r.rank), eigenvalue: num(r.eigenvalue), alpha: num(r.alpha), strips: new Map() });
    }
    const axis = model.axes.get(r.axis_id);
    if (!axis.strips.has(r.reference)) {
      axis.strips.set(r.reference, { reference: num(r.reference), frameDistances: parseNumberList(r.frame_distances), frames: [] });
    }
    axis.strips.get(r.reference).frames.push({ step: num(r.step), url: r.url });
  }
  return [...models.values()].map((m) => ({
    ...m,
    axes: [...m.axes.values()].map((a) => ({ ...a, strips: [...a.strips.values()] })),
  }));
}
