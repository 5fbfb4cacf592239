"""Reading the YAML configuration file."""

import yaml

# libyaml's C loader when PyYAML was built with it (the repacked Debian wheel is), so that an
# installed package exercises a C extension and the shared library it needs (libyaml-0.so.2).
try:
    from yaml import CSafeLoader as Loader
except ImportError:  # a pure-Python PyYAML
    from yaml import SafeLoader as Loader

DEFAULT_PATH = "/etc/hello/hello.yaml"


class ConfigError(Exception):
    pass


def load(path):
    """Return (settings dict, name of the loader class used)."""
    try:
        with open(path, encoding="utf-8") as f:
            settings = yaml.load(f, Loader=Loader) or {}
    except OSError as e:
        raise ConfigError(f"cannot read config {path}: {e.strerror}; pass --config FILE") from e
    except yaml.YAMLError as e:
        raise ConfigError(f"{path}: not valid YAML: {e}") from e
    if not isinstance(settings, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    return settings, Loader.__name__
