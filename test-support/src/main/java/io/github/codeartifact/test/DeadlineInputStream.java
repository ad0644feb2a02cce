package io.github.codeartifact.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * A socket's input that must be read by a deadline: each read waits only for the time left,
 * so a client that sends a byte now and then cannot hold a worker longer than one timeout.
 */
final class DeadlineInputStream extends InputStream {

	private final Socket socket;

	private final InputStream input;

	private final long deadlineNanos;

	DeadlineInputStream(Socket socket, long deadlineNanos) throws IOException {
		this.socket = socket;
		this.input = socket.getInputStream();
		this.deadlineNanos = deadlineNanos;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xFF);
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		long left = TimeUnit.NANOSECONDS.toMillis(this.deadlineNanos - System.nanoTime());
		if (left <= 0) {
			throw new SocketTimeoutException("The client did not send its request in time");
		}
		this.socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
		return this.input.read(bytes, offset, length);
	}

}
