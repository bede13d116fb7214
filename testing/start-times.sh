#!/usr/bin/env bash
# How long the test harnesses take to start the server, the first time (no class-data archive yet)
# and the second (with it), on Java 17 and Java 25: 3 starts each, process start to the ready line,
# beside today's plain `java -jar`; on Java 25 also the PUTs of the first 10 s after the ready line,
# cold and archived, beside a warmed figure. Needs python3 (standard library) and a built jar
# (./mvnw -DskipTests package); wrk for the PUT figures if installed. See start_times.py --help.
#   testing/start-times.sh                    # both Javas, the pytest plugin's launcher
#   testing/start-times.sh --harness junit    # the JUnit extension's launcher (builds it if needed)
#   testing/start-times.sh --only 25 --runs 5
set -euo pipefail
command -v python3 >/dev/null || { echo "start-times.sh: python3 is required" >&2; exit 1; }
export PYTHONDONTWRITEBYTECODE=1
exec python3 "$(dirname "$0")/start_times.py" "$@"
