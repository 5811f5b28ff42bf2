"""`seoclean check` end to end through the console script: every exit code, configuration
discovery and precedence (file vs flag vs front matter), stdin, globs, the progress bar on a
terminal, and the classifier's verdict."""

import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def cli_command(*args: str) -> list[str]:
    executable = shutil.which("seoclean")
    return [executable, *args] if executable else [sys.executable, "-m", "seoclean", *args]


def run_cli(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        cli_command(*args), check=False, capture_output=True, text=True, timeout=120, cwd=cwd, input=stdin
    )


def rules_in(result: subprocess.CompletedProcess) -> set[str]:
    return {f["rule"] for record in json.loads(result.stdout) for f in record["findings"]}


@pytest.fixture
def repo(tmp_path) -> Path:
    """A repository with the examples in drafts/ and a configuration at its root."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for name in ("clean-article.md", "spam-article.md"):
        shutil.copy(EXAMPLES / name, drafts / name)
    return tmp_path


# -- exit codes ------------------------------------------------------------------------------------
def test_exit_0_for_a_clean_draft_and_1_for_a_spam_draft():
    clean = run_cli("check", str(EXAMPLES / "clean-article.md"), "--no-model", "--no-config")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.strip() == "0 finding(s) in 1 document(s)"
    spam = run_cli("check", str(EXAMPLES / "spam-article.md"), "--no-model", "--no-config")
    assert spam.returncode == 1
    assert ": SEO205 " in spam.stdout


def test_warnings_are_shown_but_pass_by_default(tmp_path):
    # A draft whose closing advice is pasted twice (SEO403, a warning): reported, not blocked.
    text = (EXAMPLES / "clean-article.md").read_text(encoding="utf-8")
    last_paragraph = text.rstrip().rsplit("\n\n", 1)[1]
    first_sentence = last_paragraph.split(". ")[0].rstrip(".") + "."
    draft = tmp_path / "draft.md"
    draft.write_text(f"{text.rstrip()}\n\n{first_sentence}\n", encoding="utf-8")
    default = run_cli("check", str(draft), "--no-model", "--no-config", "--format", "json")
    records = json.loads(default.stdout)
    severities = {f["severity"] for f in records[0]["findings"]}
    assert severities == {"warning"}, records[0]["findings"]
    assert default.returncode == 0
    assert run_cli("check", str(draft), "--no-model", "--no-config", "--fail-on", "warning").returncode == 1


def test_exit_2_for_a_missing_file_even_next_to_a_failing_draft():
    result = run_cli("check", "no-such-draft.md", str(EXAMPLES / "spam-article.md"), "--no-model", "--no-config")
    assert result.returncode == 2
    assert "no-such-draft.md: error: no such file" in result.stdout
    assert ": SEO205 " in result.stdout  # the other draft is still checked and reported


def test_exit_2_for_a_bad_configuration_key_with_the_fix(repo):
    (repo / "pyproject.toml").write_text("[tool.seoclean]\nfail_on = 'error'\n", encoding="utf-8")
    result = run_cli("check", "drafts/clean-article.md", "--no-model", cwd=repo)
    assert result.returncode == 2
    assert result.stdout == ""  # nothing is checked with a configuration that cannot be read
    message = result.stderr.strip()
    assert message.startswith("seoclean: error: unknown key 'fail_on'") and "pyproject.toml" in message
    assert "did you mean 'fail-on'" in message and "valid keys:" in message


def test_exit_2_for_usage_errors():
    assert run_cli("check").returncode == 2
    assert run_cli("check", "x.md", "--format", "xml").returncode == 2
    bad_flag = run_cli("check", str(EXAMPLES / "clean-article.md"), "--select", "SE0101", "--no-model")
    assert bad_flag.returncode == 2 and "matches no rule code" in bad_flag.stderr


# -- configuration ---------------------------------------------------------------------------------
def test_configuration_is_discovered_upward_from_the_file_not_the_working_directory(repo, tmp_path_factory):
    (repo / "pyproject.toml").write_text("[tool.seoclean]\nselect = ['SEO3']\n", encoding="utf-8")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    draft = str(repo / "drafts" / "spam-article.md")
    result = run_cli("check", draft, "--format", "json", "--no-model", cwd=elsewhere)
    found = rules_in(result)
    assert found and all(code.startswith("SEO3") for code in found)
    # The nearest file wins: a .seoclean.toml in drafts/ hides the pyproject.toml above it.
    (repo / "drafts" / ".seoclean.toml").write_text("select = ['SEO1']\n", encoding="utf-8")
    nearer = run_cli("check", draft, "--format", "json", "--no-model", cwd=elsewhere)
    found = rules_in(nearer)
    assert found and all(code.startswith("SEO1") for code in found)


def test_flags_override_the_file(repo):
    (repo / ".seoclean.toml").write_text("ignore = ['SEO205']\nfail-on = 'error'\n", encoding="utf-8")
    args = ("check", "drafts/spam-article.md", "--no-model", "--format", "json")
    from_file = run_cli(*args, cwd=repo)
    assert from_file.returncode == 0  # only warnings remain, and the file fails on errors only
    assert "SEO205" not in rules_in(from_file)
    assert run_cli(*args, "--fail-on", "warning", cwd=repo).returncode == 1
    flag_ignore = run_cli(*args, "--ignore", "SEO101", cwd=repo)  # replaces the file's ignore list
    assert flag_ignore.returncode == 1 and "SEO205" in rules_in(flag_ignore) and "SEO101" not in rules_in(flag_ignore)
    isolated = run_cli(*args, "--no-config", cwd=repo)
    assert isolated.returncode == 1 and "SEO205" in rules_in(isolated)


def test_per_file_ignores_and_front_matter_keyphrase(repo):
    (repo / ".seoclean.toml").write_text('[per-file-ignores]\n"drafts/spam-*.md" = ["SEO1"]\n', encoding="utf-8")
    text = (EXAMPLES / "spam-article.md").read_text(encoding="utf-8")
    keyed = text.replace("---\n", "---\nkeyphrase: lower back pain after running treatment\n", 1)
    (repo / "drafts" / "keyed.md").write_text(keyed, encoding="utf-8")
    result = run_cli("check", "drafts/", "--no-model", "--format", "json", cwd=repo)
    by_name = {Path(r["path"]).name: {f["rule"] for f in r["findings"]} for r in json.loads(result.stdout)}
    assert not any(code.startswith("SEO1") for code in by_name["spam-article.md"])  # per-file ignore
    assert "SEO103" in by_name["keyed.md"]  # Yoast density for the keyphrase named in front matter
    flag = run_cli("check", "drafts/keyed.md", "--keyphrase", "hamstring", "--no-model", "--format", "json", cwd=repo)
    assert "SEO103" not in rules_in(flag)  # the flag wins over front matter


# -- inputs ----------------------------------------------------------------------------------------
def test_stdin_with_a_file_name(repo):
    text = (EXAMPLES / "spam-article.md").read_text(encoding="utf-8")
    result = run_cli(
        "check", "-", "--stdin-filename", "drafts/post.md", "--no-model", "--format", "json", cwd=repo, stdin=text
    )
    assert result.returncode == 1
    record = json.loads(result.stdout)[0]
    assert record["path"] == "drafts/post.md" and record["format"] == "markdown"


def test_scan_expands_quoted_globs_and_reports_unmatched_ones(repo):
    result = run_cli("scan", "drafts/**/*.md", "nothing/*.html", "--no-model", "--format", "jsonl", cwd=repo)
    assert result.returncode == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["path"] for r in records] == ["drafts/clean-article.md", "drafts/spam-article.md", "nothing/*.html"]
    assert "no files match" in records[2]["error"]


@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="needs a pseudo-terminal")
def test_progress_bar_only_on_a_terminal(repo):
    for i in range(5):
        shutil.copy(EXAMPLES / "clean-article.md", repo / "drafts" / f"copy{i}.md")
    controller, terminal = pty.openpty()  # stderr is a terminal, stdout a pipe
    command = cli_command("scan", "drafts/", "--no-model", "--format", "csv")
    with subprocess.Popen(command, cwd=repo, stdout=subprocess.PIPE, stderr=terminal) as process:
        os.close(terminal)
        shown = _read_all(controller)
        process.communicate(timeout=120)
    os.close(controller)
    assert process.returncode == 0
    assert b"7/7" in shown and b"files/s" in shown and b"seoclean: 7 document(s)" in shown
    piped = run_cli("scan", "drafts/", "--no-model", "--format", "csv", cwd=repo)
    assert "files/s" not in piped.stderr and "seoclean: 7 document(s)" in piped.stderr


def _read_all(fd: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the other end closed (Linux)
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


# -- the classifier's verdict -----------------------------------------------------------------------
def _default_model_missing() -> bool:
    try:
        from seoclean.model import default_model_path
    except ImportError:
        return True
    return not default_model_path().exists()


@pytest.mark.skipif(_default_model_missing(), reason="the shipped model is not built yet (seoclean train)")
def test_verdict_from_the_default_model_and_the_threshold_setting():
    result = run_cli(
        "check",
        str(EXAMPLES / "clean-article.md"),
        str(EXAMPLES / "spam-article.md"),
        "--format",
        "json",
        "--no-config",
        "--fail-on",
        "none",
    )
    records = {Path(r["path"]).name: r for r in json.loads(result.stdout)}
    assert records["clean-article.md"]["label"] == "ok"
    assert records["spam-article.md"]["label"] == "spam"
    assert result.returncode == 1  # spam fails even when no finding severity does
    clean = run_cli("check", str(EXAMPLES / "clean-article.md"), "--no-config", "--threshold", "0")
    assert clean.returncode == 1 and "classified as spam" in clean.stdout


# -- integrations ----------------------------------------------------------------------------------
ROOT = Path(__file__).resolve().parents[1]


def test_pre_commit_hook_runs_check_on_drafts_only():
    yaml = pytest.importorskip("yaml")
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "seoclean" and hook["entry"] == "seoclean check" and hook["language"] == "python"
    files = re.compile(hook["files"])
    assert files.search("drafts/post.md") and files.search("site/index.html") and files.search("notes.txt")
    assert not files.search("seoclean/cli.py")


def test_github_action_writes_sarif_and_keeps_the_exit_code(tmp_path):
    yaml = pytest.importorskip("yaml")
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) >= {"paths", "args", "sarif-file"}
    step = next(s for s in action["runs"]["steps"] if s.get("id") == "check")
    outputs = tmp_path / "github_output"
    env = {
        **os.environ,
        "SEOCLEAN_PATHS": f"{EXAMPLES / 'clean-article.md'} {EXAMPLES / 'spam-article.md'}",
        "SEOCLEAN_ARGS": "--no-config --fail-on error --no-model",
        "SEOCLEAN_SARIF": str(tmp_path / "out.sarif"),
        "GITHUB_OUTPUT": str(outputs),
    }
    scripts = Path(sys.executable).parent  # the console script of this environment
    env["PATH"] = f"{scripts}{os.pathsep}{env.get('PATH', '')}"
    command = ["bash", "-c", step["run"]]
    result = subprocess.run(command, check=False, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr  # SEO205 is an error-level finding
    assert outputs.read_text().strip() == "exit-code=1"
    log = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0" and any(r["ruleId"] == "SEO205" for r in log["runs"][0]["results"])


def test_rules_docs_documents_every_rule():
    result = run_cli("rules", "--docs")
    assert result.returncode == 0
    from seoclean.rules import registry

    for code in registry():
        assert f"\n{code} " in "\n" + result.stdout
    assert result.stdout.count("Bad:") == len(registry()) == result.stdout.count("Better:")
