package io.github.codeartifact.http;

import java.net.http.HttpClient;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.codeartifact.http.RedirectServers.Redirect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The redirect matrix of {@link CodeArtifactExchangeFilterFunction}: every connector Spring offers,
 * as the application's connector, with every redirect status to another port, another name of the
 * host, an https to http downgrade, and back to the repository, over real loopback HTTP and HTTPS.
 * The filter is made as the auto-configuration makes it, on a connector of the same library.
 */
class CodeArtifactExchangeFilterFunctionRedirectTests extends AbstractRedirectTests {

	private static final Map<Connector, WebClient> clients = new EnumMap<>(Connector.class);

	static Stream<Arguments> connectorsAndRedirects() {
		return Stream.of(Connector.values())
			.flatMap((connector) -> RedirectServers.redirects().map((redirect) -> Arguments.of(connector, redirect)));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("connectorsAndRedirects")
	void theTokenStaysOnRepositoryHostsAndTheRedirectIsFollowed(Connector connector, Redirect redirect) {
		servers.follow(clients.computeIfAbsent(connector, CodeArtifactExchangeFilterFunctionRedirectTests::client), redirect);
	}

	private static WebClient client(Connector connector) {
		HttpClientSettings settings = HttpClientSettings.ofSslBundle(TestCertificate.get().clientBundle());
		ClientHttpConnector applications = connector.builder.get().build(settings);
		CodeArtifactRepositoryHosts hosts = servers.hosts();
		CodeArtifactExchangeFilterFunction filter = new CodeArtifactExchangeFilterFunction(
				new CodeArtifactAuthorization(servers.tokens(), hosts, AuthScheme.BASIC),
				new AuthorizedRedirects(hosts, true), BootTokenConnectors.lazily(connector.builder.get(), settings),
				ExchangeStrategies.withDefaults());
		closeAfterAll(() -> TokenTransports.close(applications));
		closeAfterAll(filter::closeTransport);
		return WebClient.builder().clientConnector(applications).filter(filter).build();
	}

	/**
	 * The connectors Spring offers, built with Boot's builders.
	 */
	enum Connector {

		JDK_NEVER(() -> ClientHttpConnectorBuilder.jdk()
			.withHttpClientCustomizer((client) -> client.followRedirects(HttpClient.Redirect.NEVER))),

		JDK_NORMAL(() -> ClientHttpConnectorBuilder.jdk()
			.withHttpClientCustomizer((client) -> client.followRedirects(HttpClient.Redirect.NORMAL))),

		JDK_ALWAYS(() -> ClientHttpConnectorBuilder.jdk()
			.withHttpClientCustomizer((client) -> client.followRedirects(HttpClient.Redirect.ALWAYS))),

		HTTP_COMPONENTS(ClientHttpConnectorBuilder::httpComponents),

		JETTY(ClientHttpConnectorBuilder::jetty),

		REACTOR_NETTY(ClientHttpConnectorBuilder::reactor);

		private final Supplier<ClientHttpConnectorBuilder<?>> builder;

		Connector(Supplier<ClientHttpConnectorBuilder<?>> builder) {
			this.builder = builder;
		}

	}

}
