"""Our modules at the published configurations have exactly the public state-dict layouts."""
import pytest
import torch

from conftest import layout
from eigenstudy_export.nets.biggan import BigGAN
from eigenstudy_export.nets.lpips import LPIPS
from eigenstudy_export.nets.pggan import PGGANGenerator
from eigenstudy_export.nets.stylegan2 import StyleGAN2Generator


def _entries(module):
    return [(k, list(v.shape)) for k, v in module.state_dict().items()]


def _check(module, section):
    expected = [(e["name"], e["shape"]) for e in section["entries"]]
    assert _entries(module) == expected
    assert sum(p.numel() for p in module.parameters()) == section["num_parameters"]
    buffers = sum(b.numel() for n, b in module.named_buffers())
    assert buffers == section["num_buffer_elements_in_state_dict"]


BUILDERS = {
    "pggan-celebahq-256": lambda: PGGANGenerator(),
    "stylegan2-256-cm1": lambda: StyleGAN2Generator(256, channel_multiplier=1),
    "stylegan2-256-cm2": lambda: StyleGAN2Generator(256, channel_multiplier=2),
    "stylegan2-1024-cm2": lambda: StyleGAN2Generator(1024, channel_multiplier=2),
    "biggan-deep-256": lambda: BigGAN(),
}


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_generator_layout_and_parameter_count(name):
    with torch.no_grad():
        _check(BUILDERS[name](), layout(name)["generator_state_dict"])


@pytest.mark.parametrize("trunk", ["squeeze", "alex", "vgg"])
def test_lpips_layout_and_parameter_count(trunk):
    spec = layout(f"lpips-{trunk}")
    module = LPIPS(trunk)
    _check(module, spec["lpips_module_state_dict"])
    # The lin file and the trunk's `features.*` are what users actually have.
    lin = [(e["name"], e["shape"]) for e in spec["public_checkpoint"]["linear_layers_file"]["entries"]]
    assert [(k, s) for k, s in _entries(module) if k.startswith("lin") and not k.startswith("lins.")] == lin
    features = sum(p.numel() for n, p in module.named_parameters() if n.startswith("net."))
    assert features == spec["public_checkpoint"]["trunk_file"]["num_parameters_features_only"]
