"""The pytest plugin (entry point ``pytest11``): the notifications server's jar in ephemeral mode,
started once per session when a test first asks for it, reset before each test that uses the
``nexudus`` fixture, and stopped gracefully at the end (so that the first run writes the class-data
archive that makes the next start fast).

Configuration, the first found of: a command-line option, an environment variable, an ini option
(``pytest.ini``, ``pyproject.toml``'s ``[tool.pytest.ini_options]``, ...), the default.

=========================  =============================  ============================  ===========================
setting                    command line                   environment                   ini
=========================  =============================  ============================  ===========================
server jar                 ``--notifications-jar``        ``NOTIFICATIONS_JAR``         ``notifications_jar``
java executable            ``--notifications-java``       ``NOTIFICATIONS_JAVA``        ``notifications_java``
users                      ``--notifications-users``      ``NOTIFICATIONS_USERS``       ``notifications_users``
fixtures file              ``--notifications-fixtures``   ``NOTIFICATIONS_FIXTURES``    ``notifications_fixtures``
archive cache directory    ``--notifications-cache-dir``  ``NOTIFICATIONS_CACHE_DIR``   ``notifications_cache_dir``
archive off                ``--notifications-no-archive`` ``NOTIFICATIONS_ARCHIVE=0``   ``notifications_archive``
=========================  =============================  ============================  ===========================

Ini only: ``notifications_clock``, ``notifications_seed``, ``notifications_properties`` (lines of
``name=value``), ``notifications_jvm_args``, ``notifications_start_timeout`` (seconds). Users are
``email:password:Role1+Role2``, one an ini line, comma-separated on the command line and in the
environment; the default is ``admin@example.com:secret:Administrator``. The jar defaults to
``~/.m2/repository/io/notifications/notifications/<version>/notifications-<version>.jar``
(``MAVEN_REPO_LOCAL`` for another local repository), the java to ``JAVA_HOME``'s or the PATH's, the
cache to pytest's cache directory (``.pytest_cache``).
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

from .client import Nexudus
from .server import DESCRIPTIONS, Options, ServerProcess, User

_SERVER = pytest.StashKey()  # pytest 7 or later


def pytest_addoption(parser):
    group = parser.getgroup("notifications", "the notifications server (a Nexudus replica) for tests")
    group.addoption("--notifications-jar", help="the server jar (default: the local Maven repository's)")
    group.addoption("--notifications-java", help="the java executable that runs the server")
    group.addoption("--notifications-users", help="users, comma-separated email:password:Role1+Role2")
    group.addoption("--notifications-fixtures", help="the fixtures file")
    group.addoption("--notifications-cache-dir", help="where the extracted jar and the class-data archive are kept")
    group.addoption("--notifications-no-archive", action="store_true", default=None,
                    help="no class-data archive: start the jar as it is")
    parser.addini("notifications_jar", "the server jar")
    parser.addini("notifications_java", "the java executable that runs the server")
    parser.addini("notifications_users", "users, one email:password:Role1+Role2 a line", type="linelist")
    parser.addini("notifications_fixtures", "the fixtures file, relative to the ini file")
    parser.addini("notifications_cache_dir", "where the extracted jar and the class-data archive are kept")
    parser.addini("notifications_archive", "make and use a class-data archive (default true)")
    parser.addini("notifications_clock", "where the server's clock starts, standing still (ISO-8601)")
    parser.addini("notifications_seed", "the seed of the server's generators")
    parser.addini("notifications_properties", "more server properties, one name=value a line", type="linelist")
    parser.addini("notifications_jvm_args", "more JVM arguments for the server", type="args")
    parser.addini("notifications_start_timeout", "seconds to wait for the ready line (default 180)")


def _setting(config, option, variable, ini):
    value = config.getoption(option)
    if value is None or value == "":
        value = os.environ.get(variable) or None
    if value is None:
        value = config.getini(ini) or None
        if value is not None and ini in ("notifications_fixtures", "notifications_jar", "notifications_cache_dir",
                                         "notifications_java") and config.inipath is not None:
            value = str(Path(config.inipath).parent / value)  # relative to the ini file
    return value


def options(config) -> Options:
    """The server's options from the command line, the environment and the ini file."""
    users = _setting(config, "--notifications-users", "NOTIFICATIONS_USERS", "notifications_users")
    if isinstance(users, str):
        users = [entry for entry in users.split(",") if entry.strip()]
    properties = {}
    for line in config.getini("notifications_properties"):
        name, separator, value = line.partition("=")
        if not separator:
            raise pytest.UsageError(f"notifications_properties: a property is name=value, not {line}")
        properties[name.strip()] = value.strip()
    no_archive = config.getoption("--notifications-no-archive")
    if no_archive:
        archive = False
    elif os.environ.get("NOTIFICATIONS_ARCHIVE"):
        archive = os.environ["NOTIFICATIONS_ARCHIVE"].strip().lower() not in ("0", "false", "no", "off")
    else:
        archive = _ini(config, "notifications_archive", _boolean, "true or false")
        archive = True if archive is None else archive
    seed = _ini(config, "notifications_seed", int, "an integer")
    timeout = _ini(config, "notifications_start_timeout", float, "a number of seconds")
    try:
        parsed_users = [User.parse(entry.strip()) for entry in users or []]
    except ValueError as error:
        raise pytest.UsageError(f"notifications_users: {error}") from None
    return Options(
        users=parsed_users,
        fixtures=_setting(config, "--notifications-fixtures", "NOTIFICATIONS_FIXTURES", "notifications_fixtures"),
        clock=config.getini("notifications_clock") or None,
        seed=seed,
        properties=properties,
        jvm_args=list(config.getini("notifications_jvm_args")),
        jar=_setting(config, "--notifications-jar", "NOTIFICATIONS_JAR", "notifications_jar"),
        java=_setting(config, "--notifications-java", "NOTIFICATIONS_JAVA", "notifications_java"),
        archive=bool(archive),
        start_timeout=timeout if timeout is not None else 180.0,
    )


def _ini(config, name, parse, expected):
    """An ini value read by ``parse``, or a usage error that names the setting."""
    value = config.getini(name)
    if value in ("", None):
        return None
    try:
        return parse(value)
    except ValueError:
        raise pytest.UsageError(f"{name} must be {expected}, not {value!r}") from None


def _boolean(value: str) -> bool:
    """As pytest reads a ``bool`` ini value, which it cannot name when it is wrong."""
    words = {"true": True, "yes": True, "on": True, "1": True, "false": False, "no": False, "off": False, "0": False}
    if value.strip().lower() not in words:
        raise ValueError(value)
    return words[value.strip().lower()]


def _cache_dir(config) -> Path:
    configured = _setting(config, "--notifications-cache-dir", "NOTIFICATIONS_CACHE_DIR", "notifications_cache_dir")
    if configured:
        return Path(configured).absolute()
    if getattr(config, "cache", None) is not None:
        return Path(config.cache.mkdir("notifications"))
    return Path(tempfile.gettempdir()) / f"notifications-cache-{os.getuid() if hasattr(os, 'getuid') else 'user'}"


@pytest.fixture(scope="session")
def notifications_server(request):
    """The session's server, as a ``Nexudus`` (without a reset: use ``nexudus`` in tests)."""
    config = request.config
    try:
        server_options = options(config)
        administrator = server_options.administrator()
    except (pytest.UsageError, ValueError) as error:
        pytest.fail(f"The notifications server's settings: {error}", pytrace=False)
    try:
        server = ServerProcess(server_options, _cache_dir(config), out=sys.stderr)
    except (OSError, RuntimeError, ValueError) as error:
        not_started = error
    else:
        not_started = None
    if not_started:
        # outside the except: pytest would print the error again as the failure's context
        pytest.fail(f"The notifications server could not be started: {not_started}", pytrace=False)
    state = {"server": server}
    config.stash[_SERVER] = state
    # a clock among the properties wins, as on the command line
    start_clock = server_options.properties.get("notifications.ephemeral.clock", server_options.clock)
    handle = Nexudus(server.url, server_options.users, administrator, log=str(server.log), start_clock=start_clock)
    try:
        yield handle
    finally:
        state["archived"] = server.stop()


@pytest.fixture
def nexudus(notifications_server):
    """The session's server, reset (``POST /ephemeral/reset``) for this test: fixtures restored,
    journal and fault rules emptied, the clock back where the server started, no token kept."""
    notifications_server.start_test()
    return notifications_server


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    state = config.stash.get(_SERVER, None)
    if not state:
        return
    server = state["server"]
    line = (f"notifications: server started in {server.start_time:.1f} s (Java {server.java.feature}, class-data "
            f"archive: {DESCRIPTIONS[server.launch.mode]}, Spring AOT: {server.spring_aot()}); log: {server.log}")
    if server.launch.mode == "recording":
        line += f"; archive {'written' if state.get('archived') else 'not written'} at the stop"
    terminalreporter.write_line(line)
