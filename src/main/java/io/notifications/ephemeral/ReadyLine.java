package io.notifications.ephemeral;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

/**
 * Once the server is ready (fixtures loaded, port bound), says so in one line a test
 * harness can match, {@code notifications.ready port=54321 url=http://127.0.0.1:54321},
 * and writes the port to {@code notifications.ephemeral.port-file} if set (whole or not
 * at all: written beside it, then moved), deleting that file again at stop.
 */
class ReadyLine implements ApplicationListener<ApplicationEvent> {

	private static final Log logger = LogFactory.getLog(ReadyLine.class);

	private final Environment environment;

	private final Path portFile;

	ReadyLine(Environment environment, Path portFile) {
		this.environment = environment;
		this.portFile = portFile;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationReadyEvent) {
			ready();
		}
		else if (event instanceof ContextClosedEvent && this.portFile != null) {
			try {
				Files.deleteIfExists(this.portFile);
			}
			catch (IOException ex) {
				logger.warn("Cannot delete the port file " + this.portFile + ": " + ex.getMessage());
			}
		}
	}

	private void ready() {
		Integer port = this.environment.getProperty("local.server.port", Integer.class);
		if (port == null) {
			// no server listens (a test context with a mock web environment): nothing to
			// announce
			return;
		}
		if (this.portFile != null) {
			writePort(port);
		}
		logger.info("notifications.ready port=" + port + " url=http://" + host() + ":" + port);
	}

	/**
	 * The address a client reaches the server at: the one it is bound to, or loopback
	 * when bound to all.
	 */
	private String host() {
		String address = this.environment.getProperty("server.address");
		try {
			if (address == null || InetAddress.getByName(address).isAnyLocalAddress()) {
				return "localhost";
			}
		}
		catch (UnknownHostException ex) {
			return address;
		}
		return address.contains(":") ? "[" + address + "]" : address;
	}

	private void writePort(int port) {
		try {
			Path file = this.portFile.toAbsolutePath();
			Files.createDirectories(file.getParent());
			Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
			Files.writeString(temporary, port + System.lineSeparator());
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Cannot write the port to " + this.portFile + " (notifications.ephemeral.port-file)", ex);
		}
	}

}
