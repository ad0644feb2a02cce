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

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The redirect matrix of {@link CodeArtifactAuthInterceptor}: every request factory Spring offers,
 * as the application's transport, with every redirect status to another port, another name of the
 * host, an https to http downgrade, and back to the repository, over real loopback HTTP and HTTPS.
 * The interceptor is made as the auto-configuration makes it, on a transport of the same library.
 */
class CodeArtifactAuthInterceptorRedirectTests extends AbstractRedirectTests {

	private static final Map<Transport, RestClient> clients = new EnumMap<>(Transport.class);

	static Stream<Arguments> transportsAndRedirects() {
		return Stream.of(Transport.values())
			.flatMap((transport) -> RedirectServers.redirects().map((redirect) -> Arguments.of(transport, redirect)));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("transportsAndRedirects")
	void theTokenStaysOnRepositoryHostsAndTheRedirectIsFollowed(Transport transport, Redirect redirect) {
		servers.follow(clients.computeIfAbsent(transport, CodeArtifactAuthInterceptorRedirectTests::client), redirect);
	}

	private static RestClient client(Transport transport) {
		HttpClientSettings settings = HttpClientSettings.ofSslBundle(TestCertificate.get().clientBundle());
		ClientHttpRequestFactory applications = transport.builder.get().build(settings);
		CodeArtifactRepositoryHosts hosts = servers.hosts();
		CodeArtifactAuthInterceptor interceptor = new CodeArtifactAuthInterceptor(
				new CodeArtifactAuthorization(servers.tokens(), hosts, AuthScheme.BASIC),
				new AuthorizedRedirects(hosts, true), BootTokenRequestFactories.lazily(transport.builder.get(), settings));
		closeAfterAll(() -> TokenTransports.close(applications));
		closeAfterAll(interceptor::closeTransport);
		return RestClient.builder().requestFactory(applications).requestInterceptor(interceptor).build();
	}

	/**
	 * The request factories Spring offers, built with Boot's builders.
	 */
	enum Transport {

		JDK_NEVER(() -> ClientHttpRequestFactoryBuilder.jdk()
			.withHttpClientCustomizer((client) -> client.followRedirects(HttpClient.Redirect.NEVER))),

		JDK_NORMAL(() -> ClientHttpRequestFactoryBuilder.jdk()
			.withHttpClientCustomizer((client) -> client.followRedirects(HttpClient.Redirect.NORMAL))),

		JDK_ALWAYS(() -> ClientHttpRequestFactoryBuilder.jdk()
			.withHttpClientCustomizer((client) -> client.followRedirects(HttpClient.Redirect.ALWAYS))),

		HTTP_URL_CONNECTION(ClientHttpRequestFactoryBuilder::simple),

		HTTP_COMPONENTS(ClientHttpRequestFactoryBuilder::httpComponents),

		JETTY(ClientHttpRequestFactoryBuilder::jetty),

		REACTOR_NETTY(ClientHttpRequestFactoryBuilder::reactor);

		private final Supplier<ClientHttpRequestFactoryBuilder<?>> builder;

		Transport(Supplier<ClientHttpRequestFactoryBuilder<?>> builder) {
			this.builder = builder;
		}

	}

}
