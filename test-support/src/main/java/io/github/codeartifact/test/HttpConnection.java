package io.github.codeartifact.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * One client connection of {@link LocalHttpServer}: the bytes of the request head read so
 * far (at most one head's worth), and the deadline by which the head must be complete.
 */
final class HttpConnection {

	/** Room for the longest head the limits allow, with its line ends and a little more. */
	static final int MAX_BUFFER = HttpLimits.MAX_REQUEST_LINE + HttpLimits.MAX_HEADER_BYTES + 64;

	private static final int INITIAL_BUFFER = 512;

	private final SocketChannel channel;

	private byte[] buffer = new byte[0];

	private int length;

	private RequestHeadScanner scanner = new RequestHeadScanner();

	private int headLength = -1;

	private long deadlineNanos;

	private boolean draining;

	private @Nullable SelectionKey key;

	HttpConnection(SocketChannel channel, long deadlineNanos) {
		this.channel = channel;
		this.deadlineNanos = deadlineNanos;
	}

	SocketChannel channel() {
		return this.channel;
	}

	/**
	 * Reads what the client sent and scans it for the end of the head.
	 * @return {@code false} when the client closed the connection
	 * @throws IOException when the connection broke or a limit is passed
	 */
	boolean readAvailable() throws IOException {
		if (this.length == this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.min(Math.max(INITIAL_BUFFER, this.buffer.length * 2), MAX_BUFFER));
		}
		int read = this.channel.read(ByteBuffer.wrap(this.buffer, this.length, this.buffer.length - this.length));
		if (read < 0) {
			return false;
		}
		this.length += read;
		scan();
		return true;
	}

	/**
	 * Reads and discards what the client sends after it was refused, so that closing does
	 * not reset the connection before the client read the answer.
	 * @return {@code false} when the client closed the connection
	 * @throws IOException when the connection broke
	 */
	boolean discardAvailable() throws IOException {
		ByteBuffer sink = ByteBuffer.allocate(8192);
		int read;
		while ((read = this.channel.read(sink)) > 0) {
			sink.clear();
		}
		return read >= 0;
	}

	private void scan() throws HttpProtocolException {
		this.headLength = this.scanner.scan(this.buffer, this.length);
		if (this.headLength < 0 && this.length == MAX_BUFFER) {
			throw new HttpProtocolException(431, "The request head is larger than " + MAX_BUFFER + " bytes");
		}
	}

	boolean headComplete() {
		return this.headLength >= 0;
	}

	/**
	 * Returns the complete head.
	 * @return the head's text, ending with its blank line
	 */
	String head() {
		return new String(this.buffer, 0, this.headLength, StandardCharsets.ISO_8859_1);
	}

	/**
	 * Returns the bytes that arrived after the head: the start of the body, or of the
	 * next request.
	 * @return a stream of those bytes
	 */
	ByteArrayInputStream afterHead() {
		return new ByteArrayInputStream(this.buffer, this.headLength, this.length - this.headLength);
	}

	/**
	 * Starts over for the next request on this connection.
	 * @param unread bytes already read that belong to the next request
	 * @param deadline the deadline of the next request head
	 * @throws HttpProtocolException when those bytes already pass a limit
	 */
	void nextRequest(byte[] unread, long deadline) throws HttpProtocolException {
		this.buffer = Arrays.copyOf(unread, Math.max(unread.length, INITIAL_BUFFER));
		this.length = unread.length;
		this.scanner = new RequestHeadScanner();
		this.headLength = -1;
		this.deadlineNanos = deadline;
		scan();
	}

	/**
	 * Drops the head's bytes and waits only for the client to close, until the deadline.
	 * @param deadline when to close anyway
	 */
	void drain(long deadline) {
		this.buffer = new byte[0];
		this.length = 0;
		this.draining = true;
		this.deadlineNanos = deadline;
	}

	boolean isDraining() {
		return this.draining;
	}

	boolean isExpired(long nowNanos) {
		return nowNanos - this.deadlineNanos >= 0;
	}

	@Nullable SelectionKey key() {
		return this.key;
	}

	void key(@Nullable SelectionKey key) {
		this.key = key;
	}

	void close() {
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			// Nothing left to do.
		}
	}

}
