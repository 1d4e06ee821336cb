"""A small synthetic study (config, model card, manifest and real PNG frames with their SHA-256) that the
harnesses import through the researcher API, so they need no GPU precompute output."""

import hashlib
import json
import os
import struct
import zlib

SLUG = "harness"
MODEL = "synthetic"
CLASSES = ("top", "orthogonal", "bottom")
AXES_PER_CLASS = 4
REFERENCES = 2
STEPS = (-1.0, 0.0, 1.0)


def png(width, height, rgb):
    """A valid RGB PNG of one colour (stdlib only)."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(
        b"IEND", b"")


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def study_yaml(trials):
    return f"""study:
  slug: {SLUG}
  title: "Reliability harness study"
  version: 1
models:
  - id: {MODEL}
    card: models/{MODEL}/model-card.json
    space: z
    label: "Synthetic"
    stimuli:
      axes: {{top: {AXES_PER_CLASS}, orthogonal: {AXES_PER_CLASS}, orthogonal_exclude_top: {AXES_PER_CLASS}, bottom: {AXES_PER_CLASS}}}
      references: {REFERENCES}
      frames: {len(STEPS)}
      distance: 1.0
design:
  trials_per_participant: {trials}
  axis_classes: [top, orthogonal, bottom]
  ordering: random
  presentation: strip
  catch_trials: 2
  practice_trial: false
  allow_repeat: false
  session_timeout_minutes: 60
"""


def model_card(module_sha):
    return {
        "schema": "eigenstudy-model-card/1", "name": "harness-synthetic-8",
        "architecture": "dcgan", "description": "placeholder generator for the reliability harnesses",
        "source": "deploy/harness/fixture.py", "resolution": 8, "channels": 3,
        "value_range": [-1.0, 1.0], "class_conditioning": None,
        "spaces": [{"name": "z", "dim": 64, "prior": {"kind": "normal"}, "exploration": "linear",
                    "module": "generator_z.pt", "components": None}],
        "extra": {}, "files": {"generator_z.pt": {"sha256": module_sha}},
    }


def write(directory, trials=12):
    """Writes the study under directory; returns (config path, stimuli directory)."""
    config_text = study_yaml(trials)
    config_path = os.path.join(directory, "study.yaml")
    card_dir = os.path.join(directory, "models", MODEL)
    stimuli = os.path.join(directory, "stimuli")
    os.makedirs(card_dir, exist_ok=True)
    with open(config_path, "w", encoding="utf-8") as handle:
        handle.write(config_text)
    module = b"not a TorchScript file: the harness never loads the generator"
    with open(os.path.join(card_dir, "generator_z.pt"), "wb") as handle:
        handle.write(module)
    card = json.dumps(model_card(sha256(module)), indent=2).encode("utf-8")
    with open(os.path.join(card_dir, "model-card.json"), "wb") as handle:
        handle.write(card)

    axes = []
    colour = 0
    for axis_class in CLASSES:
        for rank in range(1, AXES_PER_CLASS + 1):
            axis_id = f"{MODEL}-z-{axis_class}-{rank:02d}"
            strips = []
            for reference in range(REFERENCES):
                frames = []
                for position, step in enumerate(STEPS):
                    colour += 1
                    data = png(8, 8, (colour % 256, (colour * 7) % 256, (colour * 13) % 256))
                    relative = f"{MODEL}/{axis_class}-{rank:02d}/r{reference}-f{position}.png"
                    os.makedirs(os.path.join(stimuli, os.path.dirname(relative)), exist_ok=True)
                    with open(os.path.join(stimuli, relative), "wb") as handle:
                        handle.write(data)
                    frames.append({"step": step, "path": relative, "sha256": sha256(data)})
                strips.append({"reference": reference, "frame_distances": [0.1, 0.0, 0.1],
                               "frames": frames})
            axes.append({"id": axis_id, "class": axis_class, "rank": rank,
                         "eigenvalue": 10.0 ** (-rank), "alpha": 10.0 ** (-rank),
                         "vector": [1.0] + [0.0] * 63, "strips": strips})
    manifest = {
        "schema": "eigenstudy-manifest/1", "study": SLUG,
        "config_sha256": sha256(config_text.encode("utf-8")),
        "generated_by": {"tool": "deploy/harness/fixture.py", "version": "1", "details": {}},
        "models": [{"id": MODEL, "space": "z", "card_sha256": sha256(card), "exploration": "linear",
                    "distance": 1.0, "steps": list(STEPS), "image_distance": "mse",
                    "references": [{"index": i, "code": [float(i)] * 64}
                                   for i in range(REFERENCES)],
                    "axes": axes}],
    }
    with open(os.path.join(stimuli, "manifest.json"), "w", encoding="utf-8") as handle:
        json.dump(manifest, handle)
    return config_path, stimuli
