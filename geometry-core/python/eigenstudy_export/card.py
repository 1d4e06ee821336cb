"""Model-card and feature-map-card JSON (schema eigenstudy-model-card/1, eigenstudy-feature-map/1)."""
import hashlib
import json
from pathlib import Path

MODEL_CARD_SCHEMA = "eigenstudy-model-card/1"
FEATURE_MAP_SCHEMA = "eigenstudy-feature-map/1"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def space(name, dim, prior, exploration, module, components=None, upstream_scale=None, wplus=None, jvp=False) -> dict:
    """One latent space; `upstream_scale`: the upstream model's code is this times the module's input
    (BigGAN's noise: z = truncation * u), so the engine also reports eigenvalues in upstream units.
    `wplus`: {"module", "layers", "styles"}, a module taking a code per layer, [B, layers * dim]
    (StyleGAN2's W+), so that an edit can be confined to a range of layers; `styles[l]` names the
    space module's style-affine weights that layer l's code feeds (SeFa's A). `jvp`: the module also has
    a method jvp(z [1, dim], v [K, dim]) -> (G(z), dG(z) v), which the engine's exact Hessian then uses."""
    out = {"name": name, "dim": dim, "prior": prior, "exploration": exploration, "module": module, "components": components}
    if upstream_scale is not None:
        out["upstream_scale"] = upstream_scale
    if wplus is not None:
        out["wplus"] = wplus
    if jvp:
        out["jvp"] = True
    return out


def _files(out_dir: Path, names) -> dict:
    return {name: {"sha256": sha256_of(out_dir / name)} for name in sorted(set(names))}


def write_model_card(out_dir: Path, *, name, architecture, description, source, resolution, spaces,
                     extra=None, class_conditioning=None, extra_files=()) -> Path:
    """Writes model-card.json; every module file must already exist in out_dir (its hash is recorded)."""
    out_dir = Path(out_dir)
    card = {
        "schema": MODEL_CARD_SCHEMA,
        "name": name,
        "architecture": architecture,
        "description": description,
        "source": source,
        "resolution": resolution,
        "channels": 3,
        "value_range": [-1.0, 1.0],
        "class_conditioning": class_conditioning,
        "spaces": spaces,
        "extra": extra or {},
        "files": _files(out_dir, [s["module"] for s in spaces] + list(extra_files)),
    }
    path = out_dir / "model-card.json"
    path.write_text(json.dumps(card, indent=2) + "\n")
    return path


def write_feature_map_card(out_dir: Path, *, name, trunk, module, source, extra=None) -> Path:
    out_dir = Path(out_dir)
    card = {
        "schema": FEATURE_MAP_SCHEMA,
        "name": name,
        "kind": "lpips",
        "trunk": trunk,
        "module": module,
        "input_range": [-1, 1],
        "input_size": None,
        "source": source,
        "extra": extra or {},
        "files": _files(out_dir, [module]),
    }
    path = out_dir / "feature-map-card.json"
    path.write_text(json.dumps(card, indent=2) + "\n")
    return path
