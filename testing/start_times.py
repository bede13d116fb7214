"""testing/start-times.sh: how long the harnesses take to start the server, first and second time.

For each Java (17 and 25 by default), with the launcher the harnesses use (the pytest plugin's, or
the JUnit extension's with --harness junit):
  - today:  `java -jar` of the jar as it is, no archive, the JVM's default JIT, no Spring AOT (what
            the raw recipes do);
  - first:  an empty cache: the jar extracted, the server started recording its class-data archive,
            stopped gracefully so that the JVM writes it (the time of that stop is shown);
  - second: the same cache: the extracted jar with the archive.
Each is `runs` starts, process start to the ready line (`notifications.ready port=N`), with the CPU
time the server had used by then and the load average, since this machine's cores are shared.

With --puts (default on Java 25), also the PUTs of the first 10 s after the ready line beside a warmed
figure (after 20 s more of load), for a cold start (today's) and an archived one (the harness's), with
wrk when it is installed (else a Python loop, much slower than the server).
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

TESTING = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTING / "pytest-plugin" / "src"))

from notifications_pytest.client import Nexudus  # noqa: E402
from notifications_pytest.server import JavaRuntime, Options, ServerProcess, jar_in_local_repository  # noqa: E402

FIXTURES = str(TESTING / "pytest-sample" / "fixtures.json")
JVM_ARGS = []  # --jvm-args
# today's `java -jar`: the JVM's default JIT and no Spring AOT, not the C1 only and the Spring AOT
# that the harnesses start the server with
TODAY = ["-XX:TieredStopAtLevel=4", "-Dspring.aot.enabled=false"]


def jvm_args(archive):
    return JVM_ARGS + ([] if archive else TODAY)
PUT_BODY = ('{"Id":7,"CoworkerId":5,"Message":"Your invoice is paid","NotificationType":"coworkerinvoice",'
            '"EntityId":42}')


def load():
    return open("/proc/loadavg").read().split()[0] if os.path.exists("/proc/loadavg") else "?"


def find_java(feature_version, given):
    if given:
        return given
    candidates = [os.environ.get(f"JAVA{feature_version}_HOME", "")] + sorted(glob.glob(f"/usr/lib/jvm/*{feature_version}*"))
    if os.environ.get("JAVA_HOME"):
        candidates.append(os.environ["JAVA_HOME"])
    candidates += [str(Path(shutil.which("java") or "/nonexistent").resolve().parent.parent)]
    for home in candidates:
        java = Path(home, "bin", "java")
        if home and java.exists():
            try:
                if JavaRuntime.of(java).feature == feature_version:
                    return str(java)
            except Exception:
                pass
    return None


class PythonHarness:
    name = "pytest plugin"

    def start(self, jar, java, cache, archive):
        options = Options(jar=jar, java=java, archive=archive, fixtures=FIXTURES, jvm_args=jvm_args(archive))
        server = ServerProcess(options, cache, out=open(os.devnull, "w"))
        return server

    def measure(self, jar, java, cache, archive, puts=0.0, warm=0.0):
        server = self.start(jar, java, cache, archive)
        result = {"ready": server.start_time, "cpu": server.start_cpu, "mode": server.launch.mode,
                  "extract": server.prepare_time, "load": load()}
        try:
            admin = server.options.administrator()
            nexudus = Nexudus(server.url, server.options.users, admin)
            token = nexudus.token(admin.email)
            if puts:
                result["puts"] = put_rate(server.url, token, puts)
                put_rate(server.url, token, warm)
                result["warmed"] = put_rate(server.url, token, puts)
            nexudus.reset()
        finally:
            result["archived"] = server.stop()
            result["stop"] = server.stop_time
        return result


class JUnitHarness:
    name = "JUnit 5 extension"

    def __init__(self):
        # packaged every time (Maven compiles only what changed): a jar left from older sources would
        # measure the launcher as it was
        subprocess.run([str(TESTING.parent / "mvnw"), "-q", "-B", "-f", str(TESTING / "junit5-extension" / "pom.xml"),
                        "-DskipTests", "package"], check=True)
        self.jar = sorted(glob.glob(str(TESTING / "junit5-extension" / "target" / "notifications-junit5-*.jar")))[-1]

    def measure(self, jar, java, cache, archive, puts=0.0, warm=0.0):
        loaded = load()
        started = time.monotonic()
        output = subprocess.run([java, "-cp", self.jar, "io.notifications.testing.StartTime", "--jar", jar, "--java", java,
                                 "--cache-dir", str(cache), "--archive", str(archive).lower(), "--fixtures", FIXTURES,
                                 *[option for arg in jvm_args(archive) for option in ("--jvm-arg", arg)]],
                                capture_output=True, text=True, check=True).stdout
        total = time.monotonic() - started
        values = dict(re.findall(r"(\w+)=(\S+)", output))
        ready = float(values["ready_s"])
        return {"ready": ready, "cpu": None if values["cpu_s"] == "?" else float(values["cpu_s"]),
                "mode": {"using": "using", "recording": "recording", "off": "off"}.get(values["archive"], values["archive"]),
                "extract": None, "load": loaded, "archived": values.get("archive_written") == "true",
                "stop": float(values["stop_s"])}


class Rate:
    def __init__(self, rate, tool, errors=0):
        self.rate, self.tool, self.errors = rate, tool, errors

    def __str__(self):
        return f"{self.rate:,.0f} PUT/s" + (f" ({self.errors} non-2xx)" if self.errors else "")


def put_rate(url, token, seconds):
    """PUTs of fixture 7 for `seconds`: wrk with 8 connections if installed, else 4 Python threads."""
    if seconds <= 0:
        return None
    if shutil.which("wrk"):
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write('wrk.method = "PUT"\nwrk.headers["Content-Type"] = "application/json"\n'
                         f'wrk.headers["Authorization"] = "Bearer {token}"\nwrk.body = [[{PUT_BODY}]]\n')
        try:
            output = subprocess.run(["wrk", "-t1", "-c8", f"-d{int(seconds)}s", "--timeout", "5s", "-s", script.name,
                                     url + "/api/spaces/coworkernotifications"],
                                    capture_output=True, text=True, check=True).stdout
        finally:
            os.unlink(script.name)
        rate = float(re.search(r"Requests/sec:\s*([\d.]+)", output).group(1))
        errors = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", output)
        return Rate(rate, "wrk -t1 -c8", int(errors.group(1)) if errors else 0)
    import http.client
    from urllib.parse import urlparse
    target = urlparse(url)
    counts, errors, deadline = [0] * 4, [0] * 4, time.monotonic() + seconds

    def loop(index):
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=10)
        headers = {"Content-Type": "application/json", "Authorization": "Bearer " + token}
        while time.monotonic() < deadline:
            connection.request("PUT", "/api/spaces/coworkernotifications", PUT_BODY, headers)
            response = connection.getresponse()
            response.read()
            counts[index] += 1
            errors[index] += response.status // 100 != 2
    threads = [threading.Thread(target=loop, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Rate(sum(counts) / seconds, "python, 4 threads", sum(errors))


def line(label, result):
    cpu = f"{result['cpu']:.1f} s CPU" if result.get("cpu") is not None else "CPU ?"
    text = f"  {label:<7} {result['ready']:5.1f} s to ready  ({cpu}, load {result['load']})"
    if result.get("extract") and result["extract"] > 0.05:
        text += f"  + {result['extract']:.1f} s extracting the jar"
    if result["mode"] == "recording":
        text += f"  stop {result['stop']:.1f} s writing the archive: {'written' if result['archived'] else 'NOT WRITTEN'}"
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", help="the server jar (default: target/notifications-*.jar, else the local Maven repository's)")
    parser.add_argument("--java17", help="a Java 17 executable (default: found under /usr/lib/jvm, JAVA17_HOME)")
    parser.add_argument("--java25", help="a Java 25 executable (default: found under /usr/lib/jvm, JAVA25_HOME)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--harness", choices=["pytest", "junit"], default="pytest")
    parser.add_argument("--no-today", action="store_true", help="leave out the `java -jar` starts")
    parser.add_argument("--puts", type=float, default=10.0, help="seconds of PUTs for the Java 25 figures (0: none)")
    parser.add_argument("--warm", type=float, default=20.0, help="seconds of PUTs between the first and the warmed figure")
    parser.add_argument("--jvm-args", default="", help="more JVM arguments for the server, as one string: --jvm-args='-XX:+UseSerialGC'")
    parser.add_argument("--only", choices=["17", "25"], help="one Java only")
    parser.add_argument("--second-only", action="store_true",
                        help="only second starts (and the PUTs), with the archive of an earlier run where there is one")
    arguments = parser.parse_args()
    JVM_ARGS[:] = arguments.jvm_args.split()

    jar = arguments.jar
    if not jar:
        built = sorted(glob.glob(str(TESTING.parent / "target" / "notifications-*.jar")))
        jar = built[-1] if built else str(jar_in_local_repository())
    if not Path(jar).is_file():
        sys.exit(f"No server jar at {jar}: ./mvnw -DskipTests package first, or --jar")
    harness = JUnitHarness() if arguments.harness == "junit" else PythonHarness()
    work = TESTING.parent / "target" / "start-times"
    print(f"start-times: {jar} ({Path(jar).stat().st_size / 1e6:.0f} MB), with the {harness.name}'s launcher, "
          f"{os.cpu_count()} CPUs, {arguments.runs} starts each")
    for version, given in ((17, arguments.java17), (25, arguments.java25)):
        if arguments.only and str(version) != arguments.only:
            continue
        java = find_java(version, given)
        if not java:
            print(f"\nJava {version}: not found (--java{version} or JAVA{version}_HOME)")
            continue
        runtime = JavaRuntime.of(Path(java))
        print(f"\nJava {version} ({runtime.version}, {runtime.executable})")
        cache = work / f"java{version}"
        if arguments.second_only:
            if not list((cache / "archive").glob("*/app.*")):
                harness.measure(jar, java, cache / "archive", True)
        else:
            shutil.rmtree(cache, ignore_errors=True)
        for run in range(0 if arguments.second_only else arguments.runs):
            if not arguments.no_today:
                print(line("today", harness.measure(jar, java, cache / "off", False)), flush=True)
            shutil.rmtree(cache / "archive", ignore_errors=True)
            print(line("first", harness.measure(jar, java, cache / "archive", True)), flush=True)
        for run in range(arguments.runs):
            print(line("second", harness.measure(jar, java, cache / "archive", True)), flush=True)
        if version >= 25 and arguments.puts and arguments.harness == "pytest":
            print(f"  PUTs right after the ready line ({arguments.puts:g} s), and warmed (after {arguments.warm:g} s more):")
            for label, archive in (("today, cold", False), ("archived", True)):
                result = harness.measure(jar, java, cache / ("archive" if archive else "off"), archive,
                                         arguments.puts, arguments.warm)
                print(f"    {label:<18} first {arguments.puts:g} s: {result['puts']}, warmed: {result['warmed']}  "
                      f"(ready in {result['ready']:.1f} s, {result['puts'].tool}, load {result['load']})", flush=True)


if __name__ == "__main__":
    main()
