package io.github.codeartifact.test;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.1 server bound to the loopback address, that survives hostile clients.
 * <p>
 * One acceptor thread reads every request head without blocking, so a connection holds no
 * thread while its client is slow or idle; a bounded pool of workers reads the body and
 * answers once the head is complete. Heads, bodies and connection counts are limited
 * ({@link HttpLimits}), a refused request is answered 400, 413, 414 or 431, and a connection
 * that does not send its request head or body within the read timeout is closed.
 * <p>
 * Sockets rather than the JDK's {@code HttpServer} so that a handler can reset a
 * connection (RST) or send an answer one byte at a time, which fault injection needs.
 * Nothing adds headers behind the handler's back: the one {@code Date} header of every
 * answer comes from the given clock.
 */
final class LocalHttpServer implements AutoCloseable {

	/** The IMF-fixdate of RFC 9110 (RFC 1123 with a two-digit day), as AWS sends it. */
	static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
		.withZone(ZoneOffset.UTC);

	/** Room for a burst of connections: the default of 50 makes the kernel drop the SYNs of a larger one. */
	private static final int BACKLOG = 4096;

	/** How long a refused client may go on sending before its connection is closed anyway. */
	private static final Duration MAX_DRAIN = Duration.ofSeconds(2);

	private final ServerSocketChannel serverChannel;

	private final Selector selector;

	private final Clock clock;

	private final RequestHandler handler;

	private final HttpLimits limits;

	private final ThreadPoolExecutor workers;

	private final Set<HttpConnection> connections = ConcurrentHashMap.newKeySet();

	/** Connections a worker hands back to the acceptor, to wait for their next request. */
	private final Queue<HttpConnection> returned = new ConcurrentLinkedQueue<>();

	private final CountDownLatch closing = new CountDownLatch(1);

	/** Every thread the server started, to join on close: a terminated pool's last thread may still be exiting. */
	private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

	private volatile boolean closed;

	LocalHttpServer(int port, Clock clock, HttpLimits limits, RequestHandler handler) throws IOException {
		this.clock = clock;
		this.handler = handler;
		this.limits = limits;
		this.selector = Selector.open();
		this.serverChannel = ServerSocketChannel.open();
		this.serverChannel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
		this.serverChannel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
		this.serverChannel.configureBlocking(false);
		this.serverChannel.register(this.selector, SelectionKey.OP_ACCEPT);
		String threadPrefix = "codeartifact-emulator-" + port() + "-";
		AtomicInteger workerCount = new AtomicInteger();
		this.workers = new ThreadPoolExecutor(limits.workerThreads(), limits.workerThreads(), 10, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (runnable) -> thread(runnable, threadPrefix + workerCount.incrementAndGet()));
		this.workers.allowCoreThreadTimeOut(true);
		thread(this::acceptAndReadHeads, threadPrefix + "acceptor").start();
	}

	private Thread thread(Runnable runnable, String name) {
		Thread thread = new Thread(runnable, name);
		this.threads.removeIf((started) -> !started.isAlive());
		this.threads.add(thread);
		thread.setDaemon(true);
		return thread;
	}

	int port() {
		return this.serverChannel.socket().getLocalPort();
	}

	String host() {
		return this.serverChannel.socket().getInetAddress().getHostAddress();
	}

	/**
	 * Returns how many client connections are open, including one being written to slowly.
	 * @return the count
	 */
	int openConnections() {
		return this.connections.size();
	}

	private void acceptAndReadHeads() {
		long tickMillis = Math.max(10, Math.min(this.limits.readTimeout().toMillis() / 4, 1000));
		try {
			while (!this.closed) {
				this.selector.select(tickMillis);
				// After a select: the keys cancelled before it are gone, so these can register again.
				registerReturned();
				for (Iterator<SelectionKey> keys = this.selector.selectedKeys().iterator(); keys.hasNext();) {
					SelectionKey key = keys.next();
					keys.remove();
					if (key.isValid() && key.isAcceptable()) {
						accept();
					}
					else if (key.isValid() && key.isReadable()) {
						read((HttpConnection) key.attachment());
					}
				}
				closeExpired();
			}
		}
		catch (IOException | ClosedSelectorException ex) {
			// Closing the selector ends the loop.
		}
	}

	private void accept() throws IOException {
		for (SocketChannel channel = this.serverChannel.accept(); channel != null; channel = this.serverChannel.accept()) {
			if (this.connections.size() >= this.limits.maxConnections()) {
				channel.close();
				continue;
			}
			channel.configureBlocking(false);
			channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			HttpConnection connection = new HttpConnection(channel, deadline(this.limits.readTimeout()));
			this.connections.add(connection);
			connection.key(channel.register(this.selector, SelectionKey.OP_READ, connection));
		}
	}

	private void registerReturned() {
		for (HttpConnection connection = this.returned.poll(); connection != null; connection = this.returned.poll()) {
			try {
				connection.key(connection.channel().register(this.selector, SelectionKey.OP_READ, connection));
				dispatchIfComplete(connection);
			}
			catch (IOException ex) {
				close(connection);
			}
		}
	}

	private void read(HttpConnection connection) {
		try {
			boolean open = connection.isDraining() ? connection.discardAvailable() : connection.readAvailable();
			if (!open) {
				close(connection);
				return;
			}
			dispatchIfComplete(connection);
		}
		catch (HttpProtocolException ex) {
			refuse(connection, ex);
		}
		catch (IOException ex) {
			close(connection);
		}
	}

	private void dispatchIfComplete(HttpConnection connection) throws IOException {
		if (connection.isDraining() || !connection.headComplete()) {
			return;
		}
		// A cancelled key is invalid at once, so the worker may switch the channel to blocking.
		Objects.requireNonNull(connection.key()).cancel();
		connection.key(null);
		this.workers.execute(() -> serve(connection));
	}

	/** Answers a refused head without blocking: the answer is small, the socket's buffer empty. */
	private void refuse(HttpConnection connection, HttpProtocolException refusal) {
		try {
			ByteBuffer answer = ByteBuffer.wrap(serialize(refusal.reply(), false));
			connection.channel().write(answer);
			connection.channel().shutdownOutput();
			connection.drain(deadline(MAX_DRAIN));
		}
		catch (IOException ex) {
			close(connection);
		}
	}

	private void closeExpired() {
		long now = System.nanoTime();
		for (HttpConnection connection : this.connections) {
			if (connection.key() != null && connection.isExpired(now)) {
				close(connection);
			}
		}
	}

	private void serve(HttpConnection connection) {
		boolean handedBack = false;
		try {
			SocketChannel channel = connection.channel();
			channel.configureBlocking(true);
			Socket socket = channel.socket();
			ByteArrayInputStream afterHead = connection.afterHead();
			InputStream input = new SequenceInputStream(afterHead,
					new DeadlineInputStream(socket, deadline(this.limits.readTimeout())));
			OutputStream output = new BufferedOutputStream(socket.getOutputStream());
			HttpRequestMessage request;
			try {
				request = HttpRequestReader.read(connection.head(), input, output);
			}
			catch (HttpProtocolException ex) {
				write(output, ex.reply(), false);
				socket.shutdownOutput();
				connection.drain(deadline(MAX_DRAIN));
				handedBack = handBack(connection);
				return;
			}
			HttpReply reply = this.handler.handle(request);
			if (reply.isConnectionReset()) {
				// Linger 0 makes close() send a RST instead of a FIN.
				socket.setSoLinger(true, 0);
				return;
			}
			write(output, reply, "HEAD".equals(request.method()));
			if (!request.wantsClose()) {
				connection.nextRequest(afterHead.readAllBytes(), deadline(this.limits.readTimeout()));
				handedBack = handBack(connection);
			}
		}
		catch (IOException | RuntimeException ex) {
			// A broken request or a client that went away ends its connection; the emulator keeps serving others.
		}
		finally {
			if (!handedBack) {
				close(connection);
			}
		}
	}

	private boolean handBack(HttpConnection connection) throws IOException {
		if (this.closed) {
			return false;
		}
		connection.channel().configureBlocking(false);
		this.returned.add(connection);
		this.selector.wakeup();
		return true;
	}

	private void close(HttpConnection connection) {
		connection.close();
		this.connections.remove(connection);
	}

	private static long deadline(Duration timeout) {
		return System.nanoTime() + timeout.toNanos();
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
			this.selector.close();
			this.serverChannel.close();
		}
		catch (IOException ex) {
			// Nothing left to do.
		}
		for (HttpConnection connection : this.connections) {
			close(connection);
		}
		this.workers.shutdownNow();
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
