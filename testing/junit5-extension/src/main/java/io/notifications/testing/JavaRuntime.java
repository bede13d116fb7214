package io.notifications.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The java executable that runs the server, and its version: the feature version chooses between
 * CDS and the AOT cache, the full one is part of the archive's key.
 *
 * @param executable the java executable, symbolic links resolved
 * @param feature the feature version: 17, 21, 25, ...
 * @param version the full runtime version, e.g. {@code 25.0.3+9-LTS}
 */
record JavaRuntime(Path executable, int feature, String version) {

	private static final Pattern RELEASE_LINE = Pattern.compile("^(JAVA_RUNTIME_VERSION|JAVA_VERSION)=\"([^\"]+)\"$",
			Pattern.MULTILINE);

	private static final Pattern PROPERTY = Pattern.compile("^\\s*(java\\.runtime\\.version|java\\.version)\\s*=\\s*(\\S+)\\s*$",
			Pattern.MULTILINE);

	/** The runtime of {@code executable}: this JVM's, the JDK's {@code release} file, or its {@code -version}. */
	static JavaRuntime of(Path executable) throws IOException {
		Path real = executable.toRealPath();
		Path home = real.getParent().getParent();
		if (home.equals(Path.of(System.getProperty("java.home")).toRealPath())) {
			return new JavaRuntime(real, Runtime.version().feature(), System.getProperty("java.runtime.version"));
		}
		Path release = home.resolve("release");
		if (Files.isRegularFile(release)) {
			JavaRuntime runtime = parse(real, Files.readString(release, StandardCharsets.UTF_8), RELEASE_LINE);
			if (runtime != null) {
				return runtime;
			}
		}
		Process process = new ProcessBuilder(real.toString(), "-XshowSettings:properties", "-version")
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		JavaRuntime runtime = parse(real, output, PROPERTY);
		if (runtime == null) {
			throw new IOException("Cannot tell the version of " + executable + ": " + output);
		}
		return runtime;
	}

	private static JavaRuntime parse(Path executable, String text, Pattern pattern) {
		String version = null;
		String runtimeVersion = null;
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			if (matcher.group(1).contains("RUNTIME") || matcher.group(1).contains("runtime")) {
				runtimeVersion = matcher.group(2);
			}
			else {
				version = matcher.group(2);
			}
		}
		if (version == null) {
			return null;
		}
		return new JavaRuntime(executable, feature(version), (runtimeVersion != null) ? runtimeVersion : version);
	}

	/** {@code 17.0.15} is 17, {@code 25} is 25, {@code 1.8.0_402} is 8. */
	static int feature(String version) {
		String[] parts = version.split("[.+_-]");
		int first = Integer.parseInt(parts[0]);
		return (first == 1 && parts.length > 1) ? Integer.parseInt(parts[1]) : first;
	}

}
