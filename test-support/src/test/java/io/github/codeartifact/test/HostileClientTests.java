package io.github.codeartifact.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Drives the emulator with hostile clients over raw sockets and shows that it answers each
 * with the right status, stays up for the next client, and keeps threads and memory bounded.
 */
class HostileClientTests {

	private static final int SLOW_CONNECTIONS = 3_000;

	/** The acceptor and the worker pool, with room for a pool thread still exiting. */
	private static final int MAX_EMULATOR_THREADS = 40;

	private static final long MAX_HEAP_GROWTH_BYTES = 64L * 1024 * 1024;

	private CodeArtifactEmulator emulator;

	@BeforeEach
	void start() {
		this.emulator = CodeArtifactEmulator.builder().domain("my-domain", "111122223333").build();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	static Stream<Arguments> hostileRequests() {
		String tokenCall = "POST /v1/authorization-token?domain=my-domain HTTP/1.1\r\nHost: 127.0.0.1\r\n";
		return Stream.of(
				arguments("a chunk size that overflows the limit check",
						tokenCall + "Transfer-Encoding: chunked\r\n\r\n1\r\na\r\n7fffffff\r\n", 413),
				arguments("a Content-Length past the body limit", tokenCall + "Content-Length: 17000000\r\n\r\n", 413),
				arguments("a Content-Length past int", tokenCall + "Content-Length: 99999999999\r\n\r\n", 413),
				arguments("10,000 header lines", tokenCall + "X-Flood: x\r\n".repeat(10_000) + "\r\n", 431),
				arguments("one 100 KB header", tokenCall + "X-Big: " + "x".repeat(100_000) + "\r\n\r\n", 431),
				arguments("a 100 KB URI", "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 414),
				arguments("a request line without a version", "GET /\r\n\r\n", 400),
				arguments("a header without a colon", tokenCall + "no colon here\r\n\r\n", 400),
				arguments("a Content-Length that is no number", tokenCall + "Content-Length: ten\r\n\r\n", 400),
				arguments("a chunk size that is no number", tokenCall + "Transfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
				arguments("a negative chunk size", tokenCall + "Transfer-Encoding: chunked\r\n\r\n-1\r\n", 400));
	}

	@ParameterizedTest(name = "{0} is answered {2}")
	@MethodSource("hostileRequests")
	void hostileRequestIsAnsweredAndTheEmulatorServesTheNextClient(String description, String request, int status)
			throws IOException {
		assertThat(exchange(request.getBytes(StandardCharsets.ISO_8859_1))).startsWith("HTTP/1.1 " + status + " ");
		assertServesTheNextClient();
	}

	@Test
	void chunksThatAddUpPastTheBodyLimitAre413() throws IOException {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.writeBytes(("POST /v1/authorization-token?domain=my-domain HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
		byte[] chunk = new byte[4 * 1024 * 1024];
		for (int i = 0; i < 5; i++) {
			request.writeBytes("400000\r\n".getBytes(StandardCharsets.ISO_8859_1));
			request.writeBytes(chunk);
			request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
		}
		assertThat(exchange(request.toByteArray())).startsWith("HTTP/1.1 413 ");
		assertServesTheNextClient();
	}

	@Test
	void slowConnectionsNeitherMultiplyThreadsNorStopTheEmulator() throws IOException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long heapBefore = usedHeapAfterGc(memory);
		List<Socket> slow = new ArrayList<>(SLOW_CONNECTIONS);
		try {
			for (int i = 0; i < SLOW_CONNECTIONS; i++) {
				slow.add(connect(this.emulator, "GET /v1/repository/endpoint?dom"));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> this.emulator.openConnections() == SLOW_CONNECTIONS);
			int threads = emulatorThreads();
			long heapGrowth = usedHeapAfterGc(memory) - heapBefore;
			System.out.printf("FIGURE: emulator threads with %d slow connections: %d%n", SLOW_CONNECTIONS, threads);
			System.out.printf("FIGURE: used heap after GC with %d slow connections: %+.1f MB (client and server sides)%n",
					SLOW_CONNECTIONS, heapGrowth / (1024.0 * 1024.0));
			assertThat(threads).isLessThanOrEqualTo(MAX_EMULATOR_THREADS);
			assertThat(heapGrowth).isLessThan(MAX_HEAP_GROWTH_BYTES);
			assertServesTheNextClient();
		}
		finally {
			for (Socket socket : slow) {
				socket.close();
			}
		}
	}

	@Test
	void slowAndIdleConnectionsAreClosedAfterTheReadTimeout() throws IOException {
		try (CodeArtifactEmulator quick = CodeArtifactEmulator.builder()
			.domain("my-domain", "111122223333")
			.readTimeout(Duration.ofMillis(300))
			.build()) {
			Socket idle = connect(quick, "");
			Socket partialHead = connect(quick, "GET /v1/repository/endpoint?dom");
			Socket partialBody = connect(quick,
					"POST /v1/authorization-token?domain=my-domain HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n123");
			Socket drip = connect(quick, "");
			ScheduledExecutorService dripper = Executors.newSingleThreadScheduledExecutor();
			try {
				// One byte every 20 ms never completes a head: the head's deadline, not each read's, closes it.
				dripper.scheduleAtFixedRate(() -> {
					try {
						drip.getOutputStream().write('a');
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}, 0, 20, TimeUnit.MILLISECONDS);
				await().atMost(Duration.ofSeconds(5)).until(() -> quick.openConnections() == 0);
				for (Socket socket : List.of(idle, partialHead, partialBody)) {
					assertThat(socket.getInputStream().read()).isEqualTo(-1);
				}
				assertServesTheNextClient(quick);
			}
			finally {
				dripper.shutdownNow();
				for (Socket socket : List.of(idle, partialHead, partialBody, drip)) {
					socket.close();
				}
			}
		}
	}

	@Test
	void theRecorderKeepsTheLastCallsAndExactCounts() {
		try (CodeArtifactEmulator small = CodeArtifactEmulator.builder()
			.domain("my-domain", "111122223333")
			.maxRecordedCalls(5)
			.build(); CodeartifactClient client = CodeArtifactClients.client(small)) {
			for (int i = 0; i < 12; i++) {
				int duration = 900 + i;
				client.getAuthorizationToken((request) -> request.domain("my-domain").durationSeconds((long) duration));
			}
			assertThat(small.calls()).extracting((call) -> call.parameters().get("duration"))
				.containsExactly("907", "908", "909", "910", "911");
			assertThat(small.authorizationTokenCallCount()).isEqualTo(12);
			assertThat(small.callCount(Operation.GET_AUTHORIZATION_TOKEN)).isEqualTo(12);
			small.resetCalls();
			assertThat(small.calls()).isEmpty();
			assertThat(small.authorizationTokenCallCount()).isZero();
		}
	}

	private static Socket connect(CodeArtifactEmulator emulator, String firstBytes) throws IOException {
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port());
		socket.setSoTimeout(10_000);
		socket.getOutputStream().write(firstBytes.getBytes(StandardCharsets.US_ASCII));
		socket.getOutputStream().flush();
		return socket;
	}

	private int emulatorThreads() {
		String prefix = "codeartifact-emulator-" + this.emulator.port() + "-";
		return (int) Thread.getAllStackTraces().keySet().stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith(prefix))
			.count();
	}

	private static long usedHeapAfterGc(MemoryMXBean memory) {
		memory.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

	private void assertServesTheNextClient() {
		assertServesTheNextClient(this.emulator);
	}

	private static void assertServesTheNextClient(CodeArtifactEmulator emulator) {
		try (CodeartifactClient client = CodeArtifactClients.client(emulator)) {
			assertThat(client.getAuthorizationToken((request) -> request.domain("my-domain")).authorizationToken())
				.isNotEmpty();
		}
	}

	/**
	 * Sends the bytes (stopping early if the emulator answers and closes first) and returns
	 * the status line of the answer, or a description of what happened instead.
	 */
	private String exchange(byte[] request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.emulator.port())) {
			socket.setSoTimeout(10_000);
			try {
				OutputStream output = socket.getOutputStream();
				output.write(request);
				output.flush();
			}
			catch (SocketException ex) {
				// The emulator answered and closed before reading everything: read its answer.
			}
			return statusLine(socket.getInputStream());
		}
		catch (SocketException ex) {
			return "connection broken: " + ex.getMessage();
		}
	}

	private static String statusLine(InputStream input) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int next = input.read(); next != -1 && next != '\n'; next = input.read()) {
			line.write(next);
		}
		return (line.size() == 0) ? "closed without an answer" : line.toString(StandardCharsets.ISO_8859_1).trim();
	}

}
