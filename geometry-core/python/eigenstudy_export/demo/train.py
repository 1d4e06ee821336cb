"""Trains the demo generator and writes the committed demo model (geometry-core/models/demo).

    cd geometry-core/python && nice -n 19 /usr/bin/python3 -m eigenstudy_export.demo.train --out ../models/demo

The data set is defined as a fixed function of the latent code: image = shapes.render(shapes.factors_of(z))
with z ~ N(0, I_64). The DCGAN-style generator G is fitted to it by regression (L1 + squared error on fresh
(z, image) pairs every step, object pixels weighted 5x so the small shape is not drowned by the background,
Adam, cosine learning-rate decay). So G's prior samples follow the data
distribution by construction and every eigen-axis of its metric has a ground truth (the factors it moves).
Adversarial and VAE training were tried first on the shared 2-core CPU (git history: session 1's train.log
and gan-attempt.log): the GANs collapsed and the VAE decoder drew blurred blobs within the budget; a
regression target converges in minutes and gives sharp shapes.

Deterministic for a given seed, torch version and thread count (CPU). Writes train.log, samples.png (G on
64 fixed codes), data.png (the rendered targets of the same codes), generator_z.pt (TorchScript, eval-mode
BatchNorm with recalibrated statistics) and model-card.json; snapshots go to OUT/training/ (not committed).
"""
import argparse
import copy
import math
import time
from pathlib import Path

import torch
import torchvision.utils as vutils

from eigenstudy_export import card
from eigenstudy_export.demo import dcgan, features, shapes

LATENT_DIM = shapes.LATENT_DIM
BASE_CHANNELS = 16
OBJECT_WEIGHT = 5.0  # loss weight of object pixels relative to background pixels


def recalibrate_batchnorm(G: dcgan.Generator, generator: torch.Generator, batches: int = 50, batch: int = 256):
    """Replaces the running BN statistics with exact averages over many prior samples.

    Training-time running averages lag behind the moving weights; the exported module runs BN in
    eval mode (so each image depends only on its own z, which the Hessian needs), so its
    statistics must describe the final weights.
    """
    for m in G.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.reset_running_stats()
            m.momentum = None  # cumulative average
    G.train()
    with torch.no_grad():
        for _ in range(batches):
            G(torch.randn(batch, LATENT_DIM, generator=generator))
    G.eval()


def save_grid(images: torch.Tensor, path: Path):
    vutils.save_image(images * 0.5 + 0.5, path, nrow=8, padding=2)


def fixed_codes(seed: int) -> torch.Tensor:
    """The 64 codes every sample grid shows, so grids of one run are comparable step to step."""
    return torch.randn(64, LATENT_DIM, generator=torch.Generator().manual_seed(seed + 2000))


def export(G: dcgan.Generator, out: Path, args, steps: int, holdout_mse: float):
    out.mkdir(parents=True, exist_ok=True)
    traced = torch.jit.trace(G, torch.randn(2, LATENT_DIM))
    traced.save(str(out / "generator_z.pt"))
    card.write_model_card(
        out,
        name="demo-shapes-64",
        architecture="dcgan",
        description="DCGAN-style generator (ConvTranspose+BatchNorm+ReLU, tanh output) fitted by regression, not "
        "adversarially, to procedural 64x64 images that are a fixed function of z: one flat-coloured shape "
        "(circle, square or triangle, with continuous blends) with position, size and colour on a "
        "softly shaded background whose 54 shading patterns give every dimension a small effect; the factors "
        "are read from Q z for a fixed random orthogonal Q (eigenstudy_export/demo/shapes.py). Regression on "
        "(z, rendered image) pairs makes prior samples follow the data distribution by construction and "
        "converges on a small shared CPU, where GAN training collapsed.",
        source=f"trained by geometry-core/python/eigenstudy_export/demo/train.py --seed {args.seed} --steps {steps} "
        f"--batch {args.batch} --lr {args.lr}",
        resolution=64,
        spaces=[card.space("z", LATENT_DIM, {"kind": "normal"}, "linear", "generator_z.pt")],
        extra={"base_channels": BASE_CHANNELS, "training_method": "regression", "training_seed": args.seed,
               "training_steps": steps, "holdout_mse": round(holdout_mse, 6),
               "mixing_seed": shapes.ROTATION_SEED,
               "batchnorm": "eval mode, statistics recalibrated over 12800 prior samples"},
    )
    # The first block as its own module, for GANSpace in z (the card then names it).
    features.export(out)


def holdout_mse(G: dcgan.Generator, z: torch.Tensor, target: torch.Tensor) -> float:
    with torch.no_grad():
        return float(((G(z) - target) ** 2).mean())


def publish(G: dcgan.Generator, out: Path, args, steps: int):
    """Recalibrates BatchNorm (what the export freezes), then writes the grids and the model."""
    recalibrate_batchnorm(G, torch.Generator().manual_seed(args.seed + 3000))
    z = fixed_codes(args.seed)
    target = shapes.render(shapes.factors_of(z))
    with torch.no_grad():
        save_grid(G(z), out / "samples.png")
    save_grid(target, out / "data.png")
    mse = holdout_mse(G, z, target)
    export(G, out, args, steps, mse)
    return mse


class TrainingRun:
    """The log, periodic snapshots (grid + weights) and the learning-rate schedule."""

    def __init__(self, args, header: str):
        self.args = args
        self.work = args.out / "training"
        self.work.mkdir(parents=True, exist_ok=True)
        self.fixed_z = fixed_codes(args.seed)
        self.fixed_target = shapes.render(shapes.factors_of(self.fixed_z))
        self.log = open(args.out / "train.log", "a" if args.finish_from else "w")
        self.say(header)
        self.start = time.time()

    def say(self, msg: str):
        print(msg, flush=True)
        self.log.write(msg + "\n")
        self.log.flush()

    def elapsed(self) -> str:
        return f"elapsed {time.time() - self.start:.0f}s"

    def lr(self, step: int) -> float:
        """Linear warm-up over 100 steps, then cosine decay to 2% (sharp edges need a small final rate)."""
        warm = min(1.0, step / 100)
        progress = step / self.args.steps
        return self.args.lr * warm * (0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * progress)))

    def after_step(self, step: int, G: dcgan.Generator, opt):
        if step % self.args.grid_every == 0 or step == self.args.steps:
            # Judge progress with recalibrated statistics (what the export will use), on a copy.
            snapshot = copy.deepcopy(G)
            recalibrate_batchnorm(snapshot, torch.Generator().manual_seed(self.args.seed + 3000), batches=5, batch=128)
            with torch.no_grad():
                save_grid(snapshot(self.fixed_z), self.work / f"grid-{step:05d}.png")
            self.say(f"step {step} holdout_mse {holdout_mse(snapshot, self.fixed_z, self.fixed_target):.5f}")
            torch.save({"G": G.state_dict(), "opt": opt.state_dict(), "step": step}, self.work / "last.pt")


def train(args):
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    data_rng = torch.Generator().manual_seed(args.seed + 1000)
    G = dcgan.Generator(LATENT_DIM, BASE_CHANNELS)
    opt = torch.optim.Adam(G.parameters(), args.lr, betas=(0.9, 0.99))
    first = 1
    run = TrainingRun(args, f"method=regression seed={args.seed} steps={args.steps} batch={args.batch} lr={args.lr} "
                            f"latent={LATENT_DIM} base={BASE_CHANNELS} threads={args.threads} torch={torch.__version__}")
    if args.finish_from:
        snapshot = torch.load(str(args.finish_from))
        G.load_state_dict(snapshot["G"])
        opt.load_state_dict(snapshot["opt"])
        first = snapshot["step"] + 1
        # The data stream is re-seeded, so a resumed run is reproducible but not bit-equal to an unbroken one.
        data_rng = torch.Generator().manual_seed(args.seed + 1000 + first)
        run.say(f"resumed from {args.finish_from} at step {first - 1}")
    for step in range(first, args.steps + 1):
        z = torch.randn(args.batch, LATENT_DIM, generator=data_rng)
        target, coverage = shapes.render_with_coverage(shapes.factors_of(z))
        weight = 1 + (OBJECT_WEIGHT - 1) * coverage
        for group in opt.param_groups:
            group["lr"] = run.lr(step)
        diff = G(z) - target
        l1, l2 = (weight * diff.abs()).mean(), (weight * diff ** 2).mean()
        loss = l1 + l2
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step % 25 == 0:
            run.say(f"step {step} l1 {l1.item():.4f} mse {l2.item():.5f} lr {run.lr(step):.2e} {run.elapsed()}")
        run.after_step(step, G, opt)
    mse = publish(G, args.out, args, args.steps)
    run.say(f"done in {time.time() - run.start:.0f}s; holdout_mse {mse:.5f}; wrote samples.png, data.png, "
            "generator_z.pt, model-card.json")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--threads", type=int, default=1,
                    help="1 avoids OpenMP spin-waiting on busy shared machines (2 was not faster here)")
    ap.add_argument("--grid-every", type=int, default=250)
    ap.add_argument("--finish-from", type=Path,
                    help="resume from a training/last.pt snapshot (weights, optimiser state, step) to --steps")
    train(ap.parse_args(argv))


if __name__ == "__main__":
    main()
