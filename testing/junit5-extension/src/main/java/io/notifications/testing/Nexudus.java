package io.notifications.testing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A running notifications server, as a test sees it: injected as a parameter of a test, a lifecycle
 * method or a constructor by {@link NotificationsExtension}.
 *
 * <pre>{@code
 * @Test
 * void retriesAServerError(Nexudus nexudus) {
 *     nexudus.faults().add(Fault.serverError().method("PUT").path("/api/spaces/coworkernotifications"));
 *     client(nexudus.baseUrl(), nexudus.token("admin@example.com")).updateNotification(7, "Paid");
 *     nexudus.requests().method("PUT").path("/api/spaces/coworkernotifications").assertCount(2);
 * }
 * }</pre>
 */
public final class Nexudus {

	private final ServerConnection connection;

	private final List<ServerOptions.User> users;

	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	/** Whether the tokens kept were taken at a time a test moved the clock to. */
	private volatile boolean tokensAtAMovedTime;

	private final String startClock;

	private final ServerProcess process;

	Nexudus(ServerConnection connection, List<ServerOptions.User> users, String startClock, ServerProcess process) {
		this.connection = connection;
		this.users = users;
		this.startClock = startClock;
		this.process = process;
	}

	/** The server's base URL, e.g. {@code http://127.0.0.1:54321} (no trailing slash). */
	public URI baseUrl() {
		return this.connection.baseUrl();
	}

	/** A URL on the server: {@code url("/api/spaces/coworkernotifications/7")}. */
	public URI url(String path) {
		return this.connection.baseUrl().resolve(path);
	}

	/**
	 * An access token for a configured user, from {@code POST /api/token} with the password grant;
	 * kept for the rest of the run (tokens survive resets, and a test that revokes one finds it
	 * working again after the next reset) until the clock is changed through {@link #clock()}. The
	 * extension takes them before each test's reset, so their requests are in no test's journal but
	 * that of a test that changes the clock and then asks for one.
	 */
	public String token(String email) {
		ServerOptions.User user = user(email);
		return this.tokens.computeIfAbsent(user.email(), (name) -> this.connection.token(name, user.password()));
	}

	/** A token for the first configured user. */
	public String token() {
		return token(this.users.get(0).email());
	}

	/** {@code Bearer <token>} for a configured user: an {@code Authorization} header's value. */
	public String bearer(String email) {
		return "Bearer " + token(email);
	}

	/** {@code Basic <base64(email:password)>} for a configured user: an {@code Authorization} header's value. */
	public String basic(String email) {
		ServerOptions.User user = user(email);
		return ServerConnection.basic(user.email(), user.password());
	}

	/** The journal of the requests the server received (since the last reset). */
	public Requests requests() {
		return new Requests(this.connection);
	}

	/** The fault rules. */
	public Faults faults() {
		return new Faults(this.connection);
	}

	/** The server's clock. */
	public ServerClock clock() {
		return new ServerClock(this.connection, () -> {
			this.tokens.clear();
			this.tokensAtAMovedTime = true;
		});
	}

	/**
	 * {@code POST /ephemeral/reset}: the fixtures restored, the journal and the fault rules emptied.
	 * The extension calls it before each test; call it to start over within one.
	 */
	public void reset() {
		this.connection.reset();
	}

	/**
	 * What the extension does before each test, so that every test starts alike whatever ran
	 * before it: the clock back where the server started (standing at the configured
	 * {@code clock}, or running with the system's time), the reset, and a token for each user
	 * taken already, so that neither the test's journal nor its fault rules meet the harness's
	 * own token requests.
	 */
	void startTest() {
		if (this.startClock != null) {
			this.connection.steer("POST", ServerClock.PATH, Map.of("Now", this.startClock));
		}
		else {
			this.connection.steer("DELETE", ServerClock.PATH, null);
		}
		if (this.tokensAtAMovedTime) {
			this.tokens.clear();
			this.tokensAtAMovedTime = false;
		}
		reset();
		if (this.tokens.size() < this.users.size()) {
			this.users.forEach((user) -> token(user.email()));
			requests().clear();
		}
	}

	/** The server's log file (its standard output and error), where there is one. */
	public Optional<java.nio.file.Path> log() {
		return Optional.ofNullable(this.process).map(ServerProcess::log);
	}

	private ServerOptions.User user(String email) {
		return this.users.stream()
			.filter((user) -> user.email().equalsIgnoreCase(email))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No user " + email + " was configured; the server's users are "
					+ this.users.stream().map(ServerOptions.User::email).toList()));
	}

	@Override
	public String toString() {
		return "Nexudus at " + baseUrl();
	}

}
