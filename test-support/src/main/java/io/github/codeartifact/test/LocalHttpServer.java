package io.github.codeartifact.test;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.1 server on raw sockets bound to the loopback address.
 * <p>
 * Raw sockets rather than the JDK's {@code HttpServer} so that a handler can reset a
 * connection (RST) or send an answer one byte at a time, which fault injection needs.
 * Nothing adds headers behind the handler's back: the one {@code Date} header of every
 * answer comes from the given clock.
 */
final class LocalHttpServer implements AutoCloseable {

	/** The IMF-fixdate of RFC 9110 (RFC 1123 with a two-digit day), as AWS sends it. */
	static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
		.withZone(ZoneOffset.UTC);

	private final ServerSocket serverSocket;

	private final Clock clock;

	private final RequestHandler handler;

	private final ExecutorService executor;

	private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();

	private final CountDownLatch closing = new CountDownLatch(1);

	/** Every thread the server started, to join on close: a terminated pool's last thread may still be exiting. */
	private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

	private volatile boolean closed;

	LocalHttpServer(int port, Clock clock, RequestHandler handler) throws IOException {
		this.clock = clock;
		this.handler = handler;
		this.serverSocket = new ServerSocket();
		this.serverSocket.setReuseAddress(true);
		this.serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		AtomicInteger threadCount = new AtomicInteger();
		String threadPrefix = "codeartifact-emulator-" + port() + "-";
		this.executor = Executors.newCachedThreadPool((runnable) -> {
			Thread thread = new Thread(runnable, threadPrefix + threadCount.incrementAndGet());
			this.threads.removeIf((started) -> !started.isAlive());
			this.threads.add(thread);
			thread.setDaemon(true);
			return thread;
		});
		this.executor.execute(this::acceptConnections);
	}

	int port() {
		return this.serverSocket.getLocalPort();
	}

	String host() {
		return this.serverSocket.getInetAddress().getHostAddress();
	}

	/**
	 * Returns how many client connections are open, including one being written to slowly.
	 * @return the count
	 */
	int openConnections() {
		return this.openSockets.size();
	}

	private void acceptConnections() {
		while (!this.closed) {
			try {
				Socket socket = this.serverSocket.accept();
				this.openSockets.add(socket);
				this.executor.execute(() -> serve(socket));
			}
			catch (IOException ex) {
				// Closing the server socket ends the loop.
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			socket.setTcpNoDelay(true);
			InputStream input = new BufferedInputStream(socket.getInputStream());
			OutputStream output = new BufferedOutputStream(socket.getOutputStream());
			while (!this.closed) {
				HttpRequestMessage request = HttpRequestReader.read(input, output);
				if (request == null) {
					return;
				}
				HttpReply reply = this.handler.handle(request);
				if (reply.isConnectionReset()) {
					// Linger 0 makes close() send a RST instead of a FIN.
					socket.setSoLinger(true, 0);
					return;
				}
				write(output, reply, "HEAD".equals(request.method()));
				if (request.wantsClose()) {
					return;
				}
			}
		}
		catch (SocketException ex) {
			// The client went away or the server is closing.
		}
		catch (IOException | RuntimeException ex) {
			// A broken request ends its connection; the emulator keeps serving others.
		}
		finally {
			this.openSockets.remove(socket);
		}
	}

	private void write(OutputStream output, HttpReply reply, boolean head) throws IOException {
		byte[] bytes = serialize(reply, head);
		Duration interval = reply.byteInterval();
		if (interval == null) {
			output.write(bytes);
			output.flush();
			return;
		}
		for (byte b : bytes) {
			// A client that went away makes a write fail within a byte or two.
			output.write(b);
			output.flush();
			if (awaitClose(interval)) {
				throw new InterruptedIOException("The emulator is closing");
			}
		}
	}

	private boolean awaitClose(Duration timeout) {
		try {
			return this.closing.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

	private byte[] serialize(HttpReply reply, boolean head) {
		StringBuilder head0 = new StringBuilder();
		head0.append("HTTP/1.1 ").append(reply.status()).append(' ').append(HttpStatusText.of(reply.status()))
			.append("\r\n");
		for (Map.Entry<String, String> header : reply.headers().entrySet()) {
			head0.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
		}
		head0.append("Date: ").append(HTTP_DATE.format(this.clock.instant())).append("\r\n");
		head0.append("Content-Length: ").append(reply.body().length).append("\r\n\r\n");
		byte[] headBytes = head0.toString().getBytes(StandardCharsets.ISO_8859_1);
		if (head) {
			return headBytes;
		}
		byte[] bytes = Arrays.copyOf(headBytes, headBytes.length + reply.body().length);
		System.arraycopy(reply.body(), 0, bytes, headBytes.length, reply.body().length);
		return bytes;
	}

	@Override
	public void close() {
		this.closed = true;
		this.closing.countDown();
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			// Nothing left to do.
		}
		for (Socket socket : this.openSockets) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// Nothing left to do.
			}
		}
		this.executor.shutdownNow();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		try {
			for (Thread thread : this.threads) {
				if (thread != Thread.currentThread()) {
					thread.join(Math.max(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()), 1));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Answers one request.
	 */
	@FunctionalInterface
	interface RequestHandler {

		HttpReply handle(HttpRequestMessage request);

	}

}
