"""Trains the demo generator (DCGAN on procedural shapes) and writes the committed demo model.

    cd geometry-core/python && nice /usr/bin/python3 -m eigenstudy_export.demo.train --out ../models/demo

The committed model: --method vae --seed 1 --steps 700 (a 1000-step run stopped at the step-700
snapshot and finished with --finish-from; train.log shows both).
Two GAN runs (--method gan, first with a batch-norm discriminator, then spectral norm) collapsed to a
single image within the few hundred steps the shared 2-core machine allowed, so the committed model is
the same DCGAN-style generator trained as a VAE decoder. Deterministic for a given seed, torch version and thread count (CPU). Writes train.log, samples.png,
generator_z.pt (TorchScript, eval-mode BatchNorm with recalibrated statistics) and model-card.json.
"""
import argparse
import copy
import time
from pathlib import Path

import torch
import torchvision.utils as vutils

from eigenstudy_export import card
from eigenstudy_export.demo import dcgan, shapes

LATENT_DIM = 64
BASE_CHANNELS = 16


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


def save_grid(G, z, path):
    with torch.no_grad():
        vutils.save_image(G(z) * 0.5 + 0.5, path, nrow=8, padding=2)


DESCRIPTIONS = {
    "gan": "trained as a GAN (non-saturating loss, spectral-norm discriminator)",
    "vae": "trained as the decoder of a VAE (Gaussian decoder sigma 0.2, KL to N(0, I)), so prior samples are "
           "valid images; blurrier than a GAN but robust on a small shared CPU budget",
}


def export(G: dcgan.Generator, out: Path, seed: int, steps: int, method: str):
    out.mkdir(parents=True, exist_ok=True)
    traced = torch.jit.trace(G, torch.randn(2, LATENT_DIM))
    traced.save(str(out / "generator_z.pt"))
    card.write_model_card(
        out,
        name="demo-shapes-64",
        architecture="dcgan",
        description="DCGAN-style generator (ConvTranspose+BatchNorm+ReLU, tanh output) " + DESCRIPTIONS[method]
        + ", on procedural 64x64 images of one shape (circle, square, triangle, cross) with random position, size, "
        "rotation, object hue and background hue.",
        source=f"trained by geometry-core/python/eigenstudy_export/demo/train.py --method {method} --seed {seed} "
        f"--steps {steps}",
        resolution=64,
        spaces=[card.space("z", LATENT_DIM, {"kind": "normal"}, "linear", "generator_z.pt")],
        extra={"base_channels": BASE_CHANNELS, "training_method": method, "training_seed": seed, "training_steps": steps,
               "batchnorm": "eval mode, statistics recalibrated over 12800 prior samples"},
    )


def fixed_codes(seed: int) -> torch.Tensor:
    """The 64 codes every sample grid shows, so grids of one run are comparable step to step."""
    return torch.randn(64, LATENT_DIM, generator=torch.Generator().manual_seed(seed + 2000))


def publish(G: dcgan.Generator, out: Path, seed: int, steps: int, method: str):
    """Recalibrates BatchNorm (what the export freezes), then writes samples.png and the model."""
    recalibrate_batchnorm(G, torch.Generator().manual_seed(seed + 3000))
    save_grid(G, fixed_codes(seed), out / "samples.png")
    export(G, out, seed, steps, method)


class TrainingRun:
    """What the VAE and GAN trainers share: the log, periodic snapshots and the final publish."""

    def __init__(self, args, header: str):
        self.args = args
        self.work = args.out / "training"
        self.work.mkdir(parents=True, exist_ok=True)
        self.fixed_z = fixed_codes(args.seed)
        self.log = open(args.out / "train.log", "w")
        self.say(header)
        self.start = time.time()

    def say(self, msg: str):
        print(msg, flush=True)
        self.log.write(msg + "\n")
        self.log.flush()

    def elapsed(self) -> str:
        return f"elapsed {time.time() - self.start:.0f}s"

    def after_step(self, step: int, G: dcgan.Generator, state: dict):
        if step % self.args.grid_every == 0 or step == self.args.steps:
            # Judge progress with recalibrated statistics (what the export will use), on a copy.
            snapshot = copy.deepcopy(G)
            recalibrate_batchnorm(snapshot, torch.Generator().manual_seed(self.args.seed + 3000), batches=5, batch=128)
            save_grid(snapshot, self.fixed_z, self.work / f"grid-{step:05d}.png")
            torch.save({"G": G.state_dict(), **state, "step": step}, self.work / "last.pt")

    def publish(self, G: dcgan.Generator, method: str):
        publish(G, self.args.out, self.args.seed, self.args.steps, method)
        self.say(f"done in {time.time() - self.start:.0f}s; wrote samples.png, generator_z.pt, model-card.json")


def finish(args):
    snapshot = torch.load(str(args.finish_from))
    torch.set_num_threads(args.threads)
    G = dcgan.Generator(LATENT_DIM, BASE_CHANNELS)
    G.load_state_dict(snapshot["G"])
    step = snapshot["step"]
    with open(args.out / "train.log", "a") as log:
        log.write(f"finishing from {args.finish_from.name} at step {step} (same weights as a run with --steps {step})\n")
    publish(G, args.out, args.seed, step, args.method)


def train_vae(args):
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    data_rng = torch.Generator().manual_seed(args.seed + 1000)
    G, E = dcgan.Generator(LATENT_DIM, BASE_CHANNELS), dcgan.Encoder(LATENT_DIM, BASE_CHANNELS)
    opt = torch.optim.Adam(list(G.parameters()) + list(E.parameters()), 1e-3)
    sigma = 0.2  # decoder noise scale: sets the balance between reconstruction and the KL to N(0, I)
    run = TrainingRun(args, f"method=vae seed={args.seed} steps={args.steps} batch={args.batch} latent={LATENT_DIM} "
                            f"base={BASE_CHANNELS} sigma={sigma} threads={args.threads} torch={torch.__version__}")
    for step in range(1, args.steps + 1):
        real = shapes.sample_images(args.batch, data_rng)
        mean, logvar = E(real)
        z = mean + torch.randn_like(mean) * torch.exp(0.5 * logvar)
        recon = ((G(z) - real) ** 2).sum(dim=(1, 2, 3)).mean() / (2 * sigma ** 2)
        kl = 0.5 * (mean ** 2 + logvar.exp() - 1 - logvar).sum(1).mean()
        loss = recon + kl
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step % 25 == 0:
            run.say(f"step {step} recon {recon.item():.1f} kl {kl.item():.1f} {run.elapsed()}")
        run.after_step(step, G, {"E": E.state_dict()})
    run.publish(G, "vae")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--steps", type=int, default=1000)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--threads", type=int, default=1,
                    help="1 avoids OpenMP spin-waiting on busy shared machines")
    ap.add_argument("--grid-every", type=int, default=100)
    ap.add_argument("--finish-from", type=Path,
                    help="skip training: export from a training/last.pt snapshot. A run stopped after step N and "
                         "finished this way gives the same model as a run with --steps N (snapshots hold the "
                         "weights; recalibration and export draw from their own seeded generators)")
    ap.add_argument("--method", choices=["gan", "vae"], default="vae",
                    help="gan: non-saturating GAN with a spectral-norm discriminator; vae: the same generator "
                         "trained as a VAE decoder (more robust on a tight CPU budget, blurrier)")
    args = ap.parse_args(argv)
    if args.finish_from:
        return finish(args)
    if args.method == "vae":
        return train_vae(args)

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    data_rng = torch.Generator().manual_seed(args.seed + 1000)
    G, D = dcgan.Generator(LATENT_DIM, BASE_CHANNELS), dcgan.Discriminator(BASE_CHANNELS)
    for m in list(G.modules()) + list(D.modules()):
        if isinstance(m, (torch.nn.Conv2d, torch.nn.ConvTranspose2d)):
            torch.nn.init.normal_(m.weight, 0.0, 0.02)
    opt_g = torch.optim.Adam(G.parameters(), 2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(D.parameters(), 2e-4, betas=(0.5, 0.999))
    bce = torch.nn.BCEWithLogitsLoss()
    run = TrainingRun(args, f"seed={args.seed} steps={args.steps} batch={args.batch} latent={LATENT_DIM} "
                            f"base={BASE_CHANNELS} threads={args.threads} torch={torch.__version__}")
    ones, zeros = torch.ones(args.batch), torch.zeros(args.batch)
    for step in range(1, args.steps + 1):
        real = shapes.sample_images(args.batch, data_rng)
        fake = G(torch.randn(args.batch, LATENT_DIM))
        loss_d = bce(D(real), ones) + bce(D(fake.detach()), zeros)
        opt_d.zero_grad()
        loss_d.backward()
        opt_d.step()
        loss_g = bce(D(fake), ones)
        opt_g.zero_grad()
        loss_g.backward()
        opt_g.step()
        if step % 25 == 0:
            run.say(f"step {step} loss_d {loss_d.item():.4f} loss_g {loss_g.item():.4f} {run.elapsed()}")
        run.after_step(step, G, {"D": D.state_dict()})
    run.publish(G, "gan")


if __name__ == "__main__":
    main()
