package io.github.codeartifact.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.jspecify.annotations.Nullable;

/**
 * A plain HTTP (or HTTPS) server on a free loopback port that records every request: its method,
 * path, {@code Host} and {@code Authorization} headers (or their absence) and body. It answers
 * {@code /redirect/<status>?to=<location>} with that status and {@code Location},
 * {@code /status/<status>} with that status, and everything else with 200 {@code hello}.
 */
final class RecordingServer implements AutoCloseable {

	private final HttpServer server;

	private final String scheme;

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	RecordingServer() {
		this(null);
	}

	/**
	 * Creates a server.
	 * @param tls the TLS context of an HTTPS server, or {@code null} for plain HTTP
	 */
	RecordingServer(@Nullable SSLContext tls) {
		InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
		try {
			if (tls != null) {
				HttpsServer https = HttpsServer.create(address, 0);
				https.setHttpsConfigurator(new HttpsConfigurator(tls));
				this.server = https;
			}
			else {
				this.server = HttpServer.create(address, 0);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.scheme = (tls != null) ? "https" : "http";
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] requestBody = exchange.getRequestBody().readAllBytes();
		this.requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("Host"),
				Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")),
				new String(requestBody, StandardCharsets.UTF_8)));
		String path = exchange.getRequestURI().getPath();
		if (path.startsWith("/redirect/")) {
			String query = exchange.getRequestURI().getRawQuery();
			String location = URLDecoder.decode(query.substring("to=".length()), StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Location", location);
			exchange.sendResponseHeaders(Integer.parseInt(path.substring("/redirect/".length())), -1);
			exchange.close();
			return;
		}
		if (path.startsWith("/status/")) {
			exchange.sendResponseHeaders(Integer.parseInt(path.substring("/status/".length())), -1);
			exchange.close();
			return;
		}
		byte[] body = "hello\n".getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	URI uri(String path) {
		return URI.create(this.scheme + "://127.0.0.1:" + port() + path);
	}

	List<Optional<String>> authorizations() {
		return this.requests.stream().map(Recorded::authorization).toList();
	}

	List<Recorded> requests() {
		return List.copyOf(this.requests);
	}

	void reset() {
		this.requests.clear();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A request as the server got it.
	 *
	 * @param method the method
	 * @param path the path
	 * @param host the {@code Host} header
	 * @param authorization the {@code Authorization} header, if any
	 * @param body the body
	 */
	record Recorded(String method, String path, String host, Optional<String> authorization, String body) {

	}

}
