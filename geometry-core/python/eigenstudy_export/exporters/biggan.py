"""BigGAN-deep (pytorch-pretrained-BigGAN) -> noise / class / full space modules + model card."""
import json
from pathlib import Path

import numpy as np
import torch

from eigenstudy_export import card
from eigenstudy_export.checkpoints import ExportError, load_file, load_strict
from eigenstudy_export.exporters.common import prepare_out, trace_and_save
from eigenstudy_export.nets.biggan import PUBLIC_CONFIG, AtTruncation, BigGAN

CONFIG_KEYS = set(PUBLIC_CONFIG)


def read_config(path: Path) -> dict:
    if not path.is_file():
        raise ExportError(f"BigGAN config not found: {path} (give --config, the config.json that comes with the weights)")
    try:
        config = json.loads(path.read_text())
    except json.JSONDecodeError as exc:
        raise ExportError(f"{path}: not valid JSON: {exc}") from exc
    missing = sorted(CONFIG_KEYS - set(config))
    if missing:
        raise ExportError(f"{path}: config is missing key '{missing[0]}'")
    return {k: config[k] for k in CONFIG_KEYS}


def build(checkpoint: Path, config_path: Path):
    config = read_config(config_path)
    state = load_file(checkpoint)
    if not isinstance(state, dict):
        raise ExportError(f"{checkpoint}: expected a state dict (name -> tensor), found {type(state).__name__}")
    model = BigGAN(config)
    load_strict(model, state, str(checkpoint))
    return model.eval(), config


def export(checkpoint: Path, out: Path, name: str, progress, config_path: Path = None, truncation: float = 0.7,
           class_index: int = 1, seed: int = 0) -> Path:
    checkpoint = Path(checkpoint)
    config_path = Path(config_path) if config_path else checkpoint.with_name("config.json")
    if not 0.0 < truncation <= 1.0:
        raise ExportError(f"--truncation must be in (0, 1], got {truncation}")
    out = prepare_out(out)
    progress.step(f"loading {checkpoint}")
    model, config = build(checkpoint, config_path)
    if not 0 <= class_index < config["num_classes"]:
        raise ExportError(f"--class-index must be in [0, {config['num_classes']}), got {class_index}")
    zdim, edim = config["z_dim"], config["class_embed_dim"]
    embeddings = model.embeddings.weight.detach().t().contiguous()  # [classes, edim]
    rng = torch.Generator().manual_seed(seed)
    fixed_u = torch.randn(zdim, generator=rng).clamp(-2, 2)
    example_u = torch.randn(2, zdim, generator=rng).clamp(-2, 2)
    class_e = embeddings[class_index]
    examples = {
        "noise": example_u,
        "class": embeddings[[class_index, (class_index + 1) % config["num_classes"]]],
        "full": torch.cat([example_u, class_e.expand(2, -1)], dim=1),
    }
    for space, example in examples.items():
        trace_and_save(AtTruncation(model, truncation, space, class_e, fixed_u), example, out / f"generator_{space}.pt", progress,
                       jvp=True)
    np.save(out / "class_embeddings.npy", embeddings.numpy().astype(np.float32))
    noise_prior = {"kind": "truncated_normal", "threshold": 2.0}
    class_prior = {"kind": "rows", "file": "class_embeddings.npy"}
    return card.write_model_card(
        out, name=name, architecture="biggan-deep",
        description=f"BigGAN-deep generator, {config['output_dim']}px, truncation {truncation}, class {class_index}.",
        source=f"exported by eigenstudy_export from {checkpoint.name} + {config_path.name}",
        resolution=config["output_dim"],
        class_conditioning={"num_classes": config["num_classes"], "class_index": class_index},
        spaces=[
            card.space("noise", zdim, noise_prior, "linear", "generator_noise.pt", upstream_scale=truncation, jvp=True),
            # Class codes are the embedding table's rows; full codes are noise ⊕ a row.
            card.space("class", edim, class_prior, "linear", "generator_class.pt", jvp=True),
            card.space("full", zdim + edim, {"kind": "components"}, "linear", "generator_full.pt", jvp=True,
                       components=[{"name": "noise", "dim": zdim, "prior": noise_prior},
                                   {"name": "class", "dim": edim, "prior": class_prior}]),
        ],
        extra={"truncation": truncation,
               "noise_input": "module input u is the unscaled truncated-normal sample; the generator sees z = truncation * u",
               "batchnorm_statistics": "rows of the 51 stored truncation statistics chosen as the reference code does",
               "class_index": class_index, "class_embedding_file": "class_embeddings.npy",
               "class_space_fixed_u": [round(float(v), 8) for v in fixed_u],
               "fixed_u_seed": seed, "spectral_norm": "eval mode: stored u, v, no power iteration"},
        extra_files=["class_embeddings.npy"],
    )
