package io.notifications.container;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server process as /proc shows it; JDK only, as the probe. */
final class ServerProcess {

	/** A LISTEN (0A) socket: its local port and, in the tenth column, its inode. */
	private static final Pattern LISTENING = Pattern.compile(
			"\\s*\\d+:\\s+\\p{XDigit}+:(\\p{XDigit}{4})\\s+\\p{XDigit}+:\\p{XDigit}{4}\\s+0A(?:\\s+\\S+){5}\\s+(\\d+)\\b.*");

	private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)\\]");

	static final long SERVER_PID = 1;

	private ServerProcess() {
	}

	/** The container's PID 1, readable by the same user; empty elsewhere. */
	static List<String> commandLine() {
		return ProcessHandle.of(SERVER_PID)
			.flatMap((process) -> process.info().arguments())
			.map(List::of)
			.orElse(List.of());
	}

	/** Empty where there is no /proc or the process is another user's. */
	static Set<Integer> listeningPorts(long pid) {
		Set<String> sockets = socketInodes(Path.of("/proc", Long.toString(pid), "fd"));
		Set<Integer> ports = new TreeSet<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			for (String line : lines(Path.of(table))) {
				Matcher matcher = LISTENING.matcher(line);
				if (matcher.matches() && sockets.contains(matcher.group(2))) {
					ports.add(Integer.parseInt(matcher.group(1), 16));
				}
			}
		}
		return ports;
	}

	/** From the process's {@code socket:[inode]} links. */
	private static Set<String> socketInodes(Path fds) {
		Set<String> inodes = new HashSet<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
			for (Path entry : entries) {
				try {
					Matcher matcher = SOCKET_LINK.matcher(Files.readSymbolicLink(entry).toString());
					if (matcher.matches()) {
						inodes.add(matcher.group(1));
					}
				}
				catch (IOException ex) {
					// the descriptor was closed meanwhile
				}
			}
		}
		catch (IOException ex) {
			return Set.of();
		}
		return inodes;
	}

	private static List<String> lines(Path path) {
		try {
			return Files.readAllLines(path);
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
