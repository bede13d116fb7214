# syntax=docker/dockerfile:1

# Java 25, not the project's baseline 17: its ahead-of-time cache (below) starts the container
# about a second sooner than Java 17's class data sharing (docs/performance.md). The jar is still
# built for Java 17.
# Build stage: the Maven wrapper builds the jar (CI runs the tests with ./mvnw verify on its own;
# no Spring AOT, whose bean definitions are the test harnesses' ephemeral ones, pom.xml),
# then Spring Boot's tools jar mode splits it into layers that change at different rates: plain
# jars under lib/ and an app.jar that names them, which the ahead-of-time cache needs.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests -Dspring-boot.aot.skip=true package \
	&& cp target/notifications-*.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

# Run stage: a JRE, the layers from the least to the most often changed, a user without privileges.
FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 notifications \
	&& useradd --system --uid 10001 --gid notifications --home-dir /app --no-create-home notifications \
	&& mkdir -p /app/data \
	&& chown notifications:notifications /app/data
WORKDIR /app
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# Java's ahead-of-time cache (JEP 483 and 515): a training run starts the server, sends it the
# requests clients send first (io.notifications.container.StartupTraining) and stops it; app.aot keeps the
# classes they loaded, already linked, and their methods' profiles. Every start then maps them
# instead of loading, verifying and linking them again (docs/performance.md). The training run's
# database and key are in a temporary directory that it deletes; only app.aot is kept.
RUN java -XX:AOTCacheOutput=app.aot -cp app.jar io.notifications.container.StartupTraining
USER 10001:10001
# The embedded H2 database and the generated token signing key live in ./data.
VOLUME /app/data
EXPOSE 8080
# Heap: a quarter of the container's memory limit. Outside the heap this JVM holds about 320 MB
# under load (metaspace, JIT code, threads, malloc), so at --memory 512m a larger heap gets the
# container OOM-killed (measured in docs/container.md); with more memory raise the percentage.
# Replace the whole variable to tune it.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=25 -XX:+ExitOnOutOfMemoryError"
# A probe that needs nothing but the JDK (no curl or wget in the image) asks the readiness group,
# which includes the database, on the port the server uses (see HealthProbe). podman and buildah
# keep this line only with --format docker: the OCI format has no health check.
HEALTHCHECK --interval=30s --timeout=10s --start-period=90s --retries=3 \
	CMD ["java", "-Xmx16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", "/app/app.jar", "io.notifications.container.HealthProbe"]
# Exec form: java is PID 1 and gets SIGTERM, so the graceful shutdown runs (give it 30 s: docker stop -t 30).
# The cache's objects are loaded into the initial heap, which must hold about 16 MB: by default it
# is 1/64 of the memory limit, 8 MB at 512m, and the JVM would refuse to start; 1/16 is 32 MB at
# 512m (docs/container.md). The JVM's own warnings go to stderr, so that stdout holds only the
# application's log lines. Java 25.0.3 warns of a few adapters it could not take from the cache
# (JDK-8364929): harmless, they are made again as without a cache.
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-XX:InitialRAMPercentage=6.25", "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", "app.jar"]
