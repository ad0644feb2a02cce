package io.github.codeartifact.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback stand-in for the two AWS identity services behind assume-role and SSO profiles: STS
 * {@code AssumeRole} ({@code POST /}, the Query protocol's XML answer) and the SSO portal's
 * {@code GetRoleCredentials} ({@code GET /federation/credentials}, JSON, for one bearer token).
 * Each hands out its own key pair, valid for an hour from the given clock.
 */
final class FakeIdentityServer implements AutoCloseable {

	static final String ROLE_ACCESS_KEY_ID = "ASIAASSUMEDROLE";

	static final String ROLE_SECRET_ACCESS_KEY = "assumed-role-secret";

	static final String SSO_ACCESS_KEY_ID = "ASIASSOROLE";

	static final String SSO_SECRET_ACCESS_KEY = "sso-role-secret";

	private static final Duration LIFETIME = Duration.ofHours(1);

	private final HttpServer server;

	private final Clock clock;

	private final String ssoAccessToken;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	FakeIdentityServer(Clock clock, String ssoAccessToken) throws IOException {
		this.clock = clock;
		this.ssoAccessToken = ssoAccessToken;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * The requests served so far, one line each: the method, the path with the query, and the
	 * decoded form body.
	 * @return the requests
	 */
	List<String> requests() {
		return List.copyOf(this.requests);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			String form = URLDecoder.decode(new String(body.readAllBytes(), StandardCharsets.UTF_8),
					StandardCharsets.UTF_8);
			this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + form);
			Instant expiration = this.clock.instant().plus(LIFETIME);
			if ("POST".equals(exchange.getRequestMethod()) && form.contains("Action=AssumeRole")) {
				reply(exchange, 200, "text/xml", assumeRoleResponse(expiration));
			}
			else if (exchange.getRequestURI().getPath().equals("/federation/credentials")
					&& this.ssoAccessToken.equals(exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token"))) {
				reply(exchange, 200, "application/json", roleCredentialsResponse(expiration));
			}
			else {
				reply(exchange, 403, "application/json", "{\"message\":\"not a request this fake answers\"}");
			}
		}
	}

	private static String assumeRoleResponse(Instant expiration) {
		return """
				<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
				  <AssumeRoleResult>
				    <AssumedRoleUser>
				      <AssumedRoleId>AROAEXAMPLE:sample-aot</AssumedRoleId>
				      <Arn>arn:aws:sts::111122223333:assumed-role/demo-reader/sample-aot</Arn>
				    </AssumedRoleUser>
				    <Credentials>
				      <AccessKeyId>%s</AccessKeyId>
				      <SecretAccessKey>%s</SecretAccessKey>
				      <SessionToken>assumed-role-session</SessionToken>
				      <Expiration>%s</Expiration>
				    </Credentials>
				  </AssumeRoleResult>
				  <ResponseMetadata>
				    <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
				  </ResponseMetadata>
				</AssumeRoleResponse>
				""".formatted(ROLE_ACCESS_KEY_ID, ROLE_SECRET_ACCESS_KEY, expiration);
	}

	private static String roleCredentialsResponse(Instant expiration) {
		return """
				{"roleCredentials":{"accessKeyId":"%s","secretAccessKey":"%s","sessionToken":"sso-role-session",\
				"expiration":%d}}""".formatted(SSO_ACCESS_KEY_ID, SSO_SECRET_ACCESS_KEY, expiration.toEpochMilli());
	}

	private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
