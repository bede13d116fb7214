"""The archive's life without a server: the flags a start gets, and what becomes of the file the JVM
writes. The jar is already "extracted" here, so no real jar is needed (the pytest-check build runs
the real thing)."""
import hashlib
import sys
import io
import zipfile
from pathlib import Path

import pytest

from notifications_pytest import server
from notifications_pytest.server import EXTRACTED, OFF, RECORDING, USING, JavaRuntime, feature, key, prepare

JAVA17 = JavaRuntime(Path("/opt/java17/bin/java"), 17, "17.0.15+6")
JAVA25 = JavaRuntime(Path("/opt/java25/bin/java"), 25, "25.0.3+9-LTS")


@pytest.fixture
def jar(tmp_path):
    jar = tmp_path / "notifications-1.0.jar"
    jar.write_text("jar")
    return jar


def extracted(jar, java, cache):
    digest = hashlib.sha256(key(jar, java, []).encode()).hexdigest()[:16]
    app = cache / f"notifications-1.0-{digest}" / "app"
    app.mkdir(parents=True)
    (app / jar.name).write_text("app")
    (app / ".complete").write_text("")
    return app


def test_records_on_java_17_then_uses_the_archive(jar, tmp_path):
    cache = tmp_path / "cache"
    app = extracted(jar, JAVA17, cache)
    first = prepare(jar, JAVA17, [], cache, True, io.StringIO())
    assert first.mode == RECORDING and first.jar == app / jar.name
    partial = app.parent / "partial-app.jsa"
    assert first.jvm_flags == [f"-XX:ArchiveClassesAtExit={partial}"]
    partial.write_text("archive")
    assert first.finish(True)
    assert (app.parent / "app.jsa").read_text() == "archive"
    second = prepare(jar, JAVA17, [], cache, True, io.StringIO())
    assert second.mode == USING
    assert second.jvm_flags == [f"-XX:SharedArchiveFile={app.parent / 'app.jsa'}"]


def test_uses_the_aot_cache_on_java_25(jar, tmp_path):
    cache = tmp_path / "cache"
    app = extracted(jar, JAVA25, cache)
    first = prepare(jar, JAVA25, [], cache, True, io.StringIO())
    assert first.jvm_flags == [f"-XX:AOTCacheOutput={app.parent / 'partial-app.aot'}"]
    (app.parent / "partial-app.aot").write_text("cache")
    first.finish(True)
    assert prepare(jar, JAVA25, [], cache, True, io.StringIO()).jvm_flags == [f"-XX:AOTCache={app.parent / 'app.aot'}"]


def test_runs_the_server_with_c1_only_unless_the_jvm_arguments_say_otherwise(jar, tmp_path):
    options = server.Options(jvm_args=["-XX:TieredStopAtLevel=4"])
    line = server.command(options, JAVA17, server.Launch(OFF, jar), False, tmp_path)
    assert line[:4] == ["/opt/java17/bin/java", "-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4", "-jar"]


def test_asks_for_spring_aot_after_the_test_flags_so_that_the_users_flag_decides(jar, tmp_path):
    options = server.Options(jvm_args=["-Xmx256m"])
    line = server.command(options, JAVA25, server.Launch(OFF, jar), True, tmp_path)
    assert line[:5] == ["/opt/java25/bin/java", "-XX:TieredStopAtLevel=1", "-Dspring.aot.enabled=true", "-Xmx256m",
                        "-jar"]


def test_keeps_the_signing_key_beside_the_archive_unless_the_user_names_one(jar, tmp_path):
    archived = server.Launch(USING, jar, archive=tmp_path / "cache" / "app.jsa")
    key = f"--notifications.ephemeral.signing-key={tmp_path / 'cache' / 'signing-key.json'}"
    assert key in server.command(server.Options(), JAVA17, archived, False, tmp_path)
    assert not [a for a in server.command(server.Options(), JAVA17, server.Launch(OFF, jar), False, tmp_path)
                if "signing-key" in a]
    naming = server.Options(properties={"notifications.ephemeral.signing-key": "/keys/mine.json"})
    assert [a for a in server.command(naming, JAVA17, archived, False, tmp_path) if "signing-key" in a] \
        == ["--notifications.ephemeral.signing-key=/keys/mine.json"]


@pytest.fixture
def aot_jar(tmp_path):
    jar = tmp_path / "notifications-aot.jar"
    with zipfile.ZipFile(jar, "w") as archive:
        archive.writestr(server.SPRING_AOT_INITIALIZER, b"")
    return jar


def test_starts_with_spring_aot_when_only_ephemeral_settings_and_logging_are_set(aot_jar):
    assert server.spring_aot_obstacle(server.Options(), aot_jar, {}) is None
    options = server.Options(properties={"notifications.ephemeral.journal.size": "10", "logging.level.root": "DEBUG",
                                         "server.port": "19200"},
                             jvm_args=["-Xmx256m", "-XX:TieredStopAtLevel=4", "-Dlogging.level.io.notifications=TRACE"])
    environment = {"PATH": "/usr/bin", "NOTIFICATIONS_JAR": "/tmp/n.jar", "NOTIFICATIONS_USERS": "a@b.c:x:Administrator",
                   "NOTIFICATIONS_EPHEMERAL_SEED": "7", "JAVA_TOOL_OPTIONS": "-Xss1m", "SERVER_PORT": "19200"}
    assert server.spring_aot_obstacle(options, aot_jar, environment) is None


def test_starts_without_spring_aot_when_anything_else_could_change_which_beans_exist(aot_jar):
    def obstacle(properties=None, jvm_args=None, environment=None):
        return server.spring_aot_obstacle(server.Options(properties=properties or {}, jvm_args=jvm_args or []),
                                          aot_jar, environment or {})

    assert obstacle(properties={"notifications.rate-limit.enabled": "true"}) \
        == "the property notifications.rate-limit.enabled may change which beans exist"
    assert obstacle(jvm_args=["-Dspring.aot.enabled=false"]) == "the JVM argument -Dspring.aot.enabled=..."
    assert obstacle(environment={"SPRING_DATASOURCE_URL": "jdbc:postgresql://db/n"}) \
        == "the environment variable SPRING_DATASOURCE_URL may change which beans exist"
    assert obstacle(environment={"NOTIFICATIONS_RATELIMIT_ENABLED": "true"}) \
        == "the environment variable NOTIFICATIONS_RATELIMIT_ENABLED may change which beans exist"
    assert obstacle(environment={"JAVA_TOOL_OPTIONS": "-Dserver.address=0.0.0.0"}) \
        == "the environment variable JAVA_TOOL_OPTIONS sets system properties"


def test_starts_without_spring_aot_from_a_jar_built_without(jar, tmp_path):
    assert server.spring_aot_obstacle(server.Options(), jar, {}) == "the jar was built without it"
    plain = tmp_path / "plain.jar"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("BOOT-INF/classes/io/notifications/NotificationsApplication.class", b"")
    assert server.spring_aot_obstacle(server.Options(), plain, {}) == "the jar was built without it"


def test_keeps_no_archive_from_an_ungraceful_stop(jar, tmp_path):
    cache = tmp_path / "cache"
    app = extracted(jar, JAVA17, cache)
    first = prepare(jar, JAVA17, [], cache, True, io.StringIO())
    (app.parent / "partial-app.jsa").write_text("half an archive")
    assert not first.finish(False)
    assert not (app.parent / "app.jsa").exists() and not (app.parent / "partial-app.jsa").exists()
    assert prepare(jar, JAVA17, [], cache, True, io.StringIO()).mode == RECORDING


def test_one_records_at_a_time(jar, tmp_path):
    cache = tmp_path / "cache"
    extracted(jar, JAVA17, cache)
    first = prepare(jar, JAVA17, [], cache, True, io.StringIO())
    second = prepare(jar, JAVA17, [], cache, True, io.StringIO())
    assert (first.mode, second.mode, second.jvm_flags) == (RECORDING, EXTRACTED, [])
    first.finish(False)


def test_runs_the_jar_as_it_is_when_turned_off(jar, tmp_path):
    launch = prepare(jar, JAVA17, [], tmp_path / "cache", False, io.StringIO())
    assert (launch.mode, launch.jar) == (OFF, jar)
    assert not (tmp_path / "cache").exists()


def test_starts_the_jar_as_it_is_when_it_cannot_be_extracted(jar, tmp_path):
    out = io.StringIO()
    launch = prepare(jar, JavaRuntime(tmp_path / "no-java", 17, "17"), [], tmp_path / "cache", True, out)
    assert (launch.mode, launch.jar) == (OFF, jar)
    assert "no class-data archive this time" in out.getvalue()


def test_keys_the_archive_by_the_jar_the_java_and_the_jvm_arguments(jar):
    base = key(jar, JAVA17, [])
    assert base == key(jar, JAVA17, [])
    assert base != key(jar, JAVA17, ["-Xmx256m"])
    assert base != key(jar, JAVA25, [])
    import os
    os.utime(jar, ns=(jar.stat().st_atime_ns, jar.stat().st_mtime_ns + 5_000_000_000))
    assert base != key(jar, JAVA17, [])


def test_tells_java_versions(tmp_path):
    assert (feature("17.0.15"), feature("25"), feature("1.8.0_402"), feature("21-ea")) == (17, 25, 8, 21)
    home = tmp_path / "jdk"
    (home / "bin").mkdir(parents=True)
    (home / "bin" / "java").write_text("")
    (home / "release").write_text('IMPLEMENTOR="Eclipse Adoptium"\nJAVA_RUNTIME_VERSION="25.0.3+9-LTS"\nJAVA_VERSION="25.0.3"\n')
    assert JavaRuntime.of(home / "bin" / "java") == JavaRuntime(home / "bin" / "java", 25, "25.0.3+9-LTS")


def test_looks_for_its_own_version_in_the_local_repository(monkeypatch):
    monkeypatch.setenv("MAVEN_REPO_LOCAL", "/repo")
    assert server.jar_in_local_repository() == Path(
        f"/repo/io/notifications/notifications/{server.SERVER_VERSION}/notifications-{server.SERVER_VERSION}.jar")


def test_a_missing_jar_says_how_to_get_one(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"\./mvnw install.*NOTIFICATIONS_JAR"):
        server.Options(jar=str(tmp_path / "none.jar")).resolve_jar()


def test_reads_users_as_the_server_does():
    assert server.User.parse("a@example.com:pa:ss:Administrator+CoworkerNotification-Read") == server.User(
        "a@example.com", "pa:ss", ("Administrator", "CoworkerNotification-Read"))
    assert server.User.parse("viewer@example.com:pw:").roles == ()
    with pytest.raises(ValueError):
        server.User.parse("a@example.com:secret")
    assert "hunter2" not in repr(server.User.parse("a@example.com:hunter2:Administrator"))
    assert server.Options().administrator().email == "admin@example.com"


def test_signs_in_with_the_password_itself():
    assert server.User.parse("a@example.com:{noop}secret:Administrator").password == "secret"
    # the server reads a password without an encoding as {noop}: one that starts with { too
    assert server.User.parse("a@example.com:{noop}{curly}:Administrator").line() == "a@example.com:{noop}{curly}:Administrator"
    assert server.User.parse("a@example.com:pa:ss:Administrator").line() == "a@example.com:{noop}pa:ss:Administrator"
    with pytest.raises(ValueError) as encoded:
        server.User("a@example.com", "{bcrypt}$2a$10$abc", ("Administrator",))
    assert str(encoded.value) == ("The password of a@example.com starts with an encoding ({bcrypt}): the harness signs "
                                  "in as its users, so give the password itself (a password that starts with { as "
                                  "{noop}{...)")
    with pytest.raises(ValueError, match="^The password of a@example.com is empty$"):
        server.User.parse("a@example.com::Administrator")


def test_a_property_given_replaces_the_harnesses_own(jar, tmp_path):
    options = server.Options(clock="2025-01-15T10:30:00Z", properties={
        "server.port": "19400", "notifications.ephemeral.clock": "2026-01-01T00:00:00Z",
        "spring.profiles.active": "mine", "logging.level.root": "WARN"})
    line = server.command(options, JAVA17, server.Launch(OFF, jar), False, tmp_path)

    def named(prefix):
        return [argument for argument in line if argument.startswith(prefix)]

    assert named("--server.port=") == ["--server.port=19400"]
    assert named("--notifications.ephemeral.clock=") == ["--notifications.ephemeral.clock=2026-01-01T00:00:00Z"]
    assert named("--spring.profiles.active=") == ["--spring.profiles.active=ephemeral,mine"]
    # the ready line is logged whatever the level of the rest
    assert named("--logging.level.root=") == ["--logging.level.root=WARN"]
    assert named("--logging.level.io.notifications.ephemeral.ReadyLine=") == [
        "--logging.level.io.notifications.ephemeral.ReadyLine=INFO"]


def test_each_test_process_logs_to_its_own_file_and_those_of_ended_ones_go(tmp_path):
    import os
    import subprocess
    log = server.log_path(tmp_path, "abcd1234")
    assert log.name == f"server-abcd1234-{os.getpid()}.log"
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    ended_log = tmp_path / f"server-abcd1234-{ended.pid}.log"
    ended_log.write_text("old")
    live_log = tmp_path / f"server-abcd1234-{os.getppid()}.log"
    live_log.write_text("another process's")
    server.log_path(tmp_path, "abcd1234")
    assert not ended_log.exists()
    assert live_log.exists()


def test_a_missing_fixtures_file_leaves_no_passwords_behind(jar, tmp_path, monkeypatch):
    monkeypatch.setattr(server.tempfile, "tempdir", str(tmp_path))
    options = server.Options(jar=str(jar), java=sys.executable, fixtures=str(tmp_path / "nope.json"), archive=False)
    monkeypatch.setattr(server.JavaRuntime, "of", staticmethod(lambda path: JAVA17))
    with pytest.raises(FileNotFoundError, match="No fixtures file"):
        server.ServerProcess(options, tmp_path / "cache", out=sys.stderr)
    assert not list(tmp_path.glob("notifications-server-*"))


def test_a_failed_start_says_why_in_one_line_and_prints_the_log_once(jar, tmp_path, monkeypatch):
    # pytest repeats a session fixture's error in every test that asks for it
    monkeypatch.setattr(server.tempfile, "tempdir", str(tmp_path))
    java = tmp_path / "java"
    java.write_text("#!/bin/sh\nprintf '%s\\n' 'Starting' 'APPLICATION FAILED TO START' '***' '' 'Description:' '' "
                    "'The role Admin grants nothing here' '' 'Action:' '' 'Correct the roles.'\n"
                    # the JVM's lines about an archive it records may follow by the hundred
                    "i=0; while [ $i -lt 120 ]; do echo \"[warning][cds] Preload Warning: Verification failed for C$i\"; "
                    "echo \"[0.9s][info][cds,dynamic] Dumping C$i\"; i=$((i+1)); done\nexit 1\n")
    java.chmod(0o755)
    monkeypatch.setattr(server.JavaRuntime, "of", staticmethod(lambda path: JavaRuntime(java, 17, "17.0.15+6")))
    out = io.StringIO()
    with pytest.raises(RuntimeError) as failure:
        server.ServerProcess(server.Options(jar=str(jar), java=str(java), archive=False), tmp_path / "cache", out=out)
    message = str(failure.value)
    assert message.startswith("The notifications server did not start (exit code 1; log: ")
    assert message.endswith("): The role Admin grants nothing here Action: Correct the roles.")
    assert "\n" not in message
    assert "[notifications] the server's last log lines:\nStarting\nAPPLICATION FAILED TO START" in out.getvalue()
    assert "[cds" not in out.getvalue()
