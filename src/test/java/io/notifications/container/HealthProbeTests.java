package io.notifications.container;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpServer;
import io.notifications.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container health probe finds the port the way an operator may have set it, and asks
 * the real server's readiness over HTTP.
 */
class HealthProbeTests extends ApiTestSupport {

	@Test
	void withoutConfigurationTheProbeTriesBootsDefaultPortFirst() {
		assertThat(HealthProbe.ports(Map.of(), List.of(), Set.of())).containsExactly(8080);
	}

	@Test
	void theServerPortComesFromTheCommandLineThenSystemPropertiesThenTheEnvironment() {
		Map<String, String> environment = Map.of("SERVER_PORT", "9001", "JAVA_TOOL_OPTIONS",
				"-XX:MaxRAMPercentage=50 -Dserver.port=9002");
		List<String> commandLine = List.of("-Dserver.port=9003", "org.springframework.boot.loader.launch.JarLauncher",
				"--server.port=9004", "--server.port=9005");

		assertThat(HealthProbe.ports(Map.of("SERVER_PORT", "9001"), List.of(), Set.of())).containsExactly(9001);
		assertThat(HealthProbe.ports(environment, List.of(), Set.of())).containsExactly(9002);
		assertThat(HealthProbe.ports(environment, commandLine.subList(0, 2), Set.of())).containsExactly(9003);
		assertThat(HealthProbe.ports(environment, commandLine, Set.of())).containsExactly(9005);
	}

	@Test
	void aSeparateManagementPortWinsOverTheServerPort() {
		assertThat(
				HealthProbe.ports(Map.of("SERVER_PORT", "9001", "MANAGEMENT_SERVER_PORT", "9101"), List.of(), Set.of()))
			.containsExactly(9101);
		assertThat(HealthProbe.ports(Map.of("MANAGEMENT_SERVER_PORT", "9101"),
				List.of("JarLauncher", "--management.server.port=9102"), Set.of()))
			.containsExactly(9102);
		// -1 turns the management server off; 0 is a random port the configuration cannot
		// tell
		assertThat(
				HealthProbe.ports(Map.of("SERVER_PORT", "9001", "MANAGEMENT_SERVER_PORT", "-1"), List.of(), Set.of()))
			.containsExactly(9001);
	}

	@Test
	void theListeningPortsFollowTheConfiguredOneLowestFirst() {
		assertThat(HealthProbe.ports(Map.of("SERVER_PORT", "9001"), List.of(), Set.of(9500, 9001, 80)))
			.containsExactly(9001, 80, 9500);
	}

	@Test
	void theServerProcesssListeningPortsIncludeItsHttpPort() {
		assertThat(ServerProcess.listeningPorts(ProcessHandle.current().pid())).contains(this.port);
	}

	@Test
	void anotherProcesssPortsAreNotTheServers() throws IOException {
		try (ServerSocket other = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			Process child = new ProcessBuilder("sleep", "30").start();
			try {
				assertThat(ServerProcess.listeningPorts(child.pid())).doesNotContain(other.getLocalPort(), this.port);
			}
			finally {
				child.destroyForcibly();
			}
		}
	}

	@Test
	void aPortSetWhereTheProbeDoesNotLookIsFoundAmongTheListeningOnes() throws IOException {
		int closed = closedPort();
		List<Integer> ports = HealthProbe.ports(Map.of("SERVER_PORT", Integer.toString(closed)), List.of(),
				Set.of(this.port));

		assertThat(ports).containsExactly(closed, this.port);
		assertThat(HealthProbe.isAnyHealthy(ports.stream().map(HealthProbe::readiness).toList())).isTrue();
		assertThat(HealthProbe.isAnyHealthy(List.of(HealthProbe.readiness(closed)))).isFalse();
	}

	@Test
	void aServerThatSaysItIsNotReadyIsNotOverruledByAnotherPort() throws IOException {
		HttpServer notReady = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		notReady.createContext("/", (exchange) -> {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		notReady.start();
		try {
			int port = notReady.getAddress().getPort();
			List<String> report = new ArrayList<>();
			assertThat(HealthProbe.isAnyHealthy(List.of(HealthProbe.readiness(port), HealthProbe.readiness(this.port)),
					report::add))
				.isFalse();
			// what the container engine shows of a failed check
			assertThat(report).containsExactly("Not ready: " + HealthProbe.readiness(port)
					+ " answered 503 (starting, stopping, or its database away)");
			assertThat(HealthProbe.isAnyHealthy(List.of(HealthProbe.readiness(this.port), HealthProbe.readiness(port))))
				.isTrue();
		}
		finally {
			notReady.stop(0);
		}
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
