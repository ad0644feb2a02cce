package io.github.codeartifact.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A plain HTTP server on a free loopback port that answers 200 and records the
 * {@code Authorization} header of every request (or its absence).
 */
final class RecordingServer implements AutoCloseable {

	private final HttpServer server;

	private final List<Optional<String>> authorizations = new CopyOnWriteArrayList<>();

	RecordingServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", (exchange) -> {
			this.authorizations.add(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
			byte[] body = "hello\n".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port() + path);
	}

	List<Optional<String>> authorizations() {
		return List.copyOf(this.authorizations);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
