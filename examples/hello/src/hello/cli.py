"""The `hello` command."""

import click
from markupsafe import escape

from hello import __version__, config


@click.command()
@click.option("--config", "config_path", default=config.DEFAULT_PATH, show_default=True,
              type=click.Path(dir_okay=False), help="YAML configuration file.")
@click.option("--name", help="Who to greet (overrides the config file).")
@click.version_option(__version__, prog_name="hello")
def main(config_path, name):
    """Print a greeting read from the configuration file, as text and as escaped HTML."""
    try:
        settings, loader = config.load(config_path)
    except config.ConfigError as e:
        raise click.ClickException(str(e)) from e
    greeting = str(settings.get("greeting", "Hello"))
    who = name or str(settings.get("name", "world"))
    click.echo(f"{greeting}, {who}!")
    click.echo(f"html: <p>{escape(greeting)}, {escape(who)}!</p>")
    click.echo(f"config: {config_path} (yaml.{loader})")
