package io.github.codeartifact.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFunctions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BootTokenRequestFactories} and {@link BootTokenConnectors}: whatever the
 * application's builder and settings say, even with a customizer that turns following on, the
 * transport that carries the token answers a 302 itself and never follows it; a builder that cannot
 * be told so is replaced by the JDK's client, with a warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootTokenTransportsTests {

	private static final HttpClientSettings FOLLOW = HttpClientSettings.defaults().withRedirects(HttpRedirects.FOLLOW);

	private static RecordingServer server;

	@BeforeAll
	static void start() {
		server = new RecordingServer();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	private static URI redirect() {
		return server.uri("/redirect/302?to=/followed");
	}

	static Stream<Arguments> requestFactoryBuilders() {
		return Stream.of(
				Arguments.of("jdk ALWAYS", (Supplier<ClientHttpRequestFactoryBuilder<?>>) () -> ClientHttpRequestFactoryBuilder
					.jdk()
					.withHttpClientCustomizer((client) -> client.followRedirects(HttpClient.Redirect.ALWAYS))),
				Arguments.of("simple", (Supplier<ClientHttpRequestFactoryBuilder<?>>) ClientHttpRequestFactoryBuilder::simple),
				Arguments.of("http-components with a following strategy",
						(Supplier<ClientHttpRequestFactoryBuilder<?>>) () -> ClientHttpRequestFactoryBuilder.httpComponents()
							.withHttpClientCustomizer((client) -> client.setRedirectStrategy(DefaultRedirectStrategy.INSTANCE))),
				Arguments.of("jetty following", (Supplier<ClientHttpRequestFactoryBuilder<?>>) () -> ClientHttpRequestFactoryBuilder
					.jetty()
					.withHttpClientCustomizer((client) -> client.setFollowRedirects(true))),
				Arguments.of("reactor following", (Supplier<ClientHttpRequestFactoryBuilder<?>>) () -> ClientHttpRequestFactoryBuilder
					.reactor()
					.withHttpClientCustomizer((client) -> client.followRedirect(true))),
				Arguments.of("an application's own factory that follows",
						(Supplier<ClientHttpRequestFactoryBuilder<?>>) () -> ClientHttpRequestFactoryBuilder
							.of(() -> new JdkClientHttpRequestFactory(
									HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build()))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("requestFactoryBuilders")
	void theRequestFactoryNeverFollows(String name, Supplier<ClientHttpRequestFactoryBuilder<?>> builder)
			throws Exception {
		ClientHttpRequestFactory factory = BootTokenRequestFactories.lazily(builder.get(), FOLLOW).get();
		try (ClientHttpResponse response = factory.createRequest(redirect(), HttpMethod.GET).execute()) {
			assertThat(response.getStatusCode().value()).isEqualTo(302);
		}
		finally {
			TokenTransports.close(factory);
		}
		assertThat(server.requests()).noneMatch((request) -> request.path().equals("/followed"));
	}

	static Stream<Arguments> connectorBuilders() {
		return Stream.of(
				Arguments.of("jdk ALWAYS", (Supplier<ClientHttpConnectorBuilder<?>>) () -> ClientHttpConnectorBuilder.jdk()
					.withHttpClientCustomizer((client) -> client.followRedirects(HttpClient.Redirect.ALWAYS))),
				Arguments.of("http-components with a following strategy",
						(Supplier<ClientHttpConnectorBuilder<?>>) () -> ClientHttpConnectorBuilder.httpComponents()
							.withHttpClientCustomizer((client) -> client.setRedirectStrategy(DefaultRedirectStrategy.INSTANCE))),
				Arguments.of("jetty following", (Supplier<ClientHttpConnectorBuilder<?>>) () -> ClientHttpConnectorBuilder.jetty()
					.withHttpClientCustomizer((client) -> client.setFollowRedirects(true))),
				Arguments.of("reactor following", (Supplier<ClientHttpConnectorBuilder<?>>) () -> ClientHttpConnectorBuilder
					.reactor()
					.withHttpClientCustomizer((client) -> client.followRedirect(true))),
				Arguments.of("an application's own connector that follows",
						(Supplier<ClientHttpConnectorBuilder<?>>) () -> (ClientHttpConnectorBuilder<JdkClientHttpConnector>) (
								settings) -> new JdkClientHttpConnector(
										HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("connectorBuilders")
	void theConnectorNeverFollows(String name, Supplier<ClientHttpConnectorBuilder<?>> builder) {
		ClientHttpConnector connector = BootTokenConnectors.lazily(builder.get(), FOLLOW).get();
		try {
			Integer status = ExchangeFunctions.create(connector)
				.exchange(ClientRequest.create(HttpMethod.GET, redirect()).build())
				.flatMap((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
				.block(Duration.ofSeconds(20));
			assertThat(status).isEqualTo(302);
		}
		finally {
			TokenTransports.close(connector);
		}
		assertThat(server.requests()).noneMatch((request) -> request.path().equals("/followed"));
	}

	@Test
	void aBuilderThatCannotBeToldNeverToFollowIsReplacedWithAWarning(CapturedOutput output) {
		BootTokenRequestFactories.lazily(ClientHttpRequestFactoryBuilder.of(() -> new JdkClientHttpRequestFactory()), FOLLOW);
		assertThat(output.getOut()).contains("WARN", "CodeArtifact requests use the JDK HttpClient with the "
				+ "application's HTTP client settings: org.springframework.boot.http.client."
				+ "ReflectiveComponentsClientHttpRequestFactoryBuilder cannot be told never to follow redirects");
	}

}
