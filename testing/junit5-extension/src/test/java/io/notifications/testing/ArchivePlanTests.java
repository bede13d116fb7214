package io.notifications.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The archive's life without a server: which flags a start gets, and what happens to the file the
 * JVM writes. The jar is already "extracted" here (an {@code app/} with its marker), so no real jar
 * is needed; ServerArchiveIT runs the real thing.
 */
class ArchivePlanTests {

	@TempDir
	Path directory;

	Path jar;

	Path cache;

	PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

	@BeforeEach
	void jar() throws IOException {
		this.jar = Files.writeString(this.directory.resolve("notifications-1.0.jar"), "jar");
		this.cache = this.directory.resolve("cache");
	}

	@Test
	void recordsOnJava17ThenUsesTheArchive() throws IOException {
		JavaRuntime java17 = new JavaRuntime(Path.of("/opt/java17/bin/java"), 17, "17.0.15+6");
		Path app = extracted(java17);
		ClassDataArchive.Launch first = ClassDataArchive.prepare(this.jar, java17, List.of(), this.cache, true, this.out);
		assertEquals(ClassDataArchive.Mode.RECORDING, first.mode);
		assertEquals(app.resolve("notifications-1.0.jar"), first.jar);
		Path partial = app.getParent().resolve("partial-app.jsa");
		assertEquals(List.of("-XX:ArchiveClassesAtExit=" + partial), first.jvmFlags);
		Files.writeString(partial, "archive");
		assertTrue(first.finish(true));
		assertEquals("archive", Files.readString(app.getParent().resolve("app.jsa")));
		ClassDataArchive.Launch second = ClassDataArchive.prepare(this.jar, java17, List.of(), this.cache, true, this.out);
		assertEquals(ClassDataArchive.Mode.USING, second.mode);
		assertEquals(List.of("-XX:SharedArchiveFile=" + app.getParent().resolve("app.jsa")), second.jvmFlags);
	}

	@Test
	void usesTheAotCacheOnJava25() throws IOException {
		JavaRuntime java25 = new JavaRuntime(Path.of("/opt/java25/bin/java"), 25, "25.0.3+9-LTS");
		Path app = extracted(java25);
		ClassDataArchive.Launch first = ClassDataArchive.prepare(this.jar, java25, List.of(), this.cache, true, this.out);
		Path partial = app.getParent().resolve("partial-app.aot");
		assertEquals(List.of("-XX:AOTCacheOutput=" + partial), first.jvmFlags);
		Files.writeString(partial, "cache");
		first.finish(true);
		ClassDataArchive.Launch second = ClassDataArchive.prepare(this.jar, java25, List.of(), this.cache, true, this.out);
		assertEquals(List.of("-XX:AOTCache=" + app.getParent().resolve("app.aot")), second.jvmFlags);
	}

	@Test
	void keepsNoArchiveFromAnUngracefulStop() throws IOException {
		JavaRuntime java17 = new JavaRuntime(Path.of("/opt/java17/bin/java"), 17, "17.0.15+6");
		Path app = extracted(java17);
		ClassDataArchive.Launch first = ClassDataArchive.prepare(this.jar, java17, List.of(), this.cache, true, this.out);
		Files.writeString(app.getParent().resolve("partial-app.jsa"), "half an archive");
		assertFalse(first.finish(false));
		assertFalse(Files.exists(app.getParent().resolve("app.jsa")));
		assertFalse(Files.exists(app.getParent().resolve("partial-app.jsa")));
		assertEquals(ClassDataArchive.Mode.RECORDING,
				ClassDataArchive.prepare(this.jar, java17, List.of(), this.cache, true, this.out).mode);
	}

	@Test
	void oneRecordsAtATime() throws IOException {
		JavaRuntime java17 = new JavaRuntime(Path.of("/opt/java17/bin/java"), 17, "17.0.15+6");
		extracted(java17);
		ClassDataArchive.Launch first = ClassDataArchive.prepare(this.jar, java17, List.of(), this.cache, true, this.out);
		ClassDataArchive.Launch second = ClassDataArchive.prepare(this.jar, java17, List.of(), this.cache, true, this.out);
		assertEquals(ClassDataArchive.Mode.RECORDING, first.mode);
		assertEquals(ClassDataArchive.Mode.EXTRACTED, second.mode);
		assertEquals(List.of(), second.jvmFlags);
		first.finish(false);
	}

	@Test
	void runsTheJarAsItIsWhenTurnedOff() {
		JavaRuntime java17 = new JavaRuntime(Path.of("/opt/java17/bin/java"), 17, "17.0.15+6");
		ClassDataArchive.Launch launch = ClassDataArchive.prepare(this.jar, java17, List.of(), this.cache, false, this.out);
		assertEquals(ClassDataArchive.Mode.OFF, launch.mode);
		assertEquals(this.jar, launch.jar);
		assertFalse(Files.exists(this.cache));
	}

	@Test
	void startsTheJarAsItIsWhenItCannotBeExtracted() {
		// not a Spring Boot jar, and a java that does not exist: no archive, but no failure either
		JavaRuntime missing = new JavaRuntime(this.directory.resolve("no-java"), 17, "17");
		ClassDataArchive.Launch launch = ClassDataArchive.prepare(this.jar, missing, List.of(), this.cache, true, this.out);
		assertEquals(ClassDataArchive.Mode.OFF, launch.mode);
		assertEquals(this.jar, launch.jar);
	}

	/** The directory prepare() extracts into for this jar and java, made as if extracted. */
	private Path extracted(JavaRuntime java) throws IOException {
		String hash = ClassDataArchive.sha256(ClassDataArchive.key(this.jar, java, List.of())).substring(0, 16);
		Path app = this.cache.resolve("notifications-1.0-" + hash).resolve("app");
		Files.createDirectories(app);
		Files.writeString(app.resolve("notifications-1.0.jar"), "app");
		Files.writeString(app.resolve(".complete"), "");
		return app;
	}

}
