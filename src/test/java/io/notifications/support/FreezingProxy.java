package io.notifications.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP proxy that can stop passing bytes without closing anything: a database frozen (a
 * long pause, a partition) as its clients see it.
 */
public final class FreezingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final InetSocketAddress target;

	private volatile boolean frozen;

	public FreezingProxy(InetSocketAddress target) {
		this.target = target;
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		daemon(this::accept);
	}

	public int port() {
		return this.server.getLocalPort();
	}

	public void freeze() {
		this.frozen = true;
	}

	public void thaw() {
		this.frozen = false;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket upstream = new Socket(this.target.getAddress(), this.target.getPort());
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException ex) {
				// closed, or the target refused: the client sees its connection end
			}
		}
	}

	private void pump(Socket from, Socket to) {
		daemon(() -> {
			byte[] buffer = new byte[8192];
			try (Socket in = from;
					InputStream input = in.getInputStream();
					OutputStream output = to.getOutputStream()) {
				int read;
				while ((read = input.read(buffer)) >= 0) {
					while (this.frozen) {
						Thread.sleep(10);
					}
					output.write(buffer, 0, read);
				}
			}
			catch (IOException | InterruptedException ex) {
				// one side went: the other follows
			}
			finally {
				try {
					to.close();
				}
				catch (IOException ex) {
					// already closed
				}
			}
		});
	}

	private static void daemon(Runnable task) {
		Thread thread = new Thread(task, "freezing-proxy");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
