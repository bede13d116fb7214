package io.notifications.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A fast second start: the server's jar extracted once (class data sharing archives only classes
 * from the class path, not from Spring Boot's nested jars) and a class-data archive made by the
 * first run, used by every later one. On Java 25 and later it is the ahead-of-time cache
 * ({@code -XX:AOTCacheOutput} on the first run, {@code -XX:AOTCache} after), which also keeps
 * method profiles; before, a dynamic CDS archive ({@code -XX:ArchiveClassesAtExit}, then
 * {@code -XX:SharedArchiveFile}).
 *
 * <p>
 * Both live in a directory of the cache directory keyed by the jar (name, size, modification
 * time), the java executable and its version, and the extra JVM arguments, so that a rebuilt jar
 * or another Java gets a new one; directories of the same jar that no run used for a day are
 * deleted. The JVM writes the archive when it exits, so the run that records one must stop the
 * server gracefully (SIGTERM, then wait) and then {@link Launch#finish() finish}: the archive is
 * written under a temporary name and moved into place only once complete. One process records at
 * a time (a file lock that the operating system releases if the process dies); others start from
 * the extracted jar without an archive meanwhile.
 */
final class ClassDataArchive {

	/** What a start does about the archive. */
	enum Mode {

		/** No archive: the jar as it is ({@code java -jar}), nothing cached. */
		OFF("off"),

		/** The extracted jar without an archive: another process is recording one. */
		EXTRACTED("none yet, another run is recording it"),

		/** The extracted jar, recording an archive written at exit. */
		RECORDING("recording, written when the server stops"),

		/** The extracted jar with the archive of an earlier run. */
		USING("used");

		final String description;

		Mode(String description) {
			this.description = description;
		}

	}

	private static final Duration UNUSED_FOR = Duration.ofDays(1);

	private ClassDataArchive() {
	}

	/** What to run: the jar, the JVM flags, and what to do once the server has exited. */
	static final class Launch {

		final Mode mode;

		final Path jar;

		final List<String> jvmFlags;

		final Path archive;

		private final Path partial;

		private final FileChannel recordingChannel;

		private final FileLock recordingLock;

		Launch(Mode mode, Path jar, List<String> jvmFlags, Path archive, Path partial, FileChannel recordingChannel,
				FileLock recordingLock) {
			this.mode = mode;
			this.jar = jar;
			this.jvmFlags = List.copyOf(jvmFlags);
			this.archive = archive;
			this.partial = partial;
			this.recordingChannel = recordingChannel;
			this.recordingLock = recordingLock;
		}

		static Launch off(Path jar) {
			return new Launch(Mode.OFF, jar, List.of(), null, null, null, null);
		}

		/**
		 * After the server has exited: a recorded archive moved into place if the JVM wrote it
		 * (which it does only on a graceful exit), the recording lock released.
		 * @param exitedGracefully whether the server stopped on SIGTERM within the time given
		 * @return whether an archive is now in place for the next start
		 */
		boolean finish(boolean exitedGracefully) {
			if (this.mode != Mode.RECORDING) {
				return this.mode == Mode.USING;
			}
			try {
				if (exitedGracefully && Files.isRegularFile(this.partial) && Files.size(this.partial) > 0) {
					Files.move(this.partial, this.archive, StandardCopyOption.REPLACE_EXISTING,
							StandardCopyOption.ATOMIC_MOVE);
					return true;
				}
				Files.deleteIfExists(this.partial);
				return false;
			}
			catch (IOException ex) {
				return false;
			}
			finally {
				release(this.recordingLock, this.recordingChannel);
			}
		}

	}

	/**
	 * How to start {@code jar} with {@code java}: extracts it into the cache on first use and
	 * chooses between recording and using an archive. Never fails for the archive's sake: when
	 * anything goes wrong it says so on {@code out} and starts the jar as it is.
	 */
	static synchronized Launch prepare(Path jar, JavaRuntime java, List<String> jvmArgs, Path cacheRoot,
			boolean enabled, PrintStream out) {
		if (!enabled) {
			return Launch.off(jar);
		}
		try {
			return prepareArchive(jar, java, jvmArgs, cacheRoot, out);
		}
		catch (IOException | RuntimeException ex) {
			out.println("[notifications] no class-data archive this time (" + ex + "); starting " + jar + " as it is");
			return Launch.off(jar);
		}
	}

	private static Launch prepareArchive(Path jar, JavaRuntime java, List<String> jvmArgs, Path cacheRoot,
			PrintStream out) throws IOException {
		Files.createDirectories(cacheRoot);
		String key = key(jar, java, jvmArgs);
		String stem = jar.getFileName().toString().replaceFirst("\\.jar$", "");
		Path directory = cacheRoot.resolve(stem + "-" + sha256(key).substring(0, 16));
		Path extracted = directory.resolve("app");
		Path extractedJar = extracted.resolve(jar.getFileName().toString());
		try (FileChannel channel = FileChannel.open(cacheRoot.resolve(directory.getFileName() + ".lock"),
				StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve("key.txt"), key, StandardCharsets.UTF_8);
			Files.setLastModifiedTime(directory.resolve("key.txt"), FileTime.from(Instant.now()));
			if (!Files.exists(extracted.resolve(".complete"))) {
				extract(jar, java, directory, extracted, out);
			}
			deleteUnused(cacheRoot, stem, directory);
		}
		Path archive = directory.resolve(java.feature() >= 25 ? "app.aot" : "app.jsa");
		if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
			String flag = (java.feature() >= 25) ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
			return new Launch(Mode.USING, extractedJar, List.of(flag + archive), archive, null, null, null);
		}
		FileChannel channel = FileChannel.open(directory.resolve("recording.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		FileLock lock = null;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException heldInThisJvm) {
			// another server of this run records it
		}
		if (lock == null) {
			channel.close();
			return new Launch(Mode.EXTRACTED, extractedJar, List.of(), archive, null, null, null);
		}
		// the JVM writes the archive under a temporary name, moved into place once it has exited
		Path partial = directory.resolve("partial-" + archive.getFileName());
		Files.deleteIfExists(partial);
		Files.deleteIfExists(Path.of(partial + ".config"));
		String flag = (java.feature() >= 25) ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
		return new Launch(Mode.RECORDING, extractedJar, List.of(flag + partial), archive, partial, channel, lock);
	}

	/** Spring Boot's tools jar mode: the application jar beside lib/, which a class path can name. */
	private static void extract(Path jar, JavaRuntime java, Path directory, Path extracted, PrintStream out)
			throws IOException {
		deleteRecursively(extracted);
		Path temporary = Files.createTempDirectory(directory, "extracting-");
		Path destination = temporary.resolve("app");
		Path log = temporary.resolve("extract.log");
		Process process = new ProcessBuilder(java.executable().toString(), "-Djarmode=tools", "-jar", jar.toString(),
				"extract", "--destination", destination.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IOException("extracting " + jar + " took more than 5 minutes");
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while extracting " + jar, ex);
		}
		if (process.exitValue() != 0 || !Files.isRegularFile(destination.resolve(jar.getFileName().toString()))) {
			String output = Files.readString(log, StandardCharsets.UTF_8).strip();
			deleteRecursively(temporary);
			throw new IOException("java -Djarmode=tools -jar " + jar.getFileName() + " extract failed: " + output);
		}
		Files.writeString(destination.resolve(".complete"), "");
		Files.move(destination, extracted, StandardCopyOption.ATOMIC_MOVE);
		deleteRecursively(temporary);
		out.println("[notifications] extracted " + jar + " into " + extracted);
	}

	/** Directories of the same jar name that no start used for a day (an older build, another Java). */
	private static void deleteUnused(Path cacheRoot, String stem, Path current) throws IOException {
		Instant before = Instant.now().minus(UNUSED_FOR);
		List<Path> unused = new ArrayList<>();
		try (DirectoryStream<Path> siblings = Files.newDirectoryStream(cacheRoot, stem + "-*")) {
			for (Path sibling : siblings) {
				Path key = sibling.resolve("key.txt");
				if (!sibling.equals(current) && Files.isDirectory(sibling) && Files.isRegularFile(key)
						&& Files.getLastModifiedTime(key).toInstant().isBefore(before)) {
					unused.add(sibling);
				}
			}
		}
		for (Path directory : unused) {
			deleteRecursively(directory);
			Files.deleteIfExists(cacheRoot.resolve(directory.getFileName() + ".lock"));
		}
	}

	/**
	 * What the archive depends on: the jar's name, size and modification time (a rebuilt or
	 * reinstalled jar changes them), the java executable and its version, and the JVM arguments.
	 */
	static String key(Path jar, JavaRuntime java, List<String> jvmArgs) throws IOException {
		return String.join("\n", "jar=" + jar.getFileName(), "size=" + Files.size(jar),
				"mtime=" + Files.getLastModifiedTime(jar).toMillis(), "java=" + java.executable(),
				"version=" + java.version(), "jvmArgs=" + String.join(" ", jvmArgs)) + "\n";
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(each);
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private static void release(FileLock lock, FileChannel channel) {
		try {
			if (lock != null) {
				lock.release();
			}
			if (channel != null) {
				channel.close();
			}
		}
		catch (IOException ex) {
			// closing the channel releases the lock in any case
		}
	}

}
