package io.github.codeartifact.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import java.time.Duration;

import io.github.codeartifact.http.RecordingServer.Recorded;
import org.assertj.core.api.SoftAssertions;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servers of the redirect tests, and what each redirect must do. A {@link #repository} (plain
 * http) and a {@link #secureRepository} (https) are CodeArtifact hosts ({@link #hosts()}); the
 * {@link #other} server, on another port, is not; and neither is {@code localhost}, another name of
 * the repository's address.
 */
final class RedirectServers implements AutoCloseable {

	static final String TOKEN = "redirect-test-token";

	static final String BODY = "the-request-body";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	final RecordingServer repository = new RecordingServer();

	final RecordingServer secureRepository = new RecordingServer(TestCertificate.get().serverContext());

	final RecordingServer other = new RecordingServer();

	/**
	 * Returns the configured hosts: the two repositories, by address and port.
	 */
	List<String> configuredHosts() {
		return List.of("127.0.0.1:" + this.repository.port(), "127.0.0.1:" + this.secureRepository.port());
	}

	CodeArtifactRepositoryHosts hosts() {
		return new CodeArtifactRepositoryHosts(configuredHosts(), (uri) -> false);
	}

	CountingTokenProvider tokens() {
		return new CountingTokenProvider(TOKEN, () -> TOKEN);
	}

	void reset() {
		Stream.of(this.repository, this.secureRepository, this.other).forEach(RecordingServer::reset);
	}

	/**
	 * Every redirect status, target and method.
	 */
	static Stream<Redirect> redirects() {
		List<Redirect> redirects = new ArrayList<>();
		for (int status : new int[] { 301, 302, 303, 307, 308 }) {
			for (Target target : Target.values()) {
				for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
					redirects.add(new Redirect(status, target, method));
				}
			}
		}
		return redirects.stream();
	}

	/**
	 * Returns the URI a redirect starts at, on a repository.
	 */
	URI start(Redirect redirect) {
		URI end = this.repository.uri("/final");
		return switch (redirect.target()) {
			case OTHER_PORT -> redirectVia(this.repository, redirect.status(), this.other.uri("/final"));
			case OTHER_NAME -> redirectVia(this.repository, redirect.status(),
					URI.create("http://localhost:" + this.repository.port() + "/final"));
			case DOWNGRADE -> redirectVia(this.secureRepository, redirect.status(), end);
			case SAME_HOST -> this.repository.uri("/redirect/" + redirect.status() + "?to=/final");
			case BACK_TO_REPOSITORY -> redirectVia(this.repository, redirect.status(),
					redirectVia(this.other, redirect.status(), end));
		};
	}

	private static URI redirectVia(RecordingServer server, int status, URI location) {
		return server.uri("/redirect/" + status + "?to=" + URLEncoder.encode(location.toString(), StandardCharsets.UTF_8));
	}

	/**
	 * Sends the request of a redirect with a {@code RestClient} and checks it with
	 * {@link #verify(Redirect, int, String)}.
	 */
	void follow(RestClient client, Redirect redirect) {
		reset();
		RestClient.RequestBodySpec request = client.method(redirect.method()).uri(start(redirect));
		if (redirect.method() == HttpMethod.POST) {
			request.body(BODY);
		}
		Tuple2<Integer, String> answer = request
			.exchange((req, res) -> Tuples.of(res.getStatusCode().value(), new String(res.getBody().readAllBytes())));
		verify(redirect, answer.getT1(), answer.getT2());
	}

	/**
	 * Sends the request of a redirect with a {@code WebClient} and checks it with
	 * {@link #verify(Redirect, int, String)}.
	 */
	void follow(WebClient client, Redirect redirect) {
		reset();
		WebClient.RequestBodySpec request = client.method(redirect.method()).uri(start(redirect));
		if (redirect.method() == HttpMethod.POST) {
			request.bodyValue(BODY);
		}
		Tuple2<Integer, String> answer = request
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((body) -> Tuples.of(response.statusCode().value(), body)))
			.block(TIMEOUT);
		verify(redirect, answer.getT1(), answer.getT2());
	}

	/**
	 * Checks what the servers got for a redirect, and what the caller got: the token only on the
	 * repository hops, never on another host nor after a downgrade, and the redirect followed to
	 * its end with the method and body of RFC 9110.
	 * @param redirect the redirect
	 * @param status the status the caller got
	 * @param body the body the caller got
	 */
	void verify(Redirect redirect, int status, String body) {
		SoftAssertions softly = new SoftAssertions();
		Optional<String> token = Optional.of(EmulatorRepository.basic(TOKEN));
		for (Recorded request : all()) {
			boolean trusted = request.path().startsWith("/redirect/")
					? !request.host().equals("127.0.0.1:" + this.other.port()) : redirect.target().tokenAtTheEnd();
			softly.assertThat(request.authorization())
				.as("%s: Authorization of %s %s at %s", redirect, request.method(), request.path(), request.host())
				.isEqualTo(trusted ? token : Optional.empty());
		}
		List<Recorded> ends = all().stream().filter((request) -> request.path().equals("/final")).toList();
		softly.assertThat(ends).as("%s: requests at the end", redirect).hasSize(1);
		if (ends.size() == 1) {
			softly.assertThat(ends.get(0).method()).as("%s: method at the end", redirect).isEqualTo(redirect.methodAtTheEnd().name());
			softly.assertThat(ends.get(0).body())
				.as("%s: body at the end", redirect)
				.isEqualTo(redirect.methodAtTheEnd().equals(redirect.method()) && redirect.method() == HttpMethod.POST
						? BODY : "");
		}
		softly.assertThat(status).as("%s: status the caller got", redirect).isEqualTo(200);
		softly.assertThat(body).as("%s: body the caller got", redirect).isEqualTo("hello\n");
		softly.assertAll();
	}

	/**
	 * Checks that no server ever got the token, whatever the path.
	 */
	void verifyNoTokenAnywhere() {
		assertThat(all()).extracting(Recorded::authorization).containsOnly(Optional.empty());
	}

	private List<Recorded> all() {
		return Stream.of(this.repository, this.secureRepository, this.other)
			.flatMap((server) -> server.requests().stream())
			.toList();
	}

	@Override
	public void close() {
		Stream.of(this.repository, this.secureRepository, this.other).forEach(RecordingServer::close);
	}

	/**
	 * Where a redirect of a repository goes.
	 */
	enum Target {

		/** Another server, on another port of the same address. */
		OTHER_PORT(false),

		/** The same server by another name: {@code localhost} rather than {@code 127.0.0.1}. */
		OTHER_NAME(false),

		/** From the https repository to the http one: a CodeArtifact host, but in clear text. */
		DOWNGRADE(false),

		/** Another path of the same repository. */
		SAME_HOST(true),

		/** To the other server, which redirects back to the repository. */
		BACK_TO_REPOSITORY(true);

		private final boolean tokenAtTheEnd;

		Target(boolean tokenAtTheEnd) {
			this.tokenAtTheEnd = tokenAtTheEnd;
		}

		boolean tokenAtTheEnd() {
			return this.tokenAtTheEnd;
		}

	}

	/**
	 * A redirect status, where it goes, and the method of the request.
	 *
	 * @param status the 3xx status
	 * @param target where the repository redirects to
	 * @param method the method of the request
	 */
	record Redirect(int status, Target target, HttpMethod method) {

		/**
		 * Returns the method that reaches the end: 303 makes a GET, so do 301 and 302 of a POST.
		 */
		HttpMethod methodAtTheEnd() {
			boolean toGet = this.status == 303 || ((this.status == 301 || this.status == 302) && this.method == HttpMethod.POST);
			return toGet ? HttpMethod.GET : this.method;
		}

		@Override
		public String toString() {
			return this.method + " " + this.status + " to " + this.target;
		}

	}

}
