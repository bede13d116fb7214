# syntax=docker/dockerfile:1

# Build stage: the Maven wrapper builds the jar (CI runs the tests with ./mvnw verify on its own),
# then Spring Boot's tools jar mode splits it into layers that change at different rates: plain
# jars under lib/ and an app.jar that names them, which class data sharing needs.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
	&& cp target/notifications-*.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

# Run stage: a JRE, the layers from the least to the most often changed, a user without privileges.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 notifications \
	&& useradd --system --uid 10001 --gid notifications --home-dir /app --no-create-home notifications \
	&& mkdir -p /app/data \
	&& chown notifications:notifications /app/data
WORKDIR /app
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# Class data sharing (Spring Boot's CDS support): a training run starts the application up to the
# end of its context refresh and archives the classes it loaded in app.jsa; every start then maps
# them instead of reading, verifying and linking them again (docs/performance.md). The training
# run's database, key and password go to /tmp/training and are not kept; only app.jsa is.
RUN java -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh -jar app.jar \
		--spring.datasource.url=jdbc:h2:file:/tmp/training/notifications \
		--notifications.security.token.key-location=file:/tmp/training/token-signing-key.json \
		--notifications.security.generated-password-location=file:/tmp/training/generated-password \
		--logging.level.root=warn \
	&& rm -rf /tmp/training
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
	CMD ["java", "-Xmx16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", "/app/app.jar", "io.notifications.HealthProbe"]
# Exec form: java is PID 1 and gets SIGTERM, so the graceful shutdown runs (give it 30 s: docker stop -t 30).
# With JAVA_TOOL_OPTIONS that the archive does not fit, the JVM warns and starts without it.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=app.jsa", "-jar", "app.jar"]
