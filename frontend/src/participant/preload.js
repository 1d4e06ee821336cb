// Loads a trial's frames before it is shown. Unlike jsPsych's preload plugin (which ends in "The experiment
// failed to load." for good), a failed image is an error that may pass: the caller retries, and only the
// images still missing are requested again.

export function loadImage(url, ImageImpl = globalThis.Image) {
  return new Promise((resolve, reject) => {
    const img = new ImageImpl();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`image ${url} did not load`));
    img.src = url;
  });
}

/**
 * Loads every url not yet in `loaded` (url → image; the images are kept so the browser keeps them decoded).
 * Rejects with a retryable error saying how many could not be loaded.
 */
export async function preloadImages(urls, { loaded = new Map(), load = loadImage } = {}) {
  const missing = [...new Set(urls)].filter((u) => !loaded.has(u));
  const results = await Promise.allSettled(missing.map((u) => load(u).then((img) => loaded.set(u, img))));
  const failed = results.filter((r) => r.status === 'rejected').length;
  if (failed > 0) {
    const error = new Error(`${failed} of ${missing.length} images could not be loaded`);
    error.retryable = true;
    error.status = 0;
    error.failed = failed;
    throw error;
  }
}
