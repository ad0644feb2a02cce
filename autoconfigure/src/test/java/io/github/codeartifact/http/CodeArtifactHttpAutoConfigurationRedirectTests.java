package io.github.codeartifact.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.codeartifact.http.RedirectServers.Redirect;
import io.github.codeartifact.http.RedirectServers.Target;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redirect matrix with Boot's auto-configured {@code RestClient.Builder} and
 * {@code WebClient.Builder}, the starter's customizer and filter applied, for every client
 * library Boot can pick ({@code spring.http.clients.imperative.factory},
 * {@code spring.http.clients.reactive.connector}), Boot's default redirect setting (follow), and an
 * application customizer that makes the JDK client follow ALWAYS: it reaches the starter's
 * transport too, which must still never follow.
 */
class CodeArtifactHttpAutoConfigurationRedirectTests extends AbstractRedirectTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private ApplicationContextRunner runner() {
		List<String> properties = new ArrayList<>(TestCertificate.get().bundleProperties("test"));
		properties.add("spring.http.clients.ssl.bundle=test");
		properties.add("codeartifact.http.hosts=" + String.join(",", servers.configuredHosts()));
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class,
					WebClientAutoConfiguration.class, CodeArtifactHttpAutoConfiguration.class))
			.withBean(CodeArtifactTokenProvider.class, servers::tokens)
			.withPropertyValues(properties.toArray(String[]::new));
	}

	/**
	 * Returns a runner with a client library, and for {@code jdk-always} the JDK's client with an
	 * application customizer that follows every redirect.
	 */
	private ApplicationContextRunner runner(String property, String library) {
		ApplicationContextRunner runner = runner().withPropertyValues(property + "=" + library.replace("-always", ""));
		return library.endsWith("-always") ? runner.withUserConfiguration(JdkAlways.class) : runner;
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "jdk", "jdk-always", "simple", "http-components", "jetty", "reactor" })
	void bootsRestClientBuilderWithTheCustomizer(String factory) {
		runner("spring.http.clients.imperative.factory", factory).run((context) -> {
				RestClient.Builder builder = context.getBean(RestClient.Builder.class);
				context.getBean(CodeArtifactRestClientCustomizer.class).customize(builder);
				RestClient client = builder.build();
				RedirectServers.redirects().forEach((redirect) -> servers.follow(client, redirect));
			});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "jdk", "jdk-always", "http-components", "jetty", "reactor" })
	void bootsWebClientBuilderWithTheFilter(String connector) {
		runner("spring.http.clients.reactive.connector", connector).run((context) -> {
				WebClient client = context.getBean(WebClient.Builder.class)
					.filter(context.getBean(CodeArtifactExchangeFilterFunction.class))
					.build();
				RedirectServers.redirects().forEach((redirect) -> servers.follow(client, redirect));
			});
	}

	@Test
	void dontFollowGivesTheCallerTheRedirectWithoutFollowingIt() {
		runner().withPropertyValues("spring.http.clients.redirects=dont-follow").run((context) -> {
			RestClient.Builder builder = context.getBean(RestClient.Builder.class);
			context.getBean(CodeArtifactRestClientCustomizer.class).customize(builder);
			WebClient webClient = context.getBean(WebClient.Builder.class)
				.filter(context.getBean(CodeArtifactExchangeFilterFunction.class))
				.build();
			Redirect redirect = new Redirect(302, Target.OTHER_PORT, HttpMethod.GET);
			servers.reset();
			Integer restClientStatus = builder.build()
				.get()
				.uri(servers.start(redirect))
				.exchange((req, res) -> res.getStatusCode().value());
			assertThat(restClientStatus).isEqualTo(302);
			assertThat(webClient.get()
				.uri(servers.start(redirect))
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
				.block(TIMEOUT)).isEqualTo(302);
			assertThat(servers.other.requests()).isEmpty();
			assertThat(servers.repository.authorizations()).hasSize(2)
				.containsOnly(Optional.of(EmulatorRepository.basic(RedirectServers.TOKEN)));
		});
	}

	/**
	 * An application customizer that makes the JDK clients follow every redirect, https to http
	 * included.
	 */
	@Configuration(proxyBeanMethods = false)
	static class JdkAlways {

		@Bean
		ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> followAlways() {
			return (builder) -> builder.withHttpClientCustomizer((client) -> client.followRedirects(HttpClient.Redirect.ALWAYS));
		}

		@Bean
		ClientHttpConnectorBuilderCustomizer<JdkClientHttpConnectorBuilder> connectorFollowsAlways() {
			return (builder) -> builder.withHttpClientCustomizer((client) -> client.followRedirects(HttpClient.Redirect.ALWAYS));
		}

	}

}
