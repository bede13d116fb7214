"""The plugin's configuration and packaging."""
import sys
import warnings
import zipfile
from pathlib import Path

import pytest

from notifications_pytest import plugin

ROOT = Path(__file__).resolve().parent.parent

from importlib.metadata import entry_points

if sys.version_info >= (3, 10):
    _installed = bool(entry_points(group="pytest11", name="notifications"))
else:
    _installed = any(entry.name == "notifications" for entry in entry_points().get("pytest11", []))
# installed, pytest loads the plugin by its entry point; from a checkout it is named
PLUGIN = () if _installed else ("-p", "notifications_pytest.plugin")


def test_reads_the_ini_file(pytester, monkeypatch):
    for variable in ("NOTIFICATIONS_JAR", "NOTIFICATIONS_USERS", "NOTIFICATIONS_FIXTURES", "NOTIFICATIONS_ARCHIVE"):
        monkeypatch.delenv(variable, raising=False)
    pytester.makeini("""
        [pytest]
        notifications_jar = server.jar
        notifications_users =
            admin@example.com:secret:Administrator
            reader@example.com:pw:CoworkerNotification-Read
        notifications_fixtures = fixtures.json
        notifications_clock = 2025-01-15T10:30:00Z
        notifications_seed = 42
        notifications_properties = notifications.rate-limit.enabled=true
        notifications_jvm_args = -Xmx256m -Xss1m
        notifications_archive = false
    """)
    config = pytester.parseconfig(*PLUGIN)
    options = plugin.options(config)
    assert options.jar == str(pytester.path / "server.jar")
    assert [user.email for user in options.users] == ["admin@example.com", "reader@example.com"]
    assert options.fixtures == str(pytester.path / "fixtures.json")
    assert (options.clock, options.seed, options.archive) == ("2025-01-15T10:30:00Z", 42, False)
    assert options.properties == {"notifications.rate-limit.enabled": "true"}
    assert options.jvm_args == ["-Xmx256m", "-Xss1m"]


def test_the_command_line_wins_over_the_environment_which_wins_over_the_ini_file(pytester, monkeypatch):
    pytester.makeini("""
        [pytest]
        notifications_jar = ini.jar
        notifications_users = ini@example.com:pw:Administrator
    """)
    monkeypatch.setenv("NOTIFICATIONS_JAR", "/env.jar")
    monkeypatch.setenv("NOTIFICATIONS_USERS", "env@example.com:pw:Administrator,other@example.com:pw:")
    monkeypatch.setenv("NOTIFICATIONS_ARCHIVE", "0")
    config = pytester.parseconfig(*PLUGIN, "--notifications-jar", "/cli.jar")
    options = plugin.options(config)
    assert options.jar == "/cli.jar"
    assert [user.email for user in options.users] == ["env@example.com", "other@example.com"]
    assert options.archive is False


def test_a_missing_jar_fails_the_test_with_how_to_get_one(pytester):
    pytester.makepyfile("""
        def test_uses_the_server(nexudus):
            pass
    """)
    result = pytester.runpytest(*PLUGIN, "--notifications-jar", "/nowhere/server.jar")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*No notifications server jar at /nowhere/server.jar*./mvnw install*"])


def test_a_server_that_does_not_start_is_told_once(pytester):
    pytester.makepyfile("""
        def test_uses_the_server(nexudus):
            pass
    """)
    (pytester.path / "server.jar").write_bytes(b"not a jar")
    result = pytester.runpytest(*PLUGIN, "--notifications-jar", str(pytester.path / "server.jar"), "-p",
                                "no:cacheprovider")
    result.assert_outcomes(errors=1)
    output = result.stdout.str()
    # only inside "could not be started: ...", not again as the failure's context
    told_alone = [line for line in output.splitlines() if line.strip().startswith("The notifications server did not")]
    assert told_alone == [], output
    assert "During handling of the above exception" not in output, output


def test_builds_a_wheel_with_the_entry_point(tmp_path):
    sys.path.insert(0, str(ROOT / "_build"))
    try:
        import notifications_build
    finally:
        sys.path.remove(str(ROOT / "_build"))
    name = notifications_build.build_wheel(str(tmp_path))
    with zipfile.ZipFile(tmp_path / name) as wheel:
        names = wheel.namelist()
        assert "notifications_pytest/plugin.py" in names
        info = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert wheel.read(info).decode() == "[pytest11]\nnotifications = notifications_pytest.plugin\n\n"
        record = next(n for n in names if n.endswith(".dist-info/RECORD"))
        assert len(wheel.read(record).decode().splitlines()) == len(names)
    text = (ROOT / "pyproject.toml").read_text()
    try:
        import tomllib
    except ImportError:
        pytest.skip("no tomllib to compare the fallback reader with")
    assert notifications_build._read_toml_subset(text)["project"] == tomllib.loads(text)["project"]


@pytest.mark.parametrize(
    "sent, expected",
    [
        ("2026-12-06T17:48:59.830271311Z", "2026-12-06T17:48:59.830271+00:00"),
        ("2026-12-06T17:48:59.8Z", "2026-12-06T17:48:59.800000+00:00"),
        ("2025-01-15T10:30:00Z", "2025-01-15T10:30:00+00:00"),
        ("2025-01-15T12:30:00.5+02:00", "2025-01-15T10:30:00.500000+00:00"),
    ],
)
def test_times_are_read_to_the_microsecond_on_every_supported_python(sent, expected):
    # the server gives up to nanoseconds; Python before 3.11 reads 3 or 6 digits only
    from notifications_pytest.client import parse_time

    assert parse_time(sent).isoformat() == expected


@pytest.mark.parametrize("setting, value, expected", [
    ("notifications_seed", "abc", "notifications_seed must be an integer, not 'abc'"),
    ("notifications_start_timeout", "soon", "notifications_start_timeout must be a number of seconds, not 'soon'"),
    ("notifications_archive", "maybe", "notifications_archive must be true or false, not 'maybe'"),
])
def test_a_bad_setting_is_named(pytester, setting, value, expected):
    pytester.makeini(f"""
        [pytest]
        {setting} = {value}
    """)
    config = pytester.parseconfig(*PLUGIN)
    # named from the value read, not through config.inicfg, which pytest 9 deprecates
    with warnings.catch_warnings(), pytest.raises(pytest.UsageError) as error:
        warnings.simplefilter("error")
        plugin.options(config)
    assert str(error.value) == expected


@pytest.mark.parametrize("value, expected", [("", True), ("false", False), ("Off", False), ("yes", True)])
def test_the_archive_setting_is_read_as_pytest_reads_a_bool_without_a_warning(pytester, value, expected):
    pytester.makeini(f"""
        [pytest]
        notifications_archive = {value}
    """)
    config = pytester.parseconfig(*PLUGIN)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert plugin.options(config).archive is expected
