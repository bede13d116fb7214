"""The server's jar run in ephemeral mode as a child process, with a class-data archive for a fast
second start; the same behaviour as the JUnit 5 extension's (testing/README.md).

The jar is extracted once into the cache directory (class data sharing archives only classes from
the class path, not from Spring Boot's nested jars). The first run records an archive, which the
JVM writes when it exits: on Java 25 and later the AOT cache (-XX:AOTCacheOutput, then
-XX:AOTCache), before that a dynamic CDS archive (-XX:ArchiveClassesAtExit, then
-XX:SharedArchiveFile). So the server is stopped gracefully (SIGTERM, then a wait) and the archive,
written under a temporary name, is moved into place once complete. Both live in a directory keyed by
the jar (name, size, modification time), the java executable and its version, and the JVM arguments.
One process records at a time (a lock the operating system releases if it dies).

Also a command line, one timed start (testing/start-times.sh uses the module):
    python3 -m notifications_pytest.server [--jar J] [--java J] [--cache-dir D] [--no-archive] [--fixtures F]
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, List, Optional, Sequence

try:
    import fcntl
except ImportError:  # Windows: no archive (no SIGTERM to stop the server gracefully either)
    fcntl = None

#: The server version this plugin belongs to, whose jar it looks for by default.
SERVER_VERSION = "0.1.0-SNAPSHOT"

READY = re.compile(r"notifications\.ready port=(\d+) url=(\S+)")
# the JVM's own lines about the class-data archive it records ("[warning][cds] ..."): a hundred of
# them may follow Spring Boot's failure report, which the tail must keep
ARCHIVE_LOG = re.compile(r"^(\[[^]]*\])*?\[(cds|aot)[,\]]")

STOP_TIMEOUT = 30
# C1 only: a test suite lives in the server's first minute, where C2's compilations compete for the
# cores with the start and the first requests (testing/README.md has the figures). Placed before the
# user's JVM arguments, so that -XX:TieredStopAtLevel=4 there gives the full JIT back.
TEST_JVM_FLAGS = ["-XX:TieredStopAtLevel=1"]
#: The JVM writes the archive at exit; Java 25's AOT cache is assembled by a second JVM.
STOP_RECORDING_TIMEOUT = 600
UNUSED_FOR = 24 * 3600

OFF, EXTRACTED, RECORDING, USING = "off", "extracted", "recording", "using"
DESCRIPTIONS = {
    OFF: "off",
    EXTRACTED: "none yet, another run is recording it",
    RECORDING: "recording, written when the server stops",
    USING: "used",
}

DEFAULT_USER = "admin@example.com:secret:Administrator"

# Spring AOT: the jar carries the bean definitions of ephemeral mode with its defaults, worked out
# when it was built (the process-aot execution of the server's pom.xml), which this flag uses instead
# of evaluating every condition again at each start (testing/README.md has the figures). They are
# fixed: a property that changes which beans exist (rate limits on, another database) would be
# ignored under them. So the server starts with them only while nothing but ephemeral mode's own
# settings and logging is set; -Dspring.aot.enabled=false among the JVM arguments turns them off.
SIGNING_KEY = "notifications.ephemeral.signing-key"
PROFILES = "spring.profiles.active"
SPRING_AOT_FLAG = "-Dspring.aot.enabled=true"
SPRING_AOT_INITIALIZER = "BOOT-INF/classes/io/notifications/NotificationsApplication__ApplicationContextInitializer.class"
RUN_TIME_PROPERTIES = ("notifications.ephemeral.", "logging.", "server.port")
PROPERTY_VARIABLES = ("SPRING_", "SPRINGDOC_", "SERVER_", "MANAGEMENT_", "NOTIFICATIONS_")
HARNESS_VARIABLES = {"NOTIFICATIONS_JAR", "NOTIFICATIONS_JAVA", "NOTIFICATIONS_CACHE_DIR", "NOTIFICATIONS_ARCHIVE",
                     "NOTIFICATIONS_USERS", "NOTIFICATIONS_FIXTURES"}


def spring_aot_obstacle(options: "Options", jar: Path, environment) -> Optional[str]:
    """Why the server starts without Spring AOT, or None when it starts with it."""
    for name in options.properties:
        if not name.startswith(RUN_TIME_PROPERTIES):
            return f"the property {name} may change which beans exist"
    for argument in options.jvm_args:
        if argument.startswith("-D") and not argument[2:].startswith(RUN_TIME_PROPERTIES):
            return f"the JVM argument {argument.split('=')[0]}=..."
    for variable in environment:
        if (variable.startswith(PROPERTY_VARIABLES) and variable not in HARNESS_VARIABLES
                and not variable.startswith("NOTIFICATIONS_EPHEMERAL_") and variable != "SERVER_PORT"):
            return f"the environment variable {variable} may change which beans exist"
    for variable in ("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"):
        if "-D" in environment.get(variable, ""):
            return f"the environment variable {variable} sets system properties"
    try:
        with zipfile.ZipFile(jar) as archive:
            archive.getinfo(SPRING_AOT_INITIALIZER)
        return None
    except (OSError, KeyError, zipfile.BadZipFile):
        return "the jar was built without it"


NOOP = "{noop}"


@dataclass(frozen=True)
class User:
    """A user of the server. ``password`` is the password itself, which the harness signs in with
    (``{noop}`` before it is taken off)."""
    email: str
    password: str
    roles: tuple = ()

    def __post_init__(self):
        if self.password.startswith(NOOP):
            object.__setattr__(self, "password", self.password[len(NOOP):])
        elif re.match(r"\{[^}]*}", self.password):
            raise ValueError(f"The password of {self.email} starts with an encoding "
                             f"({self.password[:self.password.index('}') + 1]}): the harness signs in as its users, "
                             "so give the password itself (a password that starts with { as {noop}{...)")
        if not self.password:
            raise ValueError(f"The password of {self.email} is empty")

    @staticmethod
    def parse(entry: str) -> "User":
        """``email:password:Role1+Role2``, as ``notifications.ephemeral.users`` takes it: the password
        is what lies between the first and the last colon."""
        first, last = entry.find(":"), entry.rfind(":")
        if first <= 0 or first == last:
            raise ValueError(f"A user is email:password:Role1+Role2, not {entry.split(':')[0]}:...")
        roles = tuple(role.strip() for role in entry[last + 1:].split("+") if role.strip())
        return User(entry[:first].strip(), entry[first + 1:last], roles)

    def line(self) -> str:
        # the server reads a password without an encoding as {noop}: one that starts with { too
        return f"{self.email}:{NOOP}{self.password}:{'+'.join(self.roles)}"

    def __repr__(self) -> str:  # never the password
        return f"User({self.email!r}, roles={list(self.roles)!r})"


@dataclass
class Options:
    """What a server is started with."""
    users: List[User] = field(default_factory=list)
    fixtures: Optional[str] = None
    clock: Optional[str] = None
    seed: Optional[int] = None
    properties: dict = field(default_factory=dict)
    jvm_args: List[str] = field(default_factory=list)
    jar: Optional[str] = None
    java: Optional[str] = None
    cache_dir: Optional[str] = None
    archive: bool = True
    start_timeout: float = 180.0

    def __post_init__(self):
        if not self.users:
            self.users = [User.parse(DEFAULT_USER)]

    def administrator(self) -> User:
        """The user the harness resets and steers as: the first Administrator."""
        for user in self.users:
            if "Administrator" in user.roles:
                return user
        raise ValueError("No user has the role Administrator, which the reset and the steering API need: "
                         f"add one, e.g. {DEFAULT_USER}")

    def resolve_jar(self) -> Path:
        jar = Path(self.jar or os.environ.get("NOTIFICATIONS_JAR") or jar_in_local_repository()).expanduser()
        if not jar.is_file():
            raise FileNotFoundError(
                f"No notifications server jar at {jar.absolute()}. Run ./mvnw install in the notifications "
                f"repository (it installs io.notifications:notifications:{SERVER_VERSION}), or name a jar with "
                "--notifications-jar, the notifications_jar ini option or NOTIFICATIONS_JAR.")
        return jar.absolute()

    def resolve_java(self) -> Path:
        java = self.java or os.environ.get("NOTIFICATIONS_JAVA")
        if not java and os.environ.get("JAVA_HOME"):
            candidate = Path(os.environ["JAVA_HOME"], "bin", "java")
            java = str(candidate) if candidate.exists() else None
        java = java or shutil.which("java")
        if not java:
            raise FileNotFoundError("No java: put one on the PATH, or set JAVA_HOME or NOTIFICATIONS_JAVA")
        return Path(java)


def jar_in_local_repository() -> Path:
    repository = Path(os.environ.get("MAVEN_REPO_LOCAL") or Path.home() / ".m2" / "repository")
    return repository / "io" / "notifications" / "notifications" / SERVER_VERSION / f"notifications-{SERVER_VERSION}.jar"


@dataclass(frozen=True)
class JavaRuntime:
    executable: Path
    feature: int
    version: str

    @staticmethod
    def of(executable: Path) -> "JavaRuntime":
        """The runtime of a java executable: from its JDK's ``release`` file, else from ``-version``."""
        real = Path(os.path.realpath(executable))
        release = real.parent.parent / "release"
        if release.is_file():
            values = dict(re.findall(r'^(\w+)="([^"]*)"', release.read_text(errors="replace"), re.MULTILINE))
            if "JAVA_VERSION" in values:
                return JavaRuntime(real, feature(values["JAVA_VERSION"]),
                                   values.get("JAVA_RUNTIME_VERSION", values["JAVA_VERSION"]))
        output = subprocess.run([str(real), "-XshowSettings:properties", "-version"], capture_output=True,
                                text=True, timeout=60).stderr
        version = re.search(r"^\s*java\.version = (\S+)", output, re.MULTILINE)
        runtime = re.search(r"^\s*java\.runtime\.version = (\S+)", output, re.MULTILINE)
        if not version:
            raise RuntimeError(f"Cannot tell the version of {executable}: {output}")
        return JavaRuntime(real, feature(version.group(1)), (runtime or version).group(1))


def feature(version: str) -> int:
    """``17.0.15`` is 17, ``25`` is 25, ``1.8.0_402`` is 8."""
    parts = re.split(r"[.+_-]", version)
    return int(parts[1]) if parts[0] == "1" and len(parts) > 1 else int(parts[0])


def key(jar: Path, java: JavaRuntime, jvm_args: Sequence[str]) -> str:
    """What the archive depends on: the jar's name, size and modification time, the java and its
    version, and the JVM arguments."""
    stat = jar.stat()
    return "\n".join([f"jar={jar.name}", f"size={stat.st_size}", f"mtime={stat.st_mtime_ns // 1_000_000}",
                      f"java={java.executable}", f"version={java.version}", f"jvmArgs={' '.join(jvm_args)}"]) + "\n"


class Launch:
    """What to run, and what to do once the server has exited."""

    def __init__(self, mode, jar, jvm_flags=(), archive=None, partial=None, lock=None):
        self.mode, self.jar, self.jvm_flags = mode, Path(jar), list(jvm_flags)
        self.archive, self.partial, self._lock = archive, partial, lock

    def finish(self, graceful: bool) -> bool:
        """After the server has exited: a recorded archive moved into place if the JVM wrote it (it
        does on a graceful exit only), the recording lock released. Whether an archive is in place."""
        if self.mode != RECORDING:
            return self.mode == USING
        try:
            if graceful and self.partial.is_file() and self.partial.stat().st_size > 0:
                os.replace(self.partial, self.archive)
                return True
            if self.partial.exists():
                self.partial.unlink()
            return False
        except OSError:
            return False
        finally:
            if self._lock is not None:
                self._lock.close()
                self._lock = None


def prepare(jar: Path, java: JavaRuntime, jvm_args: Sequence[str], cache_root: Path, enabled: bool,
            out: IO[str] = sys.stderr) -> Launch:
    """How to start the jar: extracted into the cache on first use, recording or using an archive.
    Never fails for the archive's sake: it says why on ``out`` and starts the jar as it is."""
    if not enabled or fcntl is None:
        return Launch(OFF, jar)
    try:
        return _prepare_archive(jar, java, jvm_args, Path(cache_root), out)
    except (OSError, subprocess.SubprocessError, RuntimeError) as error:
        print(f"[notifications] no class-data archive this time ({error}); starting {jar} as it is", file=out)
        return Launch(OFF, jar)


def _prepare_archive(jar, java, jvm_args, cache_root, out) -> Launch:
    cache_root.mkdir(parents=True, exist_ok=True)
    text = key(jar, java, jvm_args)
    stem = jar.name[:-4] if jar.name.endswith(".jar") else jar.name
    directory = cache_root / f"{stem}-{hashlib.sha256(text.encode()).hexdigest()[:16]}"
    extracted = directory / "app"
    with open(cache_root / f"{directory.name}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        directory.mkdir(exist_ok=True)
        (directory / "key.txt").write_text(text)
        if not (extracted / ".complete").exists():
            _extract(jar, java, directory, extracted, out)
        _delete_unused(cache_root, stem, directory)
    aot = java.feature >= 25
    archive = directory / ("app.aot" if aot else "app.jsa")
    if archive.is_file() and archive.stat().st_size > 0:
        flag = "-XX:AOTCache=" if aot else "-XX:SharedArchiveFile="
        return Launch(USING, extracted / jar.name, [flag + str(archive)], archive)
    recording = open(directory / "recording.lock", "a")
    try:
        fcntl.flock(recording, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        recording.close()
        return Launch(EXTRACTED, extracted / jar.name, [], archive)
    partial = directory / f"partial-{archive.name}"
    for stale in (partial, Path(f"{partial}.config")):
        if stale.exists():
            stale.unlink()
    flag = "-XX:AOTCacheOutput=" if aot else "-XX:ArchiveClassesAtExit="
    return Launch(RECORDING, extracted / jar.name, [flag + str(partial)], archive, partial, recording)


def _extract(jar, java, directory, extracted, out):
    """Spring Boot's tools jar mode: the application jar beside lib/, which a class path can name."""
    shutil.rmtree(extracted, ignore_errors=True)
    temporary = Path(tempfile.mkdtemp(prefix="extracting-", dir=directory))
    try:
        destination = temporary / "app"
        result = subprocess.run([str(java.executable), "-Djarmode=tools", "-jar", str(jar), "extract",
                                 "--destination", str(destination)],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)
        if result.returncode != 0 or not (destination / jar.name).is_file():
            raise RuntimeError(f"java -Djarmode=tools -jar {jar.name} extract failed: {result.stdout.strip()}")
        (destination / ".complete").write_text("")
        os.replace(destination, extracted)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    print(f"[notifications] extracted {jar} into {extracted}", file=out)


def _delete_unused(cache_root, stem, current):
    """Directories of the same jar name that no start used for a day (an older build, another Java)."""
    before = time.time() - UNUSED_FOR
    for sibling in cache_root.glob(f"{stem}-*"):
        marker = sibling / "key.txt"
        if sibling != current and sibling.is_dir() and marker.is_file() and marker.stat().st_mtime < before:
            shutil.rmtree(sibling, ignore_errors=True)
            lock = cache_root / f"{sibling.name}.lock"
            if lock.exists():
                lock.unlink()


def fixtures_path(fixtures: str) -> Path:
    path = Path(fixtures[len("file:"):] if fixtures.startswith("file:") else fixtures).expanduser().absolute()
    if not path.is_file():
        raise FileNotFoundError(f"No fixtures file {path}")
    return path


def command(options: Options, java: JavaRuntime, launch: Launch, spring_aot: bool, work: Path) -> List[str]:
    """The server's command line: the test JVM flags, Spring AOT's, the user's JVM arguments, the
    archive's flag, the jar in ephemeral mode with the options as properties."""
    settings = {
        PROFILES: "ephemeral",
        "server.port": "0",
        # the line the harness waits for, whatever level the tests give the rest of the log
        "logging.level.io.notifications.ephemeral.ReadyLine": "INFO",
    }
    if options.fixtures:
        settings["notifications.ephemeral.fixtures"] = str(fixtures_path(options.fixtures))
    users = work / "users.txt"
    # a file keeps the passwords out of the process list, and may hold commas
    users.write_text("".join(user.line() + "\n" for user in options.users))
    settings["notifications.ephemeral.users-file"] = str(users)
    if options.clock:
        settings["notifications.ephemeral.clock"] = options.clock
    if options.seed is not None:
        settings["notifications.ephemeral.seed"] = str(options.seed)
    if launch.archive is not None:
        # kept beside the archive: a later start need not generate a 2048-bit RSA key with C1 alone
        settings[SIGNING_KEY] = str(launch.archive.parent / "signing-key.json")
    # a property given replaces the harness's own (Spring would join the two with a comma);
    # profiles are added to ephemeral
    for name, value in options.properties.items():
        settings[name] = f"ephemeral,{value}" if name == PROFILES else value
    return [str(java.executable), *TEST_JVM_FLAGS, *([SPRING_AOT_FLAG] if spring_aot else []), *options.jvm_args,
            *launch.jvm_flags, "-jar", str(launch.jar), *(f"--{name}={value}" for name, value in settings.items())]


def log_path(cache_root: Path, identity: str) -> Path:
    """This test process's log of a server with these options: two test processes (xdist's workers,
    one build beside another) never share one. Those of processes that have ended go."""
    for old in cache_root.glob(f"server-{identity}-*.log"):
        pid = old.stem.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            old.unlink(missing_ok=True)
    return cache_root / f"server-{identity}-{os.getpid()}.log"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or no such check here
        return True
    return True


def reason(log: List[str]) -> str:
    """Spring Boot's failure analysis, the Description and Action under ``APPLICATION FAILED TO
    START``, on one line: it goes first, where a test report shows only the error."""
    if "APPLICATION FAILED TO START" not in log:
        return ""
    text = [line.strip() for line in log[log.index("APPLICATION FAILED TO START") + 1:]]
    text = [line for line in text if line and line != "Description:" and set(line) != {"*"}]
    return ": " + " ".join(text) if text else ""


class ServerProcess:
    """A running server: started on a free port, ready once it logs its ready line, stopped
    gracefully."""

    def __init__(self, options: Options, cache_root: Path, out: IO[str] = sys.stderr):
        self.options, self.out = options, out
        jar = options.resolve_jar()
        self.java = JavaRuntime.of(options.resolve_java())
        cache_root = Path(cache_root)
        preparing = time.monotonic()
        self.spring_aot_obstacle = spring_aot_obstacle(options, jar, os.environ)
        spring_aot = [SPRING_AOT_FLAG] if self.spring_aot_obstacle is None else []
        # an archive records the classes of one kind of start: keyed by the flag too
        self.launch = prepare(jar, self.java, [*options.jvm_args, *spring_aot], cache_root, options.archive, out)
        self.prepare_time = time.monotonic() - preparing  # the jar's extraction, the first time
        self.work = Path(tempfile.mkdtemp(prefix="notifications-server-"))
        try:
            command = self.command()
        except BaseException:
            shutil.rmtree(self.work, ignore_errors=True)  # it holds the users' passwords
            self.launch.finish(False)
            raise
        cache_root.mkdir(parents=True, exist_ok=True)
        identity = hashlib.sha256(repr((options.users, [u.password for u in options.users], options.fixtures,
                                        options.clock, options.seed, sorted(options.properties.items()),
                                        options.jvm_args)).encode()).hexdigest()[:8]
        self.log = log_path(cache_root, identity)
        self.stopped = False
        started = time.monotonic()
        with open(self.log, "wb") as log:
            # the output goes straight to a file: no pipe that could close under the JVM while it
            # writes its archive at exit, and a whole log even if this process goes first
            self.process = subprocess.Popen(command, cwd=self.work, stdout=log, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL)
        try:
            self.url = self._await_ready(options.start_timeout)
        except BaseException:
            self.process.kill()
            self.process.wait(timeout=30)
            self.launch.finish(False)
            shutil.rmtree(self.work, ignore_errors=True)
            raise
        self.start_time = time.monotonic() - started
        self.start_cpu = process_cpu_seconds(self.process.pid)
        print(f"[notifications] server ready at {self.url} in {self.start_time:.1f} s (Java {self.java.feature}, "
              f"class-data archive: {DESCRIPTIONS[self.launch.mode]}, Spring AOT: {self.spring_aot()}; log: {self.log})",
              file=out)

    def spring_aot(self) -> str:
        """Whether the server started with Spring AOT, and if not, why."""
        return "on" if self.spring_aot_obstacle is None else f"off, {self.spring_aot_obstacle}"

    def command(self) -> List[str]:
        return command(self.options, self.java, self.launch, self.spring_aot_obstacle is None, self.work)

    def _await_ready(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        tail: List[str] = []
        partial = ""
        with open(self.log, "r", encoding="utf-8", errors="replace") as log:
            while True:
                exited = self.process.poll() is not None
                partial += log.read()
                *lines, partial = partial.split("\n")
                for line in lines:
                    ready = READY.search(line)
                    if ready:
                        return ready.group(2)
                    if not ARCHIVE_LOG.match(line):
                        tail = (tail + [line])[-60:]
                if exited:
                    self._print_tail(tail + [partial])
                    raise RuntimeError(f"The notifications server did not start (exit code {self.process.returncode}; "
                                       f"log: {self.log}){reason(tail + [partial])}")
                if time.monotonic() > deadline:
                    self._print_tail(tail)
                    raise RuntimeError(f"The notifications server was not ready within {timeout:.0f} s "
                                       f"(log: {self.log})")
                time.sleep(0.02)

    def _print_tail(self, lines: List[str]) -> None:
        # once, where the first test's setup output is kept: pytest repeats a session fixture's
        # error in every test that uses it, so the error itself stays short
        print("[notifications] the server's last log lines:\n" + "\n".join(lines), file=self.out)

    def stop(self) -> bool:
        """Stops the server gracefully (SIGTERM, then a wait) and, after a recording run, moves the
        archive the JVM wrote into place. Whether an archive is in place for the next start."""
        if self.stopped:
            return False
        self.stopped = True
        recording = self.launch.mode == RECORDING
        if recording:
            print("[notifications] stopping the server; it writes its class-data archive for the next start as it "
                  "exits (once per jar and Java version)", file=self.out)
        started = time.monotonic()
        self.process.terminate()
        try:
            self.process.wait(timeout=STOP_RECORDING_TIMEOUT if recording else STOP_TIMEOUT)
            graceful = True
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            graceful = False
        archived = self.launch.finish(graceful)
        self.stop_time = time.monotonic() - started
        if recording:
            print(f"[notifications] server stopped in {self.stop_time:.1f} s; class-data archive "
                  f"{'written to ' + str(self.launch.archive) if archived else 'not written'}", file=self.out)
        shutil.rmtree(self.work, ignore_errors=True)
        return archived


def process_cpu_seconds(pid: int) -> Optional[float]:
    """The CPU time a process has used so far (Linux), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def _main(argv=None) -> int:
    from .client import Nexudus
    parser = argparse.ArgumentParser(prog="python3 -m notifications_pytest.server",
                                     description="One start of the server as the pytest plugin starts it, timed: "
                                                 "ready, a reset and a token, then a graceful stop.")
    parser.add_argument("--jar")
    parser.add_argument("--java")
    parser.add_argument("--cache-dir", default=str(Path(tempfile.gettempdir()) / "notifications-cache"))
    parser.add_argument("--no-archive", action="store_true")
    parser.add_argument("--fixtures")
    arguments = parser.parse_args(argv)
    options = Options(jar=arguments.jar, java=arguments.java, archive=not arguments.no_archive,
                      fixtures=arguments.fixtures)
    server = ServerProcess(options, Path(arguments.cache_dir))
    try:
        cpu = f"{server.start_cpu:.2f}" if server.start_cpu is not None else "?"
        print(f"ready_s={server.start_time:.2f} cpu_s={cpu} archive={server.launch.mode} java={server.java.feature}",
              flush=True)
        administrator = options.administrator()
        nexudus = Nexudus(server.url, options.users, administrator)
        nexudus.reset()
        nexudus.token(administrator.email)
    finally:
        archived = server.stop()
        print(f"stop_s={server.stop_time:.2f} archive_written={str(archived).lower()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(_main())
