"""Settings: discovery upward from the checked file, defaults < file < flags, and errors that
name the key, the file and the valid keys. End-to-end precedence runs are in test_check_cli.py."""

from pathlib import Path

import pytest

from seoclean.errors import ConfigError
from seoclean.ingest import load_text
from seoclean.runner import Runner
from seoclean.settings import Settings, discover_config, glob_matches, load_settings, parse_flag


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_discovery_walks_up_and_stops_at_the_first_file(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.seoclean]\nignore = ['SEO1']\n")
    draft = write(tmp_path / "site" / "drafts" / "post.md", "# Post\n")
    assert discover_config(draft) == tmp_path / "pyproject.toml"
    write(tmp_path / "site" / ".seoclean.toml", "ignore = ['SEO3']\n")
    assert discover_config(draft) == tmp_path / "site" / ".seoclean.toml"
    assert load_settings(draft).ignore == ("SEO3",)


def test_a_pyproject_without_a_seoclean_table_is_passed_over(tmp_path):
    write(tmp_path / ".seoclean.toml", "fail-on = 'error'\n")
    write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'x'\n")
    draft = write(tmp_path / "pkg" / "post.md", "# Post\n")
    assert discover_config(draft) == tmp_path / ".seoclean.toml"
    assert load_settings(draft).fail_on == "error"


def test_defaults_then_file_then_flags(tmp_path):
    write(tmp_path / ".seoclean.toml", "fail-on = 'error'\nthreshold = 0.8\nallowlist = ['Acme']\n")
    draft = tmp_path / "post.md"
    assert load_settings(draft, discover=False) == Settings()
    from_file = load_settings(draft)
    assert (from_file.fail_on, from_file.threshold, from_file.allowlist) == ("error", 0.8, ("Acme",))
    flagged = load_settings(draft, {"fail_on": "info", "threshold": None})
    assert (flagged.fail_on, flagged.threshold) == ("info", 0.8)  # None: flag not given, the file's value stays


def test_every_documented_key_is_accepted(tmp_path):
    config = write(
        tmp_path / "pyproject.toml",
        """[tool.seoclean]
select = ["SEO1", "SEO2"]
ignore = ["SEO205"]
per-file-ignores = { "legacy/*.md" = ["SEO3"] }
threshold = 0.7
fail-on = "warning"
allowlist = ["Acme", "Best Buy"]
keyphrase = "lower back pain"
max-bytes = 1000000
""",
    )
    settings = load_settings(config=config)
    assert settings.select == ("SEO1", "SEO2") and settings.per_file_ignores == (("legacy/*.md", ("SEO3",)),)
    assert settings.keyphrase == "lower back pain" and settings.max_bytes == 1_000_000
    assert settings.ignored_for(str(tmp_path / "legacy" / "old.md")) == ("SEO205", "SEO3")
    assert settings.ignored_for(str(tmp_path / "new.md")) == ("SEO205",)
    assert settings.is_enabled("SEO101", ()) and not settings.is_enabled("SEO301", ())


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("fail_on = 'error'", "unknown key 'fail_on'.*did you mean 'fail-on'.*valid keys: select, ignore"),
        ("threshold = 2", "bad value for 'threshold'.*from 0 to 1"),
        ("select = ['SE0101']", "matches no rule code"),
        ("fail-on = 'fatal'", "expected one of: info, warning, error, none"),
        ("select = [", "not valid TOML"),
    ],
)
def test_bad_configuration_names_the_key_the_file_and_the_fix(tmp_path, body, expected):
    config = write(tmp_path / ".seoclean.toml", body + "\n")
    with pytest.raises(ConfigError, match=expected) as error:
        load_settings(tmp_path / "post.md")
    assert str(config) in str(error.value) or "TOML" not in expected


def test_flags_are_checked_with_the_same_rules():
    assert parse_flag("select", "seo1, SEO201") == ("SEO1", "SEO201")
    assert parse_flag("threshold", "0.25") == 0.25
    with pytest.raises(ConfigError, match="--threshold"):
        parse_flag("threshold", "high")


@pytest.mark.parametrize(
    ("path", "pattern", "matches"),
    [
        ("legacy/old.md", "legacy/*.md", True),
        ("legacy/deep/old.md", "legacy/**/*.md", True),
        ("legacy/old.md", "legacy/**/*.md", True),
        ("site/page.html", "*.html", True),
        ("drafts/new.md", "legacy/*.md", False),
    ],
)
def test_per_file_ignore_globs(path, pattern, matches):
    assert glob_matches(path, pattern) is matches


def test_the_runner_gives_the_allowlist_to_the_spin_detector(tmp_path):
    write(tmp_path / ".seoclean.toml", "allowlist = ['Acme Widgets']\n")
    runner = Runner(model=None)
    analyzer = runner.analyzer_for(runner.settings_for(str(tmp_path / "post.md")), None)
    spin = next(d for d in analyzer.detectors if d.name == "spin")
    assert spin.allowlist == ("Acme Widgets",)


def test_keyphrase_comes_from_the_flag_then_front_matter_then_the_config(tmp_path):
    write(tmp_path / ".seoclean.toml", "keyphrase = 'from the config'\n")
    settings = load_settings(tmp_path / "post.md")
    with_front_matter = load_text("---\nkeyphrase: from front matter\n---\n# Post\n", format="markdown")
    without = load_text("# Post\n\nText.\n", format="markdown")
    assert Runner(model=None).keyphrase_for(with_front_matter, settings) == "from front matter"
    assert Runner(model=None).keyphrase_for(without, settings) == "from the config"
    flagged = Runner(model=None, overrides={"keyphrase": "from the flag"})
    assert flagged.keyphrase_for(with_front_matter, settings) == "from the flag"
